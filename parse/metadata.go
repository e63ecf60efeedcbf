package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khabar/khabar/parse/classify"
	"github.com/khabar/khabar/parse/dates"
	"github.com/khabar/khabar/parse/lexicon"
)

// Metadata as data: the record's published, authors, url, site, category,
// doc_id and summary, taken from the lines the classifier kept out of the
// body (meta lines, TREC-style tags, the summary). A field is only ever
// taken from a line that says it; Sources notes which.

// summary adds a line of a summary given apart (<ABSTRACT>) to the record.
func (as *assembler) summary(l classify.Line, r classify.Result) {
	text := as.text(r.Text)
	a := as.a
	if a.Summary == nil {
		a.Summary = &Summary{Text: text, Lines: [2]int{l.N, l.N}}
		as.source("summary", l.N)
		return
	}
	a.Summary.Text += "\n" + text
	a.Summary.Lines[1] = l.N
}

// source notes the line a field was taken from.
func (as *assembler) source(field string, line int) {
	if as.a.Sources == nil {
		as.a.Sources = map[string]int{}
	}
	if _, ok := as.a.Sources[field]; !ok {
		as.a.Sources[field] = line
	}
}

// metadata fills published, authors, url, site, category and doc_id.
func (as *assembler) metadata() {
	a := as.a
	if a.Dateline != nil {
		as.source("dateline", a.Dateline.Line)
	}
	var (
		labelled, tagged, header *Published
		bodySeen                 bool
		bylineSite               string
		bylineSiteLine           int
	)
	for i, l := range as.lines {
		r := as.res.At(i)
		if l.Blank {
			continue
		}
		switch r.Kind {
		case classify.Paragraph, classify.Heading:
			if r.Rule != classify.RuleAbstract {
				bodySeen = true
			}
			continue
		case classify.Meta:
		case classify.Title:
			if r.Rule == "title-site-suffix" {
				if site := titleSuffix(l.Raw, r.Text); site != "" && a.Site == nil {
					as.setSite(as.text(site), l.N)
				}
			}
			continue
		default:
			continue
		}
		text := as.text(r.Text)
		switch r.Field {
		case "url", "category", "doc_id":
			as.setString(r.Field, text, l.N)
			continue
		case "site":
			if text != "" {
				as.setSite(text, l.N)
			}
			continue
		}
		// A date: the labelled publication date first, then the date of
		// a tag, then the first date over the body.
		d, ok := dates.Line(text)
		if !ok && (r.MetaKind == "byline" || r.MetaKind == "dateline" || r.MetaKind == "site") {
			d, ok = dates.Find(text)
		}
		if _, when, found := strings.Cut(text, "نشر في "); !ok && found {
			// «… نشر في <outlet> يوم 01 - 11 - 2012»: the day it was published
			if _, day, found := strings.Cut(when, " يوم "); found {
				if d, ok = dates.Line(day); ok {
					d.Labelled = true
				}
			}
		}
		if ok {
			p := publishedOf(d, l.N)
			switch {
			case d.Labelled && labelled == nil:
				labelled = p
			case r.Field == "published" && tagged == nil:
				tagged = p
			case !bodySeen && header == nil:
				header = p
			}
		}
		// Authors and the outlet, from bylines and AUTHOR tags.
		if r.MetaKind == "byline" || r.Field == "authors" || r.MetaKind == "dateline" && r.Field == "" {
			names, site := authorsOf(text, as.lex, r.MetaKind == "dateline")
			for _, n := range names {
				if !contains(a.Authors, n) {
					a.Authors = append(a.Authors, n)
					as.source("authors", l.N)
				}
			}
			if site != "" && bylineSite == "" {
				bylineSite, bylineSiteLine = site, l.N
			}
		}
		if r.MetaKind == "site" && r.Field == "" && a.Site == nil && text != "" {
			as.setSite(text, l.N)
		}
	}
	for _, p := range []*Published{labelled, tagged, header} {
		if p != nil {
			a.Published = p
			as.source("published", p.Line)
			break
		}
	}
	if a.Site == nil && bylineSite != "" {
		as.setSite(bylineSite, bylineSiteLine)
	}
}

func publishedOf(d dates.Date, line int) *Published {
	p := &Published{Text: d.Text, Calendar: d.Calendar, Line: line}
	if d.ISO != "" {
		iso := d.ISO
		p.ISO = &iso
	}
	return p
}

// setString sets url, category or doc_id, the first time.
func (as *assembler) setString(field, text string, line int) {
	if text == "" {
		return
	}
	a := as.a
	var p **string
	switch field {
	case "url":
		p = &a.URL
	case "category":
		p = &a.Category
	default:
		p = &a.DocID
	}
	if *p == nil {
		*p = &text
		as.source(field, line)
	}
}

