package view

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
)

//go:embed page.html
var pageHTML string

//go:embed page.css
var pageCSS string

var page = template.Must(template.New("page").Funcs(template.FuncMap{
	"percent": func(r float64) string { return strconv.Itoa(int(r*100+0.5)) + "%" },
}).Parse(pageHTML))

// kind is a line kind as the page's legend gives it.
type kind struct {
	Name   string // as the record spells it
	Arabic string // its name in Arabic
	Note   string // what it is
}

// kinds lists the line kinds in the order of the legend.
var kinds = []kind{
	{"title", "العنوان", "the headline"},
	{"heading", "عنوان فرعي", "opens a section of the body"},
	{"paragraph", "فقرة", "body text"},
	{"caption", "تعليق على صورة", "an image's caption"},
	{"caption_repeat", "تكرار التعليق", "the caption again: kept out"},
	{"credit", "مصدر الصورة", "an image's credit, or a source line"},
	{"meta", "بيانات", "dateline, byline, date, site: read for the metadata"},
	{"boilerplate", "زوائد الصفحة", "page furniture: kept out"},
}

// WriteHTML writes one self-contained page that shows docs: inline CSS,
// no script, no external resource, laid out right to left. Every text of
// a dump is escaped, and each line's text is isolated from its
// neighbours' direction. Its size grows linearly with the documents'.
func WriteHTML(w io.Writer, docs []*Document) error {
	title := "khabar: no document"
	switch len(docs) {
	case 0:
	case 1:
		title = "khabar: " + docs[0].Path
	default:
		title = fmt.Sprintf("khabar: %d documents", len(docs))
	}
	// The table of contents gives a document's path when it is not the
	// path of the one before: a split input's documents share it.
	newPath := make([]bool, len(docs))
	for i, d := range docs {
		newPath[i] = i == 0 || d.Path != docs[i-1].Path
	}
	return page.Execute(w, struct {
		Title   string
		CSS     template.CSS
		Kinds   []kind
		Docs    []*Document
		NewPath []bool
	}{title, template.CSS(pageCSS), kinds, docs, newPath})
}
