package arabic

import (
	"fmt"
	"strings"
	"testing"
)

type opCase struct {
	name    string
	o       Options
	in, out string
}

// only returns None plus the given ops without newlines, so a case shows
// one op alone.
func only(ops ...Op) Options { return Options{}.With(ops...) }

var opCases = []opCase{
	// newlines
	{"crlf", only(Newlines), "a\r\nb\rc\u2028d\u2029e\n", "a\nb\nc\nd\ne\n"},
	{"cr cr lf", only(Newlines), "a\r\r\nb", "a\n\nb"},
	{"newlines off", only(), "a\r\nb\u2028", "a\r\nb\u2028"},

	// nfc
	{"nfc compose", only(NFC), "\u0627\u0653 \u0627\u0654 \u0627\u0655 \u0648\u0654 \u064A\u0654 \u06D5\u0654 \u06C1\u0654 \u06D2\u0654", "آ أ إ ؤ ئ ۀ ۂ ۓ"},
	{"nfc order", only(NFC), "م\u0651\u064E", "م\u064E\u0651"},
	{"nfc latin", only(NFC), "e\u0301 \u2126", "é Ω"},
	{"nfc off", only(), "\u0627\u0653", "\u0627\u0653"},

	// presentation: all 8 lam-alef forms keep hamza and madda
	{"lam-alef", only(Presentation), "\uFEF5 \uFEF6 \uFEF7 \uFEF8 \uFEF9 \uFEFA \uFEFB \uFEFC", "لآ لآ لأ لأ لإ لإ لا لا"},
	{"forms-b letters", only(Presentation), "\uFE8D\uFEDF\uFECC\uFEAE\uFE91\uFEF4\uFE93", "العربية"},
	{"forms-b hamza", only(Presentation), "\uFE80 \uFE83 \uFE85 \uFE87 \uFE89", "ء أ ؤ إ ئ"},
	{"fe70-fe7f marks alone", only(Presentation),
		"ب\uFE70 ب\uFE71 ب\uFE72 ب\uFE74 ب\uFE76 ب\uFE77 ب\uFE78 ب\uFE79 ب\uFE7A ب\uFE7B ب\uFE7C ب\uFE7D ب\uFE7E ب\uFE7F",
		"ب\u064B ب\u064B ب\u064C ب\u064D ب\u064E ب\u064E ب\u064F ب\u064F ب\u0650 ب\u0650 ب\u0651 ب\u0651 ب\u0652 ب\u0652"},
	{"fe73 fe75 kept", only(Presentation), "\uFE73\uFE75", "\uFE73\uFE75"},
	{"shadda ligatures", only(Presentation), "ب\uFC5E ب\uFC63 ب\uFCF2", "ب\u064C\u0651 ب\u0651\u0670 ب\u064E\u0651"},
	{"forms-a letters", only(Presentation), "\uFB50 \uFB56 \uFB7A \uFB8E \uFBFC \uFB92", "ٱ پ چ ک ی گ"},
	{"forms-a ligatures", only(Presentation), "\uFC0B \uFD3C \uFDF2", "تج اً الله"},
	{"rial", only(Presentation), "100 \uFDFC", "100 ريال"},
	{"phrases", only(Presentation), "\uFDFA|\uFDFB|\uFDFD", "صلى الله عليه وسلم|جل جلاله|بسم الله الرحمن الرحيم"},
	{"forms kept", only(Presentation), "\uFBB2\uFD3E\uFD3F\uFD40\uFDCF\uFDFE\uFDFF\uFEFF", "\uFBB2\uFD3E\uFD3F\uFD40\uFDCF\uFDFE\uFDFF\uFEFF"},
	{"presentation off", only(NFC), "\uFEFB\uFE70", "\uFEFB\uFE70"},

	// controls: deleted, ZWNJ and ZWJ kept
	{"bidi", only(Controls), "a\u200Eb\u200Fc\u061Cd\u202Ae\u202Bf\u202Cg\u202Dh\u202Ei\u2066j\u2067k\u2068l\u2069m", "abcdefghijklm"},
	{"invisible", only(Controls), "a\u200Bb\u2060c\uFEFFd\u00ADe", "abcde"},
	{"c0", only(Controls), "a\x00b\x01c\x07d\x0Be\x0Cf\x0Dg\x1Bh\x1Fi", "abcdefghi"},
	{"c0 kept", only(Controls), "a\tb\nc\x7Fd\u0085e", "a\tb\nc\x7Fd\u0085e"},
	{"zwnj zwj kept", only(Controls), "می\u200Cخواهم \U0001F469\u200D\U0001F4BB", "می\u200Cخواهم \U0001F469\u200D\U0001F4BB"},

	// spaces
	{"space kinds", only(Spaces), "a\tb\u00A0c\u1680d\u2000e\u2005f\u200Ag\u202Fh\u205Fi\u3000j", "a b c d e f g h i j"},
	{"collapse", only(Spaces), "a  \t \u00A0b", "a b"},
	{"trim", only(Spaces), "  a b  \n\t\n \u00A0x\u3000", "a b\n\nx"},
	{"zwsp not a space", only(Spaces), "a\u200Bb", "a\u200Bb"},
	{"spaces off", only(), "a  b ", "a  b "},

	// tatweel
	{"kashida", only(Tatweel), "العـــربية", "العربية"},
	{"kashida with mark", only(Tatweel), "مـَـدرسة", "مَدرسة"},
	{"dash kept", only(Tatweel), "القاهرة ـ أعلن", "القاهرة ـ أعلن"},
	{"line edges kept", only(Tatweel), "ـ\nبـ\nـب", "ـ\nبـ\nـب"},
	{"before digit kept", only(Tatweel), "بـ15 بـ\"كلمة\"", "بـ15 بـ\"كلمة\""},
	{"zwnj blocks", only(Tatweel), "ب\u200Cـب", "ب\u200Cـب"},
	{"latin letters", only(Tatweel), "aـb", "ab"},

	// diacritics
	{"harakat", only(Diacritics), "مُحَمَّدٌ رَسُولُ اللّٰهِ أيضاً", "محمد رسول الله أيضا"},
	{"all harakat", only(Diacritics), "ب\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670", "ب"},
	{"hamza marks kept", only(Diacritics), "ب\u0653\u0654\u0655\u0656", "ب\u0653\u0654\u0655\u0656"},

	// quranic
	{"honorifics", only(Quranic), "محمد\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061A", "محمد"},
	{"pause marks", only(Quranic), "ب\u06D6ب\u06DAب\u06DDب\u06E5ب\u06EDب", "بببببب"},
	{"extended-a", only(Quranic), "ب\u08D3\u08F0\u08FFب", "بب"},

	// letter folds
	{"alef", only(Alef), "أ إ آ ٱ ا ى", "ا ا ا ا ا ى"},
	{"yeh", only(Yeh), "على مستشفى", "علي مستشفي"},
	{"teh marbuta", only(TehMarbuta), "مدرسة", "مدرسه"},
	{"hamza", only(Hamza), "مؤتمر رئيس ء أ", "موتمر رييس ء أ"},
	{"persian", only(Persian), "ک ی ۀ ہ ے پ چ گ ڤ", "ك ي ه ه ي پ چ گ ڤ"},
	{"digits", only(Digits), "٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹", "0123456789 0123456789"},
	{"punctuation", only(Punctuation), "، ؛ ؟ ٪ ٫ ٬ ۔", ", ; ? % . , ۔"},
	{"decimal", only(Digits, Punctuation), "٣٫١٤ ١٬٠٠٠", "3.14 1,000"},

	// profiles
	{"none", None, "a\r\nأُ  ـ\u200F\uFEFB", "a\nأُ  ـ\u200F\uFEFB"},
	{"default", Default, " \u200Fالعـــربية\u00A0 ﻷ أُ بـ15 \r\n", "العربية لأ أُ بـ15\n"},
	{"search", Search, "الـمُـدرسة إلى ﻷ مؤتمر ی ١٢٫٥٪ ؟", "المدرسه الي لا موتمر ي 12.5% ?"},
	{"search keeps free tatweel", Search, "القاهرة ـ", "القاهره ـ"},

	// --with / --without
	{"default with alef", Default.With(Alef), "أحمد  إلى", "احمد الى"},
	{"search without teh", Search.Without(TehMarbuta), "مدرسة", "مدرسة"},
	{"search without hamza", Search.Without(Hamza, Alef), "مؤتمر أ", "مؤتمر أ"},
	{"search without nfc", Search.Without(NFC), "ا\u0654", "ا\u0654"},
	{"default without spaces", Default.Without(Spaces), "a \u00A0 b ", "a \u00A0 b "},

	// the fold settles: composing after a fold is folded again
	{"settles alef", Search, "أ\u0653", "ا"},
	{"settles yeh", Search.Without(Hamza), "ی\u0654", "ئ"},
	{"settles control", Search, "ا\u200F\u0654", "ا"},
	{"settles kashida", Default, "اـ\u0654ب", "أب"},
}

