package parse_test

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/unicode"

	"github.com/khabar/khabar/parse"
)

// parseAll collects the records of input.
func parseAll(t testing.TB, input []byte, opts parse.Options) []*parse.Article {
	t.Helper()
	var out []*parse.Article
	for a := range parse.Parse(bytes.NewReader(input), "in.txt", opts) {
		out = append(out, a)
	}
	return out
}

func one(t testing.TB, input []byte, opts parse.Options) *parse.Article {
	t.Helper()
	all := parseAll(t, input, opts)
	if len(all) != 1 {
		t.Fatalf("%d records, want 1", len(all))
	}
	return all[0]
}

// TestSeed checks the structure of the seed article, the reference the
// classifier is built for.
func TestSeed(t *testing.T) {
	a := one(t, readFile(t, "testdata/golden/seed.txt"), parse.Options{})
	if a.Status != parse.StatusOK || a.Error != nil {
		t.Fatalf("status %s, error %v", a.Status, a.Error)
	}
	if a.Title != nil {
		t.Errorf("title %q, want none", a.Title.Text)
	}
	type image struct {
		caption  string
		lines    []int
		credit   string
		line     int
		agencies []string
	}
	want := []image{
		{"طائرة روسية في مطار بالقرب من العاصمة الفنزويلية كاركاس", []int{1, 3}, "Reuters", 2, []string{"Reuters"}},
		{"فلاديمير بوتين ونظيره الفنزويلي نيكولوس مادورو", []int{33, 35}, "Getty Images", 34, []string{"Getty Images"}},
	}
	if len(a.Images) != len(want) {
		t.Fatalf("%d images, want %d: %+v", len(a.Images), len(want), a.Images)
	}
	for i, w := range want {
		img := a.Images[i]
		if img.Caption == nil || img.Caption.Text != w.caption || !slices.Equal(img.Caption.Lines, w.lines) {
			t.Errorf("image %d caption %+v, want %q on lines %v", i, img.Caption, w.caption, w.lines)
		}
		if img.Credit == nil || img.Credit.Text != w.credit || img.Credit.Line != w.line || !slices.Equal(img.Credit.Agencies, w.agencies) {
			t.Errorf("image %d credit %+v, want %q on line %d", i, img.Credit, w.credit, w.line)
		}
	}
	if got := a.Images[0].AfterParagraph; got != -1 {
		t.Errorf("image 0 after paragraph %d, want -1", got)
	}
	if got := a.Images[1].AfterParagraph; got != 12 {
		t.Errorf("image 1 after paragraph %d, want 12", got)
	}
	if len(a.Sections) != 2 {
		t.Fatalf("%d sections, want 2", len(a.Sections))
	}
	if a.Sections[0].Heading != nil {
		t.Errorf("first section heading %+v, want none", a.Sections[0].Heading)
	}
	if h := a.Sections[1].Heading; h == nil || h.Text != "ماذا في خلفية الصراع؟" || h.Line != 31 {
		t.Errorf("second section heading %+v, want «ماذا في خلفية الصراع؟» on line 31", h)
	}
	if n0, n1 := len(a.Sections[0].Paragraphs), len(a.Sections[1].Paragraphs); n0 != 13 || n1 != 5 {
		t.Errorf("paragraphs %d + %d, want 13 + 5", n0, n1)
	}
	if a.Stats.Paragraphs != 18 || a.Stats.Headings != 1 || a.Stats.Images != 2 || a.Stats.Credits != 2 {
		t.Errorf("stats %+v", a.Stats)
	}
	if !slices.Equal(a.Agencies, []string{"Reuters", "Getty Images"}) {
		t.Errorf("agencies %q", a.Agencies)
	}
	for _, leak := range []string{"Reuters", "Getty", "طائرة روسية في مطار", "فلاديمير بوتين ونظيره"} {
		if strings.Contains(a.Text, leak) {
			t.Errorf("text holds caption or credit text %q", leak)
		}
	}
	if !strings.HasPrefix(a.Text, "حطت طائرتان") || !strings.HasSuffix(a.Text, "والقروض المقدمة لها.") {
		t.Errorf("text does not run from the first paragraph to the last")
	}
	if !strings.Contains(a.Text, "\n\nماذا في خلفية الصراع؟\n\n") {
		t.Errorf("text lacks the heading between blank lines")
	}
}

