package parse

import (
	"bytes"
	"io"
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

// TestReadAllPooled: a document of up to pooledSize bytes is read into a
// pooled buffer; a larger one, whether its size is known in advance or
// not, keeps a buffer of its own, which its record may share.
func TestReadAllPooled(t *testing.T) {
	small, big := bytes.Repeat([]byte("خبر\n"), 100), bytes.Repeat([]byte("خبر\n"), pooledSize/4)
	for _, c := range []struct {
		name   string
		r      io.Reader
		size   int
		pooled bool
	}{
		{"small, sized", bytes.NewReader(small), len(small), true},
		{"small, unsized", io.MultiReader(bytes.NewReader(small)), len(small), true},
		{"big, sized", bytes.NewReader(big), len(big), false},
		{"big, unsized", io.MultiReader(bytes.NewReader(big)), len(big), false},
	} {
		var d rawDoc
		b, err := readAll(c.r, 1<<30, &d)
		if err != nil || len(b) != c.size {
			t.Fatalf("%s: %d bytes, %v", c.name, len(b), err)
		}
		if (d.pooled != nil) != c.pooled {
			t.Errorf("%s: pooled %v, want %v", c.name, d.pooled != nil, c.pooled)
		}
		releaseRaw(&d)
	}
}
