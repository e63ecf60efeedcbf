package parse

import (
	"math"
	"strings"
	"unicode"

	"github.com/khabar/khabar/parse/arabic"
	"github.com/khabar/khabar/parse/classify"
)

// detectLanguage tells Arabic from English and other Latin-script text by
// the share of Arabic letters and, for Latin text, by English function
// words. It looks at the body text (counted in c), or at every line when
// there is none.
func detectLanguage(text string, c arabic.Counts, lines []classify.Line) Language {
	if text == "" {
		var b strings.Builder
		n := 0
		for _, l := range lines {
			n += len(l.Raw) + 1
		}
		b.Grow(n) // grown line by line, it would leave twice its size in garbage
		for _, l := range lines {
			b.WriteString(l.Raw)
			b.WriteByte('\n')
		}
		text = b.String()
		c = arabic.Count(text)
	}
	arabicLetters, letters := c.Arabic, c.Letters
	if letters == 0 {
		return Language{Code: "und", Dir: "ltr"}
	}
	ratio := math.Round(float64(arabicLetters)/float64(letters)*1000) / 1000
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