// TestSlicesApart checks that the record's slices share no room: a
// caller appending to one section's paragraphs, or to images or credits,
// changes nothing else in the record.
func TestSlicesApart(t *testing.T) {
	a := one(t, readFile(t, "testdata/golden/seed.txt"), parse.Options{})
	for i, s := range a.Sections {
		if len(s.Paragraphs) != cap(s.Paragraphs) {
			t.Errorf("section %d: %d paragraphs, room for %d", i, len(s.Paragraphs), cap(s.Paragraphs))
		}
	}
	next := a.Sections[1].Paragraphs[0]
	a.Sections[0].Paragraphs = append(a.Sections[0].Paragraphs, parse.Paragraph{Text: "added"})
	if a.Sections[1].Paragraphs[0] != next {
		t.Errorf("appending to section 0 changed section 1: %+v", a.Sections[1].Paragraphs[0])
	}
}

// TestSeedEncodings checks that the seed gives the same record in
// Windows-1256 and UTF-16 but for its source and id.
func TestSeedEncodings(t *testing.T) {
	ref := one(t, readFile(t, "testdata/golden/seed.txt"), parse.Options{})
	for name, gen := range generated {
		if !strings.HasPrefix(name, "seed-") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			a := one(t, gen(t), parse.Options{})
			if a.Source.Encoding == "utf-8" || a.Source.Replaced != 0 {
				t.Errorf("source %+v", a.Source)
			}
			a.Source, a.ID = ref.Source, ref.ID
			got, _ := parse.Marshal(a, true)
			want, _ := parse.Marshal(ref, true)
			if !bytes.Equal(got, want) {
				t.Errorf("record differs from the UTF-8 seed's\n%s", firstDiff(got, want))
			}
		})
	}
}

func TestSplit(t *testing.T) {
	doc := func(s string) string { return "title " + s + "\n\nThe story " + s + " goes on here for a while.\n" }
	for _, tc := range []struct {
		name, split, input string
		lines              [][2]int // source.lines of each record
	}{
		{"none", "none", doc("a") + "\x00\n" + doc("b"), [][2]int{{1, 7}}},
		{"nul", "auto", doc("a") + "\x00\n" + doc("b"), [][2]int{{1, 3}, {5, 7}}},
		{"trailing nul without newline", "auto", doc("a") + "\r\n\x00", [][2]int{{1, 4}}},
		{"trailing blank piece", "nul", doc("a") + "\x00\n\n\n", [][2]int{{1, 3}}},
		{"blank piece between", "auto", doc("a") + "\x00\n\n\x00\n" + doc("b"), [][2]int{{1, 3}, {7, 9}}},
		{"formfeed", "formfeed", doc("a") + "\f\n" + doc("b"), [][2]int{{1, 3}, {5, 7}}},
		{"formfeed is not nul", "nul", doc("a") + "\f\n" + doc("b"), [][2]int{{1, 7}}},
		{"cr line ends", "auto", "a\rb\r\x00\rc\r", [][2]int{{1, 2}, {4, 4}}},
		{"regex", `regex:^=+$`, doc("a") + "=====\n" + doc("b") + "=====\n", [][2]int{{1, 3}, {5, 7}}},
		{"empty", "auto", "", [][2]int{{0, 0}}},
		{"only separators", "auto", "\x00\n\x00\n", [][2]int{{1, 2}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			all := parseAll(t, []byte(tc.input), parse.Options{Split: tc.split})
			var got [][2]int
			for i, a := range all {
				got = append(got, a.Source.Lines)
				if a.Source.Index != i {
					t.Errorf("record %d has index %d", i, a.Source.Index)
				}
			}
			if !slices.Equal(got, tc.lines) {
				t.Errorf("lines %v, want %v", got, tc.lines)
			}
		})
	}
}

// TestSplitKeepsBytes checks that the documents of a split input hold
// exactly its bytes but for the separator lines.
func TestSplitKeepsBytes(t *testing.T) {
	input := readFile(t, "testdata/golden/multi-article-nul.txt")
	all := parseAll(t, input, parse.Options{Split: "auto"})
	if len(all) != 3 {
		t.Fatalf("%d records, want 3", len(all))
	}
	var total int64
	for _, a := range all {
		total += a.Source.Bytes
		if a.Status != parse.StatusOK || a.Stats.Paragraphs == 0 {
			t.Errorf("document %d: status %s, %d paragraphs", a.Source.Index, a.Status, a.Stats.Paragraphs)
		}
	}
	if want := int64(len(input) - 3*len("\x00\n")); total != want {
		t.Errorf("documents hold %d bytes, want %d", total, want)
	}
}

func TestLongLine(t *testing.T) {
	line := strings.Repeat("كلمة ", 40000) // 400 kB, longer than any buffer
	input := "عنوان\n\n" + line + "\n\x00\n" + line + "\n"
	all := parseAll(t, []byte(input), parse.Options{Split: "auto"})
	if len(all) != 2 {
		t.Fatalf("%d records, want 2", len(all))
	}
	for _, a := range all {
		if a.Status != parse.StatusOK || a.Stats.Words < 40000 {
			t.Errorf("record %d: status %s, %d words", a.Source.Index, a.Status, a.Stats.Words)
		}
	}
	if got := all[1].Source.Lines; got != [2]int{5, 5} {
		t.Errorf("second document on lines %v, want [5 5]", got)
	}
}

