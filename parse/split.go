package parse

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime"
	"strings"
	"sync"
)

// splitMode says which lines separate the documents of an input.
type splitMode struct {
	nul, formfeed bool
	re            *regexp.Regexp // compiled once per Parse call
}

// none reports whether the input is one document.
func (m splitMode) none() bool { return !m.nul && !m.formfeed && m.re == nil }

// parseSplit reads the Split option: "", "none", "auto", "nul",
// "formfeed" or "regex:RE".
func parseSplit(s string) (splitMode, error) {
	switch s {
	case "", "none":
		return splitMode{}, nil
	case "auto":
		return splitMode{nul: true, formfeed: true}, nil
	case "nul":
		return splitMode{nul: true}, nil
	case "formfeed":
		return splitMode{formfeed: true}, nil
	}
	if expr, ok := strings.CutPrefix(s, "regex:"); ok {
		re, err := compileSplit(expr)
		if err != nil {
			return splitMode{}, fmt.Errorf("split: %v", err)
		}
		return splitMode{re: re}, nil
	}
	return splitMode{}, fmt.Errorf("unknown split mode %q (allowed: none, auto, nul, formfeed, regex:RE)", s)
}

// splitRegexps caches compiled split expressions: a run over many files
// compiles its expression once, not once a file. A Regexp is safe for
// concurrent use.
var splitRegexps sync.Map // string → *regexp.Regexp

func compileSplit(expr string) (*regexp.Regexp, error) {
	if re, ok := splitRegexps.Load(expr); ok {
		return re.(*regexp.Regexp), nil
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, err
	}
	splitRegexps.Store(expr, re)
	return re, nil
}

// CheckSplit reports whether s is a valid Split option.
func CheckSplit(s string) error {
	_, err := parseSplit(s)
	return err
}

// isSeparator reports whether a whole line (without its line end) separates
// two documents.
func (m splitMode) isSeparator(line []byte) bool {
	if m.re != nil {
		return m.re.Match(line)
	}
	return len(line) > 0 && (m.nul && allByte(line, 0) || m.formfeed && allByte(line, '\f'))
}

func allByte(b []byte, c byte) bool {
	for _, x := range b {
		if x != c {
			return false
		}
	}
	return true
}

// chunkSize is the longest piece of a line the line scanner hands out at
// once; longer lines come in several pieces, so a 100 MB line needs no
// 100 MB buffer.
const chunkSize = 32 << 10

// scanLine is a bufio.SplitFunc that yields lines with their line end (LF,
// CRLF or CR), or pieces of at most chunkSize bytes of a longer line.
func scanLine(data []byte, atEOF bool) (int, []byte, error) {
	if len(data) == 0 {
		return 0, nil, nil
	}
	lim := data
	nl := bytes.IndexByte(data, '\n')
	if nl >= 0 {
		lim = data[:nl]
	}
	if cr := bytes.IndexByte(lim, '\r'); cr >= 0 {
		switch {
		case cr+1 < len(data):
			if data[cr+1] == '\n' {
				return cr + 2, data[:cr+2], nil
			}
			return cr + 1, data[:cr+1], nil
		case atEOF:
			return cr + 1, data[:cr+1], nil
		case cr >= chunkSize:
			return chunkSize, data[:chunkSize], nil // the CR waits for its possible LF
		}
		// A short line ending in CR at the end of a read waits for the
		// next byte: handing out the bytes before the CR would make them
		// look like a whole last line (a separator, then an extra line).
		return 0, nil, nil
	}
	if nl >= 0 {
		return nl + 1, data[:nl+1], nil
	}
	if atEOF || len(data) >= chunkSize {
		n := min(len(data), chunkSize)
		return n, data[:n], nil
	}
	return 0, nil, nil
}

// endsLine reports whether a token of scanLine ends its line.
func endsLine(tok []byte) bool {
	return len(tok) > 0 && (tok[len(tok)-1] == '\n' || tok[len(tok)-1] == '\r')
}

// trimEOL drops a line end.
func trimEOL(tok []byte) []byte {
	tok = bytes.TrimSuffix(tok, []byte{'\n'})
	return bytes.TrimSuffix(tok, []byte{'\r'})
}

