// Package decode turns the bytes of a dump into UTF-8: BOM first, then valid
// UTF-8, then a byte rule that tells Windows-1256 from ISO-8859-6, decided
// once per input.
package decode

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// PLACEHOLDER: the real decoder replaces this file.

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

// Names lists the values --encoding accepts.
func Names() []string {
	s := make([]string, len(names))
	for i, n := range names {
		s[i] = string(n)
	}
	return s
}

// ParseEncoding returns the encoding named by s; "" means Auto.
func ParseEncoding(s string) (Encoding, error) {
	if s == "" {
		return Auto, nil
	}
	for _, n := range names {
		if strings.EqualFold(s, string(n)) {
			return n, nil
		}
	}
	return "", fmt.Errorf("unknown encoding %q (allowed: %s)", s, strings.Join(Names(), ", "))
}

// Result says how an input was decoded.
type Result struct {
	Encoding string // utf-8, utf-16le, utf-16be, windows-1256 or iso-8859-6
	Source   string // "bom", "detected" or "flag"
	Replaced int    // undecodable bytes turned into U+FFFD
	FirstBad int64  // offset of the first undecodable byte, or -1
}

// Error is returned when a forced encoding does not fit the bytes.
type Error struct {
	Encoding Encoding
	Offset   int64
}

func (e *Error) Error() string {
	return fmt.Sprintf("invalid %s at byte offset %d", e.Encoding, e.Offset)
}

// Bytes decodes b as enc (Auto to detect).
func Bytes(b []byte, enc Encoding) ([]byte, Result, error) {
	res := Result{Encoding: "utf-8", Source: "detected", FirstBad: -1}
	if enc != Auto && enc != "" {
		res.Source = "flag"
	}
	if utf8.Valid(b) {
		return b, res, nil
	}
	return []byte(strings.ToValidUTF8(string(b), "\uFFFD")), res, nil
}
