package classify

import (
	"os"
	"testing"

	"github.com/khabar/khabar/parse/lexicon"
)

// BenchmarkClassify measures SplitLines and Classify on the seed article.
func BenchmarkClassify(b *testing.B) {
	text, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	lex := lexicon.Builtin()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Classify(SplitLines(string(text), 1), lex)
	}
}

// BenchmarkTokens measures the match key and its tokens on a paragraph.
func BenchmarkTokens(b *testing.B) {
	b.SetBytes(int64(len(para1)))
	b.ReportAllocs()
	for b.Loop() {
		lexicon.Tokens(para1)
	}
}
