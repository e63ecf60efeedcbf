package parse_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/khabar/khabar/internal/testhook"
	"github.com/khabar/khabar/parse"
	"github.com/khabar/khabar/parse/decode"
)

// hostileCase is an input nobody should send, and what khabar makes of it.
type hostileCase struct {
	name     string
	big      bool // skipped under -short
	input    func(t *testing.T) []byte
	opts     parse.Options
	status   []string // one per record
	code     string   // error code of the last record, or ""
	warnings []string // warning codes of the first record, in order
	check    func(t *testing.T, recs []*parse.Article)
}

const arLine = "قال المتحدث باسم الحكومة إن الاجتماع سيعقد غدا في العاصمة.\n"

func fixed(b []byte) func(*testing.T) []byte { return func(*testing.T) []byte { return b } }

func hostileCases() []hostileCase {
	invalid := []byte(arLine + "\xff\xfe\xc3( و\xe2\x82 نص\n")
	cases := []hostileCase{
		{name: "elf", input: executable, status: []string{"error"}, code: parse.ErrBinary},
		{name: "random bytes", input: randomBytes, status: []string{"error"}, code: parse.ErrBinary},
		{name: "nul laden", input: fixed([]byte(strings.Join(strings.Split(arLine, ""), "\x00"))), status: []string{"error"}, code: parse.ErrBinary},
		{name: "nul separator lines", input: fixed([]byte(arLine + "\x00\x00\x00\n" + arLine)), opts: parse.Options{Split: "auto"}, status: []string{"ok", "ok"}},
		{name: "invalid utf-8, auto", input: fixed(invalid), status: []string{"ok"}, warnings: []string{parse.WarnReplacedBytes},
			check: func(t *testing.T, recs []*parse.Article) {
				a := recs[0]
				if a.Source.Encoding != "utf-8" || a.Source.Replaced != 5 || *a.Warnings[0].Line != 2 {
					t.Errorf("source %+v, warning %+v", a.Source, a.Warnings[0])
				}
			}},
		{name: "invalid utf-8, utf-8", input: fixed(invalid), opts: parse.Options{Encoding: decode.UTF8}, status: []string{"error"}, code: parse.ErrDecode},
		{name: "invalid utf-8, utf-16", input: fixed(invalid), opts: parse.Options{Encoding: "utf-16"}, status: []string{"error"}, code: parse.ErrDecode},
		{name: "invalid utf-8, iso-8859-6", input: fixed(invalid), opts: parse.Options{Encoding: "iso-8859-6"}, status: []string{"error"}, code: parse.ErrDecode},
		// Every byte is a character of Windows-1256: forced, it decodes
		// (into nonsense, as asked).
		{name: "invalid utf-8, windows-1256", input: fixed(invalid), opts: parse.Options{Encoding: "windows-1256"}, status: []string{"ok"}},
		{name: "a million blank lines", big: true, input: fixed(bytes.Repeat([]byte("\n"), 1_000_000)), status: []string{"empty"},
			check: func(t *testing.T, recs []*parse.Article) {
				if recs[0].Source.Lines != [2]int{1, 1_000_000} {
					t.Errorf("lines %v", recs[0].Source.Lines)
				}
			}},
		{name: "a million blank lines, split", big: true, input: fixed(bytes.Repeat([]byte("\n"), 1_000_000)), opts: parse.Options{Split: "auto"}, status: []string{"empty"}},
		{name: "only credits", input: fixed([]byte("رويترز\nGetty Images\nAFP\n")), status: []string{"empty"},
			warnings: []string{parse.WarnUnpairedCredit, parse.WarnUnpairedCredit, parse.WarnUnpairedCredit, parse.WarnNoBody}},
		{name: "only a title", input: fixed([]byte("عنوان الخبر الرئيسي\n")), status: []string{"empty"}, warnings: []string{parse.WarnNoBody}},
		{name: "a thousand images", input: fixed(thousandImages()), status: []string{"ok"},
			check: func(t *testing.T, recs []*parse.Article) {
				if a := recs[0]; len(a.Images) != 1000 || a.Stats.Paragraphs != 2 || len(a.Credits) != 1000 {
					t.Errorf("%d images, %d credits, %d paragraphs", len(a.Images), len(a.Credits), a.Stats.Paragraphs)
				}
			}},
		{name: "bidi controls", input: fixed([]byte(bidiText)), status: []string{"ok"}, check: checkNoBidi},
		{name: "destroyed into ?", input: fixed([]byte("???? ?? ????? ??? ?????? ???\n\n??? ????? ?? ??????? ????.\n")), status: []string{"ok"}, warnings: []string{parse.WarnMojibake}},
		{name: "utf-8 and windows-1256 mixed", input: mixedEncodings, status: []string{"ok"}, warnings: []string{parse.WarnReplacedBytes},
			check: func(t *testing.T, recs []*parse.Article) {
				if a := recs[0]; a.Source.Encoding != "utf-8" || *a.Warnings[0].Line != 2 || !strings.HasPrefix(a.Text, strings.TrimSpace(arLine)) {
					t.Errorf("source %+v, warning %+v, text %.80q", a.Source, a.Warnings[0], a.Text)
				}
			}},
		{name: "utf-16 without bom", input: utf16NoBOM, status: []string{"error"}, code: parse.ErrBinary,
			check: func(t *testing.T, recs []*parse.Article) {
				if !strings.Contains(recs[0].Error.Message, "--encoding utf-16") {
					t.Errorf("message %q gives no hint", recs[0].Error.Message)
				}
			}},
		{name: "utf-16 without bom, forced", input: utf16NoBOM, opts: parse.Options{Encoding: "utf-16"}, status: []string{"ok"}},
	}
	return cases
}

