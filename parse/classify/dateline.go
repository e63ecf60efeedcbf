package classify

import (
	"strings"
	"unicode/utf8"

	"github.com/khabar/khabar/parse/lexicon"
)

// Dateline is the place-and-agency opening of a story's first paragraph:
// «لندن (رويترز) -», «هونج كونج (CNN)-», "MUMBAI (Reuters) -", «القاهرة ـ».
type Dateline struct {
	Text   string // the dateline as written, e.g. «لندن (رويترز) -»
	Place  string // «لندن»; "" when the line opens with the agency: "(CNN) --"
	Agency string // canonical agency name, or "" when none is given
}

// maxPlaceWords bounds the words of a dateline's place: «دبي، الإمارات
// العربية المتحدة» is four.
const maxPlaceWords = 5

// FindDateline reports the dateline that opens text, if any. The text after
// it must go on (a dateline alone on its line is meta, not a dateline of a
// paragraph).
func FindDateline(text string, lex *lexicon.Lexicon) (Dateline, bool) {
	if lex == nil {
		lex = lexicon.Builtin()
	}
	t := trimInvisible(text)
	head := t
	if len(head) > 240 {
		head, _ = cut(t, 240, 0)
	}
	if open := strings.IndexByte(head, '('); open >= 0 {
		if d, ok := parenDateline(t, open, lex); ok {
			return d, true
		}
	}
	return dashDateline(t)
}

// parenDateline reads PLACE [dash] (AGENCY) dash|colon.
func parenDateline(t string, open int, lex *lexicon.Lexicon) (Dateline, bool) {
	close := strings.IndexByte(t[open:], ')')
	if close < 0 || close > 60 {
		return Dateline{}, false
	}
	close += open
	place := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t[:open]), "-–—ـ"))
	if countWords(place) > maxPlaceWords || strings.ContainsAny(place, "0123456789.:؛\"«") {
		return Dateline{}, false
	}
	toks := lexicon.MakeKey(t[open+1 : close])
	m, ok := lex.PrefixKey(lexicon.Agency, toks)
	if !ok || m.End != toks.Len() {
		return Dateline{}, false
	}
	end := skipDash(t, close+1, true)
	if end < 0 || countWords(t[end:]) < 2 {
		return Dateline{}, false
	}
	return Dateline{Text: strings.TrimSpace(t[:end]), Place: place, Agency: m.Entry.Canonical}, true
}

// dashDateline reads PLACE dash, with a place of one to three words and no
// digits: «القاهرة ـ», «لندن - ».
func dashDateline(t string) (Dateline, bool) {
	for i, r := range t {
		if i > 80 {
			break
		}
		if !isDash(r) {
			continue
		}
		place := strings.TrimSpace(t[:i])
		if place == "" || countWords(place) > 3 || strings.ContainsAny(place, "0123456789()\"«:.") {
			return Dateline{}, false
		}
		// «غزة- نرمين» is a dash glued to the place; a dash inside a word
		// («روسي-أمريكي») is not a dateline.
		if !strings.HasSuffix(t[:i], " ") && r == '-' {
			if next, _ := utf8.DecodeRuneInString(t[i+1:]); next != ' ' {
				return Dateline{}, false
			}
		}
		end := skipDash(t, i, false)
		if end < 0 || countWords(t[end:]) < 3 {
			return Dateline{}, false
		}
		return Dateline{Text: strings.TrimSpace(t[:end]), Place: place}, true
	}
	return Dateline{}, false
}

func isDash(r rune) bool { return r == '-' || r == '–' || r == '—' || r == 'ـ' }

// skipDash skips spaces, then a run of dashes (or a colon when colon is
// true) and the spaces after it; it returns -1 when there is none.
func skipDash(t string, i int, colon bool) int {
	for i < len(t) && t[i] == ' ' {
		i++
	}
	start := i
	for i < len(t) {
		r, n := utf8.DecodeRuneInString(t[i:])
		if !isDash(r) && !(colon && r == ':') {
			break
		}
		i += n
	}
	if i == start {
		return -1
	}
	for i < len(t) {
		r, n := utf8.DecodeRuneInString(t[i:])
		if !invisible(r) {
			break
		}
		i += n
	}
	return i
}
