package parse

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// FuzzAppendIndent checks the indenter against json.Indent on any valid
// JSON, made compact first as appendArticle writes it.
func FuzzAppendIndent(f *testing.F) {
	for _, s := range []string{
		`{}`, `[]`, `{"a":[]}`, `[{},[],{"b":{}}]`, `"x"`, `null`, `-1.5e+3`,
		`{"a\"":"\\","b":"\\\"","c":"\\\\"}`, `[1,true,false,null,"]",",:{"]`,
		`{"text":"عربي \u2028 \n","lines":[1,2],"x":{"y":[{"z":null}]}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var compact bytes.Buffer
		if json.Compact(&compact, in) != nil {
			return
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
			t.Fatal(err)
		}
		if got := appendIndent(nil, compact.Bytes()); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("%s:\n got %s\nwant %s", compact.Bytes(), got, want.Bytes())
		}
	})
}

// TestNewlineDeep checks indents deeper than the spaces kept for them.
func TestNewlineDeep(t *testing.T) {
	for _, depth := range []int{0, 1, 31, 32, 33, 100} {
		got := newline(nil, depth)
		if want := "\n" + string(bytes.Repeat([]byte("  "), depth)); string(got) != want {
			t.Errorf("depth %d: %d bytes, want %d", depth, len(got), len(want))
		}
	}
}

// BenchmarkEncodePretty measures the seed's record written indented, as
// batch writes a one-document file.
func BenchmarkEncodePretty(b *testing.B) {
	a := seedRecord(b)
	b.SetBytes(int64(len(a.Text)))
	b.ReportAllocs()
	var out bytes.Buffer
	for b.Loop() {
		out.Reset()
		if err := Encode(&out, a, true); err != nil {
			b.Fatal(err)
		}
	}
}

func seedRecord(b *testing.B) *Article {
	seed, err := os.ReadFile("testdata/golden/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	var a *Article
	for a = range Parse(bytes.NewReader(seed), "seed.txt", Options{}) {
	}
	return a
}

// BenchmarkAppendString measures the escaper on the seed's text (Arabic
// with line feeds) and on plain ASCII.
func BenchmarkAppendString(b *testing.B) {
	for _, c := range []struct{ name, s string }{
		{"arabic", seedRecord(b).Text},
		{"ascii", string(bytes.Repeat([]byte("The quick brown fox jumps over the lazy dog. "), 100))},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.s)))
			var out []byte
			for b.Loop() {
				out = appendString(out[:0], c.s)
			}
		})
	}
}
