package classify

import (
	"strings"
	"unicode/utf8"
)

// Body rules: headings, related-story blocks, lists and footers.
const (
	ruleQuestionHeading = "question-heading"
	ruleShortHeading    = "short-heading"
	ruleColonHeading    = "colon-heading"
	ruleListItem        = "list-item"
	ruleFooter          = "footer"
)

// Limits of a heading's length in words.
const (
	maxQuestionHeading = 9
	maxShortHeading    = 9
	maxColonHeading    = 4
)

// relatedBlocks extends a related-story link to the bare headlines right
// under it: «اقرأ أيضاً:» alone and the headline on the next line, or a
// block of links of which only the first carries the label.
func (d *doc) relatedBlocks(lo, hi int) {
	for j := lo; j < hi; j++ {
		if d.res[j].Rule != ruleRelated {
			continue
		}
		labelOnly := wholeMatch(d.lex, "related", d.f[j].toks)
		for k := j + 1; k < hi && !d.gap[k] && d.open(k); k++ {
			if labelOnly && k == j+1 && !d.f[k].long && d.f[k].words <= 30 || d.headlineLike(k) {
				d.set(k, Boilerplate, ruleRelatedBlock)
				continue
			}
			break
		}
	}
	// Unlabelled related headlines: two or more bare headlines in a row
	// between paragraphs of a dump without blank lines.
	for j := lo + 1; j < hi; j++ {
		if !d.open(j) || d.gap[j] || !d.prose(j-1) || d.f[j-1].end == endColon {
			continue
		}
		k := j
		for k < hi && d.open(k) && !d.gap[k] && d.headlineLike(k) {
			k++
		}
		if k-j >= 2 && k < hi && !d.gap[k] && d.prose(k) && !listMarker(d.f[k].text) {
			for i := j; i < k; i++ {
				d.set(i, Boilerplate, ruleRelatedBlock)
			}
		}
		if k > j {
			j = k
		}
	}
}

// headings finds the short lines that open a section, and keeps list items
// under a lead-in as paragraphs.
func (d *doc) headings(lo, hi int) {
	for j := lo; j < hi; j++ {
		if !d.open(j) {
			continue
		}
		f := &d.f[j]
		if f.long {
			continue
		}
		prevLeadIn := j > lo && d.res[j-1].Kind == Paragraph && d.f[j-1].end == endColon
		next := j + 1
		opens := next < hi && (d.prose(next) || isImage(d.res[next].Kind))
		switch {
		case f.end == endColon && f.words <= maxColonHeading && !f.latin:
			d.set(j, Heading, ruleColonHeading)
		case prevLeadIn || listMarker(f.text) && !numbered(f.text):
			d.set(j, Paragraph, ruleListItem)
		case f.end == endQuestion && f.words <= maxQuestionHeading+starBonus(f.text) && opens:
			d.set(j, Heading, ruleQuestionHeading)
		case f.end == endNone && f.words <= maxShortHeading+starBonus(f.text) && opens:
			d.set(j, Heading, ruleShortHeading)
		default:
			d.set(j, Paragraph, "paragraph")
		}
	}
}

// starBonus lets a «* » bullet heading be a little longer.
func starBonus(s string) int {
	if strings.HasPrefix(s, "*") {
		return 3
	}
	return 0
}

// numbered reports a numbered line "1- Title" (a listicle section) as
// opposed to a dash bullet.
func numbered(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= '0' && r <= '9'
}

func isImage(k Kind) bool { return k == Caption || k == Credit || k == CaptionRepeat }

// footer marks the short lines after the last rule of a dump as
// boilerplate when they close it: "-----" then an app promo or a follow
// prompt.
func (d *doc) footer(lo, hi int) {
	last := -1
	for j := hi - 1; j >= lo && j >= hi-4; j-- {
		if d.res[j].Rule == ruleSeparator {
			last = j
			break
		}
	}
	if last < 0 || last == hi-1 {
		return
	}
	for j := last + 1; j < hi; j++ {
		if d.f[j].long || d.f[j].words > 30 || d.res[j].Kind == Heading || isImage(d.res[j].Kind) {
			return
		}
	}
	for j := last + 1; j < hi; j++ {
		if d.res[j].Kind == Paragraph || d.open(j) {
			d.set(j, Boilerplate, ruleFooter)
		}
	}
}
