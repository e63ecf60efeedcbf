package parse

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestCountText checks the one-pass counts against their plain
// definitions, invalid bytes and cut sequences included.
func TestCountText(t *testing.T) {
	for _, s := range []string{
		"", " ", "\n\n", "word", " two  words\n", "طائرة روسية\n\nفي السماء",
		"a\u00a0b", "x\xffy \xd8", "\xd8\xa7\xd8", "\xe2\x80\xa8 \xf0\x9f\x98\x80z", "\xc0\x80 \xed\xa0\x80",
		"tab\there\rcr", "مرحبا،world ١٢٣", "Ünïcødé ﻻ ﷲ ٰ ــ ݐ ࢠ", "@[`{ AZaz",
	} {
		c := countText(s)
		if want := len(strings.FieldsFunc(s, func(r rune) bool {
			return r == ' ' || r == '\n' || r == '\t' || r == '\r'
		})); c.words != want {
			t.Errorf("%q: %d words, want %d", s, c.words, want)
		}
		if want := utf8.RuneCountInString(s); c.chars != want {
			t.Errorf("%q: %d chars, want %d", s, c.chars, want)
		}
		arabic, letters := 0, 0
		for _, r := range s {
			switch {
			case isArabicLetter(r):
				arabic++
				letters++
			case r >= 0x0600 && r <= 0x08FF || r >= 0xFB50 && r <= 0xFEFF:
			case unicode.IsLetter(r):
				letters++
			}
		}
		if c.arabic != arabic || c.letters != letters {
			t.Errorf("%q: %d Arabic letters of %d, want %d of %d", s, c.arabic, c.letters, arabic, letters)
		}
	}
}

// TestCountControl checks the eight-byte scan against a byte loop, every
// byte value at every offset.
func TestCountControl(t *testing.T) {
	buf := []byte(strings.Repeat("نص عربي text\n", 3))
	for c := range 256 {
		for at := range buf {
			b := append([]byte(nil), buf...)
			b[at] = byte(c)
			want := 0
			for _, c := range b {
				if controlByte[c] {
					want++
				}
			}
			if got := countControl(b); got != want {
				t.Fatalf("byte %#x at %d: %d, want %d", c, at, got, want)
			}
		}
	}
}
