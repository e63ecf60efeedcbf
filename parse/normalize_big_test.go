package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khabar/khabar/parse/arabic"
)

// TestNormalizeBig checks that a text over bigString, normalized in two
// passes without copies, comes out as Normalizer.String gives it, with
// the same counts and changes, in every profile: on texts that need each
// op, and on the golden inputs.
func TestNormalizeBig(t *testing.T) {
	pieces := []string{
		"قال الرئيس في بيان ", "الـــرئيس ", "بيان  جديد ", "ﻻ ", "كَتَبَ ", "a\u200fb ", "x\r\ny\rz\n",
		"\u0627\u0653 ", "\u064e\u0650\u064e ", "ي\u0654 ", "\u00a0\u2003", "\ufeff", "😀 ", "\xff\xfe ",
		"ـ", "\u200e\u200e\u200e\u064e",
	}
	var texts []string
	for n := range 200 {
		var b strings.Builder
		for i := n; i < 3*n; i++ {
			b.WriteString(pieces[i*7%len(pieces)])
			b.WriteString(pieces[i%len(pieces)])
		}
		texts = append(texts, b.String())
	}
	files, _ := filepath.Glob("testdata/golden/*.txt")
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(raw))
	}
	defer func(n, m int) { bigString, bigPiece = n, m }(bigString, bigPiece)
	for k, ops := range []arabic.Options{arabic.Default, arabic.Search, arabic.None} {
		for i, s := range texts {
			bigPiece = 1 + (i+k)%7
			bigString = 1 << 30
			want := newNormalizer(ops)
			wantOut, wantCount := want.stringCount(s)
			bigString = 16
			got := newNormalizer(ops)
			out, c := got.stringCount(s)
			if out != wantOut || c != wantCount {
				t.Fatalf("ops %v: %q normalizes differently in two passes:\n got %q\nwant %q", ops.Names(), s, out, wantOut)
			}
			if g, w := got.changes.Map(), want.changes.Map(); len(g) != len(w) {
				t.Fatalf("ops %v: %q: changes %v, want %v", ops.Names(), s, g, w)
			} else {
				for k, v := range w {
					if g[k] != v {
						t.Fatalf("ops %v: %q: changes %v, want %v", ops.Names(), s, g, w)
					}
				}
			}
			if got.string(s) != wantOut {
				t.Fatalf("ops %v: %q: string and stringCount differ", ops.Names(), s)
			}
		}
	}
}
