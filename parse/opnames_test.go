package parse_test

import (
	"encoding/json"
	"errors"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/khabar/khabar/parse"
	"github.com/khabar/khabar/parse/arabic"
)

// TestNormalizationOpNamesAgree holds every place that lists the
// normalization ops to the ops of parse/arabic (options.go), so that none
// of them drifts: the table of parse/arabic's package documentation
// (doc.go), the enum of $defs.op in the schema, and the normalization
// table of the README or of docs/normalization.md. A markdown file that
// is missing, or has no table of ops, is passed over; but at least one of
// the two must have the table, with a row "| `OPNAME` |…" for every op.
func TestNormalizationOpNamesAgree(t *testing.T) {
	var ops []string
	for _, op := range arabic.Ops() {
		if op.String() == "" {
			t.Errorf("parse/arabic/options.go: op %d has no name", uint8(op))
		}
		ops = append(ops, op.String())
	}
	if len(ops) == 0 {
		t.Fatal("parse/arabic/options.go: no ops")
	}
	sameOps(t, "parse/arabic/options.go", ops, ops)
	sameOps(t, "parse/arabic/doc.go, the package documentation's table", ops, docOps(t, "arabic/doc.go"))
	sameOps(t, "parse/schema.json, the enum of $defs.op", ops, schemaOps(t))

	tables := 0
	for _, name := range []string{"README.md", "docs/normalization.md"} {
		b, err := os.ReadFile("../" + name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if got := markdownOps(string(b), ops); got != nil {
			tables++
			sameOps(t, name+", the normalization table", ops, got)
		}
	}
	if tables == 0 {
		t.Errorf("neither README.md nor docs/normalization.md has a normalization table: a row \"| `OPNAME` |\" for each of %s", strings.Join(ops, ", "))
	}
}

// sameOps reports the ops of want that place does not list, the names it
// lists that are no op, and the names it lists twice.
func sameOps(t *testing.T, place string, want, got []string) {
	t.Helper()
	var missing, extra, twice []string
	for _, op := range want {
		if !slices.Contains(got, op) {
			missing = append(missing, op)
		}
	}
	seen := map[string]bool{}
	for _, name := range got {
		if !slices.Contains(want, name) {
			extra = append(extra, name)
		}
		if seen[name] {
			twice = append(twice, name)
		}
		seen[name] = true
	}
	if len(missing) > 0 {
		t.Errorf("%s does not list the ops %q", place, missing)
	}
	if len(extra) > 0 {
		t.Errorf("%s lists %q, which are not ops of parse/arabic/options.go", place, extra)
	}
	if len(twice) > 0 {
		t.Errorf("%s lists %q more than once", place, twice)
	}
}

// docOps returns the op names of the table in the package documentation
// of the Go file at path: the first word of each line of the comment's
// first indented block.
func docOps(t *testing.T, path string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	if f.Doc == nil {
		t.Fatalf("%s: no package documentation", path)
	}
	var names []string
	for line := range strings.SplitSeq(f.Doc.Text(), "\n") {
		if !strings.HasPrefix(line, "\t") {
			if names != nil {
				break // the end of the table
			}
			continue
		}
		names = append(names, strings.Fields(line)[0])
	}
	if names == nil {
		t.Fatalf("%s: no table of ops (an indented block) in the package documentation", path)
	}
	return names
}

// schemaOps returns the enum of $defs.op in the schema.
func schemaOps(t *testing.T) []string {
	t.Helper()
	var s struct {
		Defs struct {
			Op struct {
				Enum []string `json:"enum"`
			} `json:"op"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(parse.Schema(), &s); err != nil {
		t.Fatal(err)
	}
	if s.Defs.Op.Enum == nil {
		t.Fatal("parse/schema.json: no enum in $defs.op")
	}
	return s.Defs.Op.Enum
}

// opRow matches a markdown table row that starts with a name in code:
// "| `teh_marbuta` | …".
var opRow = regexp.MustCompile("^\\| `([^`]*)`")

// markdownOps returns the names that start the rows of the markdown
// tables of text that have a row for one of ops, or nil when no table
// has. A table is a run of lines that start with "|".
func markdownOps(text string, ops []string) []string {
	var names, table []string
	isOps := false
	end := func() {
		if isOps {
			names = append(names, table...)
		}
		table, isOps = nil, false
	}
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "|") {
			end()
			continue
		}
		if m := opRow.FindStringSubmatch(line); m != nil {
			table = append(table, m[1])
			isOps = isOps || slices.Contains(ops, m[1])
		}
	}
	end()
	return names
}
