package parse

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khabar/khabar/parse/arabic"
)

// TestStatsCountText: the record's word and character counts and its
// language, added up from its headings and paragraphs as they are made,
// are those of its text counted whole, on every golden input, wrapped
// paragraphs and several sections included.
func TestStatsCountText(t *testing.T) {
	inputs := map[string][]byte{
		// Paragraphs wrapped over lines, joined with spaces.
		"wrapped": []byte("ماذا في خلفية الصراع؟\n\nقالت السلطات إن الميناء سيفتح أبوابه أمام السفن\nالتجارية صباح الغد بعد إضراب\nدام أسبوعا كاملا.\n\n" +
			"وأضافت أن الحركة ستعود إلى طبيعتها\nخلال أيام قليلة.\n"),
	}
	addGoldenInputs(t, inputs)
	wrapped := false
	for f, raw := range inputs {
		for _, o := range []Options{{}, {Split: "auto"}, {Profile: "search"}, {Profile: "none"}} {
			for a := range Parse(bytes.NewReader(raw), f, o) {
				for _, s := range a.Sections {
					for _, p := range s.Paragraphs {
						wrapped = wrapped || p.Lines[1] > p.Lines[0]
					}
				}
				c := arabic.Count(a.Text)
				if a.Stats.Words != c.Words || a.Stats.Chars != c.Runes {
					t.Fatalf("%s %+v: %d words, %d chars; the text has %d, %d", f, o, a.Stats.Words, a.Stats.Chars, c.Words, c.Runes)
				}
				if a.Text != "" {
					if l := detectLanguage(a.Text, c, nil); l != a.Language {
						t.Fatalf("%s %+v: language %+v; the text's %+v", f, o, a.Language, l)
					}
				}
			}
		}
	}
	if !wrapped {
		t.Fatal("no paragraph wrapped over lines")
	}
}

// addGoldenInputs adds every golden input to inputs, by file name.
func addGoldenInputs(t *testing.T, inputs map[string][]byte) {
	t.Helper()
	files, _ := filepath.Glob("testdata/golden/*.txt")
	if len(files) < 10 {
		t.Fatalf("%d golden inputs", len(files))
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[f] = raw
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
