package batch

import (
	"bytes"
	"io"
	"os"
	"sync"

	"github.com/khabar/khabar/parse"
)

// outputExts are the extensions of an output: one document, or several.
var outputExts = [2]string{".json", ".jsonl"}

// flushAt is how much encoded JSON a recordWriter holds before it opens
// its temp file and writes it out.
const flushAt = 64 << 10

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// recordBufs hold the encoded records of a file.
var recordBufs = sync.Pool{New: func() any { b := make([]byte, 0, 32<<10); return &b }}

// recordWriter writes the records of one file to a temp file and renames
// it into place: one record as a pretty JSON object (stem.json), several
// as JSON Lines (stem.jsonl), as khabar parse prints them (parse.Encode).
// The first record waits until a second one or the end decides which.
// An output that fits in memory and is already there, byte for byte, is
// left as it is: no write, no rename, the same modification time.
type recordWriter struct {
	dirs  *dirs
	stem  string // output path in DST without its extension
	n     int
	first *parse.Article // while it is alone
	dir   *outDir
	f     *os.File // the temp file, once opened
	tmp   string
	buf   *[]byte
	size  int64
}

func (w *recordWriter) add(a *parse.Article) error {
	w.n++
	if w.n == 1 {
		w.first = a
		return nil
	}
	if w.n == 2 {
		w.encode(w.first, false)
		w.first = nil
	}
	w.encode(a, false)
	if len(*w.buf) >= flushAt {
		return w.flush()
	}
	return nil
}

func (w *recordWriter) encode(a *parse.Article, pretty bool) {
	w.getBuf()
	n := len(*w.buf)
	*w.buf = parse.AppendRecord(*w.buf, a, pretty)
	w.size += int64(len(*w.buf) - n)
}

func (w *recordWriter) getBuf() {
	if w.buf == nil {
		w.buf = recordBufs.Get().(*[]byte)
		*w.buf = (*w.buf)[:0]
	}
}

// flush writes the records held, opening the temp file on first use.
func (w *recordWriter) flush() error {
	if w.f == nil {
		if err := w.acquireDir(); err != nil {
			return err
		}
		var err error
		if w.f, w.tmp, err = createTemp(w.dir.Root, "."); err != nil {
			return err
		}
	}
	_, err := w.f.Write(*w.buf)
	*w.buf = (*w.buf)[:0]
	return err
}

func (w *recordWriter) acquireDir() error {
	if w.dir != nil {
		return nil
	}
	dir, _ := split(w.stem)
	var err error
	w.dir, err = w.dirs.acquire(dir, true)
	return err
}

// finish puts the output in place and removes the output of the other
// kind this file may have had. It returns the output's name and size.
func (w *recordWriter) finish() (string, int64, error) {
	defer w.release()
	ext := outputExts[1]
	switch w.n {
	case 0:
		// No document at all: JSON Lines with no line, as parse prints it.
		w.getBuf()
	case 1:
		ext = outputExts[0]
		w.encode(w.first, true)
	}
	_, base := split(w.stem)
	out := base + ext
	if err := w.acquireDir(); err != nil {
		return "", 0, err
	}
	sync := w.dirs.sync
	if w.f == nil && w.dir.same(out, *w.buf) {
		if sync {
			// Written by an earlier run, perhaps without Sync.
			if err := w.dir.syncFile(out); err != nil {
				return "", 0, err
			}
			w.dirs.renamed(w.dir)
		}
		return w.stem + ext, w.size, w.dir.removeStale(base + w.otherExt(ext))
	}
	var err error
	if w.f == nil {
		// All of it is in hand: the temp file is written in one go.
		w.tmp, err = w.dir.writeTemp(*w.buf, sync)
		if err != nil {
			return "", 0, err
		}
	} else {
		err = w.flush()
		if err == nil && sync {
			err = w.f.Sync()
		}
		if cerr := w.f.Close(); err == nil {
			err = cerr
		}
		w.f = nil
	}
	if err == nil {
		err = w.dir.rename(w.tmp, out)
	}
	if err != nil {
		w.dir.Remove(w.tmp)
		return "", 0, err
	}
	if sync {
		// The rename is durable once the folder is synced, which is done
		// before the manifest records the output.
		w.dirs.renamed(w.dir)
	}
	return w.stem + ext, w.size, w.dir.removeStale(base + w.otherExt(ext))
}

// syncFile syncs the file name of od to stable storage.
func (od *outDir) syncFile(name string) error {
	f, err := od.Open(name)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func (w *recordWriter) otherExt(ext string) string {
	if ext == outputExts[0] {
		return outputExts[1]
	}
	return outputExts[0]
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
		if cap(*w.buf) <= 4*flushAt {
			recordBufs.Put(w.buf)
		}
		w.buf = nil
	}
	if w.dir != nil {
		w.dirs.release(w.dir)
		w.dir = nil
	}
}

// same reports whether name was in od before this run with exactly the
// bytes b.
func (od *outDir) same(name string, b []byte) bool {
	if !od.had[name] {
		return false
	}
	f, err := od.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(b)) {
		return false
	}
	old := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(old)
	old.Reset()
	_, err = old.ReadFrom(io.LimitReader(f, int64(len(b))+1))
	return err == nil && bytes.Equal(old.Bytes(), b)
}