// wholeDoc returns a reader of an input that is one document: read in one
// go, up to maxBytes and not a byte more than needed to tell it is larger.
func wholeDoc(r io.Reader, maxBytes int64) func() *rawDoc {
	done := false
	return func() *rawDoc {
		if done {
			return nil
		}
		done = true
		d := &rawDoc{first: 1}
		raw, err := readAll(r, maxBytes+1, d)
		d.raw, d.size, d.err = raw, int64(len(raw)), err
		d.last = countLineEnds(raw)
		if len(raw) > 0 && raw[len(raw)-1] != '\n' && raw[len(raw)-1] != '\r' {
			d.last++ // a last line without a line end
		}
		if d.size > maxBytes {
			d.raw, d.tooLarge = nil, true
		}
		d.sum = sha256.Sum256(raw)
		return d
	}
}

// readAll reads r to its end, or to limit bytes, as io.ReadAll of an
// io.LimitReader does; when r tells its size (a bytes or strings reader, a
// regular file) the buffer is that size at once instead of grown from 512
// bytes. A file that shrinks while read costs its former size, which the
// limit bounds. Past gatherChunk bytes of an input of unknown size, the
// rest is gathered in chunks (see gather).
//
// The buffer comes from rawPool unless r tells a size over pooledSize;
// d notes it.
func readAll(r io.Reader, limit int64, d *rawDoc) ([]byte, error) {
	hint := int64(512)
	switch v := r.(type) {
	case interface{ Len() int }:
		hint = int64(v.Len()) + 1 // + 1: EOF is seen without growing
	case *os.File:
		if fi, err := v.Stat(); err == nil && fi.Mode().IsRegular() {
			if off, err := v.Seek(0, io.SeekCurrent); err == nil && fi.Size() >= off {
				hint = fi.Size() - off + 1
			}
		}
	}
	size := max(min(hint, limit), 512)
	var b []byte
	if hint <= pooledSize {
		d.pooled = getRaw(int(size))
		b = *d.pooled
	} else {
		b = make([]byte, 0, size)
	}
	var g gather
	defer func() {
		switch {
		case d.pooled == nil:
		case cap(b) > pooledSize || g.full != nil:
			d.pooled = nil // grown too large to serve again: the record may share it
		default:
			*d.pooled = b[:0] // the buffer, as grown
		}
	}()
	lr := io.LimitReader(r, limit)
	for {
		n, err := lr.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			if g.full != nil {
				g.b = b
				b = g.bytes()
			}
			return b, err
		}
		switch {
		case len(b) < cap(b):
		case cap(b) >= gatherChunk:
			g.b = b
			g.next(gatherChunk)
			b = g.b
		default:
			b = append(b, 0)[:len(b)] // grow as io.ReadAll does
		}
	}
}

// gatherChunk is the size of the chunks a document of unknown size is
// gathered in once it is that large.
const gatherChunk = 1 << 20

// gather holds a document read piece by piece whose size is not known in
// advance: in one buffer that grows while it is small, then in chunks,
// copied once into a buffer of the exact size at the end: twice the
// document at most, while it is copied. One buffer grown to the end
// would hold 2.25 times the document while it is copied the last time,
// and leave several times its size in garbage.
type gather struct {
	b    []byte   // the bytes, or the last chunk of them
	full [][]byte // the chunks before b
	n    int      // bytes in full
}

func (g *gather) len() int { return g.n + len(g.b) }

// write appends p.
func (g *gather) write(p []byte) {
	for len(g.b)+len(p) > cap(g.b) && cap(g.b) >= gatherChunk {
		k := cap(g.b) - len(g.b)
		g.b = append(g.b, p[:k]...)
		p = p[k:]
		g.next(len(p))
	}
	g.b = append(g.b, p...)
}

// next starts a chunk, b being full, with room for n bytes at least.
func (g *gather) next(n int) {
	g.full = append(g.full, g.b)
	g.n += len(g.b)
	g.b = make([]byte, 0, max(n, gatherChunk))
}

// bytes returns the whole document in one buffer (nil when there is
// none), and lets the chunks go. Chunks of many megabytes are collected
// at once, so that what the parse allocates next reuses their memory
// rather than grow the heap by as much.
func (g *gather) bytes() []byte {
	if g.full == nil {
		return g.b
	}
	all := make([]byte, 0, g.len())
	for _, c := range g.full {
		all = append(all, c...)
	}
	all = append(all, g.b...)
	*g = gather{}
	if len(all) >= collectBytes {
		runtime.GC()
	}
	return all
}

// collectBytes is the size of gathered chunks that bytes collects.
const collectBytes = 32 << 20

