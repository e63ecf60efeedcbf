package classify

import "github.com/khabar/khabar/parse/lexicon"

// Results holds what the classifier decided for each line of a document,
// in less than half the memory of a []Result: a Result has room for a
// label, agencies, a meta kind, a learned entry and a field, which few
// lines have (136 bytes a line, against 56 here, and ten million short
// lines are 1.3 GB of Results). The zero value is empty; Classify fills
// it, reusing its memory from one document to the next.
type Results struct {
	s      []slot
	extras []extra
}

// slot is the result of one line: the fields most results have, and where
// the others are.
type slot struct {
	Kind  Kind
	Rule  string
	Text  string
	Image int32
	extra int32 // 1 + index in Results.extras; 0: none
}

// extra holds the fields of a Result that few lines have.
type extra struct {
	Label    string
	Agencies []string
	MetaKind string
	Learned  *lexicon.Entry
	Field    string
}

// Classify decides the kind of every line of a document, as the package
// function Classify does, into r, and says what kind of page the document
// is (see AppendPage). Image groups count from 0 within the call.
func (r *Results) Classify(lines []Line, lex *lexicon.Lexicon) Page {
	r.s = grow(r.s, len(lines))[:len(lines)]
	clear(r.s)
	r.extras = r.extras[:0]
	return classify(r, lines, lex)
}

// Len returns the number of lines.
func (r *Results) Len() int { return len(r.s) }

// Kind returns the kind of line i ("" for a blank line).
func (r *Results) Kind(i int) Kind { return r.s[i].Kind }

// Text returns the text of line i, as Result.Text.
func (r *Results) Text(i int) string { return r.s[i].Text }

// At returns the result of line i.
func (r *Results) At(i int) Result {
	s := &r.s[i]
	res := Result{Kind: s.Kind, Rule: s.Rule, Text: s.Text, Image: int(s.Image)}
	if s.extra > 0 {
		e := &r.extras[s.extra-1]
		res.Label, res.Agencies, res.MetaKind, res.Learned, res.Field = e.Label, e.Agencies, e.MetaKind, e.Learned, e.Field
	}
	return res
}

// AppendTo appends the results to dst, one per line.
func (r *Results) AppendTo(dst []Result) []Result {
	for i := range r.s {
		dst = append(dst, r.At(i))
	}
	return dst
}

// Reset empties r and keeps its memory for the next document. What it
// held still refers to the last document's text until the next one
// overwrites it: Clear lets that go first.
func (r *Results) Reset() {
	r.s, r.extras = r.s[:0], r.extras[:0]
}

// Clear drops what r refers to (the text of the last document).
func (r *Results) Clear() {
	clear(r.s)
	clear(r.extras)
}

// Cap returns the number of lines r has room for.
func (r *Results) Cap() int { return cap(r.s) }

// put sets the result of line i to res.
func (r *Results) put(i int, res Result) {
	s := &r.s[i]
	s.Kind, s.Rule, s.Text, s.Image = res.Kind, res.Rule, res.Text, int32(res.Image)
	if res.Label == "" && res.Agencies == nil && res.MetaKind == "" && res.Learned == nil && res.Field == "" {
		s.extra = 0
		return
	}
	e := extra{Label: res.Label, Agencies: res.Agencies, MetaKind: res.MetaKind, Learned: res.Learned, Field: res.Field}
	if s.extra > 0 {
		r.extras[s.extra-1] = e
		return
	}
	r.extras = append(r.extras, e)
	s.extra = int32(len(r.extras))
}

// more returns the rarer fields of line i's result, to write them. The
// pointer is good until the next call of more or put.
func (r *Results) more(i int) *extra {
	s := &r.s[i]
	if s.extra == 0 {
		r.extras = append(r.extras, extra{})
		s.extra = int32(len(r.extras))
	}
	return &r.extras[s.extra-1]
}

// label returns the label of line i's result.
func (r *Results) label(i int) string {
	if e := r.s[i].extra; e > 0 {
		return r.extras[e-1].Label
	}
	return ""
}
