package view_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/khabar/khabar/parse"
	"github.com/khabar/khabar/parse/lexicon"
	"github.com/khabar/khabar/parse/view"
)

var update = flag.Bool("update", false, "rewrite the golden pages in testdata")

func page(t testing.TB, ds []*view.Document) string {
	t.Helper()
	var b bytes.Buffer
	if err := view.WriteHTML(&b, ds); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestSeedPage compares the seed's page with testdata/seed.html, which
// was read by eye; go test ./parse/view -update rewrites it.
func TestSeedPage(t *testing.T) {
	got := page(t, docs(t, seed(t), "testdata/seed.txt", parse.Options{}))
	golden := filepath.Join("testdata", "seed.html")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			g, w := "", ""
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("page differs from %s at line %d (go test ./parse/view -update rewrites it):\n got %s\nwant %s", golden, i+1, g, w)
			}
		}
	}
	checkMarkup(t, got)
	for _, want := range []string{
		`<html lang="ar" dir="rtl">`,
		`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
		`<article id="d0" class="doc ok">`,
		`<tr class="heading" id="d0-31"><td>31<td>heading<td>§1<td dir="auto">ماذا في خلفية الصراع؟<td>question-heading`,
		`<tr class="caption_repeat faded" id="d0-3">`,
		`<figure id="d0-img1">`,
		`<li class="boilerplate">`,
		`prefers-color-scheme: dark`,
		`@media (max-width: 40rem)`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(got, `<nav class="toc"`) {
		t.Error("a page of one document has a table of contents")
	}
	if strings.Contains(got, " style=") {
		t.Error("inline style attribute: the page styles by class only")
	}
}

// TestSeveralDocuments: one page, one article each, a table of contents
// that links them, the path given once for a split input.
func TestSeveralDocuments(t *testing.T) {
	ds := docs(t, seed(t)+"\n\x00\n"+tagged, "dump.txt", parse.Options{Split: "nul"})
	ds = append(ds, docs(t, seed(t), "testdata/seed.txt", parse.Options{})...)
	got := page(t, ds)
	checkMarkup(t, got)
	if n := strings.Count(got, "<article "); n != 3 {
		t.Errorf("%d articles, want 3", n)
	}
	for _, want := range []string{
		`<nav class="toc" lang="en">`,
		`<h2><bdi>3 documents</bdi></h2>`,
		`<li><a href="#d0" dir="auto">dump.txt</a> <small dir="ltr"><span class="st ok">ok</span> article</small></li>`,
		`<li><a href="#d1" dir="auto">الميناء يفتح أبوابه غدا بعد إغلاق دام أسبوعين</a> <small dir="ltr">#1 <span class="st ok">ok</span> article</small></li>`,
		`<article id="d2" class="doc ok">`,
		`<tr class="caption" id="d2-1">`,
		`<title>khabar: 3 documents</title>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}

// hostile is a dump that tries to break out of the page: markup, attribute
// injection, entities, quotes, and bidi overrides left open.
const hostile = `<script>alert("x")</script> عنوان الخبر
صورة <img src=x onerror=alert(1)> للميناء
"><img src=x onerror=alert(1)> 'quoted' & ampersand &amp; &lt;b&gt; a="b" c='d'

` + "\u202eهذا السطر فيه RLO لا يغلق" + `
` + "\u202dLRO line without end abc" + `
` + "\u202bRLE line \u202c and \u2067RLI line" + `
</td></tr></table></textarea></style></title><!-- x --> ]]> {{.Title}} javascript:alert(1) <a href="javascript:alert(1)">x</a>

