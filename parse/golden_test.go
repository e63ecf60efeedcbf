package parse_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/khabar/khabar/parse"
)

var update = flag.Bool("update", false, "rewrite the golden records in testdata/golden")

// goldenOptions are the options of the goldens that need some; the
// others use the zero Options.
var goldenOptions = map[string]parse.Options{
	"multi-article-nul.txt":      {Split: "auto"},
	"multi-article-formfeed.txt": {Split: "formfeed"},
	"multi-article-regex.txt":    {Split: `regex:^-{5,}$`},
	"seed-explain.txt":           {Explain: true},
	"search-profile.txt":         {Profile: "search"},
	"jsonl-input.txt":            {JSONL: true},
	"too-large.txt":              {MaxBytes: 100},
}

// generated are golden inputs made from other inputs, so the repository
// holds no binary copies of them.
var generated = map[string]func(t *testing.T) []byte{
	"seed-cp1256.bin": func(t *testing.T) []byte {
		b, err := charmap.Windows1256.NewEncoder().Bytes(readFile(t, "testdata/golden/seed.txt"))
		if err != nil {
			t.Fatal(err)
		}
		return b
	},
	"seed-utf16le.bin": func(t *testing.T) []byte {
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(readFile(t, "testdata/golden/seed.txt"))
		if err != nil {
			t.Fatal(err)
		}
		return b
	},
	"seed-utf16be.bin": func(t *testing.T) []byte {
		b, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes(readFile(t, "testdata/golden/seed.txt"))
		if err != nil {
			t.Fatal(err)
		}
		return b
	},
	"binary.bin": func(t *testing.T) []byte {
		b := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00")
		for i := range 512 {
			b = append(b, byte(i*7), 0, byte(i))
		}
		return b
	},
}

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// goldenInputs lists every golden input: files under testdata/golden and
// the generated ones.
func goldenInputs(t *testing.T) map[string][]byte {
	files, err := filepath.Glob("testdata/golden/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	in := map[string][]byte{}
	for _, f := range files {
		in[filepath.Base(f)] = readFile(t, f)
	}
	for name, gen := range generated {
		in[name] = gen(t)
	}
	return in
}

// records parses input and returns its records, pretty-printed one after
// another.
func records(t testing.TB, input []byte, name string, opts parse.Options) []byte {
	t.Helper()
	var out bytes.Buffer
	for a := range parse.Parse(bytes.NewReader(input), name, opts) {
		if err := parse.Encode(&out, a, true); err != nil {
			t.Fatal(err)
		}
	}
	return out.Bytes()
}

func TestGolden(t *testing.T) {
	for name, input := range goldenInputs(t) {
		t.Run(name, func(t *testing.T) {
			got := records(t, input, name, goldenOptions[name])
			golden := filepath.Join("testdata/golden", strings.TrimSuffix(name, filepath.Ext(name))+".json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want := readFile(t, golden)
			if !bytes.Equal(got, want) {
				t.Errorf("record differs from %s (go test ./parse -update rewrites it)\n%s", golden, firstDiff(got, want))
			}
		})
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// decodeAll reads a stream of JSON values.
func decodeAll(t testing.TB, b []byte) []any {
	t.Helper()
	var out []any
	dec := json.NewDecoder(bytes.NewReader(b))
	for {
		var v any
		err := dec.Decode(&v)
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
