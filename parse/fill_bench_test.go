package parse

import (
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/khabar/khabar/parse/classify"
)

// BenchmarkFill measures what the driver adds to the classifier: record
// assembly, normalization of the text fields and JSON, on the seed's
// lines classified once beforehand.
func BenchmarkFill(b *testing.B) {
	seed, err := os.ReadFile("testdata/golden/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	p, err := newParser("seed.txt", Options{})
	if err != nil {
		b.Fatal(err)
	}
	d := &rawDoc{raw: seed, first: 1, last: 45, size: int64(len(seed))}
	lines := classify.SplitLines(string(seed), 1)
	var res classify.Results
	res.Classify(lines, p.lex)
	b.SetBytes(int64(len(seed)))
	b.ReportAllocs()
	for b.Loop() {
		a := p.newArticle(d)
		pd := p.prepare(a, d)
		p.fill(a, pd, lines, &res, p.sc.norm)
		if err := Encode(io.Discard, a, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncode measures the JSON of the seed's record alone.
func BenchmarkEncode(b *testing.B) {
	seed, err := os.ReadFile("testdata/golden/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	var a *Article
	for a = range Parse(bytes.NewReader(seed), "seed.txt", Options{}) {
	}
	b.SetBytes(int64(len(seed)))
	b.ReportAllocs()
	for b.Loop() {
		if err := Encode(io.Discard, a, false); err != nil {
			b.Fatal(err)
		}
	}
}
