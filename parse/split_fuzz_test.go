package parse

import (
	"bytes"
	"crypto/sha256"
	"io"
	"testing"
	"testing/iotest"
)

// FuzzSplit checks the splitter on any bytes, split mode and size limit:
// it does not panic; the documents come in order, their line ranges do
// not overlap, and each holds exactly the source lines its range names
// (bytes, size and hash); every line left out of the documents is a
// separator or part of a blank piece; no document holds a separator
// line; and reading one byte at a time gives the same documents.
func FuzzSplit(f *testing.F) {
	f.Add([]byte("a\n\x00\nb\r\n\f\f\r\nc"), uint8(0), uint16(0))
	f.Add([]byte("\n\n\x00\n \n\x00\x00\n"), uint8(0), uint16(0))
	f.Add([]byte("x\r\r\n---\ry\n-\n"), uint8(3), uint16(3))
	f.Add([]byte("\f\n\f\n"), uint8(2), uint16(1))
	f.Add([]byte("long line\x00\x00\nnext"), uint8(1), uint16(4))
	f.Fuzz(func(t *testing.T, input []byte, mode uint8, limit uint16) {
		split := []string{"auto", "nul", "formfeed", "regex:^-+$"}[int(mode)%4]
		m, err := parseSplit(split)
		if err != nil {
			t.Fatal(err)
		}
		maxBytes := int64(limit)
		if maxBytes == 0 {
			maxBytes = DefaultMaxBytes
		}
		docs := splitAll(bytes.NewReader(input), m, maxBytes)
		checkSplit(t, input, m, maxBytes, docs)
		if slow := splitAll(iotest.OneByteReader(bytes.NewReader(input)), m, maxBytes); !sameDocs(docs, slow) {
			t.Fatalf("one byte at a time: %d documents, at once: %d", len(slow), len(docs))
		}
	})
}

func splitAll(r io.Reader, m splitMode, maxBytes int64) []*rawDoc {
	s := &splitter{sc: newScanner(r), mode: m, maxBytes: maxBytes}
	var docs []*rawDoc
	for d := s.next(); d != nil; d = s.next() {
		docs = append(docs, d)
	}
	return docs
}

func sameDocs(a, b []*rawDoc) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if !bytes.Equal(x.raw, y.raw) || x.first != y.first || x.last != y.last || x.size != y.size ||
			x.sum != y.sum || x.tooLarge != y.tooLarge || x.blank != y.blank || x.index != y.index {
			return false
		}
	}
	return true
}

// sourceLines cuts b after each LF, CRLF or lone CR.
func sourceLines(b []byte) [][]byte {
	var lines [][]byte
	for len(b) > 0 {
		i := indexEOL(b)
		if i < 0 {
			return append(lines, b)
		}
		lines = append(lines, b[:i+1])
		b = b[i+1:]
	}
	return lines
}

func checkSplit(t *testing.T, input []byte, m splitMode, maxBytes int64, docs []*rawDoc) {
	t.Helper()
	lines := sourceLines(input)
	if len(docs) == 0 {
		t.Fatalf("no document for %d bytes", len(input))
	}
	// The whole input is blank: one document spans every line.
	if len(docs) == 1 && docs[0].blank && !docs[0].tooLarge && docs[0].err == nil {
		d := docs[0]
		if d.first != 1 || d.last != len(lines) || !isBlankBytes(d.raw) {
			t.Fatalf("blank input: lines %d-%d of %d, raw %q", d.first, d.last, len(lines), d.raw)
		}
		for _, l := range lines {
			if !isBlankBytes(l) && !m.isSeparator(trimEOL(l)) {
				t.Fatalf("blank document, yet line %q is neither blank nor a separator", l)
			}
		}
		return
	}
	covered := make([]bool, len(lines))
	prevLast := 0
	for i, d := range docs {
		if d.err != nil {
			t.Fatalf("document %d: %v", i, d.err)
		}
		if d.index != i || d.first <= prevLast || d.last < d.first-1 || d.last > len(lines) {
			t.Fatalf("document %d: index %d, lines %d-%d after line %d of %d", i, d.index, d.first, d.last, prevLast, len(lines))
		}
		prevLast = d.last
		want := bytes.Join(lines[d.first-1:d.last], nil)
		for n := d.first; n <= d.last; n++ {
			covered[n-1] = true
			if l := lines[n-1]; len(l) < chunkSize && m.isSeparator(trimEOL(l)) {
				t.Fatalf("document %d holds separator line %d %q", i, n, l)
			}
		}
		if d.size != int64(len(want)) || d.sum != sha256.Sum256(want) {
			t.Fatalf("document %d: size %d, lines %d-%d hold %d bytes", i, d.size, d.first, d.last, len(want))
		}
		if d.tooLarge != (d.size > maxBytes) {
			t.Fatalf("document %d: %d bytes, limit %d, too large %v", i, d.size, maxBytes, d.tooLarge)
		}
		if !d.tooLarge && !bytes.Equal(d.raw, want) {
			t.Fatalf("document %d: raw %q, lines %d-%d are %q", i, d.raw, d.first, d.last, want)
		}
		if d.blank != isBlankBytes(want) || d.blank && !d.tooLarge {
			t.Fatalf("document %d: blank %v, bytes %q", i, d.blank, want)
		}
	}
	for n, ok := range covered {
		if l := lines[n]; !ok && !isBlankBytes(l) && !m.isSeparator(trimEOL(l)) {
			t.Fatalf("line %d %q is in no document, and is neither blank nor a separator", n+1, l)
		}
	}
}
