package parse

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// scanLF is a bufio.SplitFunc for JSON Lines: lines end with LF only (a
// CR is JSON white space), longer lines come in pieces.
func scanLF(data []byte, atEOF bool) (int, []byte, error) {
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		return i + 1, data[:i+1], nil
	}
	if len(data) > 0 && (atEOF || len(data) >= chunkSize) {
		n := min(len(data), chunkSize)
		return n, data[:n], nil
	}
	return 0, nil, nil
}

// jsonlRecord is one line of JSON Lines input.
type jsonlRecord struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
}

// jsonlDocs returns a reader of the documents of a JSON Lines input: one
// document for every line, a malformed line included, so outputs can be
// matched with inputs line by line.
func (p *parser) jsonlDocs(r io.Reader) func() *rawDoc {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 2*chunkSize), 2*chunkSize)
	sc.Split(scanLF)
	n := 0
	done := false
	var consumed int64 // bytes of the tokens scanned so far
	inLine := false    // a part of a line was scanned, not its end
	if st := p.st; st != nil {
		// Between lines: no part of one scanned, none held by the scanner.
		st.idle = func() bool { return !inLine && st.n == consumed }
	}
	return func() *rawDoc {
		if done {
			return nil
		}
		var line gather
		var size int64
		tooLarge, started := false, false
		for sc.Scan() {
			started = true
			tok := sc.Bytes()
			consumed += int64(len(tok))
			inLine = tok[len(tok)-1] != '\n'
			size += int64(len(tok))
			if size > p.maxBytes {
				tooLarge, line = true, gather{}
			} else if !tooLarge {
				line.write(tok)
			}
			if tok[len(tok)-1] == '\n' {
				break
			}
		}
		if !started {
			done = true
			if err := sc.Err(); err != nil {
				return &rawDoc{index: n, first: 1, last: 1, err: err}
			}
			return nil
		}
		n++
		d := &rawDoc{index: n - 1, first: 1, last: 1, size: size}
		if err := sc.Err(); err != nil && isStall(err) {
			// The line was cut by a stall: its record is the timeout's.
			done = true
			d.err = err
			return d
		}
		switch {
		case tooLarge:
			d.tooLarge = true
		default:
			p.fillJSONL(d, n, line.bytes())
		}
		return d
	}
}

// fillJSONL decodes line n of a JSON Lines input into d.
func (p *parser) fillJSONL(d *rawDoc, n int, line []byte) {
	// A line that does not decode is identified by its own bytes; one that
	// does, by its text.
	d.sum = sha256.Sum256(bytes.TrimRight(line, "\r\n"))
	// A line that is one JSON object whose text, if any, is a string
	// decodes as the decoder decodes it, in one copy of the text (see
	// jsonlText); any other line takes the decoder's way, for its error.
	var (
		id   json.RawMessage
		text []byte
		has  bool // a text
		fast jsonlBytes
	)
	err := json.Unmarshal(line, &fast)
	if err == nil {
		id, has = fast.ID, fast.Text != nil
		if has {
			text = *fast.Text
		}
	} else {
		var rec jsonlRecord
		dec := json.NewDecoder(bytes.NewReader(line))
		err = dec.Decode(&rec)
		if err == nil && dec.More() {
			err = errors.New("more than one JSON value")
		}
		id, has = rec.ID, rec.Text != nil
		if has {
			// Nothing writes the document's bytes (see rawDoc.raw): they
			// may be the string's.
			text = unsafe.Slice(unsafe.StringData(*rec.Text), len(*rec.Text))
		}
	}
	d.recordID = jsonlID(id)
	switch {
	case err == io.EOF:
		d.badInput = fmt.Errorf("line %d: empty line", n)
		return
	case err != nil:
		d.badInput = fmt.Errorf("line %d: invalid JSON: %v", n, err)
		return
	}
	if !has {
		d.badInput = fmt.Errorf("line %d: no \"text\" string", n)
		return
	}
	if text == nil {
		text = []byte{}
	}
	d.raw = text
	d.size = int64(len(d.raw))
	d.sum = sha256.Sum256(d.raw)
	d.blank = isBlankBytes(d.raw)
	d.last = countLines(d.raw)
}

// jsonlBytes is jsonlRecord with the text as bytes.
type jsonlBytes struct {
	ID   json.RawMessage `json:"id"`
	Text *jsonlText      `json:"text"`
}

// jsonlText is a JSON string decoded as encoding/json decodes it into a
// string, in one buffer: encoding/json unquotes a string that holds an
// escape (a text with a line break does) into a buffer, then copies that
// into the string, which with the line makes three times the text.
type jsonlText []byte

// errNotString makes fillJSONL take the decoder's way, for its error.
var errNotString = errors.New("not a string")

func (t *jsonlText) UnmarshalJSON(b []byte) error {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return errNotString
	}
	out, ok := unquoteJSON(b[1 : len(b)-1])
	if !ok {
		return errNotString
	}
	*t = out
	return nil
}

// unquoteJSON returns the text of the body s of a JSON string, as
// encoding/json gives it: escapes resolved, a lone surrogate and each byte
// that is not UTF-8 turned into U+FFFD. It is false for a body that is
// not valid.
func unquoteJSON(s []byte) ([]byte, bool) {
	out := make([]byte, 0, len(s)) // only bytes that are not UTF-8 make it grow
	for r := 0; r < len(s); {
		switch c := s[r]; {
		case c == '\\':
			if r+1 == len(s) {
				return nil, false
			}
			switch e := s[r+1]; e {
			case '"', '\\', '/', '\'':
				out = append(out, e)
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				rr := hex4(s[r+2:])
				if rr < 0 {
					return nil, false
				}
				r += 6
				if utf16.IsSurrogate(rr) {
					if len(s[r:]) >= 6 && s[r] == '\\' && s[r+1] == 'u' {
						if dec := utf16.DecodeRune(rr, hex4(s[r+2:])); dec != unicode.ReplacementChar {
							out = utf8.AppendRune(out, dec)
							r += 6
							continue
						}
					}
					rr = unicode.ReplacementChar
				}
				out = utf8.AppendRune(out, rr)
				continue
			default:
				return nil, false
			}
			r += 2
		case c == '"', c < ' ':
			return nil, false
		case c < utf8.RuneSelf:
			out = append(out, c)
			r++
		default:
			rr, size := utf8.DecodeRune(s[r:])
			out = utf8.AppendRune(out, rr)
			r += size
		}
	}
	return out, true
}

// hex4 reads the four hex digits at the start of s, or returns -1.
func hex4(s []byte) rune {
	if len(s) < 4 {
		return -1
	}
	var r rune
	for _, c := range s[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// jsonlID returns the record's id: a string as is, a number as written,
// else nil.
func jsonlID(raw json.RawMessage) *string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return &s
	}
	t := strings.TrimSpace(string(raw))
	if t != "" && t != "null" && (t[0] == '-' || t[0] >= '0' && t[0] <= '9') {
		return &t
	}
	return nil
}

// countLines counts the lines of b: LF, CRLF and CR end a line, and a last
// line without an end counts too.
func countLines(b []byte) int {
	n := 0
	for len(b) > 0 {
		i := indexEOL(b)
		if i < 0 {
			return n + 1
		}
		n++
		b = b[i+1:]
	}
	return n
}