func TestOps(t *testing.T) {
	for _, c := range opCases {
		t.Run(c.name, func(t *testing.T) {
			if got := String(c.o, c.in); got != c.out {
				t.Errorf("%s\n  in %+q\n got %+q\nwant %+q", c.o.Names(), c.in, got, c.out)
			}
			if ref := reference(c.o, c.in); ref != c.out {
				t.Errorf("the reference gives %+q", ref)
			}
			if again := String(c.o, c.out); again != c.out {
				t.Errorf("not idempotent: %+q", again)
			}
		})
	}
}

// TestPresentationRanges checks every presentation form: none is left
// unchanged if NFKC changes it, none expands to a space or tatweel before a
// mark, and ﷼ is spelled with Arabic yeh.
func TestPresentationRanges(t *testing.T) {
	for r := rune(0xFB50); r <= 0xFEFF; r++ {
		if !inPresentation(r) {
			continue
		}
		got := String(only(Presentation), string(r))
		if got == string(r) {
			if refForms[r] != "" {
				t.Errorf("%U kept, NFKC gives %+q", r, refForms[r])
			}
			continue
		}
		if strings.HasPrefix(got, " ") || strings.HasPrefix(got, "ـ") {
			t.Errorf("%U → %+q starts with a carrier", r, got)
		}
		if strings.ContainsRune(got, 'ی') && r != 0xFBFC && r != 0xFBFD && r != 0xFBFE && r != 0xFBFF {
			t.Errorf("%U → %+q has a Persian yeh", r, got)
		}
	}
}

func TestChanges(t *testing.T) {
	n := New(Search)
	n.String("  أُحـمد\u200F\u200F ١٢  \r\nﻷ")
	want := map[string]int{"alef": 1, "diacritics": 1, "tatweel": 1, "controls": 2, "digits": 2,
		"spaces": 4, "newlines": 1, "presentation": 1, "nfc": 0}
	got := n.Changes().Map()
	// ﻷ → لأ then alef: ا
	want["alef"]++
	delete(want, "nfc")
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("changes %v, want %v", got, want)
	}
	n.Reset()
	if m := n.Changes().Map(); len(m) != 0 {
		t.Errorf("after Reset: %v", m)
	}
}
