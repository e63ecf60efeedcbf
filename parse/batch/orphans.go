package batch

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// orphan deals with the entry of a file not walked, whose source is gone
// or left out: its output is an orphan, kept, or with Options.Prune
// removed. An entry whose output is not there as the manifest records it
// (removed, or replaced by another file) is not an orphan: it is
// forgotten and its file, if any, left alone. Orphans are reported after
// the files walked (Summary.Problems), so they wait in r.orphans.
func (r *runner) orphan(e *entry) error {
	if !r.ownOutput(e) || !r.outputThere(e) {
		return r.forget(e.Src)
	}
	res := FileResult{Path: e.Src, Output: e.Out, State: Orphan}
	if r.opts.Prune {
		if err := r.removeOutput(e.Out); err != nil {
			return fmt.Errorf("%s: cannot remove it from %s: %s", e.Out, r.dstArg, pathErr(err))
		}
		if err := r.forget(e.Src); err != nil {
			return err
		}
		res.State = Pruned
	} else if err := r.keep(e); err != nil {
		return err
	}
	return r.orphans.add(r, &res)
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

// orphanList holds the orphans found during a run, in walk order, in a
// scratch file: there may be as many as the manifest has entries. A line
// is the state, as a digit, then the source and the output as a manifest
// line.
type orphanList struct {
	f    *os.File
	w    *bufio.Writer
	line []byte
}

func (l *orphanList) add(r *runner, res *FileResult) error {
	if l.f == nil {
		f, done, err := r.scratch()
		if err != nil {
			return err
		}
		r.closers = append(r.closers, done)
		l.f, l.w = f, bufio.NewWriter(f)
	}
	l.line = append(l.line[:0], '0'+byte(res.State))
	l.line = appendEntry(l.line, &entry{Src: res.Path, Out: res.Output})
	_, err := l.w.Write(l.line)
	return err
}

// each calls fn with each orphan, in the order added.
func (l *orphanList) each(fn func(*FileResult)) error {
	if l.f == nil {
		return nil
	}
	if err := l.w.Flush(); err != nil {
		return err
	}
	if _, err := l.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	br := bufio.NewReader(l.f)
	for {
		line, err := br.ReadBytes('\n')
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		e, ok := parseEntry(line[1:])
		if !ok {
			return fmt.Errorf("orphan list: bad line %q", line)
		}
		fn(&FileResult{Path: e.Src, Output: e.Out, State: State(line[0] - '0')})
	}
}
