package lexicon

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/khabar/khabar/parse/arabic"
)

func TestBuiltinRoundTrip(t *testing.T) {
	b := Builtin()
	if b.Len() < 100 {
		t.Fatalf("builtin lexicon has %d entries, want the full list", b.Len())
	}
	var buf bytes.Buffer
	n, err := b.WriteTo(&buf)
	if err != nil || n != int64(buf.Len()) {
		t.Fatalf("WriteTo = %d, %v; wrote %d bytes", n, err, buf.Len())
	}
	again, err := Parse(&buf, "written")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again.Entries(), b.Entries()) {
		t.Fatal("Parse(WriteTo(Builtin())) differs from Builtin()")
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"agency\tReuters\n", ""},
		{"# comment\n\nagency\tReuters\tReuters\n", ""},
		{"agency\n", "user.txt:1: agency entry without text"},
		{"Reuters\n", "user.txt:1: want KIND<TAB>TEXT"},
		{"\nplace\tLondon\n", `user.txt:2: unknown kind "place"`},
		{"agency\t \n", "user.txt:1: agency entry without text"},
		{"related\tاقرأ أيضا\textra\n", "user.txt:1: related entry takes no canonical name"},
		{"agency\ta\tb\tc\n", "user.txt:1: too many columns"},
	}
	for _, tt := range tests {
		_, err := Parse(strings.NewReader(tt.in), "user.txt")
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("Parse(%q) = %v, want no error", tt.in, err)
		case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
			t.Errorf("Parse(%q) = %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestAgencies(t *testing.T) {
	lex := Builtin()
	tests := []struct {
		line string
		want []string
	}{
		{"Reuters", []string{"Reuters"}},
		{"رويترز", []string{"Reuters"}},
		{"أ.ف.ب", []string{"AFP"}},
		{"(أ ف ب)", []string{"AFP"}},
		{"AFP via Getty Images", []string{"AFP", "Getty Images"}},
		{"مصدر الصورة، Getty Images", []string{"Getty Images"}},
		{"فرانس24/ أ ف ب", []string{"France 24", "AFP"}},
		{"وكالة الأناضول", []string{"Anadolu"}},
		{"EPA-EFE/Mohamed Hossam", []string{"EPA"}},
		{"د ب أ", []string{"DPA"}},
		{"Chapter one of the report", nil},
		{"A map of the area", nil},
	}
	for _, tt := range tests {
		got := lex.Agencies(tt.line)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Agencies(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

func TestExtend(t *testing.T) {
	user, err := Parse(strings.NewReader("agency\tالوكالة الوطنية\tNNA\n"), "user.txt")
	if err != nil {
		t.Fatal(err)
	}
	ext := Builtin().Extend(user)
	if ext.Len() != Builtin().Len()+1 {
		t.Fatalf("Extend: %d entries, want %d", ext.Len(), Builtin().Len()+1)
	}
	if got := ext.Agencies("الوكالة الوطنية"); !reflect.DeepEqual(got, []string{"NNA"}) {
		t.Errorf("extended Agencies = %q", got)
	}
	if got := Builtin().Agencies("الوكالة الوطنية"); got != nil {
		t.Errorf("Extend modified the builtin lexicon: %q", got)
	}
}

func TestPrefixSuffixLongest(t *testing.T) {
	lex := Builtin()
	toks := Tokens("اقرأ أيضا: مدن عربية")
	if m, ok := lex.Prefix(Related, toks); !ok || m.End != 2 {
		t.Errorf("Prefix(related) = %+v, %v", m, ok)
	}
	toks = Tokens("سياح في البتراء. صورة أرشيفية")
	if m, ok := lex.Suffix(Archive, toks); !ok || m.Start != len(toks)-2 {
		t.Errorf("Suffix(archive) = %+v, %v; want the two-token entry", m, ok)
	}
	toks = Tokens("وكالة فرانس برس")
	if m, ok := lex.Prefix(Agency, toks); !ok || m.End != 3 {
		t.Errorf("Prefix(agency) = %+v, %v; want the longest entry", m, ok)
	}
}

// TestTokensFastPath checks that the one-pass fold gives the tokens the
// general path (arabic.Key, then cutting) gives.
func TestTokensFastPath(t *testing.T) {
	lines := []string{
		"أقرّ مجلسُ النوّاب مشروعَ القانون، بعد نقاشاتٍ استمرّت ٣ أيام.",
		"مصدر الصورة،Getty Images",
		"«التعليق على الصورة»: سياحٌ في البتراء – صورةٌ أرشيفية",
		"هل تصمـد الشاشات القابلة للطيّ؟",
		"\u200fفرانس24/ أ.ف.ب\u200f",
		"Reuters/Carlos Barria — AFP via Getty Images (EPA-EFE)",
		"الجمعة, 29 يونيو, 2012, 17:35 بتوقيت القدس\u00a0",
		"ی ک ۀ ے ٱلله ۱۲۳ ؤ ئ ى ة",
		"سیاح\u200cها \u202bمتن\u202c",
	}
	b, err := os.ReadFile("builtin.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines = append(lines, strings.Split(string(b), "\n")...)
	for _, s := range lines {
		if fastPath(s) != "" {
			t.Errorf("%q: %q is not on the fast path", s, fastPath(s))
			continue
		}
		got, want := Tokens(s), appendSplit(nil, arabic.Key(s))
		if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("Tokens(%q)\n fast %q\n key  %q", s, got, want)
		}
	}
}

func TestBuiltinNoDuplicates(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range Builtin().Entries() {
		k := string(e.Kind) + "\t" + strings.Join(Tokens(e.Text), " ")
		if seen[k] {
			t.Errorf("duplicate %s entry %q (same match key as an earlier one)", e.Kind, e.Text)
		}
		seen[k] = true
	}
}

// fastPath returns the first rune of s that only arabic.Key knows, or "".
func fastPath(s string) string {
	for _, r := range s {
		if r >= 0x80 && fold(r) == slow {
			return string(r)
		}
	}
	return ""
}

func TestScan(t *testing.T) {
	lex := Builtin()
	toks := Tokens("مصدر الصورة، رويترز/ أ ف ب - اقرأ أيضا")
	var got []string
	for _, m := range lex.Scan(toks) {
		got = append(got, fmt.Sprintf("%s:%d-%d", m.Entry.Kind, m.Start, m.End))
	}
	want := []string{"credit_label:0-2", "credit_label:1-2", "agency:2-3", "agency:3-6", "related:6-8"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Scan = %q, want %q", got, want)
	}
}

// TestAppendKeySpans checks that the spans AppendKeySpans notes are the
// tokens SplitKey cuts from the same key, after a prefix already in the
// buffer, on text that takes every path of the key (ASCII, the Arabic
// block, other scripts, runes only arabic.Key folds).
func TestAppendKeySpans(t *testing.T) {
	pieces := []string{"a", "Z", "9", " ", "-", "،", "ب", "أ", "ة", "ـ", "\u064e", "١", "\u200f", "é", "ж", "ﻻ", "\u0654",
		"(", "AFP", "رويترز", "\u00a0", "x"}
	rng := rand.New(rand.NewPCG(11, 12))
	for range 50000 {
		var b strings.Builder
		for n := rng.IntN(20); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		prefix := []byte("prefix ")
		key, spans := AppendKeySpans(append([]byte(nil), prefix...), nil, s)
		if want := AppendKey(append([]byte(nil), prefix...), s); string(key) != string(want) {
			t.Fatalf("%q: key %q, AppendKey %q", s, key, want)
		}
		want := SplitKey(nil, string(key[len(prefix):]))
		var got []string
		for _, sp := range spans {
			got = append(got, string(key[sp[0]:sp[1]]))
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%q: spans give %q, SplitKey %q", s, got, want)
		}
	}
}
