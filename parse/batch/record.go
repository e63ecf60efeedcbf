package batch

import (
	"bufio"
	"bytes"
	"os"
	"path"

	"github.com/khabar/khabar/parse"
)

// outputExts are the extensions of an output: one document, or several.
var outputExts = [2]string{".json", ".jsonl"}

// recordWriter writes the records of one file to a temp file and renames
// it into place: one record as a pretty JSON object (stem.json), several
// as JSON Lines (stem.jsonl), as khabar parse prints them (parse.Encode).
// The first record waits until a second one or the end decides which.
type recordWriter struct {
	root  *os.Root
	dirs  *dirs
	stem  string
	n     int
	first *parse.Article // while it is alone
	f     *os.File
	tmp   string
	bw    *bufio.Writer
	size  int64
	buf   bytes.Buffer
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
	return w.encode(a, false)
}

func (w *recordWriter) open() error {
	dir := path.Dir(w.stem)
	if err := w.dirs.make(dir); err != nil {
		return err
	}
	var err error
	w.f, w.tmp, err = createTemp(w.root, dir)
	if err == nil {
		w.bw = bufio.NewWriterSize(w.f, 64<<10)
	}
	return err
}

func (w *recordWriter) encode(a *parse.Article, pretty bool) error {
	w.buf.Reset()
	if err := parse.Encode(&w.buf, a, pretty); err != nil {
		return err
	}
	w.size += int64(w.buf.Len())
	_, err := w.bw.Write(w.buf.Bytes())
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
			return "", 0, err
		}
	case 1:
		ext = outputExts[0]
		if err := w.open(); err != nil {
			return "", 0, err
		}
		if err := w.encode(w.first, true); err != nil {
			w.abort()
			return "", 0, err
		}
	}
	err := w.bw.Flush()
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	out := w.stem + ext
	if err == nil {
		err = w.root.Rename(w.tmp, out)
	}
	if err != nil {
		w.root.Remove(w.tmp)
		return "", 0, err
	}
	other := outputExts[0]
	if ext == other {
		other = outputExts[1]
	}
	return out, w.size, removeIfThere(w.root, w.stem+other)
}

// abort removes the temp file, if any.
func (w *recordWriter) abort() {
	if w.f != nil {
		w.f.Close()
		w.root.Remove(w.tmp)
		w.f = nil
	}
}
