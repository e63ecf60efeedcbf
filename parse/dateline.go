package parse

// dateline reports the dateline of the article: the one that opens the
// first paragraph, else a dateline meta line.
func (as *assembler) dateline() {
	for _, m := range as.a.Meta {
		if m.Kind == "dateline" {
			as.a.Dateline = &Dateline{Text: m.Text, Line: m.Line}
			return
		}
	}
}
