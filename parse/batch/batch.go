package batch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/khabar/khabar/parse"
	"github.com/khabar/khabar/parse/furniture"
)

// Options says what to convert and how. The zero value converts the *.txt
// files of SRC with parse's default options, one job per CPU.
type Options struct {
	Parse    parse.Options // Split "" is "auto" here: a file may hold several documents
	Include  []string      // globs; nil is {"*.txt"}
	Exclude  []string      // globs, for files and folders
	Jobs     int           // files converted at once; 0 is the number of CPUs
	Force    bool          // convert every file, up to date or not
	Check    bool          // write nothing; report missing, stale and orphaned outputs
	Prune    bool          // remove orphaned outputs (see Run)
	Sync     bool          // make each output durable before the manifest records it (see Run)
	Follow   bool          // follow symlinks to folders, refusing loops
	Progress func(Event)   // never called twice at once; nil for none, which spares a stat a file and a walk

	// Problem, if set, is called with each FileResult Summary.Problems
	// would list, in that order, as the run goes, and Summary.Problems is
	// left empty: a run over many files then holds none of them. It is
	// never called twice at once, nor at once with Progress.
	Problem func(FileResult)

	// Furniture makes Run learn the page furniture of SRC first and
	// remove it from the outputs (see Run).
	Furniture        bool
	FurnitureOptions furniture.Options // the learner's thresholds; the zero value is its defaults
}

// UsageError is a request Run refuses before reading or writing anything.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

func usagef(format string, args ...any) error {
	return &UsageError{fmt.Errorf(format, args...)}
}

// Run converts the files of src into the tree dst. Files that fail are in
// the Summary and the run goes on; the error is for what ends the run: a
// *UsageError, src that cannot be read, or dst that cannot be written.
//
// With Options.Furniture, Run first reads every file it would convert,
// parsed with the same options and Explain, and learns the lines that
// repeat across their documents as furniture.Learner does, adding the
// documents in walk order. The learned entries extend the lexicon of the
// conversion (Options.Parse.Lexicon, or the built-in one), so the outputs
// remove those lines; since the lexicon is part of what makes an output
// current, a rerun reconverts every output when what is learned changes,
// and none when it does not. The learned lexicon is kept in DST as
// .khabar-furniture.lex, beside the manifest. With Check, it is compared
// with what would be written, and Summary.Furniture says whether it is
// current.
//
// An output is orphaned when the manifest records it for a source this
// run does not convert: a source gone from SRC, or one that Include,
// Exclude or Follow now leave out. A file below a folder that cannot be
// read is not taken for gone. Orphans are listed in the Summary (state
// Orphan) and kept, or with Prune removed (state Pruned). Only a file the
// manifest records, with the size it records, is ever removed, and
// nothing else in DST is touched.
//
// Run's memory does not grow with the number of files: it walks SRC
// beside the manifest, both in walk order, and has a window of files in
// hand at a time (see package doc). What it cannot hold goes to scratch
// files, removed at the end: in DST (a killed run's are removed by the
// next), or with Check in os.TempDir. Only the largest folder of SRC
// counts, as its names are read at once, and Summary.Problems, unless
// Options.Problem takes them. Furniture and Progress each walk SRC once
// more, before the conversion.
//
// Unless Check, Run holds a lock on DST (the file LockName) from start to
// end: a second run on the same DST fails at once with a *LockedError.
// Check takes no lock and never waits. With Sync, each output and its
// folder are synced to stable storage before the manifest records the
// output, and the manifest is written by temp file, synced, and rename.
func Run(ctx context.Context, src, dst string, opts Options) (*Summary, error) {
	start := time.Now()
	r, err := newRunner(src, dst, opts)
	if err != nil {
		return nil, err
	}
	defer r.close()
	if r.root != nil && !opts.Check {
		if r.lock, err = lockDst(r.root, dst); err != nil {
			var le *LockedError
			if errors.As(err, &le) {
				return nil, err
			}
			return nil, fmt.Errorf("cannot lock %s: %s", dst, pathErr(err))
		}
		if err := removeTemps(r.root, r.srcInDst); err != nil {
			return nil, fmt.Errorf("cannot clean %s: %s", dst, pathErr(err))
		}
	}
	prev, err := r.openPrev()
	if err != nil {
		return nil, r.manifestErr(err)
	}
	// Only Progress is told the total size before the files are read.
	w := &walker{include: opts.Include, exclude: opts.Exclude, follow: opts.Follow, sizes: opts.Progress != nil}
	if w.include == nil {
		w.include = []string{"*.txt"}
	}
	if r.dstInfo != nil {
		w.skip = append(w.skip, r.dstInfo)
	}
	walk := w.all(r.src, r.srcInfo)
	learned := ""
	if opts.Furniture {
		if learned, err = r.learnFurniture(ctx, walk); err != nil {
			return nil, err
		}
	}
	if !opts.Check {
		// The manifest the run writes, in walk order, replaces the old
		// one at the end; the journal tells the old one what is done
		// meanwhile, for a rerun after a kill.
		if r.next, err = createAtomic(r.root, manifestName, opts.Sync); err != nil {
			return nil, r.manifestErr(err)
		}
		if r.journal, err = openJournal(r.root); err != nil {
			return nil, r.manifestErr(err)
		}
		if opts.Sync {
			// The folders of the outputs an entry records are synced
			// before it is written.
			r.journal.before = r.dirs.syncDirty
		}
	}
	sum := &Summary{Agencies: map[string]int{}, Pages: map[string]int{}}
	if opts.Progress != nil {
		files, bytes := count(walk)
		r.progress(Event{Walked: true, Files: files, Bytes: bytes})
	}
	err = r.process(ctx, walk, prev, sum)
	if err == nil && !opts.Check {
		err = r.journal.close()
		r.journal = nil
		if err == nil {
			err = r.next.commit()
		}
		r.next = nil
		if err != nil {
			err = r.manifestErr(err)
		}
	}
	sum.Furniture = learned
	sum.Elapsed = time.Since(start)
	return sum, err
}

