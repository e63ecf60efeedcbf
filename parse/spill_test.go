package parse

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// encodePieces returns what Encode writes when it writes the record in
// pieces of a few bytes.
func encodePieces(t testing.TB, a *Article, pretty bool) []byte {
	t.Helper()
	var out []byte
	for _, size := range []int{1, 2, 3, 7, 100} {
		w := &pieceWriter{}
		func() {
			defer func(s int) { spillSize = s }(spillSize)
			spillSize = size
			if err := Encode(w, a, pretty); err != nil {
				t.Fatal(err)
			}
		}()
		if out != nil && !bytes.Equal(w.b, out) {
			t.Fatalf("pieces of %d bytes: the record differs", size)
		}
		out = w.b
	}
	return out
}

type pieceWriter struct {
	b      []byte
	writes int
}

func (w *pieceWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	w.writes++
	return len(p), nil
}

// TestEncodeLongString checks that a long text written in pieces is
// escaped as it is in one piece, wherever the pieces are cut: in a
// character, in an escape, in bytes that are not UTF-8.
func TestEncodeLongString(t *testing.T) {
	odd := "a\"b\\c\x00\n\u2028\xe2\x80\xff\xc3 é ع 😀\xf0\x9f\x80\x80\x80\x80\x80ab"
	for n := range 40 {
		s := strings.Repeat("ع", n) + odd + strings.Repeat(odd, 3)
		a := &Article{Text: s, Sections: []Section{{Paragraphs: []Paragraph{{Text: s}}}}}
		checkEncode(t, "long string", a)
		a.Text = "x" + s
		checkEncode(t, "long string", a)
	}
	defer func(s int) { spillSize = s }(spillSize)
	spillSize = 16
	w := &pieceWriter{}
	if err := Encode(w, &Article{Text: strings.Repeat(odd, 10)}, false); err != nil {
		t.Fatal(err)
	}
	if w.writes < 10 {
		t.Errorf("a text of %d bytes in pieces of 16 went out in %d writes", 10*len(odd), w.writes)
	}
}

// TestEncodeWriteError checks that Encode in pieces reports the error of
// the writer.
func TestEncodeWriteError(t *testing.T) {
	defer func(s int) { spillSize = s }(spillSize)
	spillSize = 10
	a := &Article{Text: strings.Repeat("ع", 100)}
	for _, pretty := range []bool{false, true} {
		if err := Encode(failWriter{}, a, pretty); err != errFail {
			t.Errorf("pretty %v: got %v, want %v", pretty, err, errFail)
		}
	}
}

var errFail = errors.New("no room")

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errFail }

// FuzzIndentPieces checks that the record indented piece by piece, cut
// at any two places, is what appendIndent makes of the whole.
func FuzzIndentPieces(f *testing.F) {
	for _, s := range []string{
		`{}`, `[]`, `{"a":[]}`, `[{},[],{"b":{}}]`, `"x"`, `{"a\"":"\\","b":"\\\"","c":"\\\\"}`,
		`{"text":"عربي \u2028 \n","lines":[1,2],"x":{"y":[{"z":null}]}}`, `{"a":"\\\\\\\"\\\\","b":[-1.5e+3,true]}`,
	} {
		f.Add([]byte(s), uint16(1), uint16(5))
	}
	f.Fuzz(func(t *testing.T, in []byte, i, j uint16) {
		var compact bytes.Buffer
		if json.Compact(&compact, in) != nil {
			return
		}
		src := compact.Bytes()
		want := appendIndent(nil, src)
		cut1, cut2 := int(i)%(len(src)+1), int(j)%(len(src)+1)
		if cut1 > cut2 {
			cut1, cut2 = cut2, cut1
		}
		var in2 indenter
		got := in2.indent(nil, src[:cut1])
		got = in2.indent(got, src[cut1:cut2])
		got = in2.indent(got, src[cut2:])
		if !bytes.Equal(got, want) {
			t.Fatalf("%s cut at %d and %d:\n got %s\nwant %s", src, cut1, cut2, got, want)
		}
	})
}

// TestIndentEveryCut indents the records of the goldens cut at every
// byte, one byte a piece.
func TestIndentEveryCut(t *testing.T) {
	files, _ := filepath.Glob("testdata/golden/*.json")
	for _, f := range files {
		pretty, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(bytes.NewReader(pretty))
		for dec.More() { // some goldens hold several records
			var rec json.RawMessage
			if err := dec.Decode(&rec); err != nil {
				t.Fatal(err)
			}
			var compact bytes.Buffer
			if err := json.Compact(&compact, rec); err != nil {
				t.Fatal(err)
			}
			src := compact.Bytes()
			want := appendIndent(nil, src)
			var in indenter
			var got []byte
			for k := range src {
				got = in.indent(got, src[k:k+1])
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: indented byte by byte, the record differs", f)
			}
		}
	}
}
