package parse

import (
	"math"
	"strings"
	"unicode"

	"github.com/khabar/khabar/parse/classify"
)

// detectLanguage tells Arabic from English and other Latin-script text by
// the share of Arabic letters and, for Latin text, by English function
// words. It looks at the body text (counted in c), or at every line when
// there is none.
func detectLanguage(text string, c textCounts, lines []classify.Line) Language {
	if text == "" {
		var b strings.Builder
		for _, l := range lines {
			b.WriteString(l.Raw)
			b.WriteByte('\n')
		}
		text = b.String()
		c = countText(text)
	}
	arabic, letters := c.arabic, c.letters
	if letters == 0 {
		return Language{Code: "und", Dir: "ltr"}
	}
	ratio := math.Round(float64(arabic)/float64(letters)*1000) / 1000
	l := Language{Code: "und", Dir: "mixed", ArabicRatio: ratio}
	switch {
	case ratio >= 0.8:
		l.Dir = "rtl"
	case ratio <= 0.2:
		l.Dir = "ltr"
	}
	switch {
	case ratio >= 0.5:
		l.Code = "ar"
	case ratio <= 0.2 && englishShare(text) >= 0.08:
		l.Code = "en"
	}
	return l
}

// isArabicLetter reports whether r is a letter of the Arabic blocks
// (marks, digits and punctuation are not); a range test, since this runs on
// every rune of the body.
func isArabicLetter(r rune) bool {
	switch {
	case r >= 0x0620 && r <= 0x064A, r >= 0x066E && r <= 0x06D3 && r != 0x0670,
		r == 0x06D5, r >= 0x06FA && r <= 0x06FC, r == 0x06FF,
		r >= 0x0750 && r <= 0x077F, r >= 0x08A0 && r <= 0x08C9,
		r >= 0xFB50 && r <= 0xFD3D, r >= 0xFD50 && r <= 0xFDFB, r >= 0xFE70 && r <= 0xFEFC:
		return true
	}
	return false
}

// arabicBlockLetter is isArabicLetter over U+0600–U+06FF, by the low
// eight bits: 1 for a letter.
var arabicBlockLetter = func() (t [256]uint8) {
	for i := range t {
		if isArabicLetter(rune(0x600 + i)) {
			t[i] = 1
		}
	}
	return t
}()

var englishWords = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "in": true, "a": true, "is": true,
	"that": true, "for": true, "on": true, "was": true, "with": true, "he": true, "it": true,
	"as": true, "said": true, "by": true, "at": true, "from": true, "has": true, "have": true,
}

// englishShare is the share of the first 500 words that are common
// English function words.
func englishShare(text string) float64 {
	n, hits := 0, 0
	for w := range strings.FieldsSeq(text) {
		w = strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }))
		if w == "" {
			continue
		}
		n++
		if englishWords[w] {
			hits++
		}
		if n == 500 {
			break
		}
	}
	if n == 0 {
		return 0
	}
	return float64(hits) / float64(n)
}
