package furniture

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/khabar/khabar/parse"
	"github.com/khabar/khabar/parse/lexicon"
)

// Lines that the archive below repeats in every document.
const (
	promo    = "يمكنكم متابعة آخر الأخبار عبر تطبيقنا الجديد على الهواتف الذكية"
	credit   = "رويترز"
	dateline = "القاهرة - رويترز"
	source   = "المصدر: وكالات"
)

// story returns a document: a title, a dateline line, a lead, two
// paragraphs, then tail lines.
func story(i int, lead string, tail ...string) string {
	lines := []string{
		fmt.Sprintf("العنوان رقم %d عن حدث مختلف في المدينة", i),
		dateline,
		lead,
		fmt.Sprintf("وقال مسؤول في البلدية إن الأعمال رقم %d ستستمر حتى نهاية الشهر المقبل بحسب الخطة.", i),
		fmt.Sprintf("وأضاف أن الكلفة الإجمالية للمشروع رقم %d تبلغ ملايين الدولارات وفق التقديرات الأولية.", i),
	}
	return strings.Join(append(lines, tail...), "\n") + "\n"
}

func lead(i int) string {
	return fmt.Sprintf("أعلنت السلطات المحلية اليوم عن افتتاح المشروع رقم %d في وسط المدينة بعد سنوات من الانتظار.", i)
}

// learn parses each document with Explain and adds it to a learner.
func learn(t *testing.T, o Options, docs ...string) *Learner {
	t.Helper()
	l := NewLearner(o)
	for i, d := range docs {
		for a := range parse.Parse(strings.NewReader(d), fmt.Sprint(i), parse.Options{Explain: true}) {
			if a.Error != nil {
				t.Fatalf("doc %d: %v", i, a.Error)
			}
			l.Add(Lines(a))
		}
	}
	return l
}

func texts(entries []lexicon.Entry) map[string]int {
	m := map[string]int{}
	for _, e := range entries {
		m[e.Text] = e.Documents
	}
	return m
}

func TestLearnsWhatRepeats(t *testing.T) {
	var docs []string
	for i := range 6 {
		docs = append(docs, story(i, lead(i), credit, source, promo))
	}
	got := texts(learn(t, Options{}, docs...).Entries())
	if got[promo] != 6 {
		t.Errorf("promo: learned in %d documents, want 6; learned %v", got[promo], got)
	}
	// Credits, source lines, datelines and titles repeat for good reason.
	for _, not := range []string{credit, dateline, source} {
		if _, ok := got[not]; ok {
			t.Errorf("learned %q, which is not furniture", not)
		}
	}
	if len(got) != 1 {
		t.Errorf("learned %d lines, want only the promo: %v", len(got), got)
	}
}

func TestThresholds(t *testing.T) {
	var docs []string
	for i := range 10 {
		tail := []string{}
		if i < 3 {
			tail = append(tail, promo)
		}
		docs = append(docs, story(i, lead(i), tail...))
	}
	if got := texts(learn(t, Options{}, docs...).Entries()); len(got) != 0 {
		t.Errorf("a line in 3 of 10 documents is below the default of %d documents, learned %v", DefaultMinDocs, got)
	}
	if got := texts(learn(t, Options{MinDocs: 3}, docs...).Entries()); got[promo] != 3 {
		t.Errorf("with MinDocs 3: learned %v, want the promo in 3", got)
	}
	// 3 of 10 is 30%: a share of 40% is not met.
	if got := texts(learn(t, Options{MinDocs: 2, MinShare: 0.4}, docs...).Entries()); len(got) != 0 {
		t.Errorf("with MinShare 0.4: learned %v, want nothing", got)
	}
}

// A story's lead that the other pages of the archive run as a teaser is
// learned as furniture of those pages, and stays the lead of its story.
func TestTeaserIsNotRemovedFromItsOwnStory(t *testing.T) {
	teaser := lead(100)
	var docs []string
	for i := range 5 {
		docs = append(docs, story(i, lead(i), teaser))
	}
	own := story(100, teaser)
	docs = append(docs, own)
	l := learn(t, Options{}, docs...)
	if got := texts(l.Entries()); got[teaser] != 5 {
		t.Fatalf("teaser: learned %v, want it in the 5 pages that run it (not its own story)", got)
	}
	opts := parse.Options{Lexicon: lexicon.Builtin().Extend(l.Lexicon())}
	for a := range parse.Parse(strings.NewReader(own), "own", opts) {
		if p := a.Sections[0].Paragraphs[0].Text; p != teaser {
			t.Errorf("the story lost its lead: first paragraph %q", p)
		}
	}
	for a := range parse.Parse(strings.NewReader(docs[0]), "page", opts) {
		found := false
		for _, r := range a.Removed {
			if r.Rule == "learned-furniture" && r.Learned != nil && r.Learned.Text == teaser && r.Learned.Documents == 5 {
				found = true
			}
		}
		if !found {
			t.Errorf("the teaser was not removed from a page that runs it: %+v", a.Removed)
		}
	}
}

// An archive that holds one story twice (the same title) counts it once.
func TestRepeatedStoryCountsOnce(t *testing.T) {
	var docs []string
	for range 5 {
		docs = append(docs, story(1, lead(1), "وكانت المدينة قد شهدت مشروعات مماثلة في الأعوام الماضية دون أن تكتمل."))
	}
	l := learn(t, Options{MinDocs: 2}, docs...)
	if got := texts(l.Entries()); len(got) != 0 {
		t.Errorf("learned %v from one story read five times", got)
	}
	if added, repeats := l.Documents(); added != 5 || repeats != 4 {
		t.Errorf("Documents() = %d, %d; want 5, 4", added, repeats)
	}
}