func TestJSONL(t *testing.T) {
	input := `{"id": "x1", "text": "The port reopened on Monday after a strike, officials said."}
{"id": "x2", "text": 
{"id": 7, "text": "Second line\nof text."}

{"id": "x5"}
{"id": "x6", "text": "a"} {"id": "x7"}
{"id": "x8", "text": "last, no final newline"}`
	all := parseAll(t, []byte(input), parse.Options{JSONL: true})
	want := []struct {
		id   string
		code string
	}{{"x1", ""}, {"", parse.ErrDecode}, {"7", ""}, {"", parse.ErrDecode}, {"x5", parse.ErrDecode}, {"x6", parse.ErrDecode}, {"x8", ""}}
	if len(all) != len(want) {
		t.Fatalf("%d records for %d lines", len(all), len(want))
	}
	for i, w := range want {
		a := all[i]
		id := ""
		if a.Source.RecordID != nil {
			id = *a.Source.RecordID
		}
		code := ""
		if a.Error != nil {
			code = a.Error.Code
		}
		if a.Source.Index != i || id != w.id || code != w.code {
			t.Errorf("record %d: index %d, id %q, error %q; want id %q, error %q", i, a.Source.Index, id, code, w.id, w.code)
		}
	}
	if got := all[2].Source.Lines; got != [2]int{1, 2} {
		t.Errorf("lines of a two-line text: %v", got)
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		input string
		opts  parse.Options
		code  string
	}{
		{"binary", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00\x3e\x00\x01\x00\x00\x00", parse.Options{}, parse.ErrBinary},
		{"too large", strings.Repeat("a", 101), parse.Options{MaxBytes: 100}, parse.ErrTooLarge},
		{"forced encoding", "caf\xe9 au lait", parse.Options{Encoding: "utf-8"}, parse.ErrDecode},
		{"bad split", "text", parse.Options{Split: "regex:("}, parse.ErrInternal},
		{"bad profile", "text", parse.Options{Profile: "loud"}, parse.ErrInternal},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := one(t, []byte(tc.input), tc.opts)
			if a.Status != parse.StatusError || a.Error == nil || a.Error.Code != tc.code {
				t.Fatalf("status %s, error %+v; want %s", a.Status, a.Error, tc.code)
			}
			if a.Sections == nil || a.Images == nil || a.Warnings == nil || a.Text != "" {
				t.Errorf("error record not empty: %+v", a)
			}
		})
	}
}

func TestNotBinary(t *testing.T) {
	for name, input := range map[string]string{
		"nul separator lines": "first article\r\n\r\n\x00\r\nsecond\x00\n",
		"a stray control":     "AlArabiya text with a raw \x02 control in a long enough line of prose",
		"form feeds":          "page one\n\f\npage two\n",
	} {
		a := one(t, []byte(input), parse.Options{})
		if a.Error != nil && a.Error.Code == parse.ErrBinary {
			t.Errorf("%s: E_BINARY", name)
		}
	}
}

type failingReader struct{ n int }

func (r *failingReader) Read(p []byte) (int, error) {
	if r.n > 0 {
		r.n--
		return copy(p, "some text\n"), nil
	}
	return 0, errors.New("disk on fire")
}

func TestReadError(t *testing.T) {
	var got []*parse.Article
	for a := range parse.Parse(&failingReader{n: 3}, "x.txt", parse.Options{}) {
		got = append(got, a)
	}
	if len(got) != 1 || got[0].Error == nil || got[0].Error.Code != parse.ErrIO || !strings.Contains(got[0].Error.Message, "disk on fire") {
		t.Fatalf("records %+v", got)
	}
}

func TestEmpty(t *testing.T) {
	for _, input := range []string{"", "\n\n  \n", "\u00a0\n"} {
		a := one(t, []byte(input), parse.Options{})
		if a.Status != parse.StatusEmpty || a.Error != nil {
			t.Errorf("%q: status %s", input, a.Status)
		}
	}
	a := one(t, []byte("Reuters\n"), parse.Options{})
	if a.Status != parse.StatusEmpty || len(a.Warnings) == 0 || a.Warnings[len(a.Warnings)-1].Code != parse.WarnNoBody {
		t.Errorf("only a credit: status %s, warnings %+v", a.Status, a.Warnings)
	}
}

func TestStopEarly(t *testing.T) {
	input := strings.Repeat("story\n\x00\n", 10)
	n := 0
	for range parse.Parse(strings.NewReader(input), "x", parse.Options{Split: "nul"}) {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("%d records before break", n)
	}
}

