package parse

import (
	"github.com/khabar/khabar/parse/arabic"
	"github.com/khabar/khabar/parse/classify"
)

// dateline reports the dateline of the article: the «لندن (رويترز) -»
// that opens the first paragraph (which keeps it in its text), else the
// first meta line of kind dateline («أكرا - رويترز»).
func (as *assembler) dateline() {
	a := as.a
	for _, s := range a.Sections {
		if len(s.Paragraphs) == 0 {
			continue
		}
		p := s.Paragraphs[0]
		if d, ok := classify.FindDateline(p.Text, as.lex); ok {
			a.Dateline = &Dateline{Text: d.Text, Place: optional(d.Place), Agency: optional(d.Agency), Line: p.Lines[0]}
			return
		}
		break
	}
	for _, m := range a.Meta {
		if m.Kind == "dateline" {
			a.Dateline = &Dateline{Text: m.Text, Line: m.Line}
			if ag := as.lex.Agencies(arabic.Key(m.Text)); len(ag) > 0 {
				a.Dateline.Agency = &ag[0]
			}
			return
		}
	}
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
