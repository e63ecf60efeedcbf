package decode

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestValidUTF8 compares validUTF8 with utf8.Valid on text that mixes
// ASCII, two-, three- and four-byte sequences and bad bytes, at every
// length and alignment of a few pieces.
func TestValidUTF8(t *testing.T) {
	pieces := []string{"a", " ", "ب", "ة", "é", "\u00a0", "€", "\u200f", "😀", "\xd8", "\xa7", "\xc0\x80", "\xc1\xbf",
		"\xe2\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff", "\x80", "\xdf\xbf", "\xc2\x80", "abcdefgh"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var b []byte
		for n := rng.IntN(12); n > 0; n-- {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		if got, want := validUTF8(b), utf8.Valid(b); got != want {
			t.Fatalf("%q: %v, want %v", b, got, want)
		}
	}
	// Every byte value at every offset of a line of Arabic text.
	line := []byte("طائرة روسية في مطار Caracas بالقرب من العاصمة")
	for at := range line {
		for c := range 256 {
			b := append([]byte(nil), line...)
			b[at] = byte(c)
			if got, want := validUTF8(b), utf8.Valid(b); got != want {
				t.Fatalf("%q: %v, want %v", b, got, want)
			}
		}
	}
}

func FuzzValidUTF8(f *testing.F) {
	f.Add([]byte("طائرة روسية\xff في مطار"))
	f.Add([]byte("a\u00a0b€😀 \xc0\x80"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := validUTF8(b), utf8.Valid(b); got != want {
			t.Fatalf("%q: %v, want %v", b, got, want)
		}
	})
}

func BenchmarkValidUTF8(b *testing.B) {
	text := []byte(benchText(b))
	b.Run("validUTF8", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			validUTF8(text)
		}
	})
	b.Run("utf8.Valid", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			utf8.Valid(text)
		}
	})
}
