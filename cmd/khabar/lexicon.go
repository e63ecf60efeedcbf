package main

import (
	"github.com/spf13/cobra"

	"github.com/khabar/khabar/parse/lexicon"
)

func newLexiconCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "lexicon",
		Short: "Print the built-in lexicon in the format --lexicon reads",
		Long: `Print the built-in lexicon (agencies, credit and caption labels, boilerplate markers)
in the format --lexicon reads, so it can be copied, edited and passed back.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := lexicon.Builtin().WriteTo(cmd.OutOrStdout()); err != nil {
				return fatalErrorf("write: %v", pathError(err))
			}
			return nil
		},
	}
}
