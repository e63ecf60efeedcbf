package batch

import (
	"iter"
	"path"
)

// item is a step of a run, in walk order: a file walked, a problem of the
// walk, or the manifest entry of a file not walked and what becomes of it.
type item struct {
	job     *job        // a file walked
	problem *FileResult // a problem of the walk
	entry   *entry      // the entry of a file not walked
	act     entryAct    // for entry

	// A job's done is closed once a worker is through with it: ran is
	// false for a job the run stopped before it started.
	done chan struct{}
	ran  bool
	out  outcome
	err  error // fatal to the run
}

// entryAct is what becomes of the entry of a file not walked.
type entryAct uint8

const (
	orphanEntry entryAct = iota // its source is gone or left out: its output is an orphan
	keepEntry                   // its source lies below a problem of the walk: not taken for gone
	dropEntry                   // another file walked has that output now
)

// merger walks SRC beside the manifest, both in walk order, as a merge of
// two sorted lists, so that neither is held whole.
type merger struct {
	r      *runner
	prev   *entryReader
	last   *walkDir // the folder of the walk's last item
	unread []string // the problems of the walk the merge is at or below, outermost first
}

// merge emits, in walk order, each file walked with its manifest entry,
// each problem of the walk, and each entry of a file not walked, until
// emit returns false. The error is the manifest's.
func (r *runner) merge(walk iter.Seq[walkItem], prev *entryReader, emit func(*item) bool) error {
	m := &merger{r: r, prev: prev}
	for wi := range walk {
		key := wi.file.rel
		if wi.problem != nil {
			key = wi.problem.Path
		}
		for prev.ok && comparePaths(prev.head.Src, key) < 0 {
			if !emit(m.unwalked(prev.take(), wi.dir)) {
				return nil
			}
		}
		var it *item
		if wi.problem != nil {
			m.enterUnread(key)
			it = &item{problem: wi.problem}
		} else {
			var e *entry
			if prev.ok && prev.head.Src == key {
				pe := prev.take()
				e = &pe
			}
			it = m.walked(wi, e)
		}
		m.last = wi.dir
		if !emit(it) {
			return nil
		}
	}
	for prev.ok {
		if !emit(m.unwalked(prev.take(), nil)) {
			return nil
		}
	}
	return prev.err
}

// walked makes the job of a file, failed at once when its output is
// another file's (the first of its folder with that name but for the
// extension) or would land inside SRC. Its entry, if any, is then
// dropped.
func (m *merger) walked(wi walkItem, e *entry) *item {
	f := wi.file
	j := &job{f: f, stem: stem(f.rel), prev: e}
	fail := func(reason string) {
		j.res = &FileResult{Path: f.rel, State: Failed, Reason: reason, Bytes: max(f.size, 0)}
	}
	if s := m.r.srcInDst; s != "" && below(j.stem, s) {
		fail("its output would be inside SRC")
	} else if o, _ := wi.dir.owner(path.Base(f.rel)); o != f.rel {
		fail("has the same output name as " + o)
	}
	return &item{job: j, done: make(chan struct{})}
}

// unwalked decides about the entry of a file the walk did not meet; peek
// is the folder of the walk's next item, nil at the end. When another
// file of its folder has that output now, the entry is dropped; when it
// lies below a problem of the walk (a folder that cannot be read), it is
// kept; otherwise its output is an orphan.
func (m *merger) unwalked(e entry, peek *walkDir) *item {
	it := &item{entry: &e}
	dir, name := path.Split(e.Src)
	if len(dir) > 0 {
		dir = dir[:len(dir)-1]
	}
	// If the walk has been through e's folder, or is in it, one of the
	// two items around e is in it.
	d := find(m.last, dir)
	if d == nil {
		d = find(peek, dir)
	}
	if _, ok := d.owner(name); ok {
		it.act = dropEntry
		return it
	}
	m.popUnread(e.Src)
	if len(m.unread) > 0 {
		it.act = keepEntry
	}
	return it
}

// find returns d or the folder above it whose path is rel, if any.
func find(d *walkDir, rel string) *walkDir {
	for ; d != nil; d = d.parent {
		if d.rel == rel {
			return d
		}
	}
	return nil
}

// enterUnread notes a problem of the walk: the entries at or below it
// come right after it.
func (m *merger) enterUnread(p string) {
	m.popUnread(p)
	m.unread = append(m.unread, p)
}

// popUnread forgets the problems p is not at or below: the merge is past
// them.
func (m *merger) popUnread(p string) {
	for len(m.unread) > 0 && !below(p, m.unread[len(m.unread)-1]) {
		m.unread = m.unread[:len(m.unread)-1]
	}
}
