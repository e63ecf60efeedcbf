package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khabar/khabar/parse/lexicon"
)

// Rule names, reported in the record's removed[].rule. They are stable:
// scripts may match on them.
const (
	ruleSeparator      = "separator"
	ruleWidget         = "widget"
	ruleNumericID      = "numeric-id"
	ruleNoLetters      = "no-letters"
	ruleURL            = "url"
	ruleDate           = "date"
	ruleRelated        = "related-link"
	ruleRelatedBlock   = "related-headline"
	ruleCallToAction   = "call-to-action"
	ruleCaptionLabel   = "caption-label"
	ruleLabelledCredit = "labelled-credit"
	ruleSourceLine     = "source-line"
	ruleAttribution    = "attribution"
	ruleCreditLine     = "credit-line"
	ruleByline         = "byline"
	rulePublishedIn    = "published-in"
	ruleEmail          = "email"
	ruleCaptionArchive = "caption-archive"
	ruleCaptionCredit  = "caption-credit"
)

// intrinsic decides what a line is from the line alone, when the line says
// so plainly (a rule, a label, an agency, a date). ok is false when the
// line needs its neighbours.
func intrinsic(f *view, lex *lexicon.Lexicon) (r Result, ok bool) {
	toks := f.toks
	switch {
	case isSeparator(f.text):
		return decided(Boilerplate, ruleSeparator, f.text), true
	case toks.Len() == 0:
		return Result{}, false
	case !f.partial && f.whole(lexicon.Widget):
		return decided(Boilerplate, ruleWidget, f.text), true
	case toks.Len() == 1 && len(toks.At(0)) >= 5 && allDigits(toks.At(0)):
		return decided(Boilerplate, ruleNumericID, f.text), true
	case (strings.HasPrefix(f.text, "http") || strings.HasPrefix(f.text, "www.")) && f.wordsAre(1):
		return decided(Boilerplate, ruleURL, f.text), true
	case f.wordsAre(1) && strings.Contains(f.text, "@") && strings.Contains(f.text, "."):
		r = decided(Meta, ruleEmail, f.text)
		r.MetaKind = "other"
		return r, true
	}
	if isDate(f, lex) {
		r = decided(Meta, ruleDate, f.text)
		r.MetaKind = "date"
		return r, true
	}
	if !f.letters {
		return decided(Boilerplate, ruleNoLetters, f.text), true
	}
	if _, ok := f.prefix(lexicon.Related); ok && f.wordsAtMost(40) {
		return decided(Boilerplate, ruleRelated, f.text), true
	}
	if f.hits.has(lexicon.Boilerplate) && f.wordsAtMost(40) {
		return decided(Boilerplate, ruleCallToAction, f.text), true
	}
	if r, ok := labelled(f, lex); ok {
		return r, true
	}
	if attribution(f, lex) {
		r = decided(Credit, ruleAttribution, f.text)
		r.Agencies = lex.AgenciesInKey(toks)
		return r, true
	}
	if placeAgency(f, lex) {
		r = decided(Meta, ruleDatelineLine, f.text)
		r.MetaKind = "dateline"
		r.Agencies = lex.AgenciesInKey(toks)
		return r, true
	}
	if ag, ok := creditOnly(f.text, toks.Len(), f.hits); ok && f.wordsAtMost(10) && !f.partial {
		r = decided(Credit, ruleCreditLine, f.text)
		r.Agencies = ag
		return r, true
	}
	if r, ok := byline(f, lex); ok {
		return r, true
	}
	return gluedCaption(f, lex)
}

// attribution reports "(Reporting by …; Editing by …)" and "… contributed
// to this report." lines.
func attribution(f *view, lex *lexicon.Lexicon) bool {
	ms := f.hits.find(lexicon.Attribution)
	if ms == nil || f.long {
		return false
	}
	if f.text[0] == '(' && ms[0].Start <= 2 {
		return true
	}
	return f.wordsAtMost(30)
}

func decided(k Kind, rule, text string) Result {
	return Result{Kind: k, Rule: rule, Text: text, Image: -1}
}