// setSite sets the site, unless a tag set it already.
func (as *assembler) setSite(text string, line int) {
	if as.a.Site != nil {
		return
	}
	as.a.Site = &text
	as.source("site", line)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// titleSuffix returns the outlet a title line ends with, " - BBC Arabic",
// given the title without it.
func titleSuffix(raw, title string) string {
	raw = strings.TrimSpace(raw)
	i := strings.LastIndexAny(raw, "-–|")
	if i < 0 || !strings.HasPrefix(strings.TrimSpace(raw[:i]), strings.TrimSpace(title)) {
		return ""
	}
	return strings.TrimSpace(raw[i+1:])
}

// authorsOf reads the names of a byline, «كتب: سعد جمعة», «بقلم الشيخ بهاء
// الدين سلام», «العربية.نت - إيليا جزائري», «القاهرة - أحمد الريدي», «أحمد
// عبادينشر في ميثاق الرابطة يوم 01 - 11 - 2012», and the outlet it names, if
// any. A place, an agency and an outlet are never a name. dateline says the
// line is a dateline, «دبي - قناة الحدث»: its first part is a place.
func authorsOf(text string, lex *lexicon.Lexicon, dateline bool) (names []string, site string) {
	text = strings.TrimSpace(strings.Trim(text, "*•· "))
	// «… نشر في <outlet> يوم <date>»: the name before, the outlet after.
	if i := strings.Index(text, "نشر في "); i > 0 {
		outlet := text[i+len("نشر في "):]
		if j := strings.Index(outlet, " يوم"); j >= 0 {
			outlet = outlet[:j]
		}
		if name := strings.TrimSpace(text[:i]); isName(name, lex) {
			names = append(names, name)
		}
		return names, strings.TrimSpace(outlet)
	}
	// The label: «كتب:», «بقلم», "By". A translator is not an author.
	key := lexicon.MakeKey(text)
	if m, ok := lex.PrefixKey(lexicon.BylineLabel, key); ok {
		if m.Entry.Text == "ترجمة" {
			return nil, ""
		}
		text = strings.TrimLeft(dropWords(text, m.End), " :：-–—ـ")
	}
	parts := splitByline(text)
	for i, p := range parts {
		switch kind := outletKind(p, lex); {
		case kind == lexicon.Outlet:
			if site == "" {
				site = p
			}
		case kind == lexicon.Agency:
			// an agency is a source, neither the site nor an author
		case i == 0 && len(parts) > 1 && (dateline || !strings.Contains(p, " ")):
			// «القاهرة - أحمد الريدي»: the place before the name
		case isName(p, lex):
			names = append(names, p)
		}
	}
	return names, site
}

// splitByline cuts a byline at dashes, slashes and commas.
func splitByline(s string) []string {
	f := func(r rune) bool { return strings.ContainsRune("-–—ـ/،,|", r) }
	var out []string
	for _, p := range strings.FieldsFunc(s, f) {
		if p = strings.TrimSpace(strings.Trim(strings.TrimSpace(p), "()*:")); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// dropWords returns s without its first n match-key tokens' worth of
// words.
func dropWords(s string, n int) string {
	for range n {
		s = strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) })
		if i < 0 {
			return ""
		}
		s = s[i:]
	}
	return strings.TrimSpace(s)
}

// outletWords open the name of an outlet: «قناة الحدث», «موقع …».
var outletWords = map[string]bool{
	"قناه": true, "موقع": true, "صحيفه": true, "جريده": true, "وكاله": true, "مجله": true, "راديو": true,
	"اذاعه": true, "تلفزيون": true, "شبكه": true, "مركز": true,
}

// outletKind reports whether s names an agency (lexicon.Agency), an
// outlet, a site or a channel (lexicon.Outlet), or neither ("").
func outletKind(s string, lex *lexicon.Lexicon) lexicon.Kind {
	key := lexicon.MakeKey(s)
	if key.Len() == 0 {
		return ""
	}
	if m, ok := lex.PrefixKey(lexicon.Agency, key); ok && m.End == key.Len() {
		return lexicon.Agency
	}
	if m, ok := lex.PrefixKey(lexicon.Outlet, key); ok && m.End == key.Len() {
		return lexicon.Outlet
	}
	if outletWords[key.At(0)] || strings.Contains(s, ".نت") || strings.Contains(s, ".com") || strings.Contains(s, ".net") {
		return lexicon.Outlet
	}
	return ""
}

// isName reports a person's name: two to five words of letters, no
// digits, not initials («م.خ/ ف.ع»), not an outlet. A single word is a
// desk («متابعات», «خاص») more often than a name.
func isName(s string, lex *lexicon.Lexicon) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 || outletKind(s, lex) != "" || strings.HasPrefix(words[0], "لل") {
		return false // «للرابطة المحمدية للعلماء»: "for" an outlet
	}
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			letters++
		}
	}
	if strings.Count(s, ".") > 1 && letters < 6 {
		return false // initials
	}
	return letters >= 3 && utf8.RuneCountInString(s) <= 60
}
