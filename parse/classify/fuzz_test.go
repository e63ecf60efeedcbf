package classify

import (
	"os"
	"testing"
	"unicode/utf8"
)

// FuzzClassify checks that any text classifies without panicking, that
// every non-blank line gets one of the eight kinds and every blank line
// none, and that image groups are only on image lines.
func FuzzClassify(f *testing.F) {
	seed, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(seed))
	f.Add("<DOC>\n<TITLE>عنوان</TITLE>\n<TEXT>\nنص\n</TEXT>\n")
	f.Add("مصدر الصورة،\nGetty Images\nالتعليق على الصورة،\n")
	f.Add("(\n)\n-\n?\n؟\n:\nلندن (رويترز) -\n\x00\n\f\r\n")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // decoding comes before: the classifier sees UTF-8
		}
		lines := SplitLines(text, 1)
		res := Classify(lines, nil)
		if len(res) != len(lines) {
			t.Fatalf("%d results for %d lines", len(res), len(lines))
		}
		for i, r := range res {
			if lines[i].Blank {
				if r.Kind != "" {
					t.Fatalf("blank line %d got %s", i+1, r.Kind)
				}
				continue
			}
			switch r.Kind {
			case Title, Heading, Paragraph, Meta, Boilerplate:
				if r.Image >= 0 {
					t.Fatalf("line %d: %s with image %d", i+1, r.Kind, r.Image)
				}
			case Caption, CaptionRepeat, Credit:
			default:
				t.Fatalf("line %d %q: kind %q", i+1, lines[i].Raw, r.Kind)
			}
			if r.Rule == "" {
				t.Fatalf("line %d: no rule", i+1)
			}
		}
		FindDateline(text, nil)
	})
}
