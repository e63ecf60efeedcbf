package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"khabar-beam": main,
		"shards":      func() { os.Exit(shardsMain(os.Args[1:])) },
	})
}

// TestScripts runs khabar-beam, the command, on Beam's local runner.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
	})
}

// shardsMain prints the lines of the shards PREFIX-SSSSS-of-NNNNN.jsonl,
// sorted, whatever their number, and the number of shards on stderr.
func shardsMain(args []string) int {
	if len(args) != 1 {
		fmt.Fprintln(os.Stderr, "usage: shards PREFIX")
		return 2
	}
	names, err := filepath.Glob(args[0] + "-?????-of-?????.jsonl")
	if err != nil || len(names) == 0 {
		fmt.Fprintf(os.Stderr, "shards: no shard %s-SSSSS-of-NNNNN.jsonl\n", args[0])
		return 1
	}
	var lines []string
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		lines = append(lines, strings.SplitAfter(string(b), "\n")...)
	}
	slices.Sort(lines)
	fmt.Print(strings.Join(lines, ""))
	fmt.Fprintf(os.Stderr, "%d shards\n", len(names))
	return 0
}