قالت السلطات إن الميناء سيفتح أبوابه أمام السفن التجارية صباح الغد بعد إغلاق دام أسبوعين <script>document.write(1)</script>.
`

// TestHostileText: every text of a dump, its path, its record id and a
// learned entry are escaped; each line's text sits in its own element with
// dir="auto", so a bidi override cannot reach the next line.
func TestHostileText(t *testing.T) {
	evil := `<script>alert(1)</script> نشرة الأخبار الاقتصادية "اليومية" & المسائية`
	more, err := lexicon.Parse(strings.NewReader("furniture\t"+evil+"\t9\n"), "learned.lex")
	if err != nil {
		t.Fatal(err)
	}
	o := parse.Options{Lexicon: lexicon.Builtin().Extend(more)}
	ds := docs(t, hostile, `"><script>alert(2)</script>.txt`, parse.Options{})
	ds = append(ds, docs(t, seed(t)+"\n"+evil+"\n", "seed.txt", o)...)
	jsonl := `{"id": "\"><svg onload=alert(3)>", "text": "<b onmouseover=alert(4)>عنوان</b>\n\nقالت السلطات إن الميناء سيفتح أبوابه أمام السفن التجارية صباح الغد."}` + "\n"
	ds = append(ds, docs(t, jsonl, "in.jsonl", parse.Options{JSONL: true})...)
	got := page(t, ds)
	checkMarkup(t, got)

	if len(ds[1].Learned()) != 1 {
		t.Errorf("the learned entry removed %d lines, want 1", len(ds[1].Learned()))
	}
	for _, bad := range []string{"<script", "<img", "<svg", "<b onmouseover", "<a href=\"javascript", "<!-- x", "</textarea>"} {
		if strings.Contains(strings.ToLower(got), bad) {
			t.Errorf("the page holds %q unescaped", bad)
		}
	}
	for _, want := range []string{
		`&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;`,
		`&#34;&gt;&lt;img src=x onerror=alert(1)&gt; &#39;quoted&#39; &amp; ampersand &amp;amp; &amp;lt;b&amp;gt; a=&#34;b&#34; c=&#39;d&#39;`,
		`<bdi>&#34;&gt;&lt;script&gt;alert(2)&lt;/script&gt;.txt</bdi>`,
		`id <bdi>&#34;&gt;&lt;svg onload=alert(3)&gt;</bdi>`,
		`learned-furniture: <q dir="auto">&lt;script&gt;alert(1)&lt;/script&gt; نشرة الأخبار الاقتصادية &#34;اليومية&#34; &amp; المسائية</q>, in 9 documents`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the page lacks %s", want)
		}
	}

	// Each non-blank line is a row whose text cell has dir="auto", and the
	// text of a line is alone in it: an override in one line ends with
	// its cell.
	checkRows(t, got, ds)
	rows := rowRE.FindAllStringSubmatch(got, -1)
	for _, ctl := range []string{"\u202e", "\u202d", "\u202b", "\u2067"} {
		for _, r := range rows {
			if !strings.Contains(r[4], ctl) {
				continue
			}
			_, text, _ := strings.Cut(r[4], `<td dir="auto">`)
			text, _, _ = strings.Cut(text, "<td>")
			if !strings.Contains(text, ctl) {
				t.Errorf("row %s: %U outside the line's isolated text cell", r[3], []rune(ctl)[0])
			}
		}
	}
}

// rowRE matches the row of a non-blank line.
var rowRE = regexp.MustCompile(`(?m)^<tr class="([a-z_ ]+)" id="d(\d+)-(\d+)">(.*)$`)

// checkRows checks that every non-blank line of ds has a row of its own,
// with one text cell, and that cell has dir="auto".
func checkRows(t *testing.T, page string, ds []*view.Document) {
	t.Helper()
	lines := 0
	for _, d := range ds {
		for _, l := range d.Lines {
			if !l.Blank {
				lines++
			}
		}
	}
	rows := rowRE.FindAllStringSubmatch(page, -1)
	for _, r := range rows {
		if strings.Count(r[4], `<td dir="auto">`) != 1 {
			t.Errorf("row %s-%s: not one text cell with dir=\"auto\": %s", r[2], r[3], r[0])
		}
	}
	if len(rows) != lines {
		t.Errorf("%d rows with text, want %d, one a line", len(rows), lines)
	}
}

// FuzzWriteHTML: whatever the dump, the page holds only the template's
// markup, and a row with an isolated text cell for every line.
func FuzzWriteHTML(f *testing.F) {
	f.Add(hostile, "")
	f.Add(tagged, "auto")
	f.Add(seed(f), "none")
	f.Add("<p title=\"x\">&amp;</p>\n\u202e<b>\n\x00\n&#", "nul")
	f.Fuzz(func(t *testing.T, dump, split string) {
		if split != "auto" && split != "nul" {
			split = "none"
		}
		ds := docs(t, dump, "<x>&\"'.txt", parse.Options{Split: split})
		got := page(t, ds)
		checkMarkup(t, got)
		checkRows(t, got, ds)
	})
}

// tagRE matches a start or end tag of the page.
var tagRE = regexp.MustCompile(`^<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*")?)*)\s*>`)
var attrRE = regexp.MustCompile(`([a-zA-Z-]+)(?:="([^"]*)")?`)

// checkMarkup reports what markupErrors finds.
func checkMarkup(t *testing.T, page string) {
	t.Helper()
	for _, e := range markupErrors(page) {
		t.Error(e)
	}
}

