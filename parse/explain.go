package parse

import "github.com/khabar/khabar/parse/classify"

// explainLines lists the kind of every non-blank line.
func explainLines(lines []classify.Line, res []classify.Result, as *assembler) []LineKind {
	out := []LineKind{}
	section := -1
	headings := 0
	for i, l := range lines {
		if l.Blank {
			continue
		}
		r := res[i]
		switch {
		case r.Kind == classify.Heading || r.Kind == classify.Title && as.a.Title != nil && as.a.Title.Line != l.N:
			section = sectionOfHeading(as.a, headings)
			headings++
		case r.Kind == classify.Paragraph && section < 0 && len(as.a.Sections) > 0:
			section = 0
		}
		img, para := -1, -1
		if j, ok := as.lineImage[l.N]; ok {
			img = j
		}
		if j, ok := as.linePara[l.N]; ok {
			para = j
		}
		out = append(out, LineKind{N: l.N, Kind: string(r.Kind), Text: as.keep(l.Raw), Rule: r.Rule, Learned: learned(r.Learned), Image: img, Paragraph: para, Section: section})
	}
	return out
}

// sectionOfHeading returns the index of the section opened by the k-th heading.
func sectionOfHeading(a *Article, k int) int {
	for i, s := range a.Sections {
		if s.Heading != nil {
			if k == 0 {
				return i
			}
			k--
		}
	}
	return -1
}
