package arabic

import (
	"bytes"
	"os"
	"testing"

	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// benchText is the committed news article repeated to about 1 MB.
func benchText(b *testing.B) []byte {
	seed, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	return bytes.Repeat(seed, 1<<20/len(seed)+1)
}

func BenchmarkNormalize(b *testing.B) {
	benchNormalize(b, benchText(b))
}

// BenchmarkNormalizeCorpus runs on the whole shared corpus (4.8 MB of
// news dumps with their invisible controls, NBSPs and harakat), when it is
// there.
func BenchmarkNormalizeCorpus(b *testing.B) {
	var all []byte
	forCorpus(b, func(name string, text []byte) { all = append(all, text...) })
	benchNormalize(b, all)
}

func benchNormalize(b *testing.B, src []byte) {
	for _, p := range []struct {
		name string
		o    Options
	}{{"default", Default}, {"search", Search}} {
		b.Run(p.name, func(b *testing.B) {
			n := New(p.o)
			dst := make([]byte, 4096)
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				n.Reset()
				for s := src; ; {
					_, c, err := n.Transform(dst, s, true)
					s = s[c:]
					if err != transform.ErrShortDst {
						if err != nil {
							b.Fatal(err)
						}
						break
					}
				}
			}
		})
	}
}

// benchLines returns the lines of benchText and their total length.
func benchLines(b *testing.B) ([]string, int) {
	lines := bytes.Split(benchText(b), []byte("\n"))
	strs := make([]string, len(lines))
	total := 0
	for i, l := range lines {
		strs[i] = string(l)
		total += len(l)
	}
	return strs, total
}

func BenchmarkKey(b *testing.B) {
	strs, total := benchLines(b)
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range strs {
			Key(s)
		}
	}
}

// BenchmarkXTextNFC is the anchor: x/text's NFC alone on the same text.
func BenchmarkXTextNFC(b *testing.B) {
	src := benchText(b)
	dst := make([]byte, 0, len(src)+len(src)/4)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		dst = norm.NFC.Append(dst[:0], src...)
	}
}

// BenchmarkStringCount normalizes and counts the lines of the news
// article, as the parser does for each paragraph; most are already
// normal.
func BenchmarkStringCount(b *testing.B) {
	strs, total := benchLines(b)
	n := New(Default)
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range strs {
			n.StringCount(s)
		}
	}
}
