package classify

import (
	"strings"

	"github.com/khabar/khabar/parse/lexicon"
)

// Header rules: the title and what sits between it and the body.
const (
	ruleTitle          = "title"
	ruleTitleSite      = "title-site-suffix"
	ruleKicker         = "kicker"
	ruleDeck           = "deck"
	ruleDuplicateTitle = "duplicate-title"
	ruleDatelineLine   = "dateline-line"
	ruleSiteLine       = "site-line"
	ruleNameLine       = "name-line"
)

// minTitleOverDeck is the shortest first line of two headlines that is
// the title, over a longer deck.
const minTitleOverDeck = 7

// titleLike reports a line that can be a headline: short, not a sentence
// that ends in a full stop, not a dateline paragraph or a list item.
func (d *doc) titleLike(j int) bool {
	f := &d.f[j]
	if !d.open(j) || f.long || !f.wordsAtLeast(2) || !f.wordsAtMost(25) || listMarker(f.text) {
		return false
	}
	if f.end != endNone && f.end != endQuestion && !strings.HasSuffix(f.text, "!") {
		return false
	}
	_, dl := FindDateline(f.text, d.lex)
	return !dl
}

// siteSuffix reports a title ending in " - <outlet>", e.g. " - BBC Arabic",
// and returns the title without it.
func (d *doc) siteSuffix(j int) (string, bool) {
	f := &d.f[j]
	m, ok := d.lex.SuffixKey(lexicon.Outlet, d.toks(j))
	if !ok || m.Start == 0 {
		return "", false
	}
	i := strings.LastIndexAny(f.text, "-–|")
	if i < 0 {
		return "", false
	}
	head := strings.TrimSpace(f.text[:i])
	if len(strings.Fields(head)) == 0 {
		return "", false
	}
	return head, true
}

// header finds the title at the top of f[lo:hi] and classifies the short
// lines under it: a kicker above it, datelines, bylines and site lines,
// decks, and a repeated headline.
func (d *doc) header(lo, hi int) {
	// A date or furniture line may sit above the title; an image may not.
	for lo < hi && (d.res(lo).Kind == Meta || d.res(lo).Kind == Boilerplate) {
		lo++
	}
	if lo >= hi {
		return
	}
	if !d.open(lo) {
		d.untitledZone(lo, hi)
		return
	}
	title := lo
	if text, ok := d.siteSuffix(lo); ok {
		d.put(lo, decided(Title, ruleTitleSite, text))
	} else if !d.titleLike(lo) {
		return
	} else {
		// Two headlines in a row: the first is a kicker over the title.
		if k := lo + 1; k < hi && d.titleLike(k) && d.f[k].wordsAtMost(12) && d.f[k].end != endQuestion && !d.zoneMeta(k) &&
			!sameKey(d.toks(lo), d.toks(k)) &&
			(k+1 >= hi || d.prose(k+1) || !d.open(k+1) || d.zoneMeta(k+1)) && !d.titleThenDeck(lo, k) {
			d.set(lo, Heading, ruleKicker)
			title = k
		}
		d.set(title, Title, ruleTitle)
	}
	for k := title + 1; k < hi; k++ {
		if !d.open(k) {
			if d.res(k).Kind == Meta || d.res(k).Kind == Credit && !d.photoCredit(k) || d.res(k).Kind == Boilerplate {
				continue
			}
			if d.photoCredit(k) && d.res(k).Image < 0 {
				continue
			}
			return
		}
		switch {
		case sameKey(d.toks(k), d.toks(title)):
			d.set(k, Boilerplate, ruleDuplicateTitle)
		case d.zoneMeta(k):
			d.put(k, d.metaLine(k))
		case d.prose(k):
			return
		case d.titleLike(k) && d.f[k].wordsAtLeast(4):
			d.set(k, Heading, ruleDeck)
		default:
			return
		}
	}
}

// titleThenDeck reports two headlines in a row that are a title and a
// deck under it rather than a kicker over the title: the first is a full
// headline (seven words or more) and the second says more, in more words.
// A kicker is a short phrase over the title.
func (d *doc) titleThenDeck(j, k int) bool {
	return d.f[j].wordsAtLeast(minTitleOverDeck) && d.f[k].wordCount(30) > d.f[j].wordCount(30)
}

// untitledZone handles a dump that opens with an image or furniture rather
// than a title: a dateline or site line before the first paragraph is meta
// («القاهرة - محمد علي» under the opening image).
func (d *doc) untitledZone(lo, hi int) {
	for k := lo; k < hi; k++ {
		if !d.open(k) {
			continue
		}
		f := &d.f[k]
		if !d.zoneMeta(k) || !f.wordsAtMost(7) || !(hasDashSep(f.text) || d.whole(k, lexicon.Outlet)) {
			return
		}
		d.put(k, d.metaLine(k))
	}
}

func (d *doc) whole(j int, k lexicon.Kind) bool { return wholeMatch(d.lex, k, d.toks(j)) }

// zoneMeta reports a line under the title that is a dateline, byline or
// site line: «غزة- نرمين ساق الله», «الدوحة - سارة المهندي:», «أبوظبي -
// سكاي نيوز عربية», «تونس (رويترز) -الوسط التونسية:», a bare name.
func (d *doc) zoneMeta(j int) bool {
	f := &d.f[j]
	if !d.open(j) || f.long || !f.wordsAtMost(8) {
		return false
	}
	if wholeMatch(d.lex, lexicon.Outlet, d.toks(j)) {
		return true
	}
	if f.wordsAtMost(7) && (hasDashSep(f.text) || f.end == endColon && f.wordsAtMost(6)) {
		return true
	}
	if dl, ok := FindDateline(f.text, d.lex); ok && dl.Agency != "" {
		return true
	}
	return f.wordsAtMost(3) && f.end == endNone && !strings.ContainsAny(f.text, "0123456789")
}

func (d *doc) metaLine(j int) Result {
	f := &d.f[j]
	var r Result
	switch {
	case wholeMatch(d.lex, lexicon.Outlet, d.toks(j)):
		r = decided(Meta, ruleSiteLine, f.text)
		r.MetaKind = "site"
	case hasDashSep(f.text) || strings.Contains(f.text, "("):
		r = decided(Meta, ruleDatelineLine, f.text)
		r.MetaKind = "dateline"
		if !d.lex.ContainsKey(lexicon.Outlet, d.toks(j)) && d.lex.AgenciesInKey(d.toks(j)) == nil {
			r.MetaKind = "byline"
		}
	default:
		r = decided(Meta, ruleNameLine, f.text)
		r.MetaKind = "byline"
	}
	return r
}

// hasDashSep reports a dash between words: "X - Y", "X- Y", "X ـ Y".
func hasDashSep(s string) bool {
	for _, sep := range []string{" - ", "- ", " -", " – ", "– ", " — ", " ـ ", "ـ "} {
		if i := strings.Index(s, sep); i > 0 && i+len(sep) < len(s) {
			return true
		}
	}
	return false
}
