package parse

import (
	"unicode"
	"unicode/utf8"
)

// textCounts is what one pass over the body text counts.
type textCounts struct {
	words   int // runs of bytes other than space, LF, TAB and CR
	chars   int // code points, as utf8.RuneCountInString counts them
	letters int // letters of any script
	arabic  int // letters of the Arabic blocks (isArabicLetter)
}

// countText counts the words, code points and letters of s in one pass,
// without a rune decode for ASCII and the Arabic block.
func countText(s string) textCounts {
	// Few locals, kept in registers: the code points and letters are
	// added up from what each path counts.
	var words, latin, arabic, pairs int
	var c textCounts // the rare runes outside ASCII and the Arabic block
	prevSpace := 1   // 1 after a word separator (and at the start)
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			k := asciiClass[b]
			space := int(k & asciiSpace)
			words += prevSpace &^ space
			latin += int(k >> 1)
			prevSpace = space
			i++
			continue
		}
		words += prevSpace
		prevSpace = 0
		if b-0xD8 <= 3 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// U+0600–U+06FF, the Arabic block, from a table.
			arabic += int(arabicBlockLetter[int(b&3)<<6|int(s[i+1]&0x3F)])
			pairs++
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		c.chars -= size - 1
		switch {
		case isArabicLetter(r):
			c.arabic++
		case r >= 0x0600 && r <= 0x08FF || r >= 0xFB50 && r <= 0xFEFF:
			// Arabic marks, digits and punctuation
		case unicode.IsLetter(r):
			c.letters++
		}
		i += size
	}
	c.words = words
	c.chars += len(s) - pairs
	c.arabic += arabic
	c.letters += latin + c.arabic
	return c
}

// asciiClass has asciiSpace for the bytes that part words and
// asciiLetter for A–Z and a–z.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for _, b := range []byte(" \n\t\r") {
		t[b] = asciiSpace
	}
	for b := 'a'; b <= 'z'; b++ {
		t[b], t[b-'a'+'A'] = asciiLetter, asciiLetter
	}
	return t
}()

const (
	asciiSpace  = 1
	asciiLetter = 2
)