// Past MaxLines, counts are approximate: low by at most the floor the
// header reports, never high.
func TestLossyCounting(t *testing.T) {
	l := NewLearner(Options{MinDocs: 2, MaxLines: 1000})
	for i := range 400 {
		var d Doc
		d.lines = append(d.lines, line{key: "promo line here", text: promo})
		for k := range 5 {
			s := fmt.Sprintf("unique line %d %d", i, k)
			d.lines = append(d.lines, line{key: s, text: s})
		}
		l.Add(d)
	}
	if l.floor == 0 {
		t.Fatal("the table never filled")
	}
	if len(l.counts) > 1000 {
		t.Errorf("table holds %d lines, over MaxLines", len(l.counts))
	}
	got := texts(l.Entries())
	if n := got[promo]; n > 400 || n < 400-l.floor {
		t.Errorf("promo counted %d, want 400 less at most %d", n, l.floor)
	}
	var b bytes.Buffer
	l.WriteTo(&b)
	if !strings.Contains(b.String(), fmt.Sprintf("low by at most %d", l.floor)) {
		t.Errorf("header does not give the error bound:\n%s", b.String())
	}
}

func TestWriteToIsDeterministicAndReadable(t *testing.T) {
	var docs []string
	for i := range 6 {
		docs = append(docs, story(i, lead(i), promo, "جميع المقالات المنشورة في هذا الموقع تمثل رأي كتابها فقط"))
	}
	var a, b bytes.Buffer
	learn(t, Options{}, docs...).WriteTo(&a)
	learn(t, Options{}, docs...).WriteTo(&b)
	if a.String() != b.String() {
		t.Errorf("two runs wrote different bytes:\n%s\n--\n%s", a.String(), b.String())
	}
	for _, want := range []string{"# documents: 6 read, 6 counted", "# thresholds: at least 4 documents", "# counts: exact", "# entries: 2", "furniture\t" + promo + "\t6\n"} {
		if !strings.Contains(a.String(), want) {
			t.Errorf("learned file lacks %q:\n%s", want, a.String())
		}
	}
	lex, err := lexicon.Parse(strings.NewReader(a.String()), "learned")
	if err != nil {
		t.Fatal(err)
	}
	if lex.Len() != 2 {
		t.Errorf("read back %d entries, want 2", lex.Len())
	}
}

// A count made apart from a Learner, in another order, writes the same
// file when it keeps what a Learner keeps: a title's first document, and
// the text of the second document that holds a line.
func TestWriteTallyMatchesWriteTo(t *testing.T) {
	variant := strings.ReplaceAll(promo, "آخر", "اخر") // the same match key, other text
	if lexicon.MakeKey(variant).String() != lexicon.MakeKey(promo).String() {
		t.Fatal("the variant has another key")
	}
	docs := []string{
		story(0, lead(0), variant, source),
		story(1, lead(1), promo),
		story(1, lead(1), "وكانت المدينة قد شهدت مشروعات مماثلة في الأعوام الماضية دون أن تكتمل."), // a repeat: not counted
		story(2, lead(2), promo, "وكانت المدينة قد شهدت مشروعات مماثلة في الأعوام الماضية دون أن تكتمل."),
		story(3, lead(3), variant, promo),
		story(4, lead(4), "وكانت المدينة قد شهدت مشروعات مماثلة في الأعوام الماضية دون أن تكتمل."),
	}
	for _, o := range []Options{{MinDocs: 2}, {}, {MinDocs: 1, MinShare: -1}} {
		l := NewLearner(o)
		var parsed []Doc
		for i, d := range docs {
			for a := range parse.Parse(strings.NewReader(d), fmt.Sprint(i), parse.Options{Explain: true}) {
				parsed = append(parsed, Lines(a))
				l.Add(Lines(a))
			}
		}
		var want bytes.Buffer
		l.WriteTo(&want)

		// The tally, from the documents' titles and keys.
		var tl Tally
		titles := map[string]bool{}
		counts, texts := map[string]int{}, map[string]string{}
		for _, d := range parsed {
			tl.Read++
			if d.Title() != "" {
				if titles[d.Title()] {
					tl.Repeats++
					continue
				}
				titles[d.Title()] = true
			}
			seen := map[string]bool{}
			for key, text := range d.Keys() {
				if seen[key] {
					continue
				}
				seen[key] = true
				if counts[key]++; counts[key] == 2 {
					texts[key] = text
				}
			}
		}
		for key, n := range counts {
			if n >= 2 {
				tl.Lines = append(tl.Lines, lexicon.Entry{Text: texts[key], Documents: n})
			}
		}
		var got bytes.Buffer
		WriteTally(&got, o, tl)
		if got.String() != want.String() {
			t.Errorf("options %+v: WriteTally wrote\n%s\nWriteTo wrote\n%s", o, got.String(), want.String())
		}
		if o.MinDocs == 2 && !strings.Contains(want.String(), "furniture\t"+promo+"\t4\n") {
			t.Errorf("options %+v: want the promo, as the second document has it, in 4 documents:\n%s", o, want.String())
		}
	}
}
