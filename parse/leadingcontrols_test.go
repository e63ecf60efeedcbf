package parse

import (
	"strings"
	"testing"
)

// A bidi control at the very start of a line is removed from the text,
// and counted in normalization.changes.controls like one inside a line.
func TestLeadingControlsCounted(t *testing.T) {
	const rlm, lrm = "\u200f", "\u200e"
	doc := rlm + "وزير الخارجية يزور لندن\n\n" +
		rlm + lrm + " وصل وزير الخارجية إلى لندن اليوم في زيارة تستمر يومين لبحث العلاقات الثنائية.\n\n" +
		"وقال الوزير إن الزيارة " + rlm + "مهمة للبلدين وإنه سيلتقي نظيره البريطاني غدا.\n"
	var a *Article
	for a = range Parse(strings.NewReader(doc), "doc.txt", Options{}) {
		break
	}
	if a == nil || a.Status != StatusOK {
		t.Fatalf("record %+v", a)
	}
	if got := a.Normalization.Changes["controls"]; got != 4 {
		t.Errorf("controls counted: %d, want 4 (two lines that start with controls, one inside a line)", got)
	}
	if strings.ContainsAny(a.Text, rlm+lrm) || a.Title != nil && strings.ContainsAny(a.Title.Text, rlm+lrm) {
		t.Errorf("a control is left in the text: %+q", a.Text)
	}
	if a.Title == nil || a.Title.Text != "وزير الخارجية يزور لندن" {
		t.Errorf("title %+v", a.Title)
	}
	if !strings.HasPrefix(a.Text, "وصل وزير") {
		t.Errorf("text %+q: the space after the controls is not trimmed", a.Text)
	}
}
