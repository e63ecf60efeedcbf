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
	return func() *rawDoc {
		if done {
			return nil
		}
		var line []byte
		var size int64
		tooLarge, started := false, false
		for sc.Scan() {
			started = true
			tok := sc.Bytes()
			size += int64(len(tok))
			if size > p.maxBytes {
				tooLarge, line = true, nil
			} else if !tooLarge {
				line = append(line, tok...)
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
		switch {
		case tooLarge:
			d.tooLarge = true
		default:
			p.fillJSONL(d, n, line)
		}
		return d
	}
}

// fillJSONL decodes line n of a JSON Lines input into d.
func (p *parser) fillJSONL(d *rawDoc, n int, line []byte) {
	// A line that does not decode is identified by its own bytes; one that
	// does, by its text.
	d.sum = sha256.Sum256(bytes.TrimRight(line, "\r\n"))
	var rec jsonlRecord
	dec := json.NewDecoder(bytes.NewReader(line))
	err := dec.Decode(&rec)
	d.recordID = jsonlID(rec.ID)
	if err == nil && dec.More() {
		err = errors.New("more than one JSON value")
	}
	switch {
	case err == io.EOF:
		d.badInput = fmt.Errorf("line %d: empty line", n)
		return
	case err != nil:
		d.badInput = fmt.Errorf("line %d: invalid JSON: %v", n, err)
		return
	}
	if rec.Text == nil {
		d.badInput = fmt.Errorf("line %d: no \"text\" string", n)
		return
	}
	d.raw = []byte(*rec.Text)
	d.size = int64(len(d.raw))
	d.sum = sha256.Sum256(d.raw)
	d.blank = isBlankBytes(d.raw)
	d.last = countLines(d.raw)
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
