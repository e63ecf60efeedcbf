package main

import (
	"github.com/spf13/cobra"

	"github.com/khabar/khabar/parse"
)

func newSchemaCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema (draft 2020-12) of a record",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := cmd.OutOrStdout().Write(parse.Schema()); err != nil {
				return fatalErrorf("write: %v", pathError(err))
			}
			return nil
		},
	}
}
