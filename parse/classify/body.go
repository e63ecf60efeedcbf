package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Body rules: headings, related-story blocks, lists and footers.
const (
	ruleQuestionHeading = "question-heading"
	ruleShortHeading    = "short-heading"
	ruleColonHeading    = "colon-heading"
	ruleListItem        = "list-item"
	ruleFooter          = "footer"
	ruleSignature       = "signature"
)

// Limits of a heading's length in words.
const (
	maxQuestionHeading      = 9
	maxShortHeading         = 9
	maxColonHeading         = 4
	maxIsolatedColonHeading = 8  // set apart by a blank line
	maxAnswerHeading        = 30 // a question answered on the next line: Q&A
	maxIsolatedHeading      = 12
	minSectionWords         = 8 // the prose that a heading opens
	minRelatedWords         = 4 // a related story's headline under a link
	maxRelatedWords         = 12
	maxIsolatedQuestion     = 14
	maxRelatedRun           = 4 // unlabelled related headlines in a row; a longer run is a poem or a list
	minRelatedRunWords      = 4
	maxSignatureWords       = 3 // a name at the end of the text
)

const ruleCaptionBare = "caption-unpunctuated"

// minBareCaption is the fewest words of a caption without a credit: a
// shorter unpunctuated line is a sub-heading more often than not.
const minBareCaption = 8

