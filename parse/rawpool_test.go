package parse

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRecordOwnsStrings: a record holds no string that lies in the
// pooled buffer its document was read into. Each golden input is parsed
// with several option sets, the buffer just handed back to the pool is
// overwritten, and the record must be what it was.
func TestRecordOwnsStrings(t *testing.T) {
	files, _ := filepath.Glob("testdata/golden/*.txt")
	if len(files) < 10 {
		t.Fatalf("%d golden inputs", len(files))
	}
	inputs := map[string][]byte{
		"one paragraph": []byte("فقرة واحدة لا غير، في سطر واحد.\n"),
		"wrapped": []byte("عنوان قصير\n\nقالت السلطات إن الميناء سيفتح أبوابه أمام السفن\nالتجارية صباح الغد بعد إضراب\nدام أسبوعا كاملا.\n\n" +
			"مصدر الصورة، Getty Images\nالتعليق على الصورة، سفن في الميناء\n\nالمصدر: وكالات\n"),
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[f] = raw
	}
	pooled := 0
	for name, raw := range inputs {
		for _, o := range []Options{{}, {Explain: true}, {Profile: "none", Explain: true}, {Profile: "search"}} {
			for a := range Parse(bytes.NewReader(raw), name, o) {
				before := AppendRecord(nil, a, false)
				var lines []string // explain's texts, which the JSON leaves out
				for _, l := range a.Lines {
					lines = append(lines, strings.Clone(l.Text))
				}
				// The buffer released last is the pool's first to hand out.
				b := rawPool.Get().(*[]byte)
				if cap(*b) >= len(raw) {
					pooled++
				}
				full := (*b)[:cap(*b)]
				for i := range full {
					full[i] = '#'
				}
				after := AppendRecord(nil, a, false)
				if !bytes.Equal(before, after) {
					t.Fatalf("%s %+v: the record changed with the buffer it was read into:\n%s\n%s", name, o, before, after)
				}
				for i, l := range a.Lines {
					if l.Text != lines[i] {
						t.Fatalf("%s %+v: explain's line %d changed with the buffer: %q", name, o, l.N, l.Text)
					}
				}
			}
		}
	}
	if pooled < len(inputs) {
		t.Fatalf("%d of %d parses read into a pooled buffer", pooled, 4*len(inputs))
	}
}
