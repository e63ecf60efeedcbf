package parse

import (
	"slices"
	"strings"
	"testing"

	"github.com/khabar/khabar/parse/lexicon"
)

func TestAuthorsOf(t *testing.T) {
	lex := lexicon.Builtin()
	tests := []struct {
		line     string
		dateline bool
		names    []string
		site     string
	}{
		{"كتب: سعد جمعة", false, []string{"سعد جمعة"}, ""},
		{"بقلم الشيخ بهاء الدين سلام", false, []string{"الشيخ بهاء الدين سلام"}, ""},
		{"بقلم: د. إبراهيم أبو محمد*", false, []string{"د. إبراهيم أبو محمد"}, ""},
		{"العربية.نت - إيليا جزائري", false, []string{"إيليا جزائري"}, "العربية.نت"},
		{"القاهرة - أحمد الريدي", false, []string{"أحمد الريدي"}, ""},
		{"أبوظبي - سكاي نيوز عربية", false, nil, "سكاي نيوز عربية"},
		{"مدريد - فرانس برس", false, nil, ""},
		{"دبي - قناة الحدث", true, nil, "قناة الحدث"},
		{"المجمعة – فهد الفهد", true, []string{"فهد الفهد"}, ""},
		{"أحمد عبادينشر في ميثاق الرابطة يوم 01 - 11 - 2012", false, []string{"أحمد عبادي"}, "ميثاق الرابطة"},
		{"ترجمة بشار عبدالله", false, nil, ""},
		{"14 أكتوبر/ متابعات :", false, nil, ""},
		{"م.خ/ ف.ع", false, nil, ""},
		{"299f16e0-1f81-4d4c-9eb6-8e71fa0712f1", false, nil, ""},
		{"By Jane Doe", false, []string{"Jane Doe"}, ""},
	}
	for _, tt := range tests {
		names, site := authorsOf(tt.line, lex, tt.dateline)
		if !slices.Equal(names, tt.names) || site != tt.site {
			t.Errorf("authorsOf(%q) = %q, %q; want %q, %q", tt.line, names, site, tt.names, tt.site)
		}
	}
}

func TestPublishedRule(t *testing.T) {
	parseText := func(text string) *Article {
		t.Helper()
		for a := range Parse(strings.NewReader(text), "x", Options{}) {
			return a
		}
		return nil
	}
	// The labelled publication date wins over the date line above it.
	a := parseText("الميناء يفتح أبوابه غدا\n\nالأحد 29 أبريل 2012\nتاريخ النشر: الثلاثاء 01 مايو 2012\n\nقالت الحكومة إن الميناء سيفتح أبوابه أمام السفن التجارية صباح الغد بعد إغلاق دام أسبوعين.\n")
	if a.Published == nil || a.Published.ISO == nil || *a.Published.ISO != "2012-05-01" || a.Published.Line != 4 {
		t.Errorf("labelled date: published %+v, want 2012-05-01 from line 4", a.Published)
	}
	// Without a label, the header's date.
	a = parseText("الميناء يفتح أبوابه غدا\n\nالأحد 29 أبريل 2012\n\nقالت الحكومة إن الميناء سيفتح أبوابه أمام السفن التجارية صباح الغد بعد إغلاق دام أسبوعين.\n")
	if a.Published == nil || *a.Published.ISO != "2012-04-29" {
		t.Errorf("header date: published %+v, want 2012-04-29", a.Published)
	}
	// A Hijri date is reported, not converted.
	a = parseText("الميناء يفتح أبوابه غدا\n\n12 رجب 1439 هـ\n\nقالت الحكومة إن الميناء سيفتح أبوابه أمام السفن التجارية صباح الغد بعد إغلاق دام أسبوعين.\n")
	if a.Published == nil || a.Published.ISO != nil || a.Published.Calendar != "hijri" {
		t.Errorf("hijri date: published %+v, want calendar hijri and no iso", a.Published)
	}
	// No date is invented: a number and a month, a date inside a sentence.
	for _, text := range []string{
		"مزاد 22 أذار\n\nقالت الحكومة إن المزاد سيقام في موعده بعد تأجيله مرتين بسبب الأحوال الجوية السيئة.\n",
		"الميناء يفتح أبوابه\n\nوقالت الحكومة في 12 مارس 2011 إن الميناء سيفتح أبوابه أمام السفن التجارية بعد إغلاق دام أسبوعين.\n",
	} {
		if a := parseText(text); a.Published != nil {
			t.Errorf("%q: published %+v, want none", text, a.Published)
		}
	}
}
