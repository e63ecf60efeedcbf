package arabic

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// reference is the slow, obviously-correct normalizer the fast path is
// checked against: each op written with x/text (norm, runes.Remove,
// runes.Map) or a regular expression over the whole string, applied in the
// documented order, the whole chain again until the text stops changing.
func reference(o Options, s string) string {
	s = string([]rune(s)) // invalid UTF-8: one U+FFFD per bad byte
	for {
		t := referencePass(o, s)
		if t == s {
			return t
		}
		s = t
	}
}

var (
	refNewlines = regexp.MustCompile("\r\n|\r|\u2028|\u2029")
	refRuns     = regexp.MustCompile(" +")
	refEnds     = regexp.MustCompile("(?m)^ | $")
)

func referencePass(o Options, s string) string {
	if o.Has(Newlines) {
		s = refNewlines.ReplaceAllString(s, "\n")
	}
	if o.Has(Presentation) {
		s = refPresentation(s)
	}
	var chain []transform.Transformer
	if o.Has(Controls) {
		chain = append(chain, runes.Remove(runes.Predicate(func(r rune) bool {
			return r < 0x20 && r != '\t' && r != '\n' || strings.ContainsRune("\u00AD\u061C\u200B\u200E\u200F\u2060\uFEFF", r) ||
				0x202A <= r && r <= 0x202E || 0x2066 <= r && r <= 0x2069
		})))
	}
	if o.Has(Spaces) {
		chain = append(chain, runes.Map(func(r rune) rune {
			if r == '\t' || r == 0xA0 || r == 0x1680 || 0x2000 <= r && r <= 0x200A || r == 0x202F || r == 0x205F || r == 0x3000 {
				return ' '
			}
			return r
		}))
	}
	if o.Has(Diacritics) {
		chain = append(chain, runes.Remove(runes.Predicate(func(r rune) bool {
			return 0x064B <= r && r <= 0x0652 || r == 0x0670
		})))
	}
	if o.Has(Quranic) {
		chain = append(chain, runes.Remove(runes.Predicate(func(r rune) bool {
			return 0x0610 <= r && r <= 0x061A || 0x06D6 <= r && r <= 0x06ED || 0x08D3 <= r && r <= 0x08FF
		})))
	}
	if len(chain) > 0 {
		s, _, _ = transform.String(transform.Chain(chain...), s)
	}
	if o.Has(Tatweel) {
		s = refKashida(s)
	}
	if o.Has(NFC) {
		s = norm.NFC.String(s)
	}
	s, _, _ = transform.String(runes.Map(func(r rune) rune { return refFold(o, r) }), s)
	if o.Has(Spaces) {
		s = refRuns.ReplaceAllString(s, " ")
		s = refEnds.ReplaceAllString(s, "")
	}
	return s
}

var refForms = func() map[rune]string {
	m := map[rune]string{}
	for r := rune(0xFB50); r <= 0xFEFF; r++ {
		if r > 0xFDFF && r < 0xFE70 {
			continue
		}
		k := norm.NFKC.String(string(r))
		if k == string(r) {
			continue
		}
		if rs := []rune(k); (rs[0] == ' ' || rs[0] == 'ـ') && len(rs) > 1 &&
			strings.IndexFunc(string(rs[1:]), func(r rune) bool { return !unicode.Is(unicode.M, r) }) < 0 {
			k = string(rs[1:])
		}
		m[r] = k
	}
	m['\uFDFC'] = "ريال"
	m['\uFDFD'] = "بسم الله الرحمن الرحيم"
	return m
}()

func refPresentation(s string) string {
	var b strings.Builder
	for _, r := range s {
		if k, ok := refForms[r]; ok {
			b.WriteString(k)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// refKashida deletes every tatweel whose nearest base (not a mark, not a
// tatweel) is a letter on both sides.
func refKashida(s string) string {
	rs := []rune(s)
	base := func(i, step int) bool {
		for ; i >= 0 && i < len(rs); i += step {
			if r := rs[i]; r != 'ـ' && !unicode.Is(unicode.M, r) {
				return unicode.IsLetter(r)
			}
		}
		return false
	}
	var b strings.Builder
	for i, r := range rs {
		if r == 'ـ' && base(i-1, -1) && base(i+1, 1) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var refFolds = []struct {
	op       Op
	from, to string
}{
	{Alef, "أإآٱ", "اااا"},
	{Yeh, "ى", "ي"},
	{TehMarbuta, "ة", "ه"},
	{Hamza, "ؤئ", "وي"},
	{Persian, "کیۀہے", "كيههي"},
	{Digits, "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789"},
	{Punctuation, "،؛؟٪٫٬", ",;?%.,"},
}

func refFold(o Options, r rune) rune {
	for _, f := range refFolds {
		if !o.Has(f.op) {
			continue
		}
		from, to := []rune(f.from), []rune(f.to)
		for i := range from {
			if from[i] == r {
				return to[i]
			}
		}
	}
	return r
}

// alphabet is what generated test strings are made of: the code points
// each op looks at, their neighbours, and some that no op touches.
var alphabet = []string{
	"ا", "ب", "ل", "و", "ي", "ه", "ى", "ة", "أ", "إ", "آ", "ؤ", "ئ", "ٱ", "ک", "ی", "ۀ", "ہ", "ے", "ە", "پ", "گ",
	"\u0653", "\u0654", "\u0655", "\u064B", "\u064E", "\u0650", "\u0651", "\u0652", "\u0670", "\u0610", "\u06D6", "\u06DD", "\u06E5", "\u08F0",
	"ـ", "ـ", "ـ", " ", " ", " ", "\t", "\u00A0", "\u2003", "\u3000", "\n", "\r", "\r\n", "\u2028",
	"\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u061C", "\u202B", "\u2067", "\uFEFF", "\u00AD", "\x00", "\x1F", "\x7F", "\u0085",
	"ﻻ", "ﻵ", "ﻷ", "ﻹ", "ﻼ", "ﺍ", "ﺑ", "\uFE70", "\uFE71", "\uFE7C", "\uFC5E", "\uFCF2", "ﷲ", "﷼", "ﷺ", "﷽", "\uFBB2", "\uFE73", "\uFDFE",
	"٠", "٩", "۴", "1", "a", "E", "\u0301", "\u0323", "é", "\u0958", "\u2126", "\u0B47", "\u0B3E",
	"،", "؛", "؟", "٪", "٫", "٬", ".", "-", "«", "»", "\u201C",
	"\xff", "\xd8", "\xe2\x80",
	"\uFA80", "\u0344", "\u034F", "\u1100", "\u1161", "가", "\U0001D15E", "\u0F73", "\U0001F469",
}

// randomText builds a string of n pieces of the alphabet.
func randomText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(alphabet[rng.IntN(len(alphabet))])
	}
	return b.String()
}