// TestChunking checks that records do not depend on how the reader
// hands out the bytes.
func TestChunking(t *testing.T) {
	input := readFile(t, "testdata/golden/multi-article-nul.txt")
	want := records(t, input, "x", parse.Options{Split: "auto"})
	var got bytes.Buffer
	for a := range parse.Parse(&oneByteReader{input}, "x", parse.Options{Split: "auto"}) {
		parse.Encode(&got, a, true)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("one byte at a time gives other records\n%s", firstDiff(got.Bytes(), want))
	}
}

type oneByteReader struct{ b []byte }

func (r *oneByteReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0], r.b = r.b[0], r.b[1:]
	return 1, nil
}

func TestWrappedParagraphs(t *testing.T) {
	input := "Council agrees city budget\n\n" +
		"The council met on Monday to discuss the budget for the coming year, and\n" +
		"its members agreed on most of the spending plans put before them.\n" +
		"\n" +
		"The mayor said the vote was a good sign for the city and its people, who\n" +
		"had waited a long time for the new schools and roads to be built.\n" +
		"\n" +
		"Work on the first of the new schools will start in the spring of next year.\n" +
		"A second school will follow once the land for it has been bought by the city.\n"
	a := one(t, []byte(input), parse.Options{})
	var got []string
	var lines [][2]int
	for _, s := range a.Sections {
		for _, p := range s.Paragraphs {
			got = append(got, p.Text)
			lines = append(lines, p.Lines)
		}
	}
	want := [][2]int{{3, 4}, {6, 7}, {9, 9}, {10, 10}}
	if !slices.Equal(lines, want) {
		t.Fatalf("paragraph lines %v, want %v\n%q", lines, want, got)
	}
	if got[0] != "The council met on Monday to discuss the budget for the coming year, and its members agreed on most of the spending plans put before them." {
		t.Errorf("joined paragraph %q", got[0])
	}
}

// TestLongWrappedParagraph guards against joining a wrapped paragraph
// in time quadratic in its lines.
func TestLongWrappedParagraph(t *testing.T) {
	var b strings.Builder
	b.WriteString("A first paragraph of the story, long enough to be read as a paragraph.\n\n")
	for range 100000 {
		b.WriteString("and the story goes on without any full stop at the end of the line\n")
	}
	a := one(t, []byte(b.String()), parse.Options{})
	if a.Stats.Paragraphs != 2 || a.Stats.Words < 1400000 {
		t.Errorf("%d paragraphs, %d words", a.Stats.Paragraphs, a.Stats.Words)
	}
}

func TestTimeout(t *testing.T) {
	big := strings.Repeat("قالت السلطات إن الميناء سيفتح أبوابه أمام السفن التجارية صباح الغد.\n", 30000)
	a := one(t, []byte(big), parse.Options{Timeout: time.Microsecond})
	if a.Error == nil || a.Error.Code != parse.ErrTimeout || a.Source.Lines != [2]int{1, 30000} {
		t.Fatalf("error %+v, source %+v", a.Error, a.Source)
	}
	a = one(t, []byte(big), parse.Options{Timeout: time.Minute})
	if a.Status != parse.StatusOK {
		t.Fatalf("status %s with a generous timeout", a.Status)
	}
}

// TestTimeoutGoroutines: with a timeout, the goroutines that build the
// documents end soon after the parse, whether the input is read to its
// end or left early.
func TestTimeoutGoroutines(t *testing.T) {
	before := runtime.NumGoroutine()
	dump := strings.Repeat("قالت السلطات إن الميناء سيفتح أبوابه.\n\f\n", 50)
	for _, stopAfter := range []int{0, 3} {
		n := 0
		for a := range parse.Parse(strings.NewReader(dump), "d.txt", parse.Options{Split: "auto", Timeout: time.Minute}) {
			if a.Status != parse.StatusOK {
				t.Fatalf("record %d: status %s", n, a.Status)
			}
			if n++; n == stopAfter {
				break
			}
		}
	}
	for range 100 {
		if runtime.NumGoroutine() <= before {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%d goroutines after the parses, %d before", runtime.NumGoroutine(), before)
}

func TestUTF16WithoutBOM(t *testing.T) {
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte("The port reopened on Monday after a strike.\n"))
	if err != nil {
		t.Fatal(err)
	}
	a := one(t, b, parse.Options{})
	if a.Error == nil || a.Error.Code != parse.ErrBinary || !strings.Contains(a.Error.Message, "--encoding utf-16") {
		t.Errorf("error %+v", a.Error)
	}
	a = one(t, b, parse.Options{Encoding: "utf-16"})
	if a.Status != parse.StatusOK || a.Source.Encoding != "utf-16le" {
		t.Errorf("with --encoding utf-16: status %s, source %+v, error %+v", a.Status, a.Source, a.Error)
	}
}