func wholeMatch(lex *lexicon.Lexicon, k lexicon.Kind, toks lexicon.Key) bool {
	m, ok := lex.PrefixKey(k, toks)
	return ok && m.End == toks.Len()
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// hasNumber reports a token of digits only.
func hasNumber(toks lexicon.Key) bool {
	for i := range toks.Len() {
		if allDigits(toks.At(i)) {
			return true
		}
	}
	return false
}

// isDate reports a date or time line: «الجمعة, 29 يونيو, 2012, 17:35
// بتوقيت القدس», "Fri, 11 Aug 2017 15:16:32 GMT", "2012-06-03", "07.13".
func isDate(f *view, lex *lexicon.Lexicon) bool {
	if f.partial || f.toks.Len() > 14 || !hasNumber(f.toks) || !f.wordsAtMost(12) {
		return false
	}
	digits, words, other := 0, 0, 0
	for i := 0; i < f.toks.Len(); {
		if allDigits(f.toks.At(i)) {
			digits++
			i++
			continue
		}
		if m, ok := lex.AtKey(lexicon.DateWord, f.toks, i); ok {
			words++
			i = m.End
			continue
		}
		other++
		i++
	}
	if digits == 0 {
		return false
	}
	if words == 0 {
		return other == 0 && digits >= 2 && digits <= 6
	}
	return other <= 2 && other < digits+words
}

// labelled handles lines opened by a caption, credit or source label.
func labelled(f *view, lex *lexicon.Lexicon) (Result, bool) {
	toks := f.toks
	if f.long {
		return Result{}, false
	}
	// A caption label, maybe after a credit: "Image copyright AFP Image caption …".
	for _, m := range f.hits {
		p := m.Start
		if m.Entry.Kind != lexicon.CaptionLabel || p > 8 {
			continue
		}
		if p > 0 {
			if _, ok := f.prefix(lexicon.CreditLabel); !ok {
				break
			}
		}
		label, rest := dropTokens(f.text, m.End)
		_, label = dropTokens(label, m.Start)
		var r Result
		if rest == "" {
			r = decided(Boilerplate, ruleCaptionLabel, f.text)
		} else {
			r = decided(Caption, ruleCaptionLabel, rest)
		}
		r.Label = label
		r.Agencies = lex.AgenciesInKey(toks.Slice(0, p))
		if toks.Len() > m.End {
			r.Agencies = appendNew(r.Agencies, gluedAgencies(rest, lex))
		}
		return r, true
	}
	if f.partial {
		return Result{}, false
	}
	if m, ok := f.prefix(lexicon.CreditLabel); ok {
		label, rest := dropTokens(f.text, m.End)
		n := toks.Len() - m.End
		multi := m.End > 1
		sep := separated(f.text, label)
		ag := lex.AgenciesInKey(toks.Slice(m.End, toks.Len()))
		if n <= 8 && f.wordsAtMost(14) && (multi || sep || ag != nil) && (n > 0 || multi || sep) {
			r := decided(Credit, ruleLabelledCredit, rest)
			r.Label, r.Agencies = label, ag
			return r, true
		}
	}
	if m, ok := f.prefix(lexicon.SourceLabel); ok {
		label, rest := dropTokens(f.text, m.End)
		// A label of two words or more («نقلا عن») needs no colon after it.
		if toks.Len()-m.End <= 6 && f.wordsAtMost(9) && (rest == "" || m.End > 1 || separated(f.text, label)) {
			r := decided(Credit, ruleSourceLine, rest)
			r.Label, r.Agencies = label, lex.AgenciesInKey(toks.Slice(m.End, toks.Len()))
			return r, true
		}
	}
	return Result{}, false
}

// separated reports whether a colon, comma or dash follows label in text.
func separated(text, label string) bool {
	rest := strings.TrimLeftFunc(text[len(label):], func(r rune) bool { return invisible(r) })
	r, _ := utf8.DecodeRuneInString(rest)
	return strings.ContainsRune(":،,-–—ـ/|", r)
}

func appendNew(list, more []string) []string {
	for _, s := range more {
		found := false
		for _, v := range list {
			found = found || v == s
		}
		if !found {
			list = append(list, s)
		}
	}
	return list
}

// placeAgency reports a dateline line: a place, a dash and an agency,
// «القاهرة - رويترز», «الرياض - واس».
func placeAgency(f *view, lex *lexicon.Lexicon) bool {
	if f.partial || !f.wordsAtMost(7) {
		return false
	}
	if i, size := indexDash(f.text); i >= 0 {
		if !strings.HasSuffix(f.text[:i], " ") && !strings.HasPrefix(f.text[i+size:], " ") {
			return false // "EPA-EFE" is one credit
		}
		place := strings.TrimSpace(f.text[:i])
		if n := countWords(place); n == 0 || n > 3 || strings.ContainsAny(place, "0123456789()") {
			return false
		}
		toks := lexicon.MakeKey(strings.TrimLeftFunc(f.text[i+size:], isDash))
		// An outlet after the dash may be a title's site suffix («أخبار
		// العالم - BBC Arabic»): the header decides those.
		return wholeMatch(lex, lexicon.Agency, toks)
	}
	return false
}

// indexDash returns the index and size of the first rune of s that isDash
// reports, or -1: a byte search, since a dash's first byte never
// continues another rune.
func indexDash(s string) (int, int) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '-':
			return i, 1
		case 0xd9: // ـ U+0640
			if i+1 < len(s) && s[i+1] == 0x80 {
				return i, 2
			}
		case 0xe2: // – U+2013, — U+2014
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x93 || s[i+2] == 0x94) {
				return i, 3
			}
		}
	}
	return -1, 0
}

