// Package decode turns the bytes of a dump into UTF-8.
//
// The encoding is decided once per input, from its first 64 KiB (Prefix),
// never per line:
//
//	BOM (UTF-8, UTF-16LE, UTF-16BE)
//	  → valid UTF-8
//	  → mostly UTF-8 (more valid multi-byte sequences than invalid bytes)
//	  → a byte rule that tells Windows-1256 from ISO-8859-6
//
// A forced encoding (--encoding) skips detection. x/text's charmap and
// unicode packages decode the code pages and UTF-16; UTF-8 is validated
// and copied. This package decides, validates and counts: bytes that do
// not decode become U+FFFD and are counted in Result, or, with a forced
// encoding, stop decoding with an *Error.
//
// NewReader streams (constant memory); Bytes decodes a whole document with
// the same decision and the same transformer, so both give the same output.
package decode

import (
	"fmt"
	"strings"

	"golang.org/x/text/transform"
)

// Encoding names an input encoding as --encoding spells it.
type Encoding string

// Encodings.
const (
	Auto        Encoding = "auto"
	UTF8        Encoding = "utf-8"
	UTF16       Encoding = "utf-16"
	Windows1256 Encoding = "windows-1256"
	ISO88596    Encoding = "iso-8859-6"
)

var names = []Encoding{Auto, UTF8, UTF16, Windows1256, ISO88596}

// aliases are other common spellings ParseEncoding accepts.
var aliases = map[string]Encoding{
	"utf8":   UTF8,
	"utf16":  UTF16,
	"cp1256": Windows1256,
}

// Names lists the values --encoding accepts.
func Names() []string {
	s := make([]string, len(names))
	for i, n := range names {
		s[i] = string(n)
	}
	return s
}

// ParseEncoding returns the encoding named by s (case-insensitive; also
// utf8, utf16 and cp1256); "" means Auto.
func ParseEncoding(s string) (Encoding, error) {
	if s == "" {
		return Auto, nil
	}
	l := strings.ToLower(s)
	for _, n := range names {
		if l == string(n) {
			return n, nil
		}
	}
	if n, ok := aliases[l]; ok {
		return n, nil
	}
	return "", fmt.Errorf("unknown encoding %q (allowed: %s)", s, strings.Join(Names(), ", "))
}

// Result says how an input was decoded.
type Result struct {
	Encoding string // utf-8, utf-16le, utf-16be, windows-1256 or iso-8859-6
	Source   string // "bom", "detected" or "flag"
	// Replaced counts the U+FFFD that decoding introduced: one per invalid
	// byte (UTF-8, ISO-8859-6), one per unpaired surrogate or odd final
	// byte (UTF-16). A U+FFFD that the input itself encodes is not counted.
	Replaced int
	FirstBad int64 // input offset of the first undecodable byte, or -1
}

// Error is returned when a forced encoding does not fit the bytes.
type Error struct {
	Encoding Encoding
	Offset   int64 // of the first byte that does not fit, BOM included
}

func (e *Error) Error() string {
	return fmt.Sprintf("invalid %s at byte offset %d", e.Encoding, e.Offset)
}

// Bytes decodes b as enc (Auto to detect). It decides from b's first
// Prefix bytes exactly as a Reader does, and gives the Reader's output.
// When b is valid UTF-8 the result is b itself (after any BOM), not a copy.
// With a forced encoding that b does not fit, it returns the text before
// the first bad byte and an *Error.
func Bytes(b []byte, enc Encoding) ([]byte, Result, error) {
	return decodeBytes(b, enc, Prefix)
}

// Detect decides the encoding of an input whose first bytes are head
// (the whole input when it is shorter than Prefix), as Bytes and a Reader
// decide it, without decoding anything: the Result names the encoding and
// its source, with no replacement counted.
func Detect(head []byte, enc Encoding) Result {
	d := decide(head[:min(len(head), Prefix)], len(head) < Prefix, enc)
	return Result{Encoding: d.enc.String(), Source: d.source, FirstBad: -1}
}

func decodeBytes(b []byte, enc Encoding, prefix int) ([]byte, Result, error) {
	atEOF := len(b) < prefix // as a Reader sees it: a full prefix may go on
	d := decide(b[:min(len(b), prefix)], atEOF, enc)
	body := b[d.skip:]
	t := newDecoder(d)
	if d.enc == encUTF8 {
		if d.valid { // the whole of b was checked while deciding
			return body, t.result(), nil
		}
		if good, _ := t.scan(body, true); good == len(body) {
			return body, t.result(), nil
		}
	}
	out, _, err := transform.Bytes(t, body)
	return out, t.result(), err
}
