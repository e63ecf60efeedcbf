package arabic

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestCount checks Count against the plain definitions of its counts, on
// short strings (bad bytes and cut sequences included) and on random text
// of ASCII, Arabic, other scripts and controls.
func TestCount(t *testing.T) {
	check := func(s string) {
		t.Helper()
		c := Count(s)
		if want := len(strings.FieldsFunc(s, func(r rune) bool {
			return r == ' ' || r == '\n' || r == '\t' || r == '\r'
		})); c.Words != want {
			t.Fatalf("%q: %d words, want %d", s, c.Words, want)
		}
		if want := utf8.RuneCountInString(s); c.Runes != want {
			t.Fatalf("%q: %d runes, want %d", s, c.Runes, want)
		}
		arabic, letters := 0, 0
		for _, r := range s {
			switch {
			case IsArabicLetter(r):
				arabic++
				letters++
			case r >= 0x0600 && r <= 0x08FF || r >= 0xFB50 && r <= 0xFEFF:
			case unicode.IsLetter(r):
				letters++
			}
		}
		if c.Arabic != arabic || c.Letters != letters {
			t.Fatalf("%q: %d Arabic letters of %d, want %d of %d", s, c.Arabic, c.Letters, arabic, letters)
		}
	}
	for _, s := range []string{
		"", " ", "\n\n", "word", " two  words\n", "طائرة روسية\n\nفي السماء",
		"a\u00a0b", "x\xffy \xd8", "\xd8\xa7\xd8", "\xe2\x80\xa8 \xf0\x9f\x98\x80z", "\xc0\x80 \xed\xa0\x80",
		"tab\there\rcr", "مرحبا،world ١٢٣", "Ünïcødé ﻻ ﷲ ٰ ــ ݐ ࢠ", "@[`{ AZaz",
	} {
		check(s)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		check(countText(rng))
	}
}

var countPieces = []string{"a", "Z", "@", "[", "`", "{", "9", " ", "\n", "\t", "\r", "\x00", "\x1f", "\x7f", "ب", "ة", "ً",
	"،", "١", "ٰ", "ۓ", "ە", "۔", "ۺ", "ـ", "é", "\u00a0", "…", "😀", "ﻻ", "\xd8", "\xa7", "\xff", "ݐ", "  ", "كلمة "}

func countText(rng *rand.Rand) string {
	var b []byte
	for n := rng.IntN(40); n > 0; n-- {
		b = append(b, countPieces[rng.IntN(len(countPieces))]...)
	}
	return string(b)
}

// TestStringCount: StringCount returns what String does, counted as Count
// counts it, whether the text is already normal or not.
func TestStringCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, o := range []Options{Default, Search, None} {
		n := New(o)
		for i := range 50000 {
			s := countText(rng)
			if i%2 == 0 { // often normal already
				s = n.String(s)
			}
			got, c := n.StringCount(s)
			if want := n.String(s); got != want {
				t.Fatalf("%s: %+q: %+q, String %+q", o.Names(), s, got, want)
			}
			if want := Count(got); c != want {
				t.Fatalf("%s: %+q: counts %+v, Count %+v", o.Names(), s, c, want)
			}
		}
	}
}
