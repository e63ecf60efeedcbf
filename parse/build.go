package parse

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"time"
	"unsafe"

	"github.com/khabar/khabar/parse/decode"
)

// newArticle returns the record of d with its source filled and every
// other field empty, ready for either an error or the parse.
func (p *parser) newArticle(d *rawDoc) *Article {
	a := &Article{
		SchemaVersion: SchemaVersion,
		ID:            recordID(&d.sum),
		Status:        StatusOK,
		Source: Source{
			Path:           p.name,
			Index:          d.index,
			RecordID:       d.recordID,
			Lines:          [2]int{d.first, max(d.last, d.first)},
			Bytes:          d.size,
			Encoding:       "unknown",
			EncodingSource: "detected",
		},
	}
	if p.opts.Encoding != decode.Auto {
		a.Source.Encoding, a.Source.EncodingSource = string(p.opts.Encoding), "flag"
	}
	if p.name == "" {
		a.Source.Path = "-"
	}
	if d.last < d.first {
		a.Source.Lines = [2]int{0, 0} // no line at all
	}
	clearContent(a, p)
	return a
}

// recordID is "sha256:" and the hex of sum, in one allocation.
func recordID(sum *[sha256.Size]byte) string {
	const prefix = "sha256:"
	b := make([]byte, len(prefix)+hex.EncodedLen(len(sum)))
	copy(b, prefix)
	hex.Encode(b[len(prefix):], sum[:])
	return unsafe.String(unsafe.SliceData(b), len(b)) // b is not written again
}

// clearContent empties every field the parse fills.
func clearContent(a *Article, p *parser) {
	a.Language = Language{Code: "und", Dir: "ltr"}
	a.Page, a.Title, a.Dateline = "", nil, nil
	a.Published, a.Authors, a.URL, a.Site, a.Category, a.DocID, a.Summary = nil, []string{}, nil, nil, nil, nil, nil
	a.Sources = nil
	a.Meta, a.Images, a.Sections, a.Credits = []Meta{}, []Image{}, []Section{}, []Credit{}
	a.Agencies, a.Removed, a.Text = []string{}, []Removed{}, ""
	a.Normalization = Normalization{Profile: p.profile, Ops: p.normOps.Names(), Changes: map[string]int{}}
	a.Stats = Stats{}
	a.Warnings = []Warning{}
	a.Lines = nil
}

// fail turns a into an error record.
func (p *parser) fail(a *Article, code, msg string) {
	clearContent(a, p)
	a.Status = StatusError
	a.Error = &Error{Code: code, Message: msg}
}

// prepared is a document that passed the checks and was decoded.
type prepared struct {
	d    *rawDoc
	text []byte
	res  decode.Result
}

// prepare checks d and decodes it. It returns nil when a is already an
// error record.
func (p *parser) prepare(a *Article, d *rawDoc) *prepared {
	switch {
	case d.err != nil && isStall(d.err):
		p.fail(a, ErrTimeout, d.err.Error())
		return nil
	case d.err != nil:
		p.fail(a, ErrIO, d.err.Error())
		return nil
	case d.tooLarge:
		p.fail(a, ErrTooLarge, fmt.Sprintf("document is larger than %d bytes", p.maxBytes))
		return nil
	case d.badInput != nil:
		p.fail(a, ErrDecode, d.badInput.Error())
		return nil
	}
	text, res, err := p.decodeDoc(a, d.raw)
	if !isUTF16(res.Encoding) && isBinary(d.raw) {
		msg := "not text: too many NUL or control bytes"
		if looksUTF16(d.raw) {
			msg += " (UTF-16 without a byte order mark? try --encoding utf-16)"
		}
		p.fail(a, ErrBinary, msg)
		return nil
	}
	var de *decode.Error
	switch {
	case errors.As(err, &de):
		p.fail(a, ErrDecode, err.Error())
		return nil
	case err != nil:
		p.fail(a, ErrIO, err.Error())
		return nil
	}
	return &prepared{d: d, text: text, res: res}
}

