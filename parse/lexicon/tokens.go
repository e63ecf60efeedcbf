package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khabar/khabar/parse/arabic"
)

// Tokens returns the match-key tokens of s: arabic.Key(s) cut at spaces,
// punctuation and symbols, with letters lowercased. Lexicon entries and the
// lines they are matched against both go through it, so "أ.ف.ب", "(أ ف ب)"
// and «أ ف ب» give the same tokens, and "AP" never matches inside "Chapter".
func Tokens(s string) []string {
	return AppendTokens(nil, s)
}

// AppendTokens appends the match-key tokens of s to toks.
func AppendTokens(toks []string, s string) []string {
	k := arabic.Key(s)
	start := -1
	lower := false
	flush := func(end int) {
		if start >= 0 {
			t := k[start:end]
			if lower {
				t = strings.ToLower(t)
			}
			toks = append(toks, t)
		}
		start, lower = -1, false
	}
	for i := 0; i < len(k); {
		c := k[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			case c >= 'A' && c <= 'Z':
				lower = true
			default:
				flush(i)
				i++
				continue
			}
			if start < 0 {
				start = i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(k[i:])
		if unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			flush(i)
		} else {
			if start < 0 {
				start = i
			}
			if unicode.IsUpper(r) {
				lower = true
			}
		}
		i += n
	}
	flush(len(k))
	return toks
}
