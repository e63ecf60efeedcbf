package parse_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/khabar/khabar/parse"
)

// BenchmarkParse measures a seed-like article from bytes to its JSON
// record.
func BenchmarkParse(b *testing.B) {
	seed := readFile(b, "testdata/golden/seed.txt")
	b.SetBytes(int64(len(seed)))
	b.ReportAllocs()
	for b.Loop() {
		for a := range parse.Parse(bytes.NewReader(seed), "seed.txt", parse.Options{}) {
			if err := parse.Encode(io.Discard, a, false); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkParseDump measures a dump of many articles split on NUL lines,
// the shape of a large archive file.
func BenchmarkParseDump(b *testing.B) {
	seed := readFile(b, "testdata/golden/seed.txt")
	var dump []byte
	for range 200 {
		dump = append(append(dump, seed...), "\n\x00\n"...)
	}
	b.SetBytes(int64(len(dump)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for a := range parse.Parse(bytes.NewReader(dump), "dump.txt", parse.Options{Split: "auto"}) {
			if err := parse.Encode(io.Discard, a, false); err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 200 {
			b.Fatalf("%d records", n)
		}
	}
}