// bidiText holds every bidi control: embeddings, overrides (LRO, RLO),
// isolates, marks.
const bidiText = "\u202eنص \u202dمع\u202c \u202aرموز\u202b \u2066اتجاه\u2069 \u2067و\u2068 \u200eعلامات\u200f\u061c.\n"

func checkNoBidi(t *testing.T, recs []*parse.Article) {
	a := recs[0]
	if i := strings.IndexAny(a.Text, "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"); i >= 0 {
		t.Errorf("text keeps a bidi control: %q", a.Text)
	}
	// All 12, the one opening the line too.
	if n := a.Normalization.Changes["controls"]; n != 12 {
		t.Errorf("controls changed %d code points, want 12", n)
	}
}

func executable(t *testing.T) []byte {
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	b, err := os.ReadFile(exe)
	if err != nil {
		t.Skip(err)
	}
	return b
}

func randomBytes(*testing.T) []byte {
	b := make([]byte, 64<<10)
	rand.New(rand.NewSource(5)).Read(b)
	return b
}

func thousandImages() []byte {
	var b strings.Builder
	b.WriteString("عنوان الخبر الرئيسي\n\n" + arLine + "\n")
	for range 1000 {
		b.WriteString("مصدر الصورة، Getty Images\nالتعليق على الصورة، متظاهرون في الساحة الرئيسية\n\n")
	}
	b.WriteString(arLine)
	return []byte(b.String())
}

func mixedEncodings(t *testing.T) []byte {
	w, err := charmap.Windows1256.NewEncoder().Bytes([]byte("نص بترميز ويندوز في السطر الثاني.\n"))
	if err != nil {
		t.Fatal(err)
	}
	return append([]byte(arLine), w...)
}

func utf16NoBOM(t *testing.T) []byte {
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(arLine + arLine))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestHostile(t *testing.T) {
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			if c.big && testing.Short() {
				t.Skip("a large input")
			}
			in := c.input(t)
			var recs []*parse.Article
			for a := range parse.Parse(bytes.NewReader(in), "hostile.txt", c.opts) {
				checkRecord(t, in, false, a)
				recs = append(recs, a)
			}
			checkHostile(t, c, recs)
		})
	}
}

func checkHostile(t *testing.T, c hostileCase, recs []*parse.Article) {
	t.Helper()
	var status []string
	for _, a := range recs {
		status = append(status, a.Status)
		if (a.Status == parse.StatusError) != (a.Error != nil) {
			t.Fatalf("status %s with error %+v", a.Status, a.Error)
		}
	}
	if !slices.Equal(status, c.status) {
		t.Fatalf("statuses %v, want %v", status, c.status)
	}
	last := recs[len(recs)-1]
	if code := errCode(last); code != c.code {
		t.Fatalf("error %+v, want code %q", last.Error, c.code)
	}
	var warns []string
	for _, w := range recs[0].Warnings {
		warns = append(warns, w.Code)
	}
	if !slices.Equal(warns, c.warnings) {
		t.Fatalf("warning codes %.200v, want %v", warns, c.warnings)
	}
	if c.check != nil {
		c.check(t, recs)
	}
}

