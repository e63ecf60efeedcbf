package main

import (
	"github.com/spf13/cobra"

	"github.com/khabar/khabar/docs"
)

// addHelpTopics adds the reference topics of package docs as help topics:
// `khabar help` lists them, `khabar help TOPIC` prints one. A command
// without Run is a help topic to cobra.
func addHelpTopics(root *cobra.Command) {
	for _, t := range docs.Topics() {
		root.AddCommand(&cobra.Command{
			Use:   t.Name,
			Short: t.Short,
			Long:  t.Text,
		})
	}
}
