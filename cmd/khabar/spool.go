package main

import (
	"io"
	"os"
)

// spool holds what a command prints once its work is done, in memory up
// to spoolMemory bytes and in a temp file past that: the lists of a
// batch over many files do not grow its memory.
type spool struct {
	buf []byte
	f   *os.File
	err error // the first error of the temp file, returned by WriteTo
}

const spoolMemory = 1 << 20

// Write never fails: an error of the temp file waits for WriteTo.
func (s *spool) Write(p []byte) (int, error) {
	s.buf = append(s.buf, p...)
	if len(s.buf) >= spoolMemory {
		s.flush()
	}
	return len(p), nil
}

// flush moves what is in memory to the temp file.
func (s *spool) flush() {
	if s.err == nil && s.f == nil {
		s.f, s.err = os.CreateTemp("", "khabar-spool-*.tmp")
	}
	if s.err == nil {
		_, s.err = s.f.Write(s.buf)
	}
	s.buf = s.buf[:0]
}

// WriteTo writes what the spool holds to w.
func (s *spool) WriteTo(w io.Writer) (int64, error) {
	if s.f == nil {
		n, err := w.Write(s.buf)
		return int64(n), err
	}
	s.flush()
	if s.err == nil {
		_, s.err = s.f.Seek(0, io.SeekStart)
	}
	if s.err != nil {
		return 0, s.err
	}
	return io.Copy(w, s.f)
}

// Close removes the temp file, if any.
func (s *spool) Close() error {
	if s.f == nil {
		return nil
	}
	s.f.Close()
	return os.Remove(s.f.Name())
}
