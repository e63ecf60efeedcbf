package classify

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"unicode"
)

func TestSplitLines(t *testing.T) {
	tests := []struct {
		in   string
		want []Line
	}{
		{"", []Line{}},
		{"a", []Line{{1, "a", false}}},
		{"a\n", []Line{{1, "a", false}}},
		{"a\nb", []Line{{1, "a", false}, {2, "b", false}}},
		{"a\r\nb\r\n", []Line{{1, "a", false}, {2, "b", false}}},
		{"a\rb\r\rc", []Line{{1, "a", false}, {2, "b", false}, {3, "", true}, {4, "c", false}}},
		{"a\n\r\nb", []Line{{1, "a", false}, {2, "", true}, {3, "b", false}}},
		{"\n\n", []Line{{1, "", true}, {2, "", true}}},
	}
	for _, tt := range tests {
		got := SplitLines(tt.in, 1)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SplitLines(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if got := SplitLines("x\ny", 41); got[0].N != 41 || got[1].N != 42 {
		t.Errorf("SplitLines(first=41) numbers %d, %d", got[0].N, got[1].N)
	}
}

func TestIsBlank(t *testing.T) {
	blank := []string{"", " ", "\t", "\u00a0\u00a0", "\u200b", "\u200c\u200d", "\u200e\u200f\u061c",
		"\u202b\u202c", "\u2066\u2069", "\u2060", "\ufeff", "\x00", " \x00 ", "\u3000"}
	for _, s := range blank {
		if !IsBlank(s) {
			t.Errorf("IsBlank(%q) = false", s)
		}
	}
	notBlank := []string{"a", " ـ ", "\u00a0.", "؟", "\ufffd", "\u064e"}
	for _, s := range notBlank {
		if IsBlank(s) {
			t.Errorf("IsBlank(%q) = true", s)
		}
	}
}

func TestEndClass(t *testing.T) {
	tests := []struct {
		in   string
		want byte
	}{
		{"قال الوزير.", endStop},
		{`said "yes."`, endStop},
		{"ما الذي يحدث؟", endQuestion},
		{"Why?", endQuestion},
		{"ما يلي:", endColon},
		{"جملة،", endComma},
		{"عنوان بلا نقطة", endNone},
		{"Planes, trains ...", endNone},
		{"(AP)", endNone},
		{"?C? ?O?C? ??", endNone},
	}
	for _, tt := range tests {
		if got := endClass(tt.in); got != tt.want {
			t.Errorf("endClass(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestWordCount checks the lazy word count against a count of the whole
// line, whatever the order of the questions asked.
// wordsOf is scanWords by its definition, a code point at a time: words
// are runs parted by ASCII spaces and controls and by invisible
// characters, counted when they hold a word rune.
func wordsOf(s string) (words, latin, arabic int) {
	in := false
	for _, r := range s {
		if r <= ' ' || invisible(r) {
			in = false
			continue
		}
		word := isWordRune(r) || r >= 0x621 && r <= 0x64a || r >= 0x671 && r <= 0x6d3
		if word && !in {
			words++
		}
		in = in || word
		switch {
		case r >= 0x621 && r <= 0x64a || r >= 0x671 && r <= 0x6d3:
			arabic++
		case word && r >= 'A' && r < 0x250 && unicode.IsLetter(r):
			latin++
		}
	}
	return min(words, maxWords), latin, arabic
}

// randomText joins fewer than most pieces drawn at random.
func randomText(rng *rand.Rand, pieces []string, most int) string {
	var b []byte
	for n := rng.IntN(most); n > 0; n-- {
		b = append(b, pieces[rng.IntN(len(pieces))]...)
	}
	return string(b)
}

// TestScanWords holds scanWords to its definition on random text, much
// of it Arabic words and spaces.
func TestScanWords(t *testing.T) {
	pieces := []string{"a", " ", "ب", "ة", "é", "\u00a0", "€", "\u200f", "😀", "،", "؟", "\u061c", "١", "ً", "-", ".",
		"Z", "9", "\t", "ـ", "ж", "  ", "word ", "كلمة ", "كلمة", " في", "ال", "\n", "ۀ"} // valid UTF-8, as decoded text is
	rng := rand.New(rand.NewPCG(9, 10))
	for range 50000 {
		text := randomText(rng, pieces, 300)
		words, latin, arabic := scanWords(text)
		ww, wl, wa := wordsOf(text)
		if words != ww || words < maxWords && (latin != wl || arabic != wa) {
			t.Fatalf("%q: scanWords %d words, %d Latin, %d Arabic letters; want %d, %d, %d", text, words, latin, arabic, ww, wl, wa)
		}
	}
}

func TestWordCount(t *testing.T) {
	pieces := []string{"a", " ", "ب", "ة", "é", "\u00a0", "€", "\u200f", "😀", "،", "؟", "\u061c", "١", "ً", "-", ".",
		"Z", "9", "\t", "ـ", "ж", "  ", "word ", "كلمة "}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		text := randomText(rng, pieces, 200)
		words, latin, arabic := scanWords(text)
		f := feat{text: text}
		for range 5 {
			n := rng.IntN(maxWords + 3)
			if got := f.wordCount(n); got != min(words, n) {
				t.Fatalf("%q: wordCount(%d) = %d, want %d", text, n, got, min(words, n))
			}
		}
		if got := f.isLatin(); got != (latin > arabic) {
			t.Fatalf("%q: isLatin %v, want %v", text, got, latin > arabic)
		}
		if int(f.ws.words) != words {
			t.Fatalf("%q: %d words after isLatin, want %d", text, f.ws.words, words)
		}
	}
}
