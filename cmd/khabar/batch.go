package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/khabar/khabar/parse"
	"github.com/khabar/khabar/parse/batch"
)

// batchOptions is what `khabar batch` was asked to do.
type batchOptions struct {
	src, dst string
	jobs     int
	doc      *docFlags
	include  []string
	exclude  []string
	quiet    bool
	debug    bool
	force    bool
	check    bool
	prune    bool
	sync     bool
	follow   bool
	report   string
	// furniture is --furniture: "auto" learns the page furniture of SRC
	// first, "none" does not.
	furniture string

	stdout, stderr io.Writer
}

func newBatchCmd() *cobra.Command {
	o := &batchOptions{}
	cmd := &cobra.Command{
		Use:   "batch SRC -o DST",
		Short: "Convert an archive folder into a mirrored tree of JSON files",
		Long: `Convert the dumps of the folder SRC into a mirrored tree under DST: SRC/a/b.txt becomes
DST/a/b.json, or DST/a/b.jsonl when the file holds several documents (--split auto by default).
Run in SRC, "khabar parse a/b.txt" prints what b.json holds, and "khabar parse --split auto
a/b.txt" what b.jsonl holds.

A rerun converts only what changed (source bytes, schema version or options); --force redoes
everything. Outputs are written by temp file and rename, so a run may be killed at any moment
and a rerun completes the tree; --sync also makes them durable against a power loss. --check
writes nothing, lists missing, stale and orphaned outputs (whose source is gone or no longer
included) on stdout and exits 1 if there are any; --prune removes the orphaned ones. A file
that fails gets no output, is listed in the summary (stderr) and in --report, and the run goes
on; the exit status is then 1. One run at a time writes a DST: a second one exits 3 at once.

--furniture auto first reads SRC and learns the lines that repeat across its documents (an app
promo, a disclaimer, teasers of other stories), as "khabar furniture" does, and removes them from
the outputs; with --lexicon FILE, the learned lines extend that lexicon. What was learned is kept
in DST/.khabar-furniture.lex; when it changes, a rerun reconverts every output.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.src = args[0]
			o.stdout, o.stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runBatch(cmd.Context(), o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.dst, "output", "o", "", "write the tree under `DST` (required)")
	f.IntVarP(&o.jobs, "jobs", "j", runtime.NumCPU(), "convert `N` files at a time")
	o.doc = addDocFlags(cmd, "auto")
	f.StringSliceVar(&o.include, "include", []string{"*.txt"}, "convert files matching `GLOB` (on the name; on the path from SRC if it holds a /)")
	f.StringSliceVar(&o.exclude, "exclude", nil, "skip files and folders matching `GLOB`")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print neither progress nor summary")
	f.BoolVar(&o.debug, "debug", false, "print what happens to each file; add a short stack to E_INTERNAL messages")
	f.BoolVar(&o.force, "force", false, "convert every file, even those whose output is up to date")
	f.BoolVar(&o.check, "check", false, "write nothing; list missing, stale and orphaned outputs on stdout and exit 1 if any")
	f.BoolVar(&o.prune, "prune", false, "remove orphaned outputs: those the manifest records for sources gone from SRC or no longer included")
	f.BoolVar(&o.sync, "sync", false, "sync each output and its folder to disk before the manifest records it")
	f.BoolVar(&o.follow, "follow", false, "follow symlinks to folders (loops are detected and skipped)")
	f.StringVar(&o.report, "report", "", "write one JSON line per failed, skipped or warned file to `FILE`")
	f.StringVar(&o.furniture, "furniture", "none", "page furniture `MODE`: auto (learn the lines that repeat across SRC and remove them) or none")
	_ = cmd.RegisterFlagCompletionFunc("furniture", cobra.FixedCompletions(furnitureModes, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.MarkFlagRequired("output")
	return cmd
}

// furnitureModes are the values of --furniture.
var furnitureModes = []string{"auto", "none"}

// parseOptions turns the parse flags into parse.Options.
func (o *batchOptions) parseOptions() (parse.Options, error) {
	po, err := o.doc.options()
	po.Debug = o.debug
	return po, err
}

func runBatch(ctx context.Context, o *batchOptions) error {
	po, err := o.parseOptions()
	if err != nil {
		return err
	}
	if o.jobs < 0 {
		return usageErrorf("-j: negative number of jobs %d", o.jobs)
	}
	if !slices.Contains(furnitureModes, o.furniture) {
		return usageErrorf("--furniture: unknown mode %q (want %s)", o.furniture, strings.Join(furnitureModes, " or "))
	}
	if o.check && o.force {
		return usageErrorf("--check and --force cannot be used together")
	}
	if o.check && o.prune {
		return usageErrorf("--check and --prune cannot be used together: --check writes nothing")
	}
	if o.report != "" && within(o.report, o.src) {
		return usageErrorf("--report: %s is inside SRC, which batch never writes", o.report)
	}
	if ctx == nil {
		ctx = context.Background()
	}
	tuneGC()
	bar := newProgress(o.stderr, !o.quiet && !o.debug)
	opts := batch.Options{
		Parse: po, Include: o.include, Exclude: o.exclude, Jobs: o.jobs,
		Force: o.force, Check: o.check, Prune: o.prune, Sync: o.sync, Follow: o.follow,
		Furniture: o.furniture == "auto",
	}
	if bar.drawn() {
		opts.Progress = bar.event // the walk then sizes every file for it
	}
	lists := newProblemLists(o)
	defer lists.close()
	opts.Problem = lists.add
	if o.debug {
		opts.Progress = func(e batch.Event) { debugEvent(o.stderr, e) }
	}
	// A first interrupt lets the files in hand finish and the summary print;
	// a second one ends the process at once, which is safe too.
	ctx, stopSignals := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	sum, err := batch.Run(ctx, o.src, o.dst, opts)
	stopSignals()
	bar.wait()
	if errors.Is(err, context.Canceled) {
		err = errors.New("interrupted: a rerun finishes the tree")
	}
	var ue *batch.UsageError
	if errors.As(err, &ue) {
		return usageErrorf("%v", ue.Err)
	}
	if sum == nil {
		return fatalErrorf("%v", err)
	}
	if o.check {
		if furnitureOutdated(sum) {
			fmt.Fprintf(o.stdout, "%s %s\n", sum.Furniture, batch.FurnitureFile)
		}
		if _, lerr := lists.stale.WriteTo(o.stdout); lerr != nil && err == nil {
			err = lerr
		}
	}
	if !o.quiet {
		writeSummary(o.stderr, sum, o.check)
		if _, lerr := lists.failed.WriteTo(o.stderr); lerr != nil && err == nil {
			err = lerr
		}
	}
	if o.report != "" {
		if rerr := writeReport(o.report, lists.report); rerr != nil && err == nil {
			err = fmt.Errorf("--report: %w", rerr)
		}
	}
	switch {
	case err != nil:
		return fatalErrorf("%v", err)
	case sum.Failed > 0 || o.check && (sum.Missing+sum.Stale+sum.Orphans > 0 || furnitureOutdated(sum)):
		return errSomeFailed
	}
	return nil
}

// tuneGC makes the collector run less often than Go's default: batch
// allocates a fresh record per file but keeps little alive, so the default
// collects every few files. A soft memory limit keeps the heap bounded.
// GOGC and GOMEMLIMIT in the environment win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(256 << 20)
	}
}

// furnitureOutdated reports whether the learned furniture in DST is
// missing or stale: a rerun would write it.
func furnitureOutdated(sum *batch.Summary) bool {
	return sum.Furniture == batch.FurnitureMissing || sum.Furniture == batch.FurnitureStale
}

// pageKinds are the page kinds of a record, in the order the summary
// lists them.
var pageKinds = []parse.PageKind{parse.PageArticle, parse.PageIndex, parse.PageError, parse.PageMedia}

// writePages prints the documents written by page kind, in a fixed order,
// e.g. "  pages: 412 article, 12 index, 3 error, 4 media". Only kinds that
// occur are listed; a run that wrote no document prints nothing.
func writePages(w io.Writer, sum *batch.Summary) {
	if len(sum.Pages) == 0 {
		return
	}
	var parts []string
	for _, k := range pageKinds {
		if n := sum.Pages[string(k)]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, k))
		}
	}
	// A kind this list does not know yet follows, by name.
	var other []string
	for k, n := range sum.Pages {
		if n > 0 && !slices.Contains(pageKinds, parse.PageKind(k)) {
			other = append(other, k)
		}
	}
	slices.Sort(other)
	for _, k := range other {
		parts = append(parts, fmt.Sprintf("%d %s", sum.Pages[k], k))
	}
	fmt.Fprintf(w, "  pages: %s\n", strings.Join(parts, ", "))
}

func debugEvent(w io.Writer, e batch.Event) {
	switch {
	case e.Walked:
		fmt.Fprintf(w, "khabar: debug: %d files, %s\n", e.Files, formatBytes(e.Bytes))
	case e.File.Output != "":
		fmt.Fprintf(w, "khabar: debug: %s: %s → %s\n", e.File.Path, e.File.State, e.File.Output)
	default:
		fmt.Fprintf(w, "khabar: debug: %s: %s\n", e.File.Path, e.File.State)
	}
}

// within reports whether p is, or would be, inside dir.
func within(p, dir string) bool {
	ap, err1 := filepath.Abs(p)
	ad, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	if r, err := filepath.EvalSymlinks(ad); err == nil {
		ad = r
	}
	if r, err := filepath.EvalSymlinks(filepath.Dir(ap)); err == nil {
		ap = filepath.Join(r, filepath.Base(ap))
	}
	rel, err := filepath.Rel(ad, ap)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
