package parse

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestCountText checks the counts against their plain definitions, on
// short strings (invalid bytes and cut sequences included) and on random
// text that puts every kind of byte at every offset of the eight-byte
// chunks.
func TestCountText(t *testing.T) {
	check := func(s string) {
		t.Helper()
		c := countText(s)
		if want := len(strings.FieldsFunc(s, func(r rune) bool {
			return r == ' ' || r == '\n' || r == '\t' || r == '\r'
		})); c.words != want {
			t.Fatalf("%q: %d words, want %d", s, c.words, want)
		}
		if want := utf8.RuneCountInString(s); c.chars != want {
			t.Fatalf("%q: %d chars, want %d", s, c.chars, want)
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
			t.Fatalf("%q: %d Arabic letters of %d, want %d of %d", s, c.arabic, c.letters, arabic, letters)
		}
	}
	for _, s := range []string{
		"", " ", "\n\n", "word", " two  words\n", "طائرة روسية\n\nفي السماء",
		"a\u00a0b", "x\xffy \xd8", "\xd8\xa7\xd8", "\xe2\x80\xa8 \xf0\x9f\x98\x80z", "\xc0\x80 \xed\xa0\x80",
		"tab\there\rcr", "مرحبا،world ١٢٣", "Ünïcødé ﻻ ﷲ ٰ ــ ݐ ࢠ", "@[`{ AZaz",
	} {
		check(s)
	}
	pieces := []string{"a", "Z", "@", "[", "`", "{", "9", " ", "\n", "\t", "\r", "\x00", "\x1f", "\x7f", "ب", "ة", "ً",
		"،", "١", "ٰ", "ۓ", "ە", "۔", "ۺ", "ـ", "é", "\u00a0", "…", "😀", "ﻻ", "\xd8", "\xa7", "\xff", "ݐ"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		var b []byte
		for n := rng.IntN(40); n > 0; n-- {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		check(string(b))
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
