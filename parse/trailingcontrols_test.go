package parse

import (
	"bytes"
	"strings"
	"testing"

	"github.com/khabar/khabar/parse/arabic"
)

// A bidi control at the very end of a line is removed from the text and
// counted in normalization.changes.controls, as one at the start of a
// line or inside it is; the record is otherwise the one of the same
// document without the controls.
func TestTrailingControlsCounted(t *testing.T) {
	const rlm, lrm, pdf, pdi = "\u200f", "\u200e", "\u202c", "\u2069"
	// Paragraphs apart, their lines touching and ending sentences: one
	// paragraph a line. The controls after a full stop must not make a
	// line look open (as if the paragraph were wrapped over lines).
	lines := []string{
		"وزير الخارجية يزور لندن", "",
		"وصل وزير الخارجية إلى لندن اليوم في زيارة تستمر يومين لبحث العلاقات الثنائية.",
		"وقال الوزير إن الزيارة مهمة للبلدين وإنه سيلتقي نظيره البريطاني غدا.", "",
		"وأضاف أن المحادثات ستتناول التجارة والطاقة والأمن في المنطقة.",
		"ومن المقرر أن يعود الوزير إلى بلاده مساء الخميس المقبل.",
	}
	clean := strings.Join(lines, "\n") + "\n"
	lines[0] += rlm
	lines[2] += lrm + " " + pdf
	lines[3] = rlm + lines[3] + pdi
	lines[5] += rlm
	doc := strings.Join(lines, "\r\n") + rlm // the last line has no line end
	const want = 7                           // six that end lines, one that starts one
	for _, opts := range []Options{{}, {Explain: true, Split: "auto"}} {
		a, exp := parseOne(t, doc, opts), parseOne(t, clean, opts)
		if got := a.Normalization.Changes["controls"]; got != want {
			t.Errorf("%+v: controls counted: %d, want %d", opts, got, want)
		}
		if strings.ContainsAny(a.Text, rlm+lrm+pdf+pdi) || a.Title == nil || strings.ContainsAny(a.Title.Text, rlm) {
			t.Errorf("a control is left: title %+v, text %+q", a.Title, a.Text)
		}
		// Equal but for the counts, the id and the source.
		a.ID, a.Source, a.Normalization.Changes = exp.ID, exp.Source, exp.Normalization.Changes
		if got, exp := encoded(t, a), encoded(t, exp); got != exp {
			t.Errorf("%+v: record differs from the one without controls:\n got %s\nwant %s", opts, got, exp)
		}
	}
	// Kept by a profile without controls, they still end no sentence:
	// four paragraphs, as without them.
	a := parseOne(t, doc, Options{Without: []arabic.Op{arabic.Controls}})
	if n := len(a.Sections[0].Paragraphs); n != 4 || a.Normalization.Changes["controls"] != 0 {
		t.Errorf("without controls: %d paragraphs, changes %v", n, a.Normalization.Changes)
	}
}

func parseOne(t *testing.T, doc string, opts Options) *Article {
	t.Helper()
	for a := range Parse(strings.NewReader(doc), "doc.txt", opts) {
		if a.Status != StatusOK {
			t.Fatalf("status %s, error %+v", a.Status, a.Error)
		}
		return a
	}
	t.Fatal("no record")
	return nil
}

func encoded(t *testing.T, a *Article) string {
	t.Helper()
	var b bytes.Buffer
	if err := Encode(&b, a, false); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
