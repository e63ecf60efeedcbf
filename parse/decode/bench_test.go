package decode

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// benchText is about 1 MB of Arabic news text: the corpus seed repeated
// when it is there, else the test sentences.
func benchText(b *testing.B) string {
	seed, err := os.ReadFile(filepath.Join(corpusDir, "seed", "000_e81460aa56a68863.txt"))
	if err != nil {
		seed = []byte(news + "\n" + isoNews + "\n")
	}
	return strings.Repeat(string(seed), 1<<20/len(seed)+1)
}

func benchInputs(b *testing.B) []struct {
	name string
	in   []byte
} {
	text := benchText(b)
	// ISO-8859-6 cannot hold every character of the seed; drop them.
	iso := encoding.ReplaceUnsupported(charmap.ISO8859_6.NewEncoder())
	isoIn, _ := iso.Bytes([]byte(text))
	return []struct {
		name string
		in   []byte
	}{
		{"utf-8", []byte(text)},
		{"utf-8-bad", []byte(strings.ReplaceAll(text, "، ", "\xff "))},
		{"utf-16le", cat(bomLE, encode(b, le, text))},
		{"windows-1256", encode(b, charmap.Windows1256, text)},
		{"iso-8859-6", isoIn},
	}
}

// BenchmarkBytes reports MB/s of input.
func BenchmarkBytes(b *testing.B) {
	for _, c := range benchInputs(b) {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.in)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Bytes(c.in, Auto); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReader reports MB/s of input through io.Copy.
func BenchmarkReader(b *testing.B) {
	for _, c := range benchInputs(b) {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.in)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := io.Copy(io.Discard, NewReader(bytes.NewReader(c.in), Auto)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