// creditOnly reports a line made of agencies, credit labels and
// connectors, plus at most three other tokens (a photographer's name) when
// a slash or connector ties them to an agency: "Reuters/Carlos Barria",
// "AFP via Getty Images", «فرانس24/ أ ف ب». n is the number of tokens of
// text, hits the lexicon entries found in them.
func creditOnly(text string, n int, hits hitList) ([]string, bool) {
	if n == 0 || n > 10 {
		return nil, false
	}
	agencies, other, joined := 0, 0, false
	for i := 0; i < n; {
		if m, ok := hits.at(lexicon.Agency, i); ok {
			agencies++
			i = m.End
			continue
		}
		if m, ok := hits.at(lexicon.Connector, i); ok && i > 0 {
			joined = true
			i = m.End
			continue
		}
		if m, ok := hits.at(lexicon.CreditLabel, i); ok {
			joined = true
			i = m.End
			continue
		}
		other++
		i++
	}
	if agencies == 0 || other > 3 {
		return nil, false
	}
	if other > 0 && !joined && !strings.ContainsAny(text, "/|") {
		return nil, false
	}
	return hits.agencies(), true
}

// byline reports «كتب: ...», «حوار: ...», «تحقيق - ...», "By Jane Doe" and
// the aggregator's glued «... نشر في <paper> يوم 01 - 10 - 2012».
func byline(f *view, lex *lexicon.Lexicon) (Result, bool) {
	if f.long {
		return Result{}, false
	}
	m, labelled := f.prefix(lexicon.BylineLabel)
	published := -1 // the token «نشر» of «... نشر في ...»
	for i := f.toks.IndexToken("في", 1); i > 0; i = f.toks.IndexToken("في", i+1) {
		if strings.HasSuffix(f.toks.At(i-1), "نشر") {
			published = i - 1
			break
		}
	}
	// The words last: most lines have neither.
	if !labelled && published < 0 || !f.wordsAtMost(15) {
		return Result{}, false
	}
	if labelled && f.wordsAtMost(10) && f.toks.Len() > m.End {
		label, rest := dropTokens(f.text, m.End)
		latinBy := f.isLatin() && f.wordsAtMost(6) && startsUpper(rest)
		strong := !f.isLatin() && f.wordsAtMost(6) && strongByline[m.Entry.Text]
		if separated(f.text, label) || latinBy || strong {
			r := decided(Meta, ruleByline, f.text)
			r.MetaKind = "byline"
			return r, true
		}
	}
	if published >= 0 && strings.ContainsAny(f.text, "0123456789") {
		r := decided(Meta, rulePublishedIn, f.text)
		r.MetaKind = "byline"
		return r, true
	}
	return Result{}, false
}

