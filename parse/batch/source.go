package batch

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
	"os"
	"sync"
)

// wholeFile is the size up to which a source is read into memory in one
// go, then hashed and parsed from there.
const wholeFile = 1 << 20

// source is a file of SRC being read: a small one whole, a large one
// streamed and hashed on the way.
type source struct {
	f    *os.File
	data *bytes.Buffer // the whole file, when small
	br   *bufio.Reader
}

// readers are handed to parse.Parse: bufio.NewReaderSize returns a
// reader that is already a large enough *bufio.Reader as it is, so one
// 64 KiB buffer serves many files instead of one each.
var readers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 64<<10) }}

func openSource(sf srcFile) (*source, error) {
	f, err := os.Open(sf.abs)
	if err != nil {
		return nil, err
	}
	s := &source{f: f}
	if sf.size <= wholeFile {
		s.data = buffers.Get().(*bytes.Buffer)
		s.data.Reset()
		s.data.Grow(int(sf.size) + bytes.MinRead)
		if _, err := s.data.ReadFrom(f); err != nil {
			s.close()
			return nil, err
		}
	}
	return s, nil
}

// sum returns the SHA-256 of the file, leaving it ready to be read again.
func (s *source) sum() (string, error) {
	if s.data != nil {
		sum := sha256.Sum256(s.data.Bytes())
		return hex.EncodeToString(sum[:]), nil
	}
	h := sha256.New()
	if _, err := io.Copy(h, s.f); err != nil {
		return "", err
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// hashing returns a reader of the file's bytes and a function that reads
// what is left and returns the SHA-256 of everything read: the hash of the
// very bytes parsed.
func (s *source) hashing() (io.Reader, func() (string, error)) {
	s.br = readers.Get().(*bufio.Reader)
	if s.data != nil {
		s.br.Reset(bytes.NewReader(s.data.Bytes()))
		return s.br, s.sum
	}
	h := sha256.New()
	r := io.TeeReader(s.f, h)
	s.br.Reset(r)
	return s.br, func() (string, error) { return drainSum(h, r) }
}

func drainSum(h hash.Hash, r io.Reader) (string, error) {
	if _, err := io.Copy(io.Discard, r); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func (s *source) close() {
	s.f.Close()
	if s.br != nil {
		s.br.Reset(nil)
		readers.Put(s.br)
		s.br = nil
	}
	if s.data != nil && s.data.Cap() <= 2*wholeFile {
		buffers.Put(s.data)
	}
	s.data = nil
}