func errCode(a *parse.Article) string {
	if a.Error == nil {
		return ""
	}
	return a.Error.Code
}

// midwayReader gives n bytes of r, then an error: a disk or network
// failure in the middle of a file.
type midwayReader struct {
	r io.Reader
	n int
}

var errMidway = errors.New("read failed midway")

func (f *midwayReader) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errMidway
	}
	k, err := f.r.Read(p[:min(len(p), f.n)])
	f.n -= k
	return k, err
}

func TestHostileReadError(t *testing.T) {
	in := []byte(strings.Repeat(arLine, 200) + "\x00\n" + strings.Repeat(arLine, 200))
	// One document: the error is its record.
	recs := collect(parse.Parse(&midwayReader{r: bytes.NewReader(in), n: 5000}, "f.txt", parse.Options{}))
	checkHostile(t, hostileCase{status: []string{"error"}, code: parse.ErrIO}, recs)
	if !strings.Contains(recs[0].Error.Message, errMidway.Error()) {
		t.Errorf("message %q", recs[0].Error.Message)
	}
	// Split: the documents read before the error are whole and parsed.
	recs = collect(parse.Parse(&midwayReader{r: bytes.NewReader(in), n: len(in) - 100}, "f.txt", parse.Options{Split: "auto"}))
	checkHostile(t, hostileCase{status: []string{"ok", "error"}, code: parse.ErrIO}, recs)
}

