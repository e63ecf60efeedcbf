package parse

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/khabar/khabar/parse/decode"
)

// TestRecordOwnsStrings: a record holds no string that lies in the
// pooled buffer its document was read into. Each golden input is parsed
// with several option sets, the buffer just handed back to the pool is
// overwritten, and the record must be what it was.
func TestRecordOwnsStrings(t *testing.T) {
	inputs := map[string][]byte{
		"one paragraph": []byte("فقرة واحدة لا غير، في سطر واحد.\n"),
		"wrapped": []byte("عنوان قصير\n\nقالت السلطات إن الميناء سيفتح أبوابه أمام السفن\nالتجارية صباح الغد بعد إضراب\nدام أسبوعا كاملا.\n\n" +
			"مصدر الصورة، Getty Images\nالتعليق على الصورة، سفن في الميناء\n\nالمصدر: وكالات\n"),
	}
	addGoldenInputs(t, inputs)
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

// TestOneDocAsSplit: an input to split that holds no separator gives the
// record the line-by-line splitter gives, though it is read whole (see
// parser.oneDoc): on every golden input and on edge cases of blank lines,
// line ends, sizes and encodings, with and without explain.
func TestOneDocAsSplit(t *testing.T) {
	inputs := map[string][]byte{
		"empty":            {},
		"blank":            []byte("\n\n  \n"),
		"no line end":      []byte("خبر بلا نهاية سطر"),
		"CR":               []byte("عنوان\r\rفقرة أولى في الخبر.\rفقرة ثانية.\r"),
		"CRLF blank end":   []byte("فقرة أولى في الخبر.\r\n\r\n\r\n"),
		"invalid UTF-8":    []byte("فقرة \xff فيها بايت غريب.\n"),
		"Windows-1256":     {0xe3, 0xd5, 0xcf, 0xd1, 0x20, 0xc7, 0xe1, 0xd5, 0xe6, 0xd1, 0xc9, '\n', 0xd1, 0xe6, 0xc6, 0xca, 0xd1, '\n'},
		"UTF-8 BOM":        append([]byte{0xef, 0xbb, 0xbf}, "فقرة بعد علامة الترتيب.\n"...),
		"BOM only":         {0xef, 0xbb, 0xbf},
		"controls":         []byte("نص\x01\x02\x03\x04\x05\x06\x07\x08 فيه محارف تحكم كثيرة\x0e\x0f\x10\x11\n"),
		"binary":           bytes.Repeat([]byte{1, 2, 3, 'a'}, 100),
		"long line":        bytes.Repeat([]byte("كلمة "), 12000),
		"just over prefix": bytes.Repeat([]byte("سطر من خبر طويل.\n"), 2200),
	}
	addGoldenInputs(t, inputs)
	whole := 0
	for name, raw := range inputs {
		for _, o := range oneDocOptions {
			if sameAsSplit(t, name, raw, o) {
				whole++
			}
		}
	}
	if whole < len(inputs) {
		t.Fatalf("only %d parses took the input whole", whole)
	}
}

var oneDocOptions = []Options{{Split: "auto"}, {Split: "formfeed", Explain: true}, {Split: "nul", MaxBytes: 100}}

// FuzzOneDoc holds the records of inputs read whole to the splitter's on
// any bytes.
func FuzzOneDoc(f *testing.F) {
	f.Add([]byte("عنوان\n\nفقرة أولى.\r\nفقرة ثانية.\n"), uint8(0))
	f.Add([]byte{0xe3, 0xd5, 0xcf, 0xd1, '\r'}, uint8(2))
	f.Fuzz(func(t *testing.T, raw []byte, opt uint8) {
		sameAsSplit(t, "f.txt", raw, oneDocOptions[int(opt)%len(oneDocOptions)])
	})
}

// sameAsSplit checks that Parse gives the records the line-by-line
// splitter gives for raw, and reports whether Parse read it whole.
func sameAsSplit(t *testing.T, name string, raw []byte, o Options) bool {
	t.Helper()
	p, err := newParser(name, o)
	if err != nil {
		t.Fatal(err)
	}
	_, whole := p.oneDoc(bufio.NewReaderSize(bytes.NewReader(raw), decode.Prefix))
	var want [][]byte
	next := p.splitDocs(bufio.NewReaderSize(bytes.NewReader(raw), decode.Prefix))
	for d := next(); d != nil; d = next() {
		want = append(want, AppendRecord(nil, p.buildTimed(d), true))
	}
	putScratch(p.sc)
	var got [][]byte
	for a := range Parse(bytes.NewReader(raw), name, o) {
		got = append(got, AppendRecord(nil, a, true))
	}
	if len(got) != len(want) {
		t.Fatalf("%s %+v: %d records, the splitter gives %d", name, o, len(got), len(want))
	}
	for i := range got {
		if !bytes.Equal(got[i], want[i]) {
			t.Fatalf("%s %+v: record %d\n%s\nthe splitter gives\n%s", name, o, i, got[i], want[i])
		}
	}
	return whole
}