// markupErrors reads the page as a browser would and checks that only the
// template made markup: every tag and attribute is one the template
// writes, every link stays in the page, every & starts an entity, no
// comment, and the text is valid UTF-8.
func markupErrors(page string) []string {
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	tags := map[string]bool{}
	for _, n := range strings.Fields("html head meta title style body header h1 h2 details summary ul ol li span b p nav a small main article dl div dt dd table tbody tr th td bdi section figure figcaption colgroup col thead strong q i") {
		tags[n] = true
	}
	attrs := map[string]bool{}
	for _, n := range strings.Fields("lang dir charset name content http-equiv class id href open") {
		attrs[n] = true
	}
	if !utf8.ValidString(page) {
		fail("the page is not valid UTF-8")
	}
	s, ok := strings.CutPrefix(page, "<!DOCTYPE html>\n")
	if !ok {
		return append(errs, "no doctype")
	}
	for len(s) > 0 {
		i := strings.IndexAny(s, "<&")
		if i < 0 {
			break
		}
		s = s[i:]
		if s[0] == '&' {
			m := entityRE.FindString(s)
			if m == "" {
				fail("bare ampersand: %.40q", s)
				m = "&"
			}
			s = s[len(m):]
			continue
		}
		m := tagRE.FindStringSubmatch(s)
		if m == nil {
			fail("a < that opens no tag of the page: %.60q", s)
			s = s[1:]
			continue
		}
		name := strings.ToLower(m[2])
		if !tags[name] {
			fail("tag %q is not the template's: %.80q", name, m[0])
		}
		for _, a := range attrRE.FindAllStringSubmatch(m[3], -1) {
			if !attrs[strings.ToLower(a[1])] {
				fail("attribute %q is not the template's: %.80q", a[1], m[0])
			}
			if a[1] == "href" && !linkRE.MatchString(a[2]) {
				fail("link out of the page: %q", a[2])
			}
		}
		s = s[len(m[0]):]
		if name == "style" && m[1] == "" {
			end := strings.Index(s, "</style>")
			if end < 0 || strings.Contains(s[:end], "<") {
				return append(errs, "style element not closed, or markup in it")
			}
			s = s[end:]
		}
	}
	return errs
}

var (
	entityRE = regexp.MustCompile(`^&(#[0-9]+|[a-z]+);`)
	linkRE   = regexp.MustCompile(`^#d\d+(-\d+)?$`)
)

// TestMarkupCheckCatches holds markupErrors to finding what it is for.
func TestMarkupCheckCatches(t *testing.T) {
	for _, bad := range []string{
		"<p>a & b</p>",
		"<p><script>alert(1)</script></p>",
		`<p><img src=x onerror=alert(1)></p>`,
		`<p class="x" onclick="alert(1)">`,
		`<a href="javascript:alert(1)">x</a>`,
		"<p><!-- x --></p>",
		"<p>a < b</p>",
	} {
		if errs := markupErrors("<!DOCTYPE html>\n" + bad); len(errs) == 0 {
			t.Errorf("%s: no error found", bad)
		}
	}
	if errs := markupErrors("<!DOCTYPE html>\n<p class=\"x\">a &amp; b &#34;</p>"); len(errs) != 0 {
		t.Errorf("a clean page: %v", errs)
	}
}

// TestPageSizeLinear: the page grows by the same bytes for each document
// alike, a small multiple of its size, whatever number went before.
func TestPageSizeLinear(t *testing.T) {
	one := seed(t)
	size := func(n int) int {
		dump := strings.Repeat(one+"\n\x00\n", n)
		return len(page(t, docs(t, dump, "dump.txt", parse.Options{Split: "nul"})))
	}
	s10, s20, s40 := size(10), size(20), size(40)
	a, b := s20-s10, s40-s20
	if diff := b - 2*a; diff < -b/50 || diff > b/50 {
		t.Errorf("10 documents more add %d bytes, 20 more add %d: not linear", a, b)
	}
	perInput := float64(a) / float64(10*len(one))
	t.Logf("%.2f bytes of page per byte of input (the seed, split)", perInput)
	if perInput > 3 {
		t.Errorf("%.2f bytes of page per byte of input, want 3 at most", perInput)
	}
}

func ExampleWriteHTML() {
	dump := "صورة لميناء المدينة\nرويترز\nصورة لميناء المدينة\n\n" +
		"قالت السلطات إن الميناء سيفتح أبوابه أمام السفن التجارية صباح الغد بعد إغلاق دام أسبوعين.\n"
	var ds []*view.Document
	for a := range parse.Parse(strings.NewReader(dump), "port.txt", parse.Options{Explain: true}) {
		ds = append(ds, view.New(a))
	}
	var b bytes.Buffer
	view.WriteHTML(&b, ds)
	for _, l := range ds[0].Lines {
		if !l.Blank {
			fmt.Println(l.N, l.Kind, l.Mark())
		}
	}
	fmt.Println(strings.Contains(b.String(), `<tr class="credit" id="d0-2"><td>2<td>credit<td>img0<td dir="auto">رويترز<td>`))
	// Output:
	// 1 caption img0
	// 2 credit img0
	// 3 caption_repeat img0
	// 5 paragraph ¶0
	// true
}
