package lexicon

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khabar/khabar/parse/arabic"
)

// Tokens returns the match-key tokens of s: the search profile of
// parse/arabic (alef, yeh, teh marbuta, hamza and Persian letters folded,
// marks, tatweel and invisible controls dropped, digits made ASCII), cut at
// spaces, punctuation and symbols, Latin lowercased. Joiners (ZWNJ, ZWJ),
// which the search profile keeps for display, are dropped too. Lexicon
// entries and the lines they are matched against both go through it, so
// "أ.ف.ب", "(أ ف ب)" and «أ ف ب» give the same tokens, and "AP" never
// matches inside "Chapter".
//
// Text made of ASCII, the Arabic block and common punctuation is folded in
// one pass here; anything else (presentation forms, combining hamza, other
// scripts) goes through arabic.Key first, which gives the same tokens.
func Tokens(s string) []string {
	return AppendTokens(nil, s)
}

// AppendTokens appends the match-key tokens of s to toks.
func AppendTokens(toks []string, s string) []string {
	buf := AppendKey(make([]byte, 0, len(s)), s)
	if toks == nil {
		toks = make([]string, 0, 1+len(buf)/6)
	}
	return SplitKey(toks, string(buf))
}

// SplitKey appends the space-separated tokens of key, as AppendKey writes
// it, to toks. The tokens share key's memory.
func SplitKey(toks []string, key string) []string {
	for key != "" {
		j := strings.IndexByte(key, ' ')
		if j < 0 {
			return append(toks, key)
		}
		if j > 0 {
			toks = append(toks, key[:j])
		}
		key = key[j+1:]
	}
	return toks
}

// AppendKey appends the match-key tokens of s to dst, one space between
// two tokens, so a caller can fold many strings into one buffer and cut
// them with SplitKey. It may leave a trailing space.
func AppendKey(dst []byte, s string) []byte {
	dst, _ = appendKey(dst, nil, s)
	return dst
}

// AppendKeySpans is AppendKey that also appends to spans where each token
// it writes lies in dst, [start, end), so that the caller need not cut the
// key again.
func AppendKeySpans(dst []byte, spans [][2]int32, s string) ([]byte, [][2]int32) {
	if spans == nil {
		spans = [][2]int32{}
	}
	return appendKey(dst, spans, s)
}

// appendKey is AppendKey, noting the tokens' spans unless spans is nil.
func appendKey(dst []byte, spans [][2]int32, s string) ([]byte, [][2]int32) {
	start := len(dst)
	first := len(spans)
	// The key of a rune is never longer than the rune (ASCII and the
	// Arabic block fold to as many bytes, other runes drop, part tokens or
	// fold into the Arabic block): one growth, then writes by index.
	out := slices.Grow(dst, len(s))[:start+len(s)]
	o, tok := start, start // tok: where the current token began
	sep := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if k := asciiKey[c]; k != 0 {
				out[o], sep = k, false
				o++
			} else if !sep {
				if spans != nil {
					spans = append(spans, [2]int32{int32(tok), int32(o)})
				}
				out[o], sep = ' ', true
				o++
				tok = o
			}
			i++
			continue
		}
		var r rune
		if c >= 0xd8 && c <= 0xdb && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
			// The Arabic block, U+0600–U+06FF: two bytes and a table,
			// in a loop of its own over a run of letters.
			x := int(c&3)<<6 | int(s[i+1]&0x3f)
			if arabicKey[x] != 0 {
				var n int
				n, spans, tok = keyRun(out[o:], s[i:], spans, o, tok)
				o, i, sep = o+n, i+n, false
				continue
			}
			i += 2
			r = arabicFold[x]
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
			r = fold(r)
		}
		switch f := r; f {
		case drop:
		case split:
			if !sep {
				if spans != nil {
					spans = append(spans, [2]int32{int32(tok), int32(o)})
				}
				out[o], sep = ' ', true
				o++
				tok = o
			}
		case slow:
			dst, spans = dst[:start], spans[:first]
			for j, t := range appendSplit(nil, arabic.Key(s)) {
				if j > 0 {
					dst = append(dst, ' ')
				}
				if spans != nil {
					spans = append(spans, [2]int32{int32(len(dst)), int32(len(dst) + len(t))})
				}
				dst = append(dst, t...)
			}
			return dst, spans
		default:
			o += utf8.EncodeRune(out[o:], f)
			sep = false
		}
	}
	if !sep && spans != nil {
		spans = append(spans, [2]int32{int32(tok), int32(o)})
	}
	return out[:o], spans
}

