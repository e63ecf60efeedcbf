package lexicon

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Parse reads a lexicon in the format WriteTo writes: one
// KIND<TAB>TEXT[<TAB>CANONICAL] entry a line, # comments and blank lines
// ignored. name labels errors, which read "name:line: message".
func Parse(r io.Reader, name string) (*Lexicon, error) {
	var entries []Entry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		e, err := parseEntry(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, n, err)
		}
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return New(entries), nil
}

func parseEntry(line string) (Entry, error) {
	cols := strings.Split(line, "\t")
	kind := Kind(strings.TrimSpace(cols[0]))
	if !validKind(kind) {
		if len(cols) == 1 {
			return Entry{}, fmt.Errorf("want KIND<TAB>TEXT, got %q", line)
		}
		return Entry{}, fmt.Errorf("unknown kind %q", string(kind))
	}
	if len(cols) < 2 || strings.TrimSpace(cols[1]) == "" {
		return Entry{}, fmt.Errorf("%s entry without text", kind)
	}
	if len(cols) > 3 {
		return Entry{}, fmt.Errorf("too many columns (%d, want at most 3)", len(cols))
	}
	e := Entry{Kind: kind, Text: strings.TrimSpace(cols[1])}
	if len(cols) == 3 && counted(kind) {
		n, err := strconv.Atoi(strings.TrimSpace(cols[2]))
		if err != nil || n < 0 {
			return Entry{}, fmt.Errorf("%s entry: want a document count, got %q", kind, cols[2])
		}
		e.Documents = n
	} else if len(cols) == 3 {
		if !named(kind) {
			return Entry{}, fmt.Errorf("%s entry takes no canonical name", kind)
		}
		e.Canonical = strings.TrimSpace(cols[2])
	}
	if named(kind) && e.Canonical == "" {
		e.Canonical = e.Text
	}
	return e, nil
}

const header = `# khabar lexicon: one entry a line, KIND<TAB>TEXT[<TAB>CANONICAL].
# Kinds: agency, outlet (with a canonical name), credit_label, caption_label,
# source_label, byline_label, attribution, archive, related, boilerplate,
# widget, date_word, connector, furniture (with a document count). Matching
# is on whole tokens of the match key; a furniture entry matches a whole line.
`

// WriteTo writes l in the format Parse reads: a short header, then one
// entry a line in l's order. It implements io.WriterTo.
func (l *Lexicon) WriteTo(w io.Writer) (int64, error) {
	return l.WriteWithHeader(w, header)
}

// WriteWithHeader writes l as WriteTo does, under the comment lines of
// header (each must start with #) instead of the standard header.
func (l *Lexicon) WriteWithHeader(w io.Writer, header string) (int64, error) {
	var b strings.Builder
	b.WriteString(header)
	for _, e := range l.entries {
		b.WriteString(string(e.Kind))
		b.WriteByte('\t')
		b.WriteString(e.Text)
		if named(e.Kind) {
			b.WriteByte('\t')
			b.WriteString(e.Canonical)
		}
		if counted(e.Kind) {
			b.WriteByte('\t')
			b.WriteString(strconv.Itoa(e.Documents))
		}
		b.WriteByte('\n')
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}