// rawDoc is one document of an input, as read.
type rawDoc struct {
	// raw is nil when the document is too large. Once read, nothing
	// writes to it until its record is built: the record's strings share
	// it rather than copy it, unless it comes from rawPool (pooled), to
	// which it goes back then and out of which they are copied.
	raw      []byte
	pooled   *[]byte // raw's buffer, from rawPool (see releaseRaw)
	index    int
	first    int   // first line in the source
	last     int   // last line in the source
	size     int64 // bytes of the document
	tooLarge bool
	blank    bool              // nothing but blank lines
	sum      [sha256.Size]byte // of the document's bytes (all of them, even when too large)
	recordID *string
	err      error // read error (E_IO)
	badInput error // malformed JSON Lines record (E_DECODE)
}

// splitter cuts a byte stream into documents on separator lines, one at a
// time, holding no more than one document in memory. An input that is not
// split is read by wholeDoc instead.
type splitter struct {
	sc       *bufio.Scanner
	mode     splitMode
	maxBytes int64
	line     int // lines begun so far
	index    int
	done     bool
	consumed int64 // bytes of the tokens scanned so far
	inDoc    bool  // a line of the document being read was scanned
	// decodeLine turns a separator candidate into UTF-8 for a regex.
	decodeLine func([]byte) []byte
}

func newScanner(r io.Reader) *bufio.Scanner {
	sc := bufio.NewScanner(r)
	// Start small: most documents are a few kB; the scanner grows the
	// buffer up to the limit for long lines.
	sc.Buffer(make([]byte, 4<<10), 2*chunkSize)
	sc.Split(scanLine)
	return sc
}

// next returns the next document, or nil at the end of the input. A blank
// piece between separators yields no document, except when the whole
// input is blank: then it is one (empty) document.
func (s *splitter) next() *rawDoc {
	for !s.done {
		d := s.read()
		if d.err == nil && !d.tooLarge && d.blank && s.done && s.index == 0 {
			// The whole input is blank: one empty document over all of it.
			d.first, d.last = 1, s.line
		}
		if d.err != nil || d.tooLarge || !d.blank || (s.done && s.index == 0) {
			d.index = s.index
			s.index++
			return d
		}
	}
	return nil
}

// read reads up to the next separator line or the end of the input.
func (s *splitter) read() *rawDoc {
	d := &rawDoc{first: s.line + 1, last: s.line, blank: true}
	h := sha256.New()
	defer func() { h.Sum(d.sum[:0]) }()
	var buf gather
	lineStart := true
	s.inDoc = false
	for s.sc.Scan() {
		tok := s.sc.Bytes()
		s.consumed += int64(len(tok))
		complete := endsLine(tok)
		// A short token that does not end its line is the end of the
		// input, or where it stalled: then no separator line.
		whole := complete || len(tok) < chunkSize && !isStall(s.sc.Err())
		if lineStart && whole && s.separator(trimEOL(tok)) {
			s.line++
			return d.keep(&buf)
		}
		if lineStart {
			s.line++
			d.last = s.line
		}
		s.inDoc = true
		lineStart = complete
		d.size += int64(len(tok))
		h.Write(tok)
		if d.blank && !isBlankBytes(tok) {
			d.blank = false
		}
		if d.size > s.maxBytes {
			// Read on to the next separator, keeping nothing.
			d.tooLarge = true
			buf = gather{}
			continue
		}
		if !d.tooLarge {
			buf.write(tok)
		}
	}
	s.done = true
	if err := s.sc.Err(); err != nil {
		d.err = err
	}
	return d.keep(&buf)
}

// keep sets the document's bytes to what buf holds.
func (d *rawDoc) keep(buf *gather) *rawDoc {
	if !d.tooLarge {
		d.raw = buf.bytes()
		if d.raw == nil {
			d.raw = []byte{}
		}
	}
	return d
}

func (s *splitter) separator(line []byte) bool {
	if s.mode.re != nil && s.decodeLine != nil {
		line = s.decodeLine(line)
	}
	return s.mode.isSeparator(line)
}

// isBlankBytes reports whether b holds only white space, NULs and form
// feeds (NBSP included, in UTF-8 and single-byte encodings).
func isBlankBytes(b []byte) bool {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\n', '\r', '\f', '\v', 0, 0xA0, 0xC2:
		default:
			return false
		}
	}
	return true
}
