package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/khabar/khabar/parse"
	"github.com/khabar/khabar/parse/furniture"
)

// furnitureOptions is what `khabar furniture` was asked to do.
type furnitureOptions struct {
	parseOptions
	minDocs  int
	minShare float64
	maxLines int
}

func newFurnitureCmd() *cobra.Command {
	o := &furnitureOptions{}
	cmd := &cobra.Command{
		Use:   "furniture [PATH...]",
		Short: "Learn the lines that repeat across an archive, as a lexicon file",
		Long: `Read dumps as parse does (files, folders walked recursively, stdin, --files-from) and
count in how many documents each line occurs, by its match key. Write the lines found in
enough documents as a lexicon of furniture entries, which parse, explain and batch apply
with --lexicon FILE. Titles, credits, captions, caption labels, datelines, bylines and each
story's lead are never learned; a story read twice (the same title) counts once.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			o.stdin, o.stdout, o.stderr = cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runFurniture(o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.output, "output", "o", "", "write the lexicon to `FILE` instead of stdout")
	o.addInputFlags(cmd)
	f.IntVar(&o.minDocs, "min-docs", furniture.DefaultMinDocs, "learn a line found in at least `N` documents")
	f.Float64Var(&o.minShare, "min-share", furniture.DefaultMinShare, "and in at least this `SHARE` of them (0.002 is 0.2%)")
	f.IntVar(&o.maxLines, "max-lines", furniture.DefaultMaxLines, "count at most `N` different lines at once; past it, counts are approximate")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print no message for documents that failed")
	o.inputFormat = "text"
	return cmd
}

func runFurniture(o *furnitureOptions) error {
	o.explain = true
	switch {
	case o.minDocs < 1:
		return usageErrorf("--min-docs: want 1 or more, got %d", o.minDocs)
	case o.minShare < 0 || o.minShare > 1:
		return usageErrorf("--min-share: want a share from 0 to 1, got %g", o.minShare)
	case o.maxLines < 1000:
		return usageErrorf("--max-lines: want 1000 or more, got %d", o.maxLines)
	}
	po, ins, _, err := o.prepare()
	if err != nil {
		return err
	}
	share := o.minShare
	if share == 0 {
		share = -1 // none, where the library's 0 is its default
	}
	l := furniture.NewLearner(furniture.Options{MinDocs: o.minDocs, MinShare: share, MaxLines: o.maxLines})
	failed := false
	err = ordered(len(ins), min(o.jobs, max(len(ins), 1)),
		func(i int, out chan<- learnedDoc, stop <-chan struct{}) {
			learnInput(ins[i], o.stdin, po, out, stop)
		},
		func(d learnedDoc) error {
			if d.failure != "" {
				failed = true
				if !o.quiet {
					fmt.Fprintf(o.stderr, "khabar: %s\n", d.failure)
				}
				return nil
			}
			l.Add(d.doc)
			return nil
		})
	if err != nil {
		return fatalErrorf("%v", err)
	}
	if err := writeLearned(l, o.output, o.stdout); err != nil {
		return err
	}
	if failed {
		return errSomeFailed
	}
	return nil
}

// learnedDoc is what one document gives the count, or why it failed.
type learnedDoc struct {
	doc     furniture.Doc
	failure string
}

// learnInput sends the lines of each document of one input to out.
func learnInput(in input, stdin io.Reader, po parse.Options, out chan<- learnedDoc, stop <-chan struct{}) {
	r, done := in.reader(stdin)
	defer done()
	for a := range parse.Parse(r, in.name, po) {
		var d learnedDoc
		if a.Error != nil {
			d.failure = fmt.Sprintf("%s: %s: %s", a.Source.Path, a.Error.Code, firstLine(a.Error.Message))
		} else {
			d.doc = furniture.Lines(a)
		}
		select {
		case out <- d:
		case <-stop:
			return
		}
	}
}

// writeLearned writes the learned lexicon to name, or to stdout for "" and "-".
func writeLearned(l *furniture.Learner, name string, stdout io.Writer) error {
	if name == "" || name == "-" {
		if _, err := l.WriteTo(stdout); err != nil {
			return fatalErrorf("write: %v", pathError(err))
		}
		return nil
	}
	f, err := os.Create(name)
	if err != nil {
		return fatalErrorf("%v", pathError(err))
	}
	if _, err := l.WriteTo(f); err != nil {
		f.Close()
		return fatalErrorf("write: %v", pathError(err))
	}
	if err := f.Close(); err != nil {
		return fatalErrorf("write: %v", pathError(err))
	}
	return nil
}