// TestHostileShrink truncates a file while it is being read, then removes
// it: the record holds what could be read.
func TestHostileShrink(t *testing.T) {
	name := t.TempDir() + "/shrinks.txt"
	if err := os.WriteFile(name, []byte(strings.Repeat(arLine, 1000)), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := &shrinkingReader{f: f, name: name}
	recs := collect(parse.Parse(r, name, parse.Options{}))
	checkHostile(t, hostileCase{status: []string{"ok"}}, recs)
	if a := recs[0]; a.Source.Bytes != int64(len(arLine)*10) || a.Stats.Paragraphs != 10 {
		t.Errorf("read %d bytes of a file truncated after its first read", a.Source.Bytes)
	}
}

// shrinkingReader truncates its file to 10 lines after the first read,
// then removes it.
type shrinkingReader struct {
	f     *os.File
	name  string
	reads int
}

func (s *shrinkingReader) Read(p []byte) (int, error) {
	n, err := s.f.Read(p[:min(len(p), 100)])
	if s.reads++; s.reads == 1 {
		if err := os.Truncate(s.name, int64(len(arLine)*10)); err != nil {
			return n, err
		}
		if err := os.Remove(s.name); err != nil {
			return n, err
		}
	}
	return n, err
}

func collect(seq func(func(*parse.Article) bool)) []*parse.Article {
	var recs []*parse.Article
	for a := range seq {
		recs = append(recs, a)
	}
	return recs
}

// lineKinds are the kinds a non-blank line may have.
var lineKinds = map[string]bool{
	"title": true, "heading": true, "paragraph": true, "caption": true,
	"caption_repeat": true, "credit": true, "meta": true, "boilerplate": true,
}

// checkRecord checks what holds of every record, whatever the input: the
// body text is made of the headings and paragraphs only, no caption or
// credit line lies inside a paragraph or is a heading, and, with Explain,
// every non-blank line of the document has exactly one kind. input is the
// whole input the record came from.
func checkRecord(t *testing.T, input []byte, explain bool, a *parse.Article) {
	t.Helper()
	if err := checkBody(a); err != nil {
		t.Fatalf("record %d: %v", a.Source.Index, err)
	}
	if explain && a.Status != parse.StatusError {
		if err := checkExplain(input, a); err != nil {
			t.Fatalf("record %d: %v", a.Source.Index, err)
		}
	}
}

// checkBody checks that text is the headings and paragraphs in order, and
// that no caption or credit line is in the body.
func checkBody(a *parse.Article) error {
	var parts []string
	inBody := map[int]string{} // line → where it is in the body
	for _, s := range a.Sections {
		if s.Heading != nil {
			parts = append(parts, s.Heading.Text)
			inBody[s.Heading.Line] = "heading"
		}
		for _, p := range s.Paragraphs {
			parts = append(parts, p.Text)
			if p.Lines[0] > p.Lines[1] {
				return fmt.Errorf("paragraph lines %v", p.Lines)
			}
			for n := p.Lines[0]; n <= p.Lines[1]; n++ {
				inBody[n] = "paragraph"
			}
		}
	}
	var want bytes.Buffer
	for i, p := range parts {
		if i > 0 {
			want.WriteString("\n\n")
		}
		want.WriteString(p)
	}
	if a.Text != want.String() {
		return fmt.Errorf("text %q is not the headings and paragraphs %q", a.Text, want.String())
	}
	for i, im := range a.Images {
		if im.Caption != nil {
			for _, n := range im.Caption.Lines {
				if where, ok := inBody[n]; ok {
					return fmt.Errorf("caption line %d of image %d is in a %s", n, i, where)
				}
			}
		}
		if im.Credit != nil {
			if where, ok := inBody[im.Credit.Line]; ok {
				return fmt.Errorf("credit line %d of image %d is in a %s", im.Credit.Line, i, where)
			}
		}
	}
	for _, c := range a.Credits {
		if where, ok := inBody[c.Line]; ok {
			return fmt.Errorf("credit line %d is in a %s", c.Line, where)
		}
	}
	for _, l := range a.Lines {
		switch l.Kind {
		case "caption", "caption_repeat", "credit":
			if where, ok := inBody[l.N]; ok {
				return fmt.Errorf("%s line %d is in a %s", l.Kind, l.N, where)
			}
		}
	}
	return nil
}

// checkExplain checks that the lines of the record name each line of the
// document at most once, in order, within the document, with a known
// kind; that each line holding an ASCII letter or digit has a kind and
// each line of only spaces and tabs has none. Only ASCII-compatible
// encodings are checked (line ends are then the same bytes as in UTF-8).
func checkExplain(input []byte, a *parse.Article) error {
	switch a.Source.Encoding {
	case "utf-8", "windows-1256", "iso-8859-6":
	default:
		return nil
	}
	if a.Lines == nil {
		return fmt.Errorf("no lines with Explain")
	}
	lines := splitSourceLines(input)
	first, last := a.Source.Lines[0], a.Source.Lines[1]
	kinds := map[int]string{}
	prev := 0
	for _, l := range a.Lines {
		if l.N <= prev || l.N < first || l.N > last || l.N > len(lines) {
			return fmt.Errorf("line %d after %d, document lines %d-%d, input %d lines", l.N, prev, first, last, len(lines))
		}
		if !lineKinds[l.Kind] {
			return fmt.Errorf("line %d: kind %q", l.N, l.Kind)
		}
		prev = l.N
		kinds[l.N] = l.Kind
	}
	for n := first; n >= 1 && n <= last && n <= len(lines); n++ {
		line := lines[n-1]
		_, has := kinds[n]
		switch {
		case hasASCIIAlnum(line) && !has:
			return fmt.Errorf("line %d %q has no kind", n, line)
		case onlySpaces(line) && has:
			return fmt.Errorf("blank line %d %q has kind %s", n, line, kinds[n])
		}
	}
	return nil
}

// splitSourceLines cuts b after each LF, CRLF or lone CR, as the record
// counts lines.
func splitSourceLines(b []byte) [][]byte {
	var lines [][]byte
	for len(b) > 0 {
		i := 0
		for i < len(b) && b[i] != '\n' && b[i] != '\r' {
			i++
		}
		switch {
		case i == len(b):
		case b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n':
			i += 2
		default:
			i++
		}
		lines = append(lines, b[:i])
		b = b[i:]
	}
	return lines
}

func hasASCIIAlnum(b []byte) bool {
	for _, c := range b {
		if '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

func onlySpaces(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// setHook sets the fault hook for the rest of the test.
func setHook(t *testing.T, f func(text []byte)) {
	testhook.BeforeAssemble = f
	t.Cleanup(func() { testhook.BeforeAssemble = nil })
}

// TestHostilePanic injects a panic into the parse of the middle document
// of three: it becomes that document's E_INTERNAL record, with a stack
// only with Debug, and the next document is parsed.
func TestHostilePanic(t *testing.T) {
	setHook(t, func(text []byte) {
		if bytes.Contains(text, []byte("PANIC")) {
			panic("injected fault")
		}
	})
	in := []byte(arLine + "\f\nPANIC " + arLine + "\f\n" + arLine)
	for _, timeout := range []time.Duration{0, time.Hour} {
		for _, debug := range []bool{false, true} {
			t.Run(fmt.Sprintf("timeout %v debug %v", timeout, debug), func(t *testing.T) {
				recs := collect(parse.Parse(bytes.NewReader(in), "p.txt", parse.Options{Split: "auto", Timeout: timeout, Debug: debug}))
				checkHostile(t, hostileCase{status: []string{"ok", "ok"}}, []*parse.Article{recs[0], recs[2]})
				a := recs[1]
				if errCode(a) != parse.ErrInternal || !strings.HasPrefix(a.Error.Message, "panic: injected fault") || a.Source.Lines != [2]int{3, 3} {
					t.Fatalf("record %+v, error %+v", a.Source, a.Error)
				}
				if strings.Contains(a.Error.Message, "\n") != debug || debug && !strings.Contains(a.Error.Message, "hostile_test.go") {
					t.Errorf("debug %v, message %q", debug, a.Error.Message)
				}
			})
		}
	}
}

// TestHostileRunaway makes the middle document of three hang: with a
// timeout it becomes an E_TIMEOUT record and the run goes on.
func TestHostileRunaway(t *testing.T) {
	release, entered := make(chan struct{}), make(chan struct{}, 1)
	setHook(t, func(text []byte) {
		if bytes.Contains(text, []byte("SLOW")) {
			entered <- struct{}{}
			<-release
		}
	})
	in := []byte(arLine + "\f\nSLOW " + arLine + "\f\n" + arLine)
	recs := collect(parse.Parse(bytes.NewReader(in), "r.txt", parse.Options{Split: "auto", Timeout: 50 * time.Millisecond}))
	<-entered
	close(release)
	checkHostile(t, hostileCase{status: []string{"ok", "ok"}}, []*parse.Article{recs[0], recs[2]})
	if a := recs[1]; errCode(a) != parse.ErrTimeout || a.Source.Lines != [2]int{3, 3} {
		t.Fatalf("record %+v, error %+v", a.Source, a.Error)
	}
}

// patternReader repeats p without end.
type patternReader struct {
	p   []byte
	off int
}

func (r *patternReader) Read(b []byte) (int, error) {
	n := 0
	for n < len(b) {
		k := copy(b[n:], r.p[r.off:])
		n += k
		r.off = (r.off + k) % len(r.p)
	}
	return n, nil
}

// TestHostileBig parses a 200 MiB line with the default limit (too
// large), with split (too large, streamed), and with a limit above it
// (parsed). It needs about 2 GB of memory and a minute: it runs only with
// KHABAR_HOSTILE_BIG=1.
func TestHostileBig(t *testing.T) {
	if os.Getenv("KHABAR_HOSTILE_BIG") == "" || testing.Short() {
		t.Skip("set KHABAR_HOSTILE_BIG=1 to parse a 200 MiB line")
	}
	const word, size = "كلمة ", 200 << 20
	line := func() io.Reader { return io.LimitReader(&patternReader{p: []byte(word)}, size) }
	for _, opts := range []parse.Options{{}, {Split: "auto"}} {
		recs := collect(parse.Parse(line(), "big.txt", opts))
		checkHostile(t, hostileCase{status: []string{"error"}, code: parse.ErrTooLarge}, recs)
		// Unsplit, reading stops one byte past the limit; split, the
		// document is read to its end without being kept.
		want := int64(size)
		if opts.Split == "" {
			want = parse.DefaultMaxBytes + 1
		}
		if a := recs[0]; a.Source.Bytes != want || a.Source.Lines != [2]int{1, 1} {
			t.Errorf("split %q: source %+v", opts.Split, a.Source)
		}
	}
	recs := collect(parse.Parse(line(), "big.txt", parse.Options{MaxBytes: 256 << 20}))
	checkHostile(t, hostileCase{status: []string{"ok"}}, recs)
	if a := recs[0]; a.Stats.Paragraphs != 1 || a.Stats.Words != (size+len(word)-1)/len(word) {
		t.Errorf("stats %+v", a.Stats)
	}
}
