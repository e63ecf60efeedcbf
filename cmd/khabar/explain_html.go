package main

import (
	"bufio"
	"fmt"

	"github.com/khabar/khabar/parse"
	"github.com/khabar/khabar/parse/view"
)

// explained is a document on its way to the page, with the message that
// goes to stderr when it failed.
type explained struct {
	doc     *view.Document
	failure string
}

// runExplainHTML parses every input, as khabar parse does, and writes one
// page of all their documents.
func runExplainHTML(o *explainOptions) error {
	po, ins, _, err := o.prepare()
	if err != nil {
		return err
	}
	out, closeOut, err := o.create()
	if err != nil {
		return err
	}
	var docs []*view.Document
	failed := false
	// The page needs every document before it starts (its table of
	// contents comes first): the models are kept, in input order.
	ordered(len(ins), min(o.jobs, max(len(ins), 1)),
		func(i int, out chan<- explained, stop <-chan struct{}) {
			r, done := ins[i].reader(o.stdin)
			defer done()
			for a := range parse.Parse(r, ins[i].name, po) {
				select {
				case out <- explained{view.New(a), failure(a)}:
				case <-stop:
					return
				}
			}
		},
		func(e explained) error {
			docs = append(docs, e.doc)
			if e.failure != "" {
				failed = true
				if !o.quiet {
					fmt.Fprintf(o.stderr, "khabar: %s\n", e.failure)
				}
			}
			return nil
		})
	w := bufio.NewWriterSize(out, 64<<10)
	err = view.WriteHTML(w, docs)
	if err == nil {
		err = w.Flush()
	}
	return endExplain(err, closeOut, failed)
}

// failure is the message for a record of status error, or "".
func failure(a *parse.Article) string {
	if a.Error == nil {
		return ""
	}
	where := a.Source.Path
	if a.Source.Index > 0 || a.Source.RecordID != nil {
		where = fmt.Sprintf("%s: document %d", where, a.Source.Index)
	}
	return fmt.Sprintf("%s: %s: %s", where, a.Error.Code, firstLine(a.Error.Message))
}
