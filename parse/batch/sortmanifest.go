package batch

import (
	"bufio"
	"container/heap"
	"io"
	"os"
	"slices"
)

// A manifest is written sorted in walk order at the end of a run, so the
// next run can read it beside the walk. One that is not, from an older
// khabar (sorted in byte order) or from a run that was killed (its lines
// appended as outputs were finished), is sorted first, in pieces of
// sortChunk bytes of lines, each sorted in memory and kept in a scratch
// file, then merged mergeWays at a time. Tests make them small.
var (
	sortChunk = 4 << 20
	mergeWays = 64
)

// isSorted reports whether the manifest lines of r hold each source once,
// in walk order, with nothing to drop or skip: the manifest a finished run
// writes.
func isSorted(r io.Reader) (bool, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	prev := ""
	for {
		line, err := br.ReadBytes('\n')
		if err == io.EOF {
			return len(line) == 0, nil
		}
		if err != nil {
			return false, err
		}
		e, ok := parseEntry(line)
		if !ok || e.Out == "" || prev != "" && comparePaths(prev, e.Src) >= 0 {
			return false, nil
		}
		prev = e.Src
	}
}

// sortManifest writes to w the entries the manifest lines of r come to,
// one a source, in walk order: a later line for a source overrides an
// earlier one, a line without an output drops the source, and lines that
// do not parse are skipped, as a torn last line is. scratch gives the
// files for the sorted pieces; sortManifest removes them.
func sortManifest(r io.Reader, w io.Writer, scratch func() (*os.File, func(), error)) error {
	in := newEntryReader(r)
	var runs []*sortRun
	defer func() {
		for _, run := range runs {
			run.done()
		}
	}()
	var chunk []entry
	for {
		chunk = chunk[:0]
		size := 0
		for ; in.ok && size < sortChunk; in.next() {
			chunk = append(chunk, in.head)
			size += len(in.head.Src) + len(in.head.Out) + 160
		}
		if in.err != nil {
			return in.err
		}
		chunk = resolve(chunk)
		if !in.ok && len(runs) == 0 {
			return writeEntries(w, slices.Values(chunk), false)
		}
		run, err := newRun(scratch, chunk)
		if err != nil {
			return err
		}
		runs = append(runs, run)
		if !in.ok {
			break
		}
	}
	for len(runs) > mergeWays {
		run, err := newRun(scratch, nil)
		if err != nil {
			return err
		}
		if err := mergeRuns(runs[:mergeWays], run.w, true); err != nil {
			run.done()
			return err
		}
		if err := run.rewind(); err != nil {
			run.done()
			return err
		}
		for _, old := range runs[:mergeWays] {
			old.done()
		}
		runs = append([]*sortRun{run}, runs[mergeWays:]...)
	}
	return mergeRuns(runs, w, false)
}

// resolve sorts a piece of the manifest and keeps the last line of each
// source, drops included: they override what earlier pieces hold.
func resolve(chunk []entry) []entry {
	slices.SortStableFunc(chunk, func(a, b entry) int { return comparePaths(a.Src, b.Src) })
	out := chunk[:0]
	for i, e := range chunk {
		if i+1 < len(chunk) && chunk[i+1].Src == e.Src {
			continue
		}
		out = append(out, e)
	}
	return out
}

// writeEntries writes entries as manifest lines, drops too with drops.
func writeEntries(w io.Writer, entries func(func(entry) bool), drops bool) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var buf []byte
	for e := range entries {
		if e.Out == "" && !drops {
			continue
		}
		buf = appendEntry(buf[:0], &e)
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// sortRun is a sorted piece of the manifest in a scratch file.
type sortRun struct {
	f    *os.File
	w    io.Writer
	done func() // removes the file
	in   *entryReader
}

// newRun writes the sorted entries to a new scratch file, ready to read.
func newRun(scratch func() (*os.File, func(), error), entries []entry) (*sortRun, error) {
	f, done, err := scratch()
	if err != nil {
		return nil, err
	}
	run := &sortRun{f: f, w: f, done: done}
	if entries == nil {
		return run, nil
	}
	if err := writeEntries(f, slices.Values(entries), true); err != nil {
		done()
		return nil, err
	}
	if err := run.rewind(); err != nil {
		done()
		return nil, err
	}
	return run, nil
}

func (run *sortRun) rewind() error {
	if _, err := run.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	run.in = newEntryReader(run.f)
	return nil
}

// mergeRuns merges sorted runs into w; of the lines of one source, that
// of the latest run wins.
func mergeRuns(runs []*sortRun, w io.Writer, drops bool) error {
	h := make(runHeap, 0, len(runs))
	for i, run := range runs {
		if run.in.ok {
			h = append(h, heapRun{run.in, i})
		}
	}
	heap.Init(&h)
	var err error
	merged := func(yield func(entry) bool) {
		for h.Len() > 0 {
			top := h[0].in
			if !top.ok {
				if top.err != nil && err == nil {
					err = top.err
				}
				heap.Pop(&h)
				continue
			}
			// The latest run's line of a source comes first; the others
			// are skipped.
			e := top.take()
			heap.Fix(&h, 0)
			for h.Len() > 0 {
				next := h[0].in
				if !next.ok {
					if next.err != nil && err == nil {
						err = next.err
					}
					heap.Pop(&h)
					continue
				}
				if next.head.Src != e.Src {
					break
				}
				next.next()
				heap.Fix(&h, 0)
			}
			if !yield(e) {
				return
			}
		}
	}
	if werr := writeEntries(w, merged, drops); err == nil {
		err = werr
	}
	return err
}

// heapRun is a run in the merge, with its place among the runs.
type heapRun struct {
	in    *entryReader
	order int
}

// runHeap orders the runs by their next source, the latest run first
// among equals; exhausted runs come first, to be popped.
type runHeap []heapRun

func (h runHeap) Len() int { return len(h) }
func (h runHeap) Less(i, j int) bool {
	a, b := h[i].in, h[j].in
	if !a.ok || !b.ok {
		return !a.ok && b.ok
	}
	if c := comparePaths(a.head.Src, b.head.Src); c != 0 {
		return c < 0
	}
	return h[i].order > h[j].order
}
func (h runHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)   { *h = append(*h, x.(heapRun)) }
func (h *runHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
