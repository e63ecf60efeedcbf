// Package view is what programs that show a dump draw from: one model of
// a document's lines, their kinds, its images and its metadata, built from
// a record parsed with parse.Options.Explain. khabar explain renders it in
// a terminal gutter, and WriteHTML renders it as a page.
//
//	for a := range parse.Parse(r, "dump.txt", parse.Options{Explain: true}) {
//		docs = append(docs, view.New(a))
//	}
//	view.WriteHTML(os.Stdout, docs)
package view

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/khabar/khabar/parse"
)

// Document is one record as a view shows it.
type Document struct {
	Path     string         // source.path
	Index    int            // source.index: the document's number within its input
	RecordID string         // source.record_id, or ""
	Status   string         // ok, empty or error
	Page     string         // the page kind, or "" for a record of status error
	Language parse.Language // code, direction and share of Arabic letters
	Encoding string         // the encoding the input was read in
	Replaced int            // undecodable bytes turned into U+FFFD
	Error    *parse.Error   // why the document failed, or nil

	Title    *parse.Title // the headline, or nil
	Counts   parse.Stats
	Sections int // how many sections the body has

	// Lines holds every line of the document, blank ones included, from
	// its first to its last.
	Lines    []Line
	Images   []Image
	Headings []Heading
	Fields   []Field // the metadata that is set, in the order of its lines
	Agencies []string
	Warnings []parse.Warning
	Profile  string   // the normalization profile
	Changes  []Change // the normalization ops that changed text, in the order they apply
}

// Line is one line of a document.
type Line struct {
	N     int    // its number in the source file
	Blank bool   // blank or white space only: no kind, no text
	Kind  string // title, heading, paragraph, caption, caption_repeat, credit, meta or boilerplate
	Text  string // as decoded, not normalized
	Rule  string // the rule that decided the kind

	Image     int // index into the images, or -1
	Paragraph int // index in the flattened paragraph list, or -1
	Section   int // index of the section the line belongs to, or -1

	// Removed is set for a line kept out of the body (kinds meta and
	// boilerplate): the record's removed lists it with Rule.
	Removed bool
	// Faded is set for a line that gives the record nothing:
	// boilerplate, and the repeat of a caption.
	Faded bool
	// Learned is the learned furniture entry that removed the line, or nil.
	Learned *parse.Learned
	// Fields names the metadata fields taken from this line (published,
	// authors …), in the order of Document.Fields.
	Fields []string
	// Dateline is the length in bytes of the dateline that opens Text
	// («لندن (رويترز) -»), or 0.
	Dateline int
}

// Mark is the line's place in the record: the image it belongs to
// ("img0"), the section a heading opens ("§1") or the paragraph's index
// ("¶0"), or "".
func (l *Line) Mark() string {
	switch {
	case l.Blank:
		return ""
	case l.Image >= 0:
		return fmt.Sprintf("img%d", l.Image)
	case l.Kind == "heading" && l.Section >= 0:
		return fmt.Sprintf("§%d", l.Section)
	case l.Paragraph >= 0:
		return fmt.Sprintf("¶%d", l.Paragraph)
	}
	return ""
}

// ShowRule reports whether the rule says more than the kind does: it
// does for every removed line, and for any line whose rule is not its
// kind's own name.
func (l *Line) ShowRule() bool {
	if l.Blank || l.Rule == "" {
		return false
	}
	return l.Removed || l.Rule != strings.ReplaceAll(l.Kind, "_", "-")
}

// DatelineText and Rest split Text at the end of the dateline.
func (l *Line) DatelineText() string { return l.Text[:l.Dateline] }

// Rest is the text after the dateline: all of Text when there is none.
func (l *Line) Rest() string { return l.Text[l.Dateline:] }

// Image is an image: its caption, its credit and the lines that carry them.
type Image struct {
	parse.Image
}

