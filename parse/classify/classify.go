// Package classify gives every non-blank line of a document a kind:
// title, heading, paragraph, caption, caption_repeat, credit, meta or
// boilerplate.
package classify

import "github.com/khabar/khabar/parse/lexicon"

// PLACEHOLDER: the real classifier replaces this file.

// Kind is the kind of a line, spelled as in the record's lines[].kind.
type Kind string

// Kinds.
const (
	Title         Kind = "title"
	Heading       Kind = "heading"
	Paragraph     Kind = "paragraph"
	Caption       Kind = "caption"
	CaptionRepeat Kind = "caption_repeat"
	Credit        Kind = "credit"
	Meta          Kind = "meta"
	Boilerplate   Kind = "boilerplate"
)

// Line is one line of a document.
type Line struct {
	N     int    // 1-based line number in the source file
	Raw   string // the decoded line, without its line end
	Blank bool   // nothing but spaces and invisible characters
}

// Result is what the classifier decided for a line. Blank lines get the
// zero Result.
type Result struct {
	Kind     Kind
	Rule     string   // the rule that decided
	Text     string   // the line's text without tags or labels, not yet normalized
	Image    int      // caption, caption_repeat, credit: the image group; -1 for none
	Label    string   // the caption or credit label seen, e.g. "مصدر الصورة"
	Agencies []string // canonical agencies named by a credit line
	MetaKind string   // meta: dateline, byline, date, site or other
}

// SplitLines cuts text into lines ended by LF, CRLF or CR. first is the
// source line number of the first one.
func SplitLines(text string, first int) []Line { return nil }

// Classify decides the kind of every line.
func Classify(lines []Line, lex *lexicon.Lexicon) []Result {
	res := make([]Result, len(lines))
	for i, l := range lines {
		if !l.Blank {
			res[i] = Result{Kind: Paragraph, Rule: "placeholder", Text: l.Raw, Image: -1}
		}
	}
	return res
}
