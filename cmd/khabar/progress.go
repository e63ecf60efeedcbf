package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"

	"github.com/khabar/khabar/parse/batch"
)

// progress draws batch's bar on stderr when stderr is a terminal: files
// done of total, MB/s and ETA over the bytes of the sources. Elsewhere it
// draws nothing.
type progress struct {
	w     io.Writer // nil: no bar
	p     *mpb.Progress
	bar   *mpb.Bar
	total int
	done  atomic.Int64
}

func newProgress(stderr io.Writer, enabled bool) *progress {
	pr := &progress{}
	if f, ok := stderr.(*os.File); ok && enabled && term.IsTerminal(int(f.Fd())) {
		pr.w = stderr
	}
	return pr
}

// drawn reports whether there is a bar to draw.
func (pr *progress) drawn() bool { return pr.w != nil }

// event is batch.Options.Progress.
func (pr *progress) event(e batch.Event) {
	if pr.w == nil {
		return
	}
	if e.Walked {
		pr.total = e.Files
		pr.p = mpb.New(mpb.WithOutput(pr.w), mpb.WithWidth(32), mpb.WithRefreshRate(150*time.Millisecond))
		pr.bar = pr.p.AddBar(max(e.Bytes, 1),
			mpb.PrependDecorators(decor.Any(func(decor.Statistics) string {
				return fmt.Sprintf("%d/%d files", pr.done.Load(), pr.total)
			}, decor.WCSyncSpaceR)),
			mpb.AppendDecorators(
				decor.AverageSpeed(decor.SizeB1000(0), "% .1f", decor.WCSyncSpace),
				decor.Name(" ETA "),
				decor.OnComplete(decor.AverageETA(decor.ET_STYLE_GO), "done"),
			),
		)
		return
	}
	pr.done.Add(1)
	pr.bar.IncrInt64(e.File.Bytes)
}

// wait finishes the bar, so the summary prints below it.
func (pr *progress) wait() {
	if pr.p == nil {
		return
	}
	pr.bar.SetTotal(-1, true)
	pr.p.Wait()
}

// writeSummary prints the totals of a run; the files that failed or were
// skipped follow (problemLists).
func writeSummary(w io.Writer, s *batch.Summary, check bool) {
	if check {
		fmt.Fprintf(w, "khabar batch --check: %s: %d up to date, %d stale, %d missing",
			plural(s.Files, "file"), s.UpToDate, s.Stale, s.Missing)
		if s.Failed > 0 {
			fmt.Fprintf(w, ", %d unreadable", s.Failed)
		}
		if s.Orphans > 0 {
			fmt.Fprintf(w, ", %d orphaned", s.Orphans)
		}
		fmt.Fprintln(w)
	} else {
		fmt.Fprintf(w, "khabar batch: %s: %d converted, %d up to date, %d failed\n",
			plural(s.Files, "file"), s.Converted, s.UpToDate, s.Failed)
		fmt.Fprintf(w, "  %s, %s, %s", plural(s.Docs, "document"), plural(s.Images, "image"), plural(s.Credits, "credit"))
		if top := s.TopAgencies(5); len(top) > 0 {
			parts := make([]string, len(top))
			for i, a := range top {
				parts[i] = fmt.Sprintf("%s %d", a.Name, a.Count)
			}
			fmt.Fprintf(w, " (%s", strings.Join(parts, ", "))
			if more := len(s.Agencies) - len(top); more > 0 {
				fmt.Fprintf(w, ", %d more", more)
			}
			fmt.Fprint(w, ")")
		}
		fmt.Fprintln(w)
		writePages(w, s)
		fmt.Fprintf(w, "  %s, %s\n", plural(s.Warnings, "warning"), plural(s.Errors, "error"))
		secs := max(s.Elapsed.Seconds(), 1e-3)
		fmt.Fprintf(w, "  %s converted in %v (%s/s)\n", formatBytes(s.Bytes), s.Elapsed.Round(time.Millisecond), formatBytes(int64(float64(s.Bytes)/secs)))
		if s.Pruned > 0 {
			fmt.Fprintf(w, "  %s pruned: their sources are gone or no longer included\n", plural(s.Pruned, "orphaned output"))
		}
		if s.Orphans > 0 {
			fmt.Fprintf(w, "  %s kept: their sources are gone or no longer included (--prune removes them)\n", plural(s.Orphans, "orphaned output"))
		}
	}
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// formatBytes writes n in decimal units, as MB/s reads.
func formatBytes(n int64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.1f GB", float64(n)/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d B", n)
}
