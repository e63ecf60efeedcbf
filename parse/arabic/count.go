package arabic

import (
	"unicode"
	"unicode/utf8"
)

// Counts is what a text holds, as khabar's records count it.
type Counts struct {
	Runes   int // code points, as utf8.RuneCountInString counts them
	Words   int // runs of code points other than space, LF, TAB and CR
	Letters int // letters of any script
	Arabic  int // letters of the Arabic blocks (IsArabicLetter)
}

// Add adds d to c.
func (c *Counts) Add(d Counts) {
	c.Runes += d.Runes
	c.Words += d.Words
	c.Letters += d.Letters
	c.Arabic += d.Arabic
}

// IsArabicLetter reports whether r is a letter of the Arabic blocks
// (marks, digits and punctuation are not).
func IsArabicLetter(r rune) bool {
	switch {
	case r >= 0x0620 && r <= 0x064A, r >= 0x066E && r <= 0x06D3 && r != 0x0670,
		r == 0x06D5, r >= 0x06FA && r <= 0x06FC, r == 0x06FF,
		r >= 0x0750 && r <= 0x077F, r >= 0x08A0 && r <= 0x08C9,
		r >= 0xFB50 && r <= 0xFD3D, r >= 0xFD50 && r <= 0xFDFB, r >= 0xFE70 && r <= 0xFEFC:
		return true
	}
	return false
}

// Count counts the code points, words and letters of s in one pass.
func Count(s string) Counts {
	var c Counts
	space := true // the start parts words as a space does
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		switch {
		case r < utf8.RuneSelf:
		case r >= 0xC2 && r < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r, size = rune(s[i]&0x1F)<<6|rune(s[i+1]&0x3F), 2
		default:
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		c.count(r, &space)
	}
	return c
}

// count adds the code point r; space says whether the one before parted
// words.
func (c *Counts) count(r rune, space *bool) {
	c.Runes++
	var k uint8
	if r < rune(len(letterClass)) {
		k = letterClass[r]
	} else {
		k = runeLetterClass(r)
	}
	sep := k&classSep != 0
	if !sep && *space {
		c.Words++
	}
	*space = sep
	if k&classLetter != 0 {
		c.Letters++
		if k&classArabic != 0 {
			c.Arabic++
		}
	}
}

// Classes of a code point for Counts, as bits.
const (
	classSep    = 1 << iota // parts words: space, LF, TAB, CR
	classLetter             // a letter of any script
	classArabic             // a letter of the Arabic blocks
)

// letterClass is runeLetterClass below U+0800 (ASCII, Latin, Arabic).
var letterClass = func() (t [0x800]uint8) {
	for r := range rune(len(t)) {
		t[r] = runeLetterClass(r)
	}
	return t
}()

func runeLetterClass(r rune) uint8 {
	switch {
	case r == ' ' || r == '\n' || r == '\t' || r == '\r':
		return classSep
	case IsArabicLetter(r):
		return classLetter | classArabic
	case r >= 0x0600 && r <= 0x08FF || r >= 0xFB50 && r <= 0xFEFF:
		return 0 // Arabic marks, digits and punctuation
	case unicode.IsLetter(r):
		return classLetter
	}
	return 0
}