// runner holds what stays the same for every file of a run.
type runner struct {
	opts     Options
	src, dst string // absolute
	dstArg   string // as given, for messages
	srcInfo  fs.FileInfo
	dstInfo  fs.FileInfo // nil when DST does not exist (Check)
	root     *os.Root    // DST; nil when it does not exist (Check)
	srcInDst string      // SRC's slash path inside DST, "" when it is not inside
	optsHash string      // optionsHash of the options that shape the output
	dirs     dirs
	journal  *journal
	next     *atomicFile // the manifest the run writes, unless Check
	line     []byte      // a line of next
	orphans  orphanList
	closers  []func() // the manifest read, scratch files
	lock     *dstLock
}

func newRunner(src, dst string, opts Options) (*runner, error) {
	for _, p := range slices.Concat(opts.Include, opts.Exclude) {
		if err := CheckPattern(p); err != nil {
			return nil, usagef("bad pattern %q: %v", p, err)
		}
	}
	if opts.Parse.Split == "" {
		opts.Parse.Split = "auto"
	}
	if opts.Parse.JSONL {
		return nil, usagef("batch reads text dumps, not JSON Lines")
	}
	if opts.Check && opts.Prune {
		return nil, usagef("Check writes nothing: it cannot Prune")
	}
	if err := opts.Parse.Check(); err != nil {
		return nil, &UsageError{err}
	}
	if opts.Jobs <= 0 {
		opts.Jobs = runtime.NumCPU()
	}
	hash, err := optionsHash(opts.Parse)
	if err != nil {
		return nil, err
	}
	r := &runner{opts: opts, optsHash: hash, dstArg: dst}
	if r.src, err = filepath.Abs(src); err != nil {
		return nil, err
	}
	if r.dst, err = filepath.Abs(dst); err != nil {
		return nil, err
	}
	if r.srcInfo, err = os.Stat(r.src); err != nil {
		return nil, fmt.Errorf("cannot read %s: %s", src, pathErr(err))
	}
	if !r.srcInfo.IsDir() {
		return nil, usagef("%s is not a folder", src)
	}
	if !opts.Check {
		if err := os.MkdirAll(r.dst, 0o777); err != nil {
			return nil, fmt.Errorf("cannot create %s: %s", dst, pathErr(err))
		}
	}
	r.dstInfo, err = os.Stat(r.dst)
	if opts.Check && errors.Is(err, fs.ErrNotExist) {
		return r, nil // nothing there: every output is missing
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %s", dst, pathErr(err))
	}
	if !r.dstInfo.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", dst)
	}
	if os.SameFile(r.srcInfo, r.dstInfo) {
		return nil, usagef("SRC and DST are the same folder: outputs would be written into SRC")
	}
	r.srcInDst = inside(r.dst, r.src)
	if r.root, err = os.OpenRoot(r.dst); err != nil {
		return nil, fmt.Errorf("cannot open %s: %s", dst, pathErr(err))
	}
	r.dirs.root, r.dirs.sync = r.root, opts.Sync
	return r, nil
}

func (r *runner) manifestErr(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %s", filepath.Join(r.dstArg, manifestName), pathErr(err))
}

func (r *runner) close() {
	if r.journal != nil {
		r.journal.close()
	}
	if r.next != nil {
		r.next.abort()
	}
	for _, c := range r.closers {
		c()
	}
	r.dirs.closeAll()
	r.lock.release()
	if r.root != nil {
		r.root.Close()
	}
}

// inside returns the slash path of p within dir, both resolved through
// symlinks, or "" when p is not strictly inside dir.
func inside(dir, p string) string {
	d, err1 := filepath.EvalSymlinks(dir)
	q, err2 := filepath.EvalSymlinks(p)
	if err1 != nil || err2 != nil {
		return ""
	}
	rel, err := filepath.Rel(d, q)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return ""
	}
	return filepath.ToSlash(rel)
}
