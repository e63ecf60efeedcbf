package batch

import (
	"context"
	"iter"
	"path"
	"strings"
	"sync"
)

// job is one file to convert.
type job struct {
	f    srcFile
	stem string      // output path in DST without its extension
	prev *entry      // its manifest entry, if any
	res  *FileResult // set when it failed before it started
}

// outcome is a finished job and what the manifest should learn from it.
type outcome struct {
	res    FileResult
	record *entry // an output was renamed into place
	drop   bool   // the file has no output any more
}

// window bounds the items of a run in flight, handed to a worker or done
// and waiting for an earlier one, so that memory does not grow with the
// files: a file that takes long holds the others back by this many at
// most.
const window = 2048

// A worker takes the files of a folder together, up to bundleSize of
// them, so that workers mostly write in different folders of DST: two
// files created in one folder at once wait on that folder's lock.
const bundleSize = 256

// stem is the output path of a source without its extension:
// a/b.txt → a/b.
func stem(rel string) string {
	base := path.Base(rel)
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		return rel[:len(rel)-len(base)+i]
	}
	return rel
}

// count walks SRC for the totals of the Walked event.
func count(walk iter.Seq[walkItem]) (files int, bytes int64) {
	for wi := range walk {
		if wi.problem == nil {
			files++
			bytes += wi.file.size
		}
	}
	return files, bytes
}

// process runs the merge of the walk with the manifest and converts the
// files it yields on Options.Jobs goroutines. The items are collected in
// walk order, on this goroutine: it tells the manifest and the summary
// and calls Progress, so no two calls are at once and the order does not
// depend on the jobs. A fatal error stops the run: jobs not started are
// dropped, and the error is returned with the summary of what was done.
// The orphaned outputs are counted in last, in walk order.
func (r *runner) process(ctx context.Context, walk iter.Seq[walkItem], prev *entryReader, sum *Summary) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	items := make(chan *item, window)       // to this goroutine, in walk order
	jobs := make(chan []*item, r.opts.Jobs) // bundles, to the workers
	var wg sync.WaitGroup
	var mergeErr error
	wg.Go(func() {
		defer close(items)
		defer close(jobs)
		b := &bundler{items: items, jobs: jobs}
		mergeErr = r.merge(walk, prev, func(it *item) bool {
			if ctx.Err() != nil {
				return false
			}
			b.add(it)
			return true
		})
		b.flush()
	})
	for range r.opts.Jobs {
		wg.Go(func() {
			for bundle := range jobs {
				for _, it := range bundle {
					if ctx.Err() == nil {
						it.out, it.err = r.do(it.job)
						it.ran = true
					}
					close(it.done)
				}
			}
		})
	}
	var fatal error
	for it := range items {
		if it.done != nil {
			<-it.done
		}
		if ctx.Err() != nil && !it.ran {
			continue
		}
		if err := r.collect(it, sum); err != nil && fatal == nil {
			fatal = err
			cancel()
		}
	}
	wg.Wait()
	if fatal == nil && mergeErr != nil {
		fatal = r.manifestErr(mergeErr)
	}
	if err := r.orphans.each(func(res *FileResult) { r.report(sum, res) }); err != nil && fatal == nil {
		fatal = err
	}
	if fatal == nil {
		fatal = ctx.Err()
	}
	return fatal
}

// bundler gathers the jobs of a folder into a bundle for one worker. The
// items wait with it, so that they go to the collector in walk order once
// the bundle is handed out.
type bundler struct {
	items   chan<- *item
	jobs    chan<- []*item
	pending []*item // since the last bundle, in walk order
	bundle  []*item // the jobs among them
	dir     string  // their folder
}

func (b *bundler) add(it *item) {
	if it.job != nil {
		dir := path.Dir(it.job.f.rel)
		if len(b.bundle) == bundleSize || len(b.bundle) > 0 && dir != b.dir {
			b.flush()
		}
		b.bundle, b.dir = append(b.bundle, it), dir
	}
	b.pending = append(b.pending, it)
	if len(b.pending) >= window/2 {
		b.flush()
	}
}

// flush hands out the bundle, then the items that waited.
func (b *bundler) flush() {
	if len(b.bundle) > 0 {
		b.jobs <- b.bundle
	}
	for _, it := range b.pending {
		b.items <- it
	}
	b.pending, b.bundle = nil, nil
}

// collect takes in an item: counts it into the summary, and tells the
// manifest and Progress.
func (r *runner) collect(it *item, sum *Summary) error {
	switch {
	case it.problem != nil:
		r.report(sum, it.problem)
		return nil
	case it.job != nil:
		if it.err != nil {
			return it.err
		}
		err := r.remember(it.job, &it.out)
		sum.Files++
		r.report(sum, &it.out.res)
		r.progress(Event{File: &it.out.res})
		return err
	}
	switch it.act {
	case keepEntry:
		return r.keep(it.entry)
	case dropEntry:
		return r.forget(it.entry.Src)
	}
	return r.orphan(it.entry)
}

// report counts res into the summary and, if it is one, hands on the
// problem.
func (r *runner) report(sum *Summary, res *FileResult) {
	if !sum.add(res) {
		return
	}
	if r.opts.Problem != nil {
		r.opts.Problem(*res)
		return
	}
	sum.Problems = append(sum.Problems, *res)
}

// remember tells the manifest about the outcome of a job, after its
// output is in place: the journal, for a rerun after a kill, and the
// manifest the run writes.
func (r *runner) remember(j *job, o *outcome) error {
	switch {
	case r.journal == nil:
		return nil
	case o.record != nil:
		if err := r.keep(o.record); err != nil {
			return err
		}
		return r.manifestErr(r.journal.record(*o.record))
	case o.drop:
		if j.prev != nil {
			return r.forget(j.prev.Src)
		}
		return nil
	case j.prev != nil:
		return r.keep(j.prev)
	}
	return nil
}

// keep writes e into the manifest the run writes, unless Check.
func (r *runner) keep(e *entry) error {
	if r.next == nil {
		return nil
	}
	r.line = appendEntry(r.line[:0], e)
	_, err := r.next.Write(r.line)
	return r.manifestErr(err)
}

// forget drops the manifest entry of src, unless Check: the manifest the
// run writes does not hold it, and the journal says so.
func (r *runner) forget(src string) error {
	if r.journal == nil {
		return nil
	}
	return r.manifestErr(r.journal.record(entry{Src: src}))
}

func (r *runner) progress(e Event) {
	if r.opts.Progress != nil {
		r.opts.Progress(e)
	}
}
