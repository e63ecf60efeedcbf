package parse_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/khabar/khabar/parse"
)

// lineKinds are the kinds a non-blank line may have.
var lineKinds = map[string]bool{
	"title": true, "heading": true, "paragraph": true, "caption": true,
	"caption_repeat": true, "credit": true, "meta": true, "boilerplate": true,
}

// checkRecord checks what holds of every record, whatever the input: the
// body text is made of the headings and paragraphs only, no caption or
// credit line lies inside a paragraph or is a heading, and, with Explain,
// every non-blank line of the document has exactly one kind. input is the
// whole input the record came from.
func checkRecord(t *testing.T, input []byte, explain bool, a *parse.Article) {
	t.Helper()
	if err := checkBody(a); err != nil {
		t.Fatalf("record %d: %v", a.Source.Index, err)
	}
	if explain && a.Status != parse.StatusError {
		if err := checkExplain(input, a); err != nil {
			t.Fatalf("record %d: %v", a.Source.Index, err)
		}
	}
}

// checkBody checks that text is the headings and paragraphs in order, and
// that no caption or credit line is in the body.
func checkBody(a *parse.Article) error {
	var parts []string
	inBody := map[int]string{} // line → where it is in the body
	for _, s := range a.Sections {
		if s.Heading != nil {
			parts = append(parts, s.Heading.Text)
			inBody[s.Heading.Line] = "heading"
		}
		for _, p := range s.Paragraphs {
			parts = append(parts, p.Text)
			if p.Lines[0] > p.Lines[1] {
				return fmt.Errorf("paragraph lines %v", p.Lines)
			}
			for n := p.Lines[0]; n <= p.Lines[1]; n++ {
				inBody[n] = "paragraph"
			}
		}
	}
	var want bytes.Buffer
	for i, p := range parts {
		if i > 0 {
			want.WriteString("\n\n")
		}
		want.WriteString(p)
	}
	if a.Text != want.String() {
		return fmt.Errorf("text %q is not the headings and paragraphs %q", a.Text, want.String())
	}
	for i, im := range a.Images {
		if im.Caption != nil {
			for _, n := range im.Caption.Lines {
				if where, ok := inBody[n]; ok {
					return fmt.Errorf("caption line %d of image %d is in a %s", n, i, where)
				}
			}
		}
		if im.Credit != nil {
			if where, ok := inBody[im.Credit.Line]; ok {
				return fmt.Errorf("credit line %d of image %d is in a %s", im.Credit.Line, i, where)
			}
		}
	}
	for _, c := range a.Credits {
		if where, ok := inBody[c.Line]; ok {
			return fmt.Errorf("credit line %d is in a %s", c.Line, where)
		}
	}
	for _, l := range a.Lines {
		switch l.Kind {
		case "caption", "caption_repeat", "credit":
			if where, ok := inBody[l.N]; ok {
				return fmt.Errorf("%s line %d is in a %s", l.Kind, l.N, where)
			}
		}
	}
	return nil
}

// checkExplain checks that the lines of the record name each line of the
// document at most once, in order, within the document, with a known
// kind; that each line holding an ASCII letter or digit has a kind and
// each line of only spaces and tabs has none. Only ASCII-compatible
// encodings are checked (line ends are then the same bytes as in UTF-8).
func checkExplain(input []byte, a *parse.Article) error {
	switch a.Source.Encoding {
	case "utf-8", "windows-1256", "iso-8859-6":
	default:
		return nil
	}
	if a.Lines == nil {
		return fmt.Errorf("no lines with Explain")
	}
	lines := splitSourceLines(input)
	first, last := a.Source.Lines[0], a.Source.Lines[1]
	kinds := map[int]string{}
	prev := 0
	for _, l := range a.Lines {
		if l.N <= prev || l.N < first || l.N > last || l.N > len(lines) {
			return fmt.Errorf("line %d after %d, document lines %d-%d, input %d lines", l.N, prev, first, last, len(lines))
		}
		if !lineKinds[l.Kind] {
			return fmt.Errorf("line %d: kind %q", l.N, l.Kind)
		}
		prev = l.N
		kinds[l.N] = l.Kind
	}
	for n := first; n >= 1 && n <= last && n <= len(lines); n++ {
		line := lines[n-1]
		_, has := kinds[n]
		switch {
		case hasASCIIAlnum(line) && !has:
			return fmt.Errorf("line %d %q has no kind", n, line)
		case onlySpaces(line) && has:
			return fmt.Errorf("blank line %d %q has kind %s", n, line, kinds[n])
		}
	}
	return nil
}

// splitSourceLines cuts b after each LF, CRLF or lone CR, as the record
// counts lines.
func splitSourceLines(b []byte) [][]byte {
	var lines [][]byte
	for len(b) > 0 {
		i := 0
		for i < len(b) && b[i] != '\n' && b[i] != '\r' {
			i++
		}
		switch {
		case i == len(b):
		case b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n':
			i += 2
		default:
			i++
		}
		lines = append(lines, b[:i])
		b = b[i:]
	}
	return lines
}

func hasASCIIAlnum(b []byte) bool {
	for _, c := range b {
		if '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

func onlySpaces(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}