// strongByline labels open a byline even without a colon: «بقلم فلان».
var strongByline = map[string]bool{"بقلم": true, "إعداد": true}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// gluedCaption reports a caption with a credit glued on: «... أرشيفية»,
// «... (رويترز)», "... (AFP/Getty)", «... (تصوير أحمد شحاتة)», or a credit
// label inside the line ("... Mandatory Credit: ...").
func gluedCaption(f *view, lex *lexicon.Lexicon) (Result, bool) {
	if f.long {
		return Result{}, false
	}
	// A caption has 3 to 45 words; counted last, as most lines show no
	// glued credit.
	fits := func() bool { return f.wordsAtLeast(3) && f.wordsAtMost(45) }
	if _, ok := f.suffix(lexicon.Archive); ok {
		if !fits() {
			return Result{}, false
		}
		return decided(Caption, ruleCaptionArchive, f.text), true
	}
	if ag := gluedAgencies(f.text, lex); ag != nil {
		if !fits() {
			return Result{}, false
		}
		r := decided(Caption, ruleCaptionCredit, f.text)
		r.Agencies = ag
		return r, true
	}
	for _, m := range f.hits {
		if m.Entry.Kind == lexicon.CreditLabel && m.Start >= 3 && m.End-m.Start > 1 && f.toks.Len()-m.End <= 12 {
			if !fits() {
				return Result{}, false
			}
			r := decided(Caption, ruleCaptionCredit, f.text)
			r.Agencies = lex.AgenciesInKey(f.toks.Slice(m.Start, f.toks.Len()))
			return r, true
		}
	}
	return Result{}, false
}

// dashedAgencies returns the credit after a closing dash or slash:
// «متظاهرون أمام البرلمان - رويترز», "Crowds at the stadium / AFP". The
// text before it must be four words or more (a shorter one is a dateline,
// «القاهرة - رويترز») that do not end a sentence. A headline may end the
// same way ("… | Reuters"), so the header has its say first.
func dashedAgencies(f *view, lex *lexicon.Lexicon) []string {
	m, ok := f.suffix(lexicon.Agency)
	if !ok || m.Start < 4 || f.partial {
		return nil
	}
	i := strings.LastIndexAny(f.text, "-–—/|")
	if i < 0 {
		return nil
	}
	before, after := f.text[:i], f.text[i+1:]
	if countWords(before) < 4 || endClass(before) == endStop {
		return nil
	}
	var buf [8]lexicon.Match
	toks := lexicon.MakeKey(after)
	ag, ok := creditOnly(after, toks.Len(), scan(buf[:], toks, lex))
	if !ok {
		return nil
	}
	return ag
}

// gluedAgencies returns the credit in a closing parenthesis of text:
// "(AP)", "(AFP/Getty)", «(تصوير أحمد شحاتة)». The text before it must be
// at least three words that do not end a sentence, unless the credit names
// a photo or a photographer.
func gluedAgencies(text string, lex *lexicon.Lexicon) []string {
	t := strings.TrimRightFunc(text, func(r rune) bool { return invisible(r) || r == '.' })
	if !strings.HasSuffix(t, ")") {
		return nil
	}
	open := strings.LastIndexByte(t, '(')
	if open < 0 {
		return nil
	}
	before, inner := t[:open], t[open+1:len(t)-1]
	var buf [8]lexicon.Match
	toks := lexicon.MakeKey(inner)
	hits := scan(buf[:], toks, lex)
	// "… on Monday. (AP Photo/Brian Inganga)": a photo label or a
	// photographer may follow a full stop; a bare agency may not.
	photo := hits.has(lexicon.CreditLabel) || strings.Contains(inner, "/")
	if countWords(before) < 3 || endClass(before) == endStop && !photo {
		return nil
	}
	if m, ok := hits.at(lexicon.CreditLabel, 0); ok && toks.Len()-m.End <= 4 {
		if ag := hits.agencies(); ag != nil {
			return ag
		}
		return []string{}
	}
	if ag, ok := creditOnly(inner, toks.Len(), hits); ok {
		return ag
	}
	return nil
}
