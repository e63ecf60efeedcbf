package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// Exit statuses. Never 255: xargs stops on it.
const (
	exitOK    = 0
	exitError = 1 // at least one document has status "error"
	exitUsage = 2
	exitFatal = 3 // output cannot be written, or input cannot be read at all
)

// exitErr carries the exit status of an error that ends the command.
type exitErr struct {
	code int
	err  error
}

func (e *exitErr) Error() string { return e.err.Error() }
func (e *exitErr) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error {
	return &exitErr{exitUsage, fmt.Errorf(format, args...)}
}

func fatalErrorf(format string, args ...any) error {
	return &exitErr{exitFatal, fmt.Errorf(format, args...)}
}

// errSomeFailed ends a run in which a document failed; its records and
// messages are already written, so it prints nothing more.
var errSomeFailed = &exitErr{exitError, errors.New("")}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "khabar",
		Short:         "Turn plain-text news dumps into structured JSON",
		Long:          "khabar reads plain-text news dumps (files, folders or stdin), decodes and normalizes\nthe Arabic text, recovers the article's structure and writes JSON.",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &exitErr{exitUsage, err}
	})
	root.AddCommand(
		newVersionCmd(),
		newParseCmd(),
		newBatchCmd(),
		newExplainCmd(),
		newSchemaCmd(),
		newLexiconCmd(),
		newFurnitureCmd(),
		newNormalizeCmd(),
	)
	addHelpTopics(root)
	return root
}

// run executes the command line and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var e *exitErr
	if errors.As(err, &e) {
		if e.err.Error() != "" {
			fmt.Fprintf(stderr, "khabar: %v\n", e.err)
		}
		return e.code
	}
	// Errors cobra makes itself (unknown command, bad args) are usage errors.
	fmt.Fprintf(stderr, "khabar: %v\n", err)
	return exitUsage
}
