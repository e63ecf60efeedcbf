package arabic

import (
	"sync"

	"golang.org/x/text/unicode/norm"
)

// The presentation op replaces Arabic Presentation Forms-A (U+FB50–U+FDFF)
// and -B (U+FE70–U+FEFF) by the letters they show. The table is NFKC of each
// form with the fix-ups NFKC gets wrong for Arabic text:
//
//   - an isolated or medial form of a mark (U+FE70–U+FE7F, U+FC5E–U+FC63,
//     U+FCF2–U+FCF4) becomes the mark alone: NFKC puts a space or a tatweel
//     before it, which would split a word or add a kashida;
//   - ﷼ U+FDFC becomes ريال spelled with Arabic yeh U+064A (NFKC uses the
//     Persian yeh U+06CC);
//   - ﷽ U+FDFD, which has no decomposition, is expanded to
//     بسم الله الرحمن الرحيم like the other phrase ligatures
//     ﷺ U+FDFA and ﷻ U+FDFB, so that search finds the words in all of them.
//
// Lam-alef ligatures (U+FEF5–U+FEFC) keep their hamza or madda, as NFKC
// already does. Forms without a decomposition (symbols such as U+FBB2–U+FBC1,
// ornate parentheses U+FD3E–U+FD3F, the honorifics U+FD40–U+FD4F, U+FDCF,
// U+FDFE, U+FDFF, and U+FE73) are kept.

var presentation struct {
	once  sync.Once
	forms map[rune]string
}

// presentationForm returns what the presentation op writes for r, or "" if
// r is not a presentation form it replaces.
func presentationForm(r rune) string {
	if !inPresentation(r) {
		return ""
	}
	presentation.once.Do(buildPresentation)
	return presentation.forms[r]
}

func buildPresentation() {
	m := map[rune]string{}
	for r := rune(0xFB50); r <= 0xFEFF; r++ {
		if !inPresentation(r) {
			continue
		}
		s := string(r)
		k := norm.NFKC.String(s)
		if k == s {
			continue
		}
		m[r] = stripCarrier(k)
	}
	m[0xFDFC] = "ريال"
	m[0xFDFD] = "بسم الله الرحمن الرحيم"
	presentation.forms = m
}

// stripCarrier drops the space or tatweel NFKC writes before a lone mark.
func stripCarrier(k string) string {
	rs := []rune(k)
	if len(rs) < 2 || rs[0] != ' ' && rs[0] != tatweel {
		return k
	}
	for _, r := range rs[1:] {
		if !isMark(r) {
			return k
		}
	}
	return string(rs[1:])
}
