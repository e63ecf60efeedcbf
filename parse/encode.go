package parse

import (
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Encode writes a as JSON followed by a newline: keys in the record's
// order, UTF-8 as is (no \u escapes, no HTML escaping), indented by two
// spaces when pretty, else on one line (JSON Lines).
//
// The bytes are exactly those of encoding/json with SetEscapeHTML(false)
// (a test holds them equal); the record is written by hand because
// reflection and rune-by-rune escaping of Arabic text made encoding/json
// a sixth of the parse time.
//
// A record of more than spillSize bytes goes to w in pieces as it is
// encoded, so that it is never whole in memory: the record of a document
// of a million lines, or of one line of 200 MB, is several times the
// document's size.
func Encode(w io.Writer, a *Article, pretty bool) error {
	// The record is built in a buffer kept for the next call (w.Write
	// does not keep it).
	bp := encodeBufs.Get().(*[]byte)
	sp := spiller{w: w, pretty: pretty}
	b := appendArticle((*bp)[:0], a, &sp)
	if sp.wrote {
		sp.write(b)
		sp.end()
		putEncodeBuf(bp, b)
		return sp.err
	}
	var err error
	if pretty {
		lp := encodeBufs.Get().(*[]byte)
		out := append(appendIndent((*lp)[:0], b), '\n')
		_, err = w.Write(out)
		putEncodeBuf(lp, out)
	} else {
		b = append(b, '\n')
		_, err = w.Write(b)
	}
	putEncodeBuf(bp, b)
	return err
}

// AppendRecord appends to b what Encode writes and returns the extended
// buffer.
func AppendRecord(b []byte, a *Article, pretty bool) []byte {
	if !pretty {
		return append(appendArticle(b, a, nil), '\n')
	}
	// The line is built in a buffer kept for the next call, then
	// indented into b.
	lp := encodeBufs.Get().(*[]byte)
	line := appendArticle((*lp)[:0], a, nil)
	b = append(appendIndent(b, line), '\n')
	putEncodeBuf(lp, line)
	return b
}

func putEncodeBuf(bp *[]byte, b []byte) {
	if cap(b) <= maxPooledBuf {
		*bp = b
		encodeBufs.Put(bp)
	}
}

// encodeBufs holds the buffers of Encode; one larger than maxPooledBuf
// (a huge record) is left to the collector.
var encodeBufs = sync.Pool{New: func() any { b := make([]byte, 0, 16<<10); return &b }}

const maxPooledBuf = 1 << 20

// Marshal returns what Encode writes.
func Marshal(a *Article, pretty bool) ([]byte, error) {
	b := appendArticle(make([]byte, 0, 2048+3*len(a.Text)), a, nil)
	if pretty {
		// The indentation is a small share of a record: an eighth more
		// than the line is room enough but for records of many short
		// fields, which are small.
		b = appendIndent(make([]byte, 0, len(b)+len(b)/8+1024), b)
	}
	return append(b, '\n'), nil
}

// appendIndent appends the record src, written on one line by
// appendArticle, indented by two spaces as json.Indent would: a newline
// and the depth's indent after { [ and each comma, before } and ], ": "
// after each key, and [] {} when empty. src holds no space outside its
// strings, so only the strings need scanning for their end. It is the
// indenter of spill.go given the whole record as one piece.
func appendIndent(dst, src []byte) []byte {
	var in indenter
	return in.indent(dst, src)
}

// structural marks the bytes that end a number or a literal.
var structural = [256]bool{',': true, ':': true, '}': true, ']': true, '{': true, '[': true, '"': true}

const indentSpaces = "                                                                "

// newline appends a line feed and two spaces per level of depth.
func newline(b []byte, depth int) []byte {
	b = append(b, '\n')
	for n := 2 * depth; n > 0; n -= len(indentSpaces) {
		b = append(b, indentSpaces[:min(n, len(indentSpaces))]...)
	}
	return b
}

// appendArticle appends the record a on one line. With a spiller, it
// hands what it has written to sp between the record's elements and
// between the pieces of a long string (see spiller.spill).
func appendArticle(b []byte, a *Article, sp *spiller) []byte {
	b = appendString(append(b, `{"schema_version":`...), a.SchemaVersion)
	b = appendString(append(b, `,"id":`...), a.ID)
	b = appendString(append(b, `,"status":`...), a.Status)
	b = appendSource(append(b, `,"source":`...), &a.Source)
	b = appendString(append(b, `,"language":{"code":`...), a.Language.Code)
	b = appendString(append(b, `,"dir":`...), a.Language.Dir)
	b = appendFloat(append(b, `,"arabic_ratio":`...), a.Language.ArabicRatio)
	b = append(b, '}')
	if a.Page == "" {
		b = append(b, `,"page":null`...)
	} else {
		b = appendString(append(b, `,"page":`...), string(a.Page))
	}
	b = append(b, `,"title":`...)
	if a.Title == nil {
		b = append(b, "null"...)
	} else {
		b = appendLong(append(b, `{"text":`...), a.Title.Text, sp)
		b = appendInt(append(b, `,"line":`...), a.Title.Line)
		b = append(b, '}')
	}
	b = appendDateline(append(b, `,"dateline":`...), a.Dateline, sp)
	b = appendPublished(append(b, `,"published":`...), a.Published, sp)
	b = appendStrings(append(b, `,"authors":`...), a.Authors, sp)
	b = appendStringPtr(append(b, `,"url":`...), a.URL, sp)
	b = appendStringPtr(append(b, `,"site":`...), a.Site, sp)
	b = appendStringPtr(append(b, `,"category":`...), a.Category, sp)
	b = appendStringPtr(append(b, `,"doc_id":`...), a.DocID, sp)
	b = appendSummary(append(b, `,"summary":`...), a.Summary, sp)
	b = list(append(b, `,"meta":`...), a.Meta == nil)
	for i, m := range a.Meta {
		b = appendString(append(comma(b, i), `{"kind":`...), m.Kind)
		b = appendLong(append(b, `,"text":`...), m.Text, sp)
		b = appendInt(append(b, `,"line":`...), m.Line)
		b = sp.spill(append(b, '}'))
	}
	b = list(end(b, a.Meta == nil, `,"images":`), a.Images == nil)
	for i := range a.Images {
		b = sp.spill(appendImage(comma(b, i), &a.Images[i], sp))
	}
	b = list(end(b, a.Images == nil, `,"sections":`), a.Sections == nil)
	var spanBuf [64][2]int
	spans := spanBuf[:0]
	for i := range a.Sections {
		b, spans = appendSection(comma(b, i), &a.Sections[i], spans, sp)
	}
	b = list(end(b, a.Sections == nil, `,"credits":`), a.Credits == nil)
	for i, c := range a.Credits {
		b = appendLong(append(comma(b, i), `{"text":`...), c.Text, sp)
		b = appendStrings(append(b, `,"agencies":`...), c.Agencies, sp)
		b = appendInt(append(b, `,"line":`...), c.Line)
		b = appendIntPtr(append(b, `,"image":`...), c.Image)
		b = sp.spill(append(b, '}'))
	}
	b = appendStrings(end(b, a.Credits == nil, `,"agencies":`), a.Agencies, sp)
	b = list(append(b, `,"removed":`...), a.Removed == nil)
	for i, r := range a.Removed {
		b = appendString(append(comma(b, i), `{"kind":`...), r.Kind)
		b = appendLong(append(b, `,"text":`...), r.Text, sp)
		b = appendInt(append(b, `,"line":`...), r.Line)
		b = appendString(append(b, `,"rule":`...), r.Rule)
		if r.Learned == nil {
			b = sp.spill(append(b, `,"learned":null}`...))
			continue
		}
		b = appendLong(append(b, `,"learned":{"text":`...), r.Learned.Text, sp)
		b = appendInt(append(b, `,"documents":`...), r.Learned.Documents)
		b = sp.spill(append(b, "}}"...))
	}
	b = appendText(end(b, a.Removed == nil, `,"text":`), a, spans, sp)
	b = appendNormalization(append(b, `,"normalization":`...), &a.Normalization)
	b = appendStats(append(b, `,"stats":`...), &a.Stats)
	b = list(append(b, `,"warnings":`...), a.Warnings == nil)
	for i, w := range a.Warnings {
		b = appendString(append(comma(b, i), `{"code":`...), w.Code)
		b = appendLong(append(b, `,"message":`...), w.Message, sp)
		b = appendIntPtr(append(b, `,"line":`...), w.Line)
		b = sp.spill(append(b, '}'))
	}
	b = end(b, a.Warnings == nil, `,"error":`)
	if a.Error == nil {
		b = append(b, "null"...)
	} else {
		b = appendString(append(b, `{"code":`...), a.Error.Code)
		b = appendLong(append(b, `,"message":`...), a.Error.Message, sp)
		b = append(b, '}')
	}
	if a.Lines != nil { // omitzero: absent unless asked for
		b = append(b, `,"lines":[`...)
		for i, l := range a.Lines {
			b = appendInt(append(comma(b, i), `{"n":`...), l.N)
			b = appendString(append(b, `,"kind":`...), l.Kind)
			b = sp.spill(append(b, '}'))
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

func appendSource(b []byte, s *Source) []byte {
	b = appendString(append(b, `{"path":`...), s.Path)
	b = appendInt(append(b, `,"index":`...), s.Index)
	b = appendStringPtr(append(b, `,"record_id":`...), s.RecordID, nil)
	b = appendRange(append(b, `,"lines":`...), s.Lines)
	b = strconv.AppendInt(append(b, `,"bytes":`...), s.Bytes, 10)
	b = appendString(append(b, `,"encoding":`...), s.Encoding)
	b = appendString(append(b, `,"encoding_source":`...), s.EncodingSource)
	b = appendInt(append(b, `,"replaced":`...), s.Replaced)
	return append(b, '}')
}

func appendDateline(b []byte, d *Dateline, sp *spiller) []byte {
	if d == nil {
		return append(b, "null"...)
	}
	b = appendLong(append(b, `{"text":`...), d.Text, sp)
	b = appendStringPtr(append(b, `,"place":`...), d.Place, sp)
	b = appendStringPtr(append(b, `,"agency":`...), d.Agency, sp)
	b = appendInt(append(b, `,"line":`...), d.Line)
	return append(b, '}')
}

func appendImage(b []byte, img *Image, sp *spiller) []byte {
	b = appendInt(append(b, `{"index":`...), img.Index)
	b = append(b, `,"caption":`...)
	if c := img.Caption; c == nil {
		b = append(b, "null"...)
	} else {
		b = appendLong(append(b, `{"text":`...), c.Text, sp)
		b = appendInts(append(b, `,"lines":`...), c.Lines)
		b = append(b, '}')
	}
	b = append(b, `,"credit":`...)
	if c := img.Credit; c == nil {
		b = append(b, "null"...)
	} else {
		b = appendLong(append(b, `{"text":`...), c.Text, sp)
		b = appendStrings(append(b, `,"agencies":`...), c.Agencies, sp)
		b = appendInt(append(b, `,"line":`...), c.Line)
		b = append(b, '}')
	}
	b = appendStringPtr(append(b, `,"label":`...), img.Label, sp)
	b = appendInt(append(b, `,"after_paragraph":`...), img.AfterParagraph)
	return append(b, '}')
}

// appendSection appends s, and to spans where the escaped text of its
// heading and paragraphs lies in b (appendText reuses them), as long as
// nothing of b was handed to sp.
func appendSection(b []byte, s *Section, spans [][2]int, sp *spiller) ([]byte, [][2]int) {
	b = append(b, `{"heading":`...)
	if s.Heading == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, `{"text":`...)
		n := len(b)
		b = appendLong(b, s.Heading.Text, sp)
		spans = sp.span(spans, n+1, len(b)-1)
		b = appendInt(append(b, `,"line":`...), s.Heading.Line)
		b = sp.spill(append(b, '}'))
	}
	b = append(b, `,"paragraphs":`...)
	if s.Paragraphs == nil {
		return append(b, "null}"...), spans
	}
	b = append(b, '[')
	for i, p := range s.Paragraphs {
		b = append(comma(b, i), `{"text":`...)
		n := len(b)
		b = appendLong(b, p.Text, sp)
		spans = sp.span(spans, n+1, len(b)-1)
		b = appendRange(append(b, `,"lines":`...), p.Lines)
		b = sp.spill(append(b, '}'))
	}
	return append(b, "]}"...), spans
}

// appendText appends a.Text. The parser makes it of the headings and
// paragraphs of the sections, parted by blank lines: when it is so, their
// escaped text, which spans locates in b, is copied rather than escaped a
// second time, unless it was handed to sp already.
func appendText(b []byte, a *Article, spans [][2]int, sp *spiller) []byte {
	if sp.spilled() || !textOfSections(a) {
		return appendLong(b, a.Text, sp)
	}
	b = append(b, '"')
	for i, sp := range spans {
		if i > 0 {
			b = append(b, `\n\n`...)
		}
		b = append(b, b[sp[0]:sp[1]]...)
	}
	return append(b, '"')
}

// textOfSections reports whether a.Text is the headings and paragraphs of
// a.Sections joined by blank lines.
func textOfSections(a *Article) bool {
	rest, first := a.Text, true
	part := func(t string) bool {
		if !first {
			if !strings.HasPrefix(rest, "\n\n") {
				return false
			}
			rest = rest[2:]
		}
		first = false
		if !strings.HasPrefix(rest, t) {
			return false
		}
		rest = rest[len(t):]
		return true
	}
	for _, s := range a.Sections {
		if s.Heading != nil && !part(s.Heading.Text) {
			return false
		}
		for _, p := range s.Paragraphs {
			if !part(p.Text) {
				return false
			}
		}
	}
	return rest == "" && !first
}

func appendNormalization(b []byte, n *Normalization) []byte {
	b = appendString(append(b, `{"profile":`...), n.Profile)
	b = appendStrings(append(b, `,"ops":`...), n.Ops, nil)
	b = append(b, `,"changes":`...)
	if n.Changes == nil {
		return append(b, "null}"...)
	}
	keys := make([]string, 0, len(n.Changes))
	for k := range n.Changes {
		keys = append(keys, k)
	}
	slices.Sort(keys) // encoding/json writes map keys in order
	b = append(b, '{')
	for i, k := range keys {
		b = appendString(comma(b, i), k)
		b = appendInt(append(b, ':'), n.Changes[k])
	}
	return append(b, "}}"...)
}

func appendStats(b []byte, s *Stats) []byte {
	b = appendInt(append(b, `{"lines":`...), s.Lines)
	b = appendInt(append(b, `,"paragraphs":`...), s.Paragraphs)
	b = appendInt(append(b, `,"headings":`...), s.Headings)
	b = appendInt(append(b, `,"images":`...), s.Images)
	b = appendInt(append(b, `,"credits":`...), s.Credits)
	b = appendInt(append(b, `,"words":`...), s.Words)
	b = appendInt(append(b, `,"chars":`...), s.Chars)
	return append(b, '}')
}

// list opens a JSON array, or writes null for a nil slice (as
// encoding/json does; the parser never leaves one nil).
func list(b []byte, isNil bool) []byte {
	if isNil {
		return append(b, "null"...)
	}
	return append(b, '[')
}

// end closes what list opened, then writes the next key.
func end(b []byte, isNil bool, next string) []byte {
	if !isNil {
		b = append(b, ']')
	}
	return append(b, next...)
}

func comma(b []byte, i int) []byte {
	if i > 0 {
		return append(b, ',')
	}
	return b
}

func appendInt(b []byte, n int) []byte { return strconv.AppendInt(b, int64(n), 10) }

func appendRange(b []byte, r [2]int) []byte {
	b = appendInt(append(b, '['), r[0])
	b = appendInt(append(b, ','), r[1])
	return append(b, ']')
}

func appendInts(b []byte, v []int) []byte {
	if v == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, n := range v {
		b = appendInt(comma(b, i), n)
	}
	return append(b, ']')
}

func appendStrings(b []byte, v []string, sp *spiller) []byte {
	if v == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range v {
		b = appendLong(comma(b, i), s, sp)
	}
	return append(b, ']')
}

func appendIntPtr(b []byte, p *int) []byte {
	if p == nil {
		return append(b, "null"...)
	}
	return appendInt(b, *p)
}

func appendStringPtr(b []byte, p *string, sp *spiller) []byte {
	if p == nil {
		return append(b, "null"...)
	}
	return appendLong(b, *p, sp)
}

// appendFloat writes f as encoding/json does.
func appendFloat(b []byte, f float64) []byte {
	if f != 0 && (f < 1e-6 || f >= 1e21) {
		enc, _ := json.Marshal(f) // exponent form; a ratio never needs it
		return append(b, enc...)
	}
	return strconv.AppendFloat(b, f, 'f', -1, 64)
}

func appendPublished(b []byte, p *Published, sp *spiller) []byte {
	if p == nil {
		return append(b, "null"...)
	}
	b = appendLong(append(b, `{"text":`...), p.Text, sp)
	b = appendStringPtr(append(b, `,"iso":`...), p.ISO, sp)
	b = appendString(append(b, `,"calendar":`...), p.Calendar)
	b = appendInt(append(b, `,"line":`...), p.Line)
	return append(b, '}')
}

func appendSummary(b []byte, s *Summary, sp *spiller) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	b = appendLong(append(b, `{"text":`...), s.Text, sp)
	b = appendInt(append(b, `,"lines":[`...), s.Lines[0])
	b = appendInt(append(b, ','), s.Lines[1])
	return append(b, "]}"...)
}
