package view_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/khabar/khabar/parse"
	"github.com/khabar/khabar/parse/lexicon"
	"github.com/khabar/khabar/parse/view"
)

// seedPath is the sample article of the repository.
var seedPath = filepath.Join("..", "..", "testdata", "seed.txt")

// docs parses dump with Explain and returns the model of every document.
func docs(t testing.TB, dump, name string, o parse.Options) []*view.Document {
	t.Helper()
	o.Explain = true
	var out []*view.Document
	for a := range parse.Parse(strings.NewReader(dump), name, o) {
		out = append(out, view.New(a))
	}
	return out
}

func seed(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestModelSeed holds the model of the seed to what its record says:
// every line, blank ones included, its mark, what is faded, the images.
func TestModelSeed(t *testing.T) {
	ds := docs(t, seed(t), "testdata/seed.txt", parse.Options{})
	if len(ds) != 1 {
		t.Fatalf("%d documents, want 1", len(ds))
	}
	d := ds[0]
	if len(d.Lines) != 45 || d.Lines[0].N != 1 || d.Lines[44].N != 45 {
		t.Fatalf("lines: %d, want 1 to 45", len(d.Lines))
	}
	for _, c := range []struct {
		n           int
		kind, mark  string
		blank, fade bool
	}{
		{1, "caption", "img0", false, false},
		{2, "credit", "img0", false, false},
		{3, "caption_repeat", "img0", false, true},
		{4, "", "", true, false},
		{5, "paragraph", "¶0", false, false},
		{31, "heading", "§1", false, false},
		{35, "caption_repeat", "img1", false, true},
		{45, "paragraph", "¶17", false, false},
	} {
		l := d.Lines[c.n-1]
		if l.N != c.n || l.Kind != c.kind || l.Mark() != c.mark || l.Blank != c.blank || l.Faded != c.fade {
			t.Errorf("line %d: n %d kind %q mark %q blank %v faded %v, want kind %q mark %q blank %v faded %v",
				c.n, l.N, l.Kind, l.Mark(), l.Blank, l.Faded, c.kind, c.mark, c.blank, c.fade)
		}
	}
	if got := d.Lines[0]; !got.ShowRule() || got.Rule != "caption-triplet" {
		t.Errorf("line 1: rule %q shown %v, want caption-triplet shown", got.Rule, got.ShowRule())
	}
	if got := d.Lines[4]; got.ShowRule() {
		t.Errorf("line 5: the rule %q of a paragraph is shown", got.Rule)
	}
	if len(d.Images) != 2 || !slices.Equal(d.Images[0].Lines(), []int{1, 2, 3}) || !slices.Equal(d.Images[1].Lines(), []int{33, 34, 35}) {
		t.Errorf("images: %+v", d.Images)
	}
	if len(d.Headings) != 1 || d.Headings[0] != (view.Heading{Section: 1, Line: 31, Text: "ماذا في خلفية الصراع؟", Paragraphs: 5}) {
		t.Errorf("headings: %+v", d.Headings)
	}
	if d.Sections != 2 || d.Counts.Paragraphs != 18 || len(d.Fields) != 0 || len(d.Learned()) != 0 {
		t.Errorf("sections %d paragraphs %d fields %v learned %v", d.Sections, d.Counts.Paragraphs, d.Fields, d.Learned())
	}
}

const tagged = `<DOC>
<DOCNO>AL-economy-1-20180818</DOCNO>
<URL>https://www.alarabiya.net/ar/2018/08/18/story.html</URL>
<TITLE>الميناء يفتح أبوابه غدا بعد إغلاق دام أسبوعين</TITLE>
<TIME>Sat, 18 Aug 2018 13:22:51 +0000</TIME>
<AUTHOR>العربية.نت - إيليا جزائري</AUTHOR>
<TEXT>
دبي، الإمارات العربية المتحدة (CNN)-- قالت الحكومة إن الميناء سيفتح أبوابه أمام السفن التجارية صباح الغد بعد إغلاق دام أسبوعين.
وأضافت أن حركة الشحن ستعود تدريجيا إلى طبيعتها خلال الأيام المقبلة بحسب الخطة المعلنة.
</TEXT>
</DOC>
`

// TestModelMetadata: each field with the line it came from, in the order
// of the lines, marked on that line; the dateline that opens a paragraph.
func TestModelMetadata(t *testing.T) {
	d := docs(t, tagged, "tagged.txt", parse.Options{})[0]
	var got []string
	for _, f := range d.Fields {
		got = append(got, fmt.Sprintf("%s@%d=%s", f.Name, f.Line, f.Text()))
	}
	want := []string{
		"doc_id@2=AL-economy-1-20180818",
		"url@3=https://www.alarabiya.net/ar/2018/08/18/story.html",
		"published@5=2018-08-18T13:22:51+00:00 (Sat, 18 Aug 2018 13:22:51 +0000)",
		"authors@6=إيليا جزائري",
		"site@6=العربية.نت",
		"dateline@8=دبي، الإمارات العربية المتحدة (CNN)--",
	}
	if !slices.Equal(got, want) {
		t.Errorf("fields:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if f := d.Lines[4].Fields; !slices.Equal(f, []string{"published"}) {
		t.Errorf("line 5 gave %v, want published", f)
	}
	l := d.Lines[7]
	if l.DatelineText() != "دبي، الإمارات العربية المتحدة (CNN)--" || !strings.HasPrefix(l.Rest(), " قالت الحكومة") {
		t.Errorf("line 8: dateline %q, rest %q", l.DatelineText(), l.Rest())
	}
	if d.Title == nil || d.Title.Line != 4 {
		t.Errorf("title: %+v", d.Title)
	}
	if l := d.Lines[0]; !l.Removed || !l.Faded || l.Rule != "markup" || !l.ShowRule() {
		t.Errorf("line 1: %+v, want removed, faded, rule markup shown", l)
	}
	if l := d.Lines[1]; !l.Removed || l.Faded || l.Kind != "meta" {
		t.Errorf("line 2: %+v, want a removed meta line, not faded", l)
	}
}

// TestModelLearned: a line removed as learned furniture carries the entry.
func TestModelLearned(t *testing.T) {
	const promo = "يمكنكم متابعة آخر الأخبار عبر تطبيقنا الجديد على الهواتف الذكية"
	more, err := lexicon.Parse(strings.NewReader("furniture\t"+promo+"\t5\n"), "learned.lex")
	if err != nil {
		t.Fatal(err)
	}
	dump := "العنوان رقم 1 عن حدث مختلف في المدينة\n" +
		"أعلنت السلطات المحلية اليوم عن افتتاح المشروع رقم 1 في وسط المدينة بعد سنوات من الانتظار.\n" +
		"وقال مسؤول في البلدية إن الأعمال رقم 1 ستستمر حتى نهاية الشهر المقبل بحسب الخطة.\n" +
		promo + "\n"
	d := docs(t, dump, "a.txt", parse.Options{Lexicon: lexicon.Builtin().Extend(more)})[0]
	ls := d.Learned()
	if len(ls) != 1 || ls[0].N != 4 || ls[0].Learned.Documents != 5 || ls[0].Learned.Text != promo || ls[0].Rule != "learned-furniture" || !ls[0].Faded {
		t.Fatalf("learned lines: %+v", ls)
	}
}

// TestModelError: a failed document has its error and no lines.
func TestModelError(t *testing.T) {
	d := docs(t, "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "x.png", parse.Options{})[0]
	if d.Error == nil || d.Status != parse.StatusError || len(d.Lines) != 0 {
		t.Errorf("status %q error %v lines %d", d.Status, d.Error, len(d.Lines))
	}
}
