package batch

import (
	"context"
	"path"
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
// time (another --include, say) stay: their outputs are still current.
func (r *runner) plan(w *walker, prev map[string]entry) []job {
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
	return jobs
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

// process runs the jobs on Options.Jobs goroutines. Each takes its next
// job from the queue, converts it, and then, holding the lock, tells the manifest and
// the summary and calls Progress: no goroutine hands work to another, and
// Progress is never called twice at once. A fatal error stops the run:
// jobs not started are dropped, and the error is returned with the
// summary of what was done.
func (r *runner) process(ctx context.Context, jobs []job, w *walker) (*Summary, error) {
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
