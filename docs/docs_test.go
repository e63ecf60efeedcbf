package docs

import (
	"strings"
	"testing"
)

// Every topic file names itself on its first line and says what it covers.
func TestTopicsNameThemselves(t *testing.T) {
	topics := Topics()
	if len(topics) < 4 {
		t.Fatalf("%d topics, want at least 4", len(topics))
	}
	for _, tp := range topics {
		first, _, _ := strings.Cut(tp.Text, "\n")
		if !strings.HasPrefix(first, "# "+tp.Name+" — ") {
			t.Errorf("%s.md: first line %q, want \"# %s — what it covers\"", tp.Name, first, tp.Name)
		}
		if tp.Short == "" || strings.Count(tp.Text, "\n") < 10 {
			t.Errorf("%s.md: no short help, or only a few lines", tp.Name)
		}
	}
}

func TestParseTopic(t *testing.T) {
	tp := parseTopic("record", "# record — the JSON record, field by field\n\ntext\n")
	if tp.Short != "the JSON record, field by field" {
		t.Errorf("short %q", tp.Short)
	}
}
