package dates

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokenKind tells a run of digits, a run of letters and a punctuation mark
// apart.
type tokenKind uint8

const (
	number tokenKind = iota + 1
	word
	punct
)

// A token is a run of digits, a run of letters or one other character of a
// line. Digits and letters never share a token, so «2012م» is 2012 and م,
// and «1433هـ» is 1433 and هـ.
type token struct {
	kind       tokenKind
	text       string // numbers: ASCII digits; words: folded (see fold); punct: the character
	start, end int    // byte offsets in the line
	space      bool   // the line starts or a space comes before the token
	val        int    // numbers: the value, or -1 when there are more than 9 digits
}

// digits returns the number of digits of a number token.
func (t token) digits() int { return len(t.text) }

// digitValue returns the value of an ASCII, Arabic-Indic (٠-٩) or
// Extended Arabic-Indic (Persian, ۰-۹) digit, or -1.
func digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '٠' && r <= '٩':
		return int(r - '٠')
	case r >= '۰' && r <= '۹':
		return int(r - '۰')
	}
	return -1
}

// hasDigit reports a digit digitValue reads in s.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			return true
		case (c == 0xD9 || c == 0xDB) && i+1 < len(s):
			// U+0660–U+0669 are D9 A0–A9, U+06F0–U+06F9 are DB B0–B9.
			if n := s[i+1]; (c == 0xD9 && n >= 0xA0 && n <= 0xA9) || (c == 0xDB && n >= 0xB0 && n <= 0xB9) {
				return true
			}
		}
	}
	return false
}

// invisible reports a format character (bidi marks, ZWNJ, BOM…) that is
// skipped wherever it stands.
func invisible(r rune) bool { return unicode.Is(unicode.Cf, r) }

// letter reports a rune of a word: a letter (the tatweel included) or a
// combining mark.
func letter(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// tokenize cuts a line into tokens. Spaces and invisible characters only
// separate tokens. A word made only of tatweels and marks («ـ» used as a
// dash) is a punctuation token.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/4+1)
	space := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			space = true
			i += size
		case invisible(r):
			i += size
		case digitValue(r) >= 0:
			t := token{kind: number, start: i, space: space}
			var b strings.Builder
			for i < len(s) {
				r, size := utf8.DecodeRuneInString(s[i:])
				v := digitValue(r)
				if v < 0 {
					break
				}
				b.WriteByte(byte('0' + v))
				i += size
			}
			t.end, t.text = i, b.String()
			t.val = -1
			if len(t.text) <= 9 {
				t.val = 0
				for _, c := range t.text {
					t.val = t.val*10 + int(c-'0')
				}
			}
			toks = append(toks, t)
			space = false
		case letter(r):
			t := token{kind: word, start: i, space: space}
			for i < len(s) {
				r, size := utf8.DecodeRuneInString(s[i:])
				if !letter(r) && !invisible(r) {
					break
				}
				i += size
			}
			t.end = i
			t.text = fold(s[t.start:t.end])
			if t.text == "" {
				t.kind, t.text = punct, s[t.start:t.end]
			}
			toks = append(toks, t)
			space = false
		default:
			toks = append(toks, token{kind: punct, text: s[i : i+size], start: i, end: i + size, space: space})
			i += size
			space = false
		}
	}
	return toks
}

// fold folds a word for the tables: it drops diacritics, the tatweel and
// invisible characters, writes أ إ آ ٱ as ا, ة as ه, ى and ی as ي, ک as
// ك, ھ as ه, and Latin letters in lower case.
func fold(w string) string {
	var b strings.Builder
	for _, r := range w {
		switch {
		case r == 'ـ' || invisible(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
			continue
		case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
			r = 'ا'
		case r == 'ة' || r == 'ھ':
			r = 'ه'
		case r == 'ى' || r == 'ی':
			r = 'ي'
		case r == 'ک':
			r = 'ك'
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}
