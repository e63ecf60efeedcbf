package batch

import (
	"bytes"
	"os"
	"sync"

	"github.com/khabar/khabar/parse"
)

// outputExts are the extensions of an output: one document, or several.
var outputExts = [2]string{".json", ".jsonl"}

// flushAt is how much encoded JSON Lines a recordWriter holds before it
// writes them out.
const flushAt = 64 << 10

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// recordWriter writes the records of one file to a temp file and renames
// it into place: one record as a pretty JSON object (stem.json), several
// as JSON Lines (stem.jsonl), as khabar parse prints them (parse.Encode).
// The first record waits until a second one or the end decides which.
type recordWriter struct {
	dirs  *dirs
	stem  string // output path in DST without its extension
	n     int
	first *parse.Article // while it is alone
	dir   *outDir
	f     *os.File
	tmp   string
	buf   *bytes.Buffer
	size  int64
}

func (w *recordWriter) add(a *parse.Article) error {
	w.n++
	switch w.n {
	case 1:
		w.first = a
		return nil
	case 2:
		if err := w.open(); err != nil {
			return err
		}
		if err := w.encode(w.first, false); err != nil {
			return err
		}
		w.first = nil
	}
	if err := w.encode(a, false); err != nil {
		return err
	}
	if w.buf.Len() >= flushAt {
		return w.flush()
	}
	return nil
}

func (w *recordWriter) open() error {
	dir, _ := split(w.stem)
	var err error
	if w.dir, err = w.dirs.acquire(dir, true); err != nil {
		return err
	}
	w.f, w.tmp, err = createTemp(w.dir.Root, ".")
	w.buf = buffers.Get().(*bytes.Buffer)
	w.buf.Reset()
	return err
}

func (w *recordWriter) encode(a *parse.Article, pretty bool) error {
	n := w.buf.Len()
	err := parse.Encode(w.buf, a, pretty)
	w.size += int64(w.buf.Len() - n)
	return err
}

func (w *recordWriter) flush() error {
	_, err := w.f.Write(w.buf.Bytes())
	w.buf.Reset()
	return err
}

// finish puts the output in place and removes the output of the other
// kind this file may have had. It returns the output's name and size.
func (w *recordWriter) finish() (string, int64, error) {
	ext := outputExts[1]
	switch w.n {
	case 0:
		// No document at all: JSON Lines with no line, as parse prints it.
		if err := w.open(); err != nil {
			w.abort()
			return "", 0, err
		}
	case 1:
		ext = outputExts[0]
		if err := w.open(); err != nil {
			w.abort()
			return "", 0, err
		}
		if err := w.encode(w.first, true); err != nil {
			w.abort()
			return "", 0, err
		}
	}
	err := w.flush()
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	w.f = nil
	_, base := split(w.stem)
	if err == nil {
		err = w.dir.Rename(w.tmp, base+ext)
	}
	other := outputExts[0]
	if ext == other {
		other = outputExts[1]
	}
	if err == nil {
		err = w.dir.removeStale(base + other)
	} else {
		w.dir.Remove(w.tmp)
	}
	w.release()
	return w.stem + ext, w.size, err
}

// abort removes the temp file, if any.
func (w *recordWriter) abort() {
	if w.f != nil {
		w.f.Close()
		w.dir.Remove(w.tmp)
		w.f = nil
	}
	w.release()
}

func (w *recordWriter) release() {
	if w.buf != nil {
		if w.buf.Cap() <= 4*flushAt {
			buffers.Put(w.buf)
		}
		w.buf = nil
	}
	if w.dir != nil {
		w.dirs.release(w.dir)
		w.dir = nil
	}
}
