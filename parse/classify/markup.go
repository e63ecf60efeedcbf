package classify

import "strings"

// Dumps such as the ANT corpus wrap an article in TREC-style pseudo-XML:
// <DOC>, <DOCNO>…</DOCNO>, <URL>, <TITLE>…</TITLE>, <TIME>, <AUTHOR>,
// <ABSTRACT> … </ABSTRACT>, <TEXT> … </TEXT>. Bare tag lines are
// boilerplate, one-line metadata elements are meta, <TITLE> is the title,
// the abstract is a paragraph, and the lines inside <TEXT> are the body.

// tag is a line made of markup.
type tag struct {
	name  string // upper-cased element name
	close bool   // a bare closing tag: </TEXT>
	inner string // text between <NAME> and </NAME>; "" for a bare tag
	bare  bool   // the line is only <NAME> or </NAME>
}

// parseTag reads a line of the form <NAME>, </NAME> or <NAME>text</NAME>.
func parseTag(s string) (tag, bool) {
	if len(s) < 3 || s[0] != '<' {
		return tag{}, false
	}
	close := s[1] == '/'
	i := 1
	if close {
		i = 2
	}
	j := i
	for j < len(s) && (s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= '0' && s[j] <= '9' && j > i) {
		j++
	}
	if j == i || j >= len(s) || s[j] != '>' {
		return tag{}, false
	}
	name := strings.ToUpper(s[i:j])
	rest := s[j+1:]
	if strings.TrimSpace(rest) == "" {
		return tag{name: name, close: close, bare: true}, true
	}
	if close {
		return tag{}, false
	}
	endTag := "</" + s[i:j] + ">"
	if k := strings.LastIndex(rest, endTag); k >= 0 && strings.TrimSpace(rest[k+len(endTag):]) == "" {
		return tag{name: name, inner: trimInvisible(rest[:k])}, true
	}
	if k := strings.LastIndex(strings.ToUpper(rest), strings.ToUpper(endTag)); k >= 0 {
		return tag{name: name, inner: trimInvisible(rest[:k])}, true
	}
	// <TEXT>first paragraph … : an opening tag glued to its first line.
	return tag{name: name, inner: trimInvisible(rest)}, true
}

// fieldTag maps metadata element names to the record field they fill.
var fieldTag = map[string]string{
	"DOCNO": "doc_id", "DOCID": "doc_id", "ID": "doc_id", "CAT": "category", "CATEGORY": "category",
	"URL": "url", "SRC": "site", "SOURCE": "site", "SITE": "site",
	"TIME": "published", "DATE": "published", "DATETIME": "published",
	"AUTHOR": "authors", "BYLINE": "authors",
}

// metaTag maps metadata element names to the record's meta kinds.
var metaTag = map[string]string{
	"DOCNO": "other", "DOCID": "other", "ID": "other", "CAT": "other", "CATEGORY": "other",
	"URL": "site", "SRC": "site", "SOURCE": "site", "SITE": "site",
	"TIME": "date", "DATE": "date", "DATETIME": "date",
	"AUTHOR": "byline", "BYLINE": "byline",
}

// RuleAbstract names a line of a summary given apart (<ABSTRACT>): a
// paragraph of the page, which the record keeps out of the body, as its
// summary.
const RuleAbstract = "abstract"

const ruleAbstract = RuleAbstract

// body elements hold running text; their lines go through the classifier.
var bodyTag = map[string]bool{"TEXT": true, "BODY": true}

// paragraphTag elements hold a summary kept as paragraphs.
var paragraphTag = map[string]bool{"ABSTRACT": true, "SUMMARY": true, "LEAD": true, "P": true}

// titleTag elements hold the headline.
var titleTag = map[string]bool{"TITLE": true, "HEADLINE": true, "HEAD": true}

// markup classifies a pseudo-XML dump and reports whether f is one: it
// must open with a tag line.
func (d *doc) markup() bool {
	if len(d.f) == 0 {
		return false
	}
	if _, ok := parseTag(d.f[0].text); !ok {
		return false
	}
	inPara, bodyStart := false, -1
	for j := range d.f {
		t, ok := parseTag(d.f[j].text)
		if !ok {
			if inPara {
				d.set(j, Paragraph, ruleAbstract)
			}
			continue
		}
		switch {
		case t.bare && bodyTag[t.name]:
			d.set(j, Boilerplate, "markup")
			if !t.close {
				bodyStart = j + 1
			} else if bodyStart >= 0 {
				d.body(bodyStart, j, true)
				bodyStart = -1
			}
		case t.bare && paragraphTag[t.name]:
			d.set(j, Boilerplate, "markup")
			inPara = !t.close
		case t.bare:
			d.set(j, Boilerplate, "markup")
		case titleTag[t.name]:
			d.put(j, decided(Title, "markup-title", t.inner))
		case bodyTag[t.name] || paragraphTag[t.name]:
			// Text glued to its tag: classify the text alone.
			d.f[j].read(int(d.f[j].idx), t.inner)
			d.keys = d.keys.add(&d.f[j], d.lex)
			if bodyTag[t.name] && bodyStart < 0 {
				bodyStart = j
			} else {
				d.set(j, Paragraph, ruleAbstract)
			}
		default:
			kind, ok := metaTag[t.name]
			if !ok {
				kind = "other"
			}
			r := decided(Meta, "markup-meta", t.inner)
			r.MetaKind, r.Field = kind, fieldTag[t.name]
			d.put(j, r)
		}
	}
	if bodyStart >= 0 {
		d.body(bodyStart, len(d.f), true)
	}
	for j := range d.f {
		if d.open(j) {
			d.set(j, Paragraph, "paragraph")
		}
	}
	return true
}
