package parse

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// encodeStd is what Encode must write: encoding/json over Article.
func encodeStd(t testing.TB, a *Article, pretty bool) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if pretty {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(a); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func checkEncode(t testing.TB, name string, a *Article) {
	t.Helper()
	for _, pretty := range []bool{false, true} {
		got, err := Marshal(a, pretty)
		if err != nil {
			t.Fatal(err)
		}
		var enc bytes.Buffer
		if err := Encode(&enc, a, pretty); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(enc.Bytes(), got) {
			t.Fatalf("%s (pretty %v): Encode and Marshal differ", name, pretty)
		}
		if app := AppendRecord([]byte("x"), a, pretty); !bytes.Equal(app[1:], got) || app[0] != 'x' {
			t.Fatalf("%s (pretty %v): AppendRecord and Marshal differ", name, pretty)
		}
		if pieces := encodePieces(t, a, pretty); !bytes.Equal(pieces, got) {
			t.Fatalf("%s (pretty %v): Encode in pieces and Marshal differ", name, pretty)
		}
		if want := encodeStd(t, a, pretty); !bytes.Equal(got, want) {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Fatalf("%s (pretty %v): differs from encoding/json at byte %d:\n got %q\nwant %q",
				name, pretty, i, got[max(0, i-40):min(len(got), i+40)], want[max(0, i-40):min(len(want), i+40)])
		}
	}
}

func TestEncodeMatchesEncodingJSON(t *testing.T) {
	files, _ := filepath.Glob("testdata/golden/*.txt")
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range []Options{{}, {Explain: true, Split: "auto"}, {Profile: "search"}, {JSONL: true}, {MaxBytes: 10}} {
			for a := range Parse(bytes.NewReader(raw), f, o) {
				checkEncode(t, f, a)
			}
		}
	}
	// Strings that need every escape, and values the parser rarely makes.
	odd := "a\"b\\c\x00\x01\b\f\n\r\t\x1f\x7f<>&\u2028\u2029\u2027\u202a\xe2\x80\xff\xc3 é ع 😀\xf0\x9f"
	label, place, n := odd, "", 3
	a := &Article{
		SchemaVersion: odd, ID: odd, Status: odd,
		Source:        Source{Path: "\xff\xfe.txt", RecordID: &odd, Lines: [2]int{-1, 1 << 40}, Bytes: -5},
		Language:      Language{Code: odd, ArabicRatio: 0.123456789},
		Title:         &Title{Text: odd, Line: -3},
		Dateline:      &Dateline{Text: odd, Place: &place},
		Meta:          []Meta{{Kind: odd, Text: odd}, {}},
		Images:        []Image{{Caption: &Caption{Text: odd}, Credit: &ImageCredit{}, Label: &label}, {Caption: &Caption{Lines: []int{}}}},
		Sections:      []Section{{Heading: &Heading{Text: odd}}, {Paragraphs: []Paragraph{{Text: odd}}}},
		Credits:       []Credit{{Text: odd, Agencies: []string{odd, ""}, Image: &n}},
		Removed:       []Removed{{Kind: odd, Rule: odd}},
		Normalization: Normalization{Ops: []string{}, Changes: map[string]int{"b": 1, "a": 2, odd: 3}},
		Warnings:      []Warning{{Code: odd, Line: &n}},
		Error:         &Error{Code: odd, Message: odd},
		Lines:         []LineKind{},
	}
	checkEncode(t, "odd values", a)
	// text made of the sections (the escaped parts are reused), and text
	// that is not quite.
	for _, text := range []string{odd + "\n\n" + odd, odd + "\n\n" + odd + "x", odd + "\n" + odd, odd, odd + "\n\n" + odd + "\n\n"} {
		a.Text = text
		checkEncode(t, "text of sections", a)
	}
	a.Sections = append(a.Sections, Section{Heading: &Heading{Text: "\xd8"}, Paragraphs: []Paragraph{{Text: "\x80ع"}, {Text: ""}}})
	a.Text = odd + "\n\n" + odd + "\n\n\xd8\n\n\x80ع\n\n"
	checkEncode(t, "text of sections", a)
	a.Lines, a.Normalization.Changes, a.Title, a.Meta = nil, nil, nil, nil
	checkEncode(t, "nil values", a)
	a.Images, a.Sections, a.Credits, a.Agencies, a.Removed, a.Warnings, a.Normalization.Ops = nil, nil, nil, nil, nil, nil, nil
	a.Error, a.Dateline, a.Source.RecordID = nil, nil, nil
	checkEncode(t, "nil lists", a)
	for _, f := range []float64{0, 1, 0.5, 0.001, 1e-7, 123456789, 1e22} {
		a.Language.ArabicRatio = f
		checkEncode(t, "float", a)
	}
}

// FuzzAppendString checks the string escaper against encoding/json on any
// bytes.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "abc", "\"\\\x00\x1f\x7f", "\u2028\u2029\u2027", "عربي", "\xff\xc3", "\xe2\x80", "é😀\xf0\x9f\x98",
		"قال وزير الخارجية إن المحادثات", "abcdefg\u060c", "abcdef\u2028\u0639", "\u0639\u0639\u0639\xc0\x80\u0639\u0639", "abcdefgh\"ijklmnop"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		got := append(AppendJSONString(nil, s), '\n')
		if !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("%q: got %s, want %s", s, got, want.Bytes())
		}
	})
}

// TestAppendStringWords puts each kind of byte sequence the escaper
// treats apart at every offset within two eight-byte words of Arabic and
// of ASCII, and holds the result to encoding/json.
func TestAppendStringWords(t *testing.T) {
	odd := []string{"\"", "\\", "\x00", "\x1f", "\x7f", "\n", "é", "\u00a0", "\u0639", "\u2028", "\u2029",
		"\u20ac", "😀", "\xc0\x80", "\xc1\xbf", "\xc2", "\x80", "\xbf", "\xdf", "\xe0\x80", "\xe2\x80", "\xf0\x9f\x98", "\xff"}
	for _, fill := range []string{"ع", "a", "عa"} {
		for _, o := range odd {
			for pre := range 20 {
				s := strings.Repeat(fill, 20)
				s = s[:pre] + o + s[pre:] // pre may cut a character: more cases
				var want bytes.Buffer
				enc := json.NewEncoder(&want)
				enc.SetEscapeHTML(false)
				if err := enc.Encode(s); err != nil {
					t.Fatal(err)
				}
				if got := append(AppendJSONString(nil, s), '\n'); !bytes.Equal(got, want.Bytes()) {
					t.Fatalf("%q: got %s, want %s", s, got, want.Bytes())
				}
			}
		}
	}
}
