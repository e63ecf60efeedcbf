package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/khabar/khabar/parse/batch"
)

// problemLists formats the problems of a batch run as the run hands them
// on (batch.Options.Problem), in walk order, into the lists printed once
// it is over: for --check the outputs missing, stale or orphaned
// (stdout), the files that failed or were skipped (stderr, below the
// summary), and the lines of --report. Each is a spool, so a run over
// many files holds none of them in memory.
type problemLists struct {
	stale, failed, report *spool
	enc                   *json.Encoder
}

func newProblemLists(o *batchOptions) *problemLists {
	l := &problemLists{stale: &spool{}, failed: &spool{}, report: &spool{}}
	l.enc = json.NewEncoder(l.report)
	l.enc.SetEscapeHTML(false)
	if !o.check {
		l.stale = nil
	}
	if o.quiet {
		l.failed = nil
	}
	if o.report == "" {
		l.report = nil
	}
	return l
}

// add is batch.Options.Problem.
func (l *problemLists) add(p batch.FileResult) {
	if l.stale != nil {
		// One line an output missing or stale, the state and the
		// source's path from SRC; one an orphaned output, "orphan" and
		// the output's path from DST.
		switch p.State {
		case batch.Missing, batch.Stale:
			fmt.Fprintf(l.stale, "%s %s\n", p.State, p.Path)
		case batch.Orphan:
			fmt.Fprintf(l.stale, "%s %s\n", p.State, p.Output)
		}
	}
	if l.failed != nil && (p.State == batch.Failed || p.State == batch.Skipped) {
		fmt.Fprintf(l.failed, "khabar: %s: %s: %s\n", p.Path, p.State, firstLine(p.Reason))
	}
	if l.report != nil {
		l.enc.Encode(newReportLine(p)) // a spool does not fail a write
	}
}

func (l *problemLists) close() {
	for _, s := range []*spool{l.stale, l.failed, l.report} {
		if s != nil {
			s.Close()
		}
	}
}

// reportLine is a line of --report: a file that failed, was skipped or
// has warnings (with --check, also one missing or stale), or an orphaned
// output, kept or pruned.
type reportLine struct {
	Path     string          `json:"path"`
	Status   string          `json:"status"` // failed, skipped, warned, missing, stale, orphan or pruned
	Reason   string          `json:"reason"`
	Output   *string         `json:"output"` // the output written, if any
	Errors   []batch.Problem `json:"errors"`
	Warnings []batch.Problem `json:"warnings"`
}

// newReportLine is the line of --report for a problem.
func newReportLine(p batch.FileResult) reportLine {
	l := reportLine{Path: p.Path, Status: p.State.String(), Reason: p.Reason,
		Errors: p.Errors, Warnings: p.Warnings}
	if p.State == batch.Converted || p.State == batch.UpToDate {
		l.Status = "warned"
		w := p.Warnings[0]
		l.Reason = fmt.Sprintf("document %d: %s: %s", w.Index, w.Code, w.Message)
	}
	if p.Output != "" {
		l.Output = &p.Output
	}
	if l.Errors == nil {
		l.Errors = []batch.Problem{}
	}
	if l.Warnings == nil {
		l.Warnings = []batch.Problem{}
	}
	return l
}

// writeReport writes the report's lines, in walk order, to name by temp
// file and rename.
func writeReport(name string, lines *spool) error {
	f, err := os.CreateTemp(filepath.Dir(name), ".khabar-report-*.tmp")
	if err != nil {
		return err
	}
	_, err = lines.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