// keyRun writes to out the key of the run at the start of s of code
// points of the Arabic block whose key stays in the block, two bytes for
// two bytes, and of single spaces each followed by one: most of a news
// text. It returns the run's length, with spans and the start of the
// current token, tok, as appendKey keeps them; out begins at at in the
// key, and has room for s. It is not inlined: its loop alone has the
// registers it needs, which appendKey's lacks.
//
//go:noinline
func keyRun(out []byte, s string, spans [][2]int32, at, tok int) (int, [][2]int32, int) {
	out = out[:len(s)]
	i := 0
	for {
		// The two bytes, less 0xD800: below 0x400 for a lead byte D8–DB.
		for ; i < len(s)-1; i += 2 {
			x := (uint(s[i])<<8 | uint(s[i+1])) - 0xD800
			if x >= 0x400 || pairKey[x] == 0 {
				break
			}
			out[i], out[i+1] = byte(pairKey[x]>>8), byte(pairKey[x])
		}
		// A space, then a code point of the run: a token ends.
		if i >= len(s)-2 || s[i] != ' ' {
			break
		}
		if x := (uint(s[i+1])<<8 | uint(s[i+2])) - 0xD800; x >= 0x400 || pairKey[x] == 0 {
			break
		}
		if spans != nil {
			spans = append(spans, [2]int32{int32(tok), int32(at + i)})
		}
		out[i] = ' '
		i++
		tok = at + i
	}
	return i, spans, tok
}

// asciiKey is the key byte of an ASCII byte: letters lowercased, digits as
// they are, 0 for the bytes that part tokens.
var asciiKey = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()

// pairKey is arabicKey by the two bytes of UTF-8 0xD800+i of a code point
// U+0600–U+06FF; 0 when the second byte does not continue the first.
var pairKey = func() (t [0x400]uint16) {
	for i := range t {
		if c := i & 0xFF; c >= 0x80 && c < 0xC0 {
			t[i] = arabicKey[i>>8<<6|c&0x3F]
		}
	}
	return t
}()

// arabicKey is the UTF-8 of arabicFold's rune when it stays in the Arabic
// block, as two bytes in a uint16; 0 when it drops, parts tokens or needs
// the slow path.
var arabicKey = func() (t [256]uint16) {
	for i, r := range arabicFold {
		if r >= 0x600 && r <= 0x6ff {
			t[i] = uint16(0xd8|r>>6&3)<<8 | uint16(0x80|r&0x3f)
		}
	}
	return t
}()

const (
	drop  rune = -1 // the key deletes the rune
	split rune = -2 // the rune parts tokens
	slow  rune = -3 // only arabic.Key knows: NFC, presentation forms, other scripts
)

// arabicFold is fold over the Arabic block, U+0600–U+06FF.
var arabicFold = func() (t [256]rune) {
	for i := range t {
		t[i] = fold(rune(0x600 + i))
	}
	return t
}()

// fold maps a non-ASCII rune to its key form, drop, split or slow.
func fold(r rune) rune {
	switch {
	case r >= 0x653 && r <= 0x655: // combining hamza and madda: NFC composes them
		return slow
	case r >= 0x600 && r <= 0x6ff, r >= 0x2000 && r <= 0x206f:
	case r == 0xa0 || r == 0xab || r == 0xbb || r == 0xad || r == 0xfeff || r == 0xd7:
	default:
		return slow
	}
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا'
	case 'ى', 'ئ', 'ی', 'ے':
		return 'ي'
	case 'ة', 'ۀ', 'ہ':
		return 'ه'
	case 'ؤ':
		return 'و'
	case 'ک':
		return 'ك'
	case 0x640, 0xad, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x61c, 0x2060, 0xfeff: // tatweel, soft hyphen, joiners, invisible controls
		return drop
	}
	switch {
	case r >= 0x64b && r <= 0x652, r == 0x670, r >= 0x610 && r <= 0x61a, r >= 0x6d6 && r <= 0x6ed:
		return drop // harakat and Quranic marks
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return drop // bidi embeddings and isolates
	case r >= 0x660 && r <= 0x669:
		return '0' + r - 0x660
	case r >= 0x6f0 && r <= 0x6f9:
		return '0' + r - 0x6f0
	case r >= 0x621 && r <= 0x64a, r >= 0x671 && r <= 0x6d3, r == 0x6d5, r >= 0x6ee && r <= 0x6ff, r == 0x66e, r == 0x66f:
		return r
	}
	return split // spaces, punctuation, other marks
}

// appendSplit cuts a match key at spaces, punctuation, symbols and format
// characters, lowercases Latin, drops tatweel and joiners, and appends the
// tokens.
func appendSplit(toks []string, k string) []string {
	k = strings.NewReplacer("\u0640", "", "\u200c", "", "\u200d", "").Replace(k)
	return append(toks, strings.FieldsFunc(strings.ToLower(k), func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) ||
			unicode.Is(unicode.Mn, r)
	})...)
}
