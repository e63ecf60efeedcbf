package batch

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/khabar/khabar/parse"
)

// wholeFile is the size up to which a source is read into memory in one
// go, then hashed and parsed from there.
const wholeFile = 1 << 20

// source is a file of SRC being read: a small one whole, a large one
// streamed and hashed on the way.
type source struct {
	f    *os.File // a large file, open
	data *[]byte  // the whole file, when small
	size int64    // the bytes read when small, else the size on opening
	br   *bufio.Reader
}

// readers are handed to parse.Parse: bufio.NewReaderSize returns a
// reader that is already a large enough *bufio.Reader as it is, so one
// 64 KiB buffer serves many files instead of one each.
var readers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 64<<10) }}

// srcBufs hold small files read whole.
var srcBufs = sync.Pool{New: func() any { return new([]byte) }}

func openSource(sf srcFile) (*source, error) {
	s := &source{data: srcBufs.Get().(*[]byte)}
	var err error
	*s.data, s.size, err = readSmall(sf.abs, wholeFile, *s.data)
	if err != nil {
		s.close()
		return nil, err
	}
	if s.size > wholeFile {
		srcBufs.Put(s.data)
		s.data = nil
		if s.f, err = os.Open(sf.abs); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// sum returns the SHA-256 of the file, leaving it ready to be read again.
func (s *source) sum() (string, error) {
	if s.data != nil {
		sum := sha256.Sum256(*s.data)
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
		s.br.Reset(bytes.NewReader(*s.data))
		return s.br, s.sum
	}
	h := sha256.New()
	r := io.TeeReader(s.f, h)
	s.br.Reset(r)
	return s.br, func() (string, error) { return drainSum(h, r) }
}

// idHash returns the SHA-256 of a small file from the record of its
// only document, when that document is the whole file as it was read:
// the record's id is the hash of the document's bytes, so the file need
// not be hashed a second time. A UTF-16 file is turned into UTF-8 before
// it is split, so its documents are not its bytes: "" then, and for any
// document that is not all of the file.
func (s *source) idHash(a *parse.Article) string {
	if s.data == nil || a.Source.Bytes != int64(len(*s.data)) || strings.HasPrefix(a.Source.Encoding, "utf-16") {
		return ""
	}
	h, ok := strings.CutPrefix(a.ID, "sha256:")
	if !ok || len(h) != 2*sha256.Size {
		return ""
	}
	return h
}

func drainSum(h hash.Hash, r io.Reader) (string, error) {
	if _, err := io.Copy(io.Discard, r); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func (s *source) close() {
	if s.f != nil {
		s.f.Close()
	}
	if s.br != nil {
		s.br.Reset(nil)
		readers.Put(s.br)
		s.br = nil
	}
	if s.data != nil && cap(*s.data) <= 2*wholeFile {
		srcBufs.Put(s.data)
	}
	s.data = nil
}