// buildTimed builds the record of d, giving up after Options.Timeout.
func (p *parser) buildTimed(d *rawDoc) *Article {
	a := p.newArticle(d)
	pd := p.prepare(a, d)
	if pd == nil {
		releaseRaw(d)
		return a
	}
	if p.opts.Timeout <= 0 {
		p.safely(a, func() { p.assemble(a, pd, p.sc) })
		releaseRaw(d)
		return a
	}
	done := make(chan struct{})
	sc := p.sc
	runBuild(func() {
		defer close(done)
		p.safely(a, func() { p.assemble(a, pd, sc) })
	})
	timer := time.NewTimer(p.opts.Timeout)
	defer timer.Stop()
	select {
	case <-done:
		releaseRaw(d)
		return a
	case <-timer.C:
		// The abandoned parse still owns a and the scratch.
		p.sc = getScratch(p.normOps)
		t := p.newArticle(d)
		t.Source.Encoding, t.Source.EncodingSource, t.Source.Replaced = a.Source.Encoding, a.Source.EncodingSource, a.Source.Replaced
		p.fail(t, ErrTimeout, fmt.Sprintf("parse took longer than %v", p.opts.Timeout))
		return t
	}
}

// safely runs f, turning a panic into an E_INTERNAL record: one bad
// document never stops a run.
func (p *parser) safely(a *Article, f func()) {
	defer func() {
		if v := recover(); v != nil {
			msg := fmt.Sprintf("panic: %v", v)
			if p.opts.Debug {
				msg += "\n" + shortStack()
			}
			p.fail(a, ErrInternal, msg)
		}
	}()
	f()
}

// shortStack is the stack of a recovered panic without the runtime's and
// this file's frames.
func shortStack() string {
	lines := strings.Split(strings.TrimSpace(string(debug.Stack())), "\n")
	var out []string
	for i := 1; i+1 < len(lines); i += 2 {
		fn, at := lines[i], strings.TrimSpace(lines[i+1])
		if strings.HasPrefix(fn, "runtime") || strings.HasPrefix(fn, "panic(") || strings.Contains(at, "/parse/build.go") {
			continue
		}
		out = append(out, fn+" "+at)
		if len(out) == 8 {
			break
		}
	}
	return strings.Join(out, "\n")
}

// isBinary reports whether raw is not text: more than 1 byte in 20 is a
// NUL or a C0 control other than TAB, LF, CR, FF and ESC, or DEL, not
// counting the lines made of NULs or form feeds only that separate
// documents.
func isBinary(raw []byte) bool {
	if countControl(raw)*20 <= len(raw) {
		return false // the common case: one pass, no line split
	}
	var n, bad int
	for len(raw) > 0 {
		line := raw
		if i := indexEOL(raw); i >= 0 {
			line, raw = raw[:i+1], raw[i+1:]
		} else {
			raw = nil
		}
		body := trimEOL(line)
		if len(body) > 0 && (allByte(body, 0) || allByte(body, '\f')) {
			continue
		}
		n += len(line)
		for _, c := range body {
			if controlByte[c] {
				bad++
			}
		}
	}
	return bad > 0 && bad*20 > n
}

// looksUTF16 reports whether most NULs of b sit at offsets of one parity,
// as in UTF-16 text (the high byte of ASCII and of U+06xx is 0x00 or 0x06).
func looksUTF16(b []byte) bool {
	var even, odd int
	for i, c := range b[:min(len(b), 4096)] {
		if c == 0 || c == 0x06 { // Arabic letters are U+06xx
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	n := min(len(b), 4096)
	return (even+odd)*5 > n && (even > 9*odd || odd > 9*even)
}

// countControl counts the bytes of b that controlByte marks, sixteen at
// a time where none is below 0x20 or DEL (most of any text).
func countControl(b []byte) int {
	n := 0
	for len(b) >= 16 { // two words a turn: most have no control byte
		if !maybeControl(binary.LittleEndian.Uint64(b)) && !maybeControl(binary.LittleEndian.Uint64(b[8:])) {
			b = b[16:]
			continue
		}
		n += countBytes(b[:16])
		b = b[16:]
	}
	return n + countBytes(b)
}

// maybeControl reports whether a byte of x may be one that controlByte
// marks: one below 0x20 or DEL (a few others may make it say so too).
func maybeControl(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	del := x ^ 0x7f*ones
	return ((x-0x20*ones)&^x|(del-ones)&^del)&highs != 0
}

// countBytes counts the bytes of b that controlByte marks, one by one.
func countBytes(b []byte) int {
	n := 0
	for _, c := range b {
		if controlByte[c] {
			n++
		}
	}
	return n
}

// controlByte marks the bytes that text does not hold.
var controlByte = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b
	}
	t[0x7f] = true
	return t
}()

// indexEOL is the index of the first LF, or of a CR not followed by LF.
func indexEOL(b []byte) int {
	for i, c := range b {
		if c == '\n' || c == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
			return i
		}
	}
	return -1
}