// Lines lists the lines that carry the image, in order.
func (im *Image) Lines() []int {
	var out []int
	if im.Caption != nil {
		out = append(out, im.Caption.Lines...)
	}
	if im.Credit != nil {
		out = append(out, im.Credit.Line)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Heading is a heading of the body and the section it opens.
type Heading struct {
	Section    int
	Line       int
	Text       string
	Paragraphs int // in its section
}

// Field is a metadata field of the record and the line it was taken from.
type Field struct {
	Name  string // published, authors, url, site, category, doc_id, dateline or summary
	Line  int
	Value string
	// Note qualifies Value, or is "": a publication date's text as the
	// line gives it beside its ISO 8601 form, or the calendar of a date
	// left unconverted.
	Note string
}

// Text is the value with its note in brackets.
func (f Field) Text() string {
	if f.Note == "" {
		return f.Value
	}
	return f.Value + " (" + f.Note + ")"
}

// Change is a normalization op and how many changes it made.
type Change struct {
	Op    string
	Count int
}

// New builds the model of a record. The record must have been parsed
// with parse.Options.Explain: without its lines, every line reads blank.
func New(a *parse.Article) *Document {
	d := &Document{
		Path:     a.Source.Path,
		Index:    a.Source.Index,
		Status:   a.Status,
		Page:     string(a.Page),
		Language: a.Language,
		Encoding: a.Source.Encoding,
		Replaced: a.Source.Replaced,
		Error:    a.Error,
		Title:    a.Title,
		Counts:   a.Stats,
		Sections: len(a.Sections),
		Agencies: a.Agencies,
		Warnings: a.Warnings,
		Profile:  a.Normalization.Profile,
	}
	if a.Source.RecordID != nil {
		d.RecordID = *a.Source.RecordID
	}
	if a.Error != nil {
		return d
	}
	d.Fields = fields(a)
	d.Lines = lines(a, d.Fields)
	for _, img := range a.Images {
		d.Images = append(d.Images, Image{img})
	}
	for i, s := range a.Sections {
		if s.Heading != nil {
			d.Headings = append(d.Headings, Heading{Section: i, Line: s.Heading.Line, Text: s.Heading.Text, Paragraphs: len(s.Paragraphs)})
		}
	}
	d.Changes = changes(a.Normalization)
	return d
}

// lines lists every line of the document, blank ones included.
func lines(a *parse.Article, fields []Field) []Line {
	first, last := a.Source.Lines[0], a.Source.Lines[1]
	if a.Stats.Lines == 0 || last < first {
		return nil
	}
	removed := make(map[int]bool, len(a.Removed))
	for _, r := range a.Removed {
		removed[r.Line] = true
	}
	out := make([]Line, 0, last-first+1)
	kinds := a.Lines
	for n := first; n <= last; n++ {
		for len(kinds) > 0 && kinds[0].N < n {
			kinds = kinds[1:]
		}
		if len(kinds) == 0 || kinds[0].N != n {
			out = append(out, Line{N: n, Blank: true, Image: -1, Paragraph: -1, Section: -1})
			continue
		}
		k := kinds[0]
		kinds = kinds[1:]
		out = append(out, Line{
			N: n, Kind: k.Kind, Text: k.Text, Rule: k.Rule,
			Image: k.Image, Paragraph: k.Paragraph, Section: k.Section,
			Removed: removed[n],
			Faded:   k.Kind == "boilerplate" || k.Kind == "caption_repeat",
			Learned: k.Learned,
		})
	}
	for _, f := range fields {
		if i := f.Line - first; i >= 0 && i < len(out) {
			out[i].Fields = append(out[i].Fields, f.Name)
		}
	}
	if dl := a.Dateline; dl != nil && dl.Text != "" {
		if i := dl.Line - first; i >= 0 && i < len(out) {
			l := &out[i]
			t := strings.TrimLeft(l.Text, " \t\u00a0")
			if strings.HasPrefix(t, dl.Text) {
				l.Dateline = len(l.Text) - len(t) + len(dl.Text)
			}
		}
	}
	return out
}

// fields lists the metadata fields of a that are set, in the order of
// their lines.
func fields(a *parse.Article) []Field {
	var out []Field
	add := func(name, value, note string) {
		if line, ok := a.Sources[name]; ok {
			out = append(out, Field{name, line, value, note})
		}
	}
	if p := a.Published; p != nil {
		if p.ISO != nil {
			add("published", *p.ISO, p.Text)
		} else {
			add("published", p.Text, p.Calendar)
		}
	}
	if len(a.Authors) > 0 {
		add("authors", strings.Join(a.Authors, ", "), "")
	}
	for _, f := range []struct {
		name string
		v    *string
	}{{"url", a.URL}, {"site", a.Site}, {"category", a.Category}, {"doc_id", a.DocID}} {
		if f.v != nil {
			add(f.name, *f.v, "")
		}
	}
	if a.Dateline != nil {
		add("dateline", a.Dateline.Text, "")
	}
	if a.Summary != nil {
		add("summary", a.Summary.Text, "")
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out
}

// changes lists the ops that changed text: in the order of the profile's
// ops, then any other in the order of their names.
func changes(n parse.Normalization) []Change {
	var out []Change
	seen := map[string]bool{}
	for _, op := range n.Ops {
		if c := n.Changes[op]; c > 0 && !seen[op] {
			out = append(out, Change{op, c})
		}
		seen[op] = true
	}
	var rest []string
	for op, c := range n.Changes {
		if !seen[op] && c > 0 {
			rest = append(rest, op)
		}
	}
	sort.Strings(rest)
	for _, op := range rest {
		out = append(out, Change{op, n.Changes[op]})
	}
	return out
}

// Learned lists the lines removed as learned furniture, in order.
func (d *Document) Learned() []*Line {
	var out []*Line
	for i := range d.Lines {
		if d.Lines[i].Learned != nil {
			out = append(out, &d.Lines[i])
		}
	}
	return out
}