// relatedBlocks extends a related-story link to the bare headlines right
// under it: «اقرأ أيضاً:» alone and the headline on the next line, or a
// block of links of which only the first carries the label.
func (d *doc) relatedBlocks(lo, hi int) {
	for j := lo; j < hi; j++ {
		if d.res(j).Rule != ruleRelated {
			continue
		}
		labelOnly := wholeMatch(d.lex, "related", d.toks(j))
		// A label alone introduces the next line even across a blank line.
		for k := j + 1; k < hi && (!d.gap[k] || labelOnly && k == j+1) && d.open(k); k++ {
			if k+1 < hi && listMarker(d.f[k+1].text) {
				break
			}
			if labelOnly && k == j+1 && !d.f[k].long && d.f[k].wordsAtMost(30) ||
				d.headlineLike(k) && d.f[k].wordsAtLeast(minRelatedWords) && d.f[k].wordsAtMost(maxRelatedWords) {
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
		for k < hi && d.open(k) && !d.gap[k] && d.headlineLike(k) && !d.f[k].digits {
			k++
		}
		if k-j >= 2 && k-j <= maxRelatedRun && k < hi && !d.gap[k] && d.prose(k) && !listMarker(d.f[k].text) && d.allHeadlines(j, k) {
			for i := j; i < k; i++ {
				d.set(i, Boilerplate, ruleRelatedBlock)
			}
		}
		if k > j {
			j = k
		}
	}
}

// allHeadlines reports whether every line of f[j:k] is long enough for a
// story's headline: the titles of a page's boxes, the verses of a poem
// and the lines of a fixture list are shorter.
func (d *doc) allHeadlines(j, k int) bool {
	for i := j; i < k; i++ {
		if !d.f[i].wordsAtLeast(minRelatedRunWords) {
			return false
		}
	}
	return true
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
		prevLeadIn := j > lo && d.res(j-1).Kind == Paragraph && d.f[j-1].end == endColon
		list := listMarker(f.text)
		opens := d.opensSection(j, lo, hi, true)
		answered := opens && answerMarker(d.f[j+1].text)
		switch {
		case f.wordsAtMost(8) && d.datelineOnly(j):
			d.put(j, d.metaLine(j))
		case f.end == endColon && !f.isLatin() && d.colonHeading(j, lo, hi):
			d.set(j, Heading, ruleColonHeading)
		case !f.long && dashedAgencies(d.line(j), d.lex) != nil:
			d.set(j, Caption, ruleCaptionCredit)
			d.more(j).Agencies = dashedAgencies(d.line(j), d.lex)
			d.group(j)
		case d.unpunctuatedCaption(j):
			d.set(j, Caption, ruleCaptionBare)
			d.group(j)
		case !list && (f.end == endQuestion && (opens && f.wordsAtMost(d.maxQuestion(j)) ||
			answered && f.wordsAtMost(maxAnswerHeading)) || answered && f.wordsAtMost(4) && f.end != endComma):
			d.set(j, Heading, ruleQuestionHeading)
		case strings.HasPrefix(f.text, "*") && opens && d.shortHeading(j):
			d.set(j, Heading, ruleShortHeading) // «* الصواريخ» under a lead-in
		case prevLeadIn || list && !numbered(f.text):
			d.set(j, Paragraph, ruleListItem)
		case opens && d.shortHeading(j) && !d.inVerse(j, lo):
			d.set(j, Heading, ruleShortHeading)
		default:
			d.set(j, Paragraph, "paragraph")
		}
	}
}

// colonHeading reports a short line ending in a colon that names a
// section («التحديات التي تواجه المثقف الفلسطيني:»): up to
// maxColonHeading words, or maxIsolatedHeading set apart by a blank line
// and opening prose, not going on from the line before. A line that
// brings in speech («قال صاحبي:», «ثم
// يقول:») is a lead-in, not a heading.
func (d *doc) colonHeading(j, lo, hi int) bool {
	f := &d.f[j]
	if !f.wordsAtMost(maxIsolatedColonHeading) || d.speechLeadIn(j) {
		return false
	}
	if f.wordsAtMost(maxColonHeading) {
		return true
	}
	// Longer: a noun phrase set apart, not a sentence that goes on from
	// the one before and brings in a list («وتشمل أبرز البنود ما يلي:»).
	return d.gap[j] && !d.goesOn(j) && !strings.ContainsAny(f.text, ",،") && d.opensSection(j, lo, hi, false)
}

// speechLeadIn reports a line with a verb of saying: it brings in what
// someone said.
func (d *doc) speechLeadIn(j int) bool {
	toks := d.toks(j)
	for i := range toks.Len() {
		if sayingVerbs[toks.At(i)] {
			return true
		}
	}
	return false
}

// sayingVerbs bring in speech, as match keys.
var sayingVerbs = map[string]bool{
	"قال": true, "قالت": true, "قلت": true, "يقول": true, "تقول": true, "اقول": true, "وقال": true, "وقالت": true,
	"فقال": true, "فقالت": true, "يقال": true, "قائلا": true, "قائله": true, "اضاف": true, "واضاف": true,
	"اجاب": true, "فاجاب": true, "سال": true, "فسال": true, "ساله": true, "ردا": true, "رد": true,
}

// inVerse reports a short line right under another short unpunctuated
// line of text: the verses of a poem or the items of a list, not a
// heading, which stands apart.
func (d *doc) inVerse(j, lo int) bool {
	if j <= lo || d.gap[j] || d.res(j-1).Kind != Paragraph {
		return false
	}
	p := &d.f[j-1]
	return !p.long && !p.digits && p.wordsAtMost(maxIsolatedHeading) && (p.end == endNone || strings.HasSuffix(p.text, "!"))
}

// opensSection reports whether f[j] is followed by prose or an image, and
// for a numbered line ("2- Title") whether prose also comes before it, so
// the items of a numbered list are not taken for sections.
func (d *doc) opensSection(j, lo, hi int, chain bool) bool {
	n := j + 1
	if n >= hi {
		return false
	}
	switch k := d.res(n).Kind; {
	case isImage(k):
	case chain && d.open(n) && d.shortHeading(n) && d.opensSection(n, lo, hi, false):
		// a kicker over the headline of a second story on the page
	case k == Boilerplate || k == Meta || !d.prose(n) || !d.f[n].wordsAtLeast(minSectionWords):
		return false
	}
	if numbered(d.f[j].text) && j > lo && !d.prose(j-1) {
		return false
	}
	return true
}

// answerMarker reports the opening of an interview answer: a dash, or the
// "?" a lost dash glyph turned into.
func answerMarker(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '-' || r == '–' || r == '—' || r == 'ـ' || r == '?' || r == '؟'
}

// shortHeading reports a line short enough to be a heading: up to
// maxShortHeading words, or maxIsolatedHeading for a line set apart by
// blank lines, which may then end in "!".
func (d *doc) shortHeading(j int) bool {
	f := &d.f[j]
	if f.long {
		return false
	}
	isolated := d.gap[j] && j+1 < len(d.f) && d.gap[j+1]
	short := false
	switch {
	case f.end == endNone:
		short = f.wordsAtMost(maxShortHeading+starBonus(f.text)) || isolated && f.wordsAtMost(maxIsolatedHeading)
	case strings.HasSuffix(f.text, "!"):
		short = isolated && !f.isLatin() && f.wordsAtMost(maxIsolatedHeading)
	}
	// The scans of the text last: most lines are not short.
	return short && !(listMarker(f.text) && !numbered(f.text)) && !notHeading(f.text)
}

// notHeading reports lines that never are headings however short: embeds
// and links (a URL, an @handle), a closing parenthesis (a list entry such
// as "Name (Show, Channel)"), a decimal number first (a statistic).
func notHeading(s string) bool {
	if strings.Contains(s, "http") || strings.Contains(s, "www.") || strings.Contains(s, "@") || strings.HasSuffix(s, ")") {
		return true
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ',') && s[i+1] >= '0' && s[i+1] <= '9'
}

// unpunctuatedCaption reports a Latin sentence left without a full stop
// in a dump whose paragraphs are parted by blank lines: the caption of a
// photo the extractor dropped.
func (d *doc) unpunctuatedCaption(j int) bool {
	f := &d.f[j]
	if !d.blanky || f.end != endNone || f.long || !f.wordsAtLeast(minBareCaption) || !f.wordsAtMost(35) || !f.isLatin() || titleCase(f.text) {
		return false
	}
	return !strings.ContainsAny(f.text, "@#()\"“”") && !strings.Contains(f.text, "http") &&
		!strings.Contains(f.text, ": ") && !listMarker(f.text)
}

// titleCase reports a Latin line whose words mostly open with a capital,
// as a sub-heading's do ("How The Council Will Pay"), and a caption's,
// which is a sentence, do not.
func titleCase(s string) bool {
	upper, words := 0, 0
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return words > 0 && upper*2 > words
}

// datelineOnly reports a line that is only a dateline with an agency:
// «تونس (رويترز) -الوسط التونسية:».
func (d *doc) datelineOnly(j int) bool {
	dl, ok := FindDateline(d.f[j].text, d.lex)
	return ok && dl.Agency != "" && !d.prose(j)
}

// maxQuestion is the longest question heading at f[j]: longer when blank
// lines set it apart.
func (d *doc) maxQuestion(j int) int {
	if d.gap[j] && j+1 < len(d.f) && d.gap[j+1] {
		return maxIsolatedQuestion
	}
	return maxQuestionHeading + starBonus(d.f[j].text)
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

// signature marks the last line of the text as a byline when it is only
// a name or initials, as a column signs off: «إيلي هيدموس», «م.خ/ ف.ع».
func (d *doc) signature(lo, hi int) {
	j := hi - 1
	for j >= lo && (d.res(j).Kind == Boilerplate && d.res(j).Rule != ruleFooter || d.res(j).Kind == Credit) {
		j-- // a rule, a source line or a credit may close it
	}
	if j <= lo || d.res(j).Kind != Paragraph && !(d.res(j).Kind == Boilerplate && d.res(j).Rule == ruleFooter) {
		return
	}
	f := &d.f[j]
	if f.long || !f.wordsAtMost(maxSignatureWords) || f.end != endNone || strings.ContainsAny(f.text, "0123456789") || d.res(j-1).Kind != Paragraph && d.res(j-1).Kind != Boilerplate {
		return
	}
	r := decided(Meta, ruleSignature, f.text)
	r.MetaKind = "byline"
	d.put(j, r)
}

// footer marks the short lines after the last rule of a dump as
// boilerplate when they close it: "-----" then a follow prompt. A rule
// followed by prose is a section break, not a footer.
func (d *doc) footer(lo, hi int) {
	last := -1
	for j := hi - 1; j >= lo && j >= hi-4; j-- {
		if d.res(j).Rule == ruleSeparator {
			last = j
			break
		}
	}
	if last < 0 || last == hi-1 {
		return
	}
	for j := last + 1; j < hi; j++ {
		if (d.open(j) || d.res(j).Kind == Paragraph) && d.prose(j) || d.res(j).Kind == Heading || isImage(d.res(j).Kind) {
			return
		}
	}
	for j := last + 1; j < hi; j++ {
		if d.res(j).Kind == Paragraph || d.open(j) {
			d.set(j, Boilerplate, ruleFooter)
		}
	}
}
