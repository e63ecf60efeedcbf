package parse_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/khabar/khabar/parse"
)

func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(parse.Schema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// validateRecords checks every record of a stream against the schema.
func validateRecords(t *testing.T, s *jsonschema.Schema, name string, b []byte) int {
	t.Helper()
	all := decodeAll(t, b)
	for i, v := range all {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(mustJSON(t, v)))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(inst); err != nil {
			t.Errorf("%s: record %d: %v", name, i, err)
		}
	}
	return len(all)
}

func TestGoldensMatchSchema(t *testing.T) {
	s := compileSchema(t)
	files, _ := filepath.Glob("testdata/golden/*.json")
	if len(files) < 25 {
		t.Errorf("%d goldens, want at least 25", len(files))
	}
	for _, f := range files {
		validateRecords(t, s, f, readFile(t, f))
	}
}

// TestRecordsMatchSchema parses every golden input with other options too.
func TestRecordsMatchSchema(t *testing.T) {
	s := compileSchema(t)
	for name, input := range goldenInputs(t) {
		for _, o := range []parse.Options{
			{Explain: true, Split: "auto"},
			{Profile: "none"},
			{Profile: "search", Explain: true},
			{Encoding: "windows-1256"},
			{Encoding: "utf-8", MaxBytes: 1000},
		} {
			validateRecords(t, s, name, records(t, input, name, o))
		}
	}
}

func TestSchemaRejects(t *testing.T) {
	s := compileSchema(t)
	seed := records(t, readFile(t, "testdata/golden/seed.txt"), "seed.txt", parse.Options{})
	for _, tc := range []struct{ name, from, to string }{
		{"extra key", `"schema_version": "1.1",`, `"schema_version": "1.1", "extra": 1,`},
		{"bad status", `"status": "ok"`, `"status": "partial"`},
		{"null array", `"agencies": [`, `"agencies": null, "x": [`},
		{"bad id", `"id": "sha256:`, `"id": "md5:`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := bytes.Replace(seed, []byte(tc.from), []byte(tc.to), 1)
			if bytes.Equal(b, seed) {
				t.Fatalf("%q not found in the seed's record", tc.from)
			}
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if s.Validate(v) == nil {
				t.Error("schema accepts it")
			}
		})
	}
}
