package batch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
)

// job is one file to convert.
type job struct {
	f    srcFile
	stem string // output path in DST without its extension
	prev *entry // its manifest entry, if any
	res  *FileResult
}

// outcome is a finished job and what the manifest should learn from it.
type outcome struct {
	res    FileResult
	record *entry // an output was renamed into place
	drop   bool   // the file has no output any more
}

// plan turns the walked files into jobs, failing at once those whose
// output another file already claims or would land inside SRC, and
// dropping their manifest entries. The entries of files not walked this
// time (another --include, say) stay: their outputs are orphans, returned
// in the order of their sources, unless another file now has that output
// (its entry is then dropped) or the file lies below a folder the walk
// could not read.
func (r *runner) plan(w *walker, prev map[string]entry) ([]job, []entry) {
	r.kept = prev
	owner := map[string]string{} // output stem → the file that has it
	jobs := make([]job, 0, len(w.files))
	for _, f := range w.files {
		j := job{f: f, stem: stem(f.rel)}
		fail := func(reason string) {
			j.res = &FileResult{Path: f.rel, State: Failed, Reason: reason, Bytes: max(f.size, 0), index: f.order}
			delete(r.kept, f.rel)
		}
		switch o, taken := owner[j.stem]; {
		case taken:
			fail("has the same output name as " + o)
		case r.srcInDst != "" && (j.stem == r.srcInDst || strings.HasPrefix(j.stem, r.srcInDst+"/")):
			fail("its output would be inside SRC")
		default:
			owner[j.stem] = f.rel
			if e, ok := prev[f.rel]; ok {
				j.prev = &e
			}
		}
		jobs = append(jobs, j)
	}
	unread := map[string]bool{}
	for _, p := range w.problems {
		unread[p.Path] = true
	}
	var orphans []entry
	for src, e := range prev {
		if o, ok := owner[stem(src)]; ok {
			if o != src && !r.opts.Check {
				delete(r.kept, src) // the output is o's now
			}
			continue
		}
		if !below(src, unread) {
			orphans = append(orphans, e)
		}
	}
	slices.SortFunc(orphans, func(a, b entry) int { return strings.Compare(a.Src, b.Src) })
	return jobs, orphans
}

// below reports whether the slash path p, or a folder above it, is in set.
func below(p string, set map[string]bool) bool {
	if len(set) == 0 {
		return false
	}
	for {
		if set[p] {
			return true
		}
		i := strings.LastIndexByte(p, '/')
		if i < 0 {
			return false
		}
		p = p[:i]
	}
}

// orphans deals with the orphaned outputs the plan found: each becomes a
// result numbered from base on, Orphan, or Pruned once removed with
// Options.Prune. An entry whose output is not there as the manifest
// records it (removed, or replaced by another file) is not an orphan: it
// is forgotten and its file, if any, left alone.
func (r *runner) orphans(list []entry, base int) ([]FileResult, error) {
	var out []FileResult
	for i := range list {
		e := &list[i]
		if !r.ownOutput(e) || !r.outputThere(e) {
			if err := r.forget(e.Src); err != nil {
				return nil, err
			}
			continue
		}
		res := FileResult{Path: e.Src, Output: e.Out, State: Orphan, index: base + i}
		if r.opts.Prune {
			if err := r.removeOutput(e.Out); err != nil {
				return nil, fmt.Errorf("%s: cannot remove it from %s: %s", e.Out, r.dstArg, pathErr(err))
			}
			if err := r.forget(e.Src); err != nil {
				return nil, err
			}
			res.State = Pruned
		}
		out = append(out, res)
	}
	return out, nil
}

// ownOutput reports whether e names an output a run would write for its
// source, outside SRC: the only files an entry may lead a run to remove.
func (r *runner) ownOutput(e *entry) bool {
	s := stem(e.Src)
	if e.Out != s+outputExts[0] && e.Out != s+outputExts[1] {
		return false
	}
	return r.srcInDst == "" || s != r.srcInDst && !strings.HasPrefix(s, r.srcInDst+"/")
}

// forget drops the manifest entry of src, unless Check.
func (r *runner) forget(src string) error {
	if r.journal == nil {
		return nil
	}
	if _, ok := r.kept[src]; !ok {
		return nil
	}
	delete(r.kept, src)
	return r.manifestErr(r.journal.record(entry{Src: src}))
}

// removeOutput removes the output out from DST.
func (r *runner) removeOutput(out string) error {
	dir, base := split(out)
	od, err := r.dirs.acquire(dir, false)
	if od == nil || err != nil {
		return err
	}
	defer r.dirs.release(od)
	err = od.Remove(base)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// stem is the output path of a source without its extension:
// a/b.txt → a/b.
func stem(rel string) string {
	base := path.Base(rel)
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		return rel[:len(rel)-len(base)+i]
	}
	return rel
}

// process runs the jobs on Options.Jobs goroutines, then counts the walk's
// problems and the orphans in. Each takes its next
// job from the queue, converts it, and then, holding the lock, tells the manifest and
// the summary and calls Progress: no goroutine hands work to another, and
// Progress is never called twice at once. A fatal error stops the run:
// jobs not started are dropped, and the error is returned with the
// summary of what was done.
func (r *runner) process(ctx context.Context, jobs []job, w *walker, orphans []FileResult) (*Summary, error) {
	sum := &Summary{Agencies: map[string]int{}, Pages: map[string]int{}}
	var total int64
	for _, j := range jobs {
		total += j.f.size
	}
	r.progress(Event{Walked: true, Files: len(jobs), Bytes: total})

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu    sync.Mutex // guards sum, fatal, the journal and Progress
		fatal error
		wg    sync.WaitGroup
	)
	stop := func(err error) {
		if fatal == nil {
			fatal = err
		}
		cancel()
	}
	workers := min(r.opts.Jobs, max(len(jobs), 1))
	q := newQueue(len(jobs), workers)
	for w := range workers {
		wg.Go(func() {
			for ctx.Err() == nil {
				i, ok := q.take(w)
				if !ok {
					return
				}
				o, err := r.do(&jobs[i])
				mu.Lock()
				if err == nil {
					err = r.remember(o)
					sum.Files++
					sum.add(&o.res)
					r.progress(Event{File: &o.res})
				}
				if err != nil {
					stop(err)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	for i := range w.problems {
		sum.add(&w.problems[i])
	}
	for i := range orphans {
		sum.add(&orphans[i])
	}
	sum.sortProblems()
	if fatal == nil {
		fatal = ctx.Err()
	}
	return sum, fatal
}

// remember tells the manifest about an outcome, after its output is in
// place.
func (r *runner) remember(o outcome) error {
	if r.journal == nil {
		return nil
	}
	switch {
	case o.record != nil:
		r.kept[o.record.Src] = *o.record
		return r.manifestErr(r.journal.record(*o.record))
	case o.drop:
		if _, ok := r.kept[o.res.Path]; ok {
			delete(r.kept, o.res.Path)
			return r.manifestErr(r.journal.record(entry{Src: o.res.Path}))
		}
	}
	return nil
}

func (r *runner) progress(e Event) {
	if r.opts.Progress != nil {
		r.opts.Progress(e)
	}
}
