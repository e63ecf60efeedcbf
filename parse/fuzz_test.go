package parse_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/khabar/khabar/parse"
)

// FuzzParse checks that any input, split any way, gives records that are
// valid JSON, match the schema, and never come from a recovered panic.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/golden/*.txt")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		if len(b) > 4096 {
			b = b[:4096]
		}
		f.Add(b, uint8(0))
	}
	f.Add([]byte("a\x00\nb\r\n\x0c\rc"), uint8(1))
	f.Add([]byte("\xff\xfe\x00\x00\n\x00"), uint8(1))
	f.Add([]byte(`{"id":1,"text":"x"}`+"\n{"), uint8(3))
	s := compileSchema(f)
	f.Fuzz(func(t *testing.T, input []byte, mode uint8) {
		opts := []parse.Options{
			{},
			{Split: "auto", Explain: true},
			{Split: "regex:^-+$", Profile: "search"},
			{JSONL: true},
			{MaxBytes: 64, Split: "nul"},
		}[int(mode)%5]
		for a := range parse.Parse(bytes.NewReader(input), "fuzz.txt", opts) {
			if a.Error != nil && a.Error.Code == parse.ErrInternal {
				t.Fatalf("recovered panic: %s", a.Error.Message)
			}
			b, err := parse.Marshal(a, false)
			if err != nil {
				t.Fatal(err)
			}
			if !json.Valid(b) || strings.Count(string(b), "\n") != 1 {
				t.Fatalf("not one line of JSON: %q", b)
			}
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(v); err != nil {
				t.Fatalf("record does not match the schema: %v\n%s", err, b)
			}
			checkRecord(t, input, opts.Explain && !opts.JSONL, a)
		}
	})
}
