package parse

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"testing"
)

// FuzzJSONLText holds fillJSONL to what decoding each line with
// encoding/json into a string gives: the same text, id and error, on any
// line.
func FuzzJSONLText(f *testing.F) {
	for _, s := range []string{
		`{"id":1,"text":"خبر\nفقرة"}`, `{"text":"a\"b\\c\/d\b\f\n\r\t\u0041\u00e9\u0639"}`,
		`{"text":"\ud83d\ude00 \ud83d \ude00 \ud83dx \uDBFF\uDFFF"}`, "{\"text\":\"\xff\xfe\xc3 ok\"}",
		`{"text":1,"text":"a"}`, `{"text":"a","text":null}`, `{"TEXT":"a"}`, `{"text":"x"}]`, `{"text":"x"} {}`,
		`{"id":"a"}`, `null`, `"text"`, `[]`, ``, `  `, `{"text":"\u12"}`, `{"text":"a\u0000b"}`,
		`{"id":null,"text":""}`, `{"text":"` + "\u2028" + `"}`, `{"text":"\ud800\u0041"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		p := &parser{}
		var d rawDoc
		p.fillJSONL(&d, 1, line)
		want := jsonlWant(line)
		if got := fmt.Sprint(d.badInput); got != fmt.Sprint(want.err) {
			t.Fatalf("%q: error %v, want %v", line, d.badInput, want.err)
		}
		if (d.recordID == nil) != (want.id == nil) || d.recordID != nil && *d.recordID != *want.id {
			t.Fatalf("%q: id differs", line)
		}
		if want.err == nil && !bytes.Equal(d.raw, want.text) {
			t.Fatalf("%q: text %q, want %q", line, d.raw, want.text)
		}
	})
}

type jsonlResult struct {
	text []byte
	id   *string
	err  error
}

// jsonlWant decodes a line of JSON Lines as a string, with the decoder.
func jsonlWant(line []byte) jsonlResult {
	var rec jsonlRecord
	dec := json.NewDecoder(bytes.NewReader(line))
	err := dec.Decode(&rec)
	if err == nil && dec.More() {
		err = errors.New("more than one JSON value")
	}
	r := jsonlResult{id: jsonlID(rec.ID)}
	switch {
	case err == io.EOF:
		r.err = fmt.Errorf("line 1: empty line")
	case err != nil:
		r.err = fmt.Errorf("line 1: invalid JSON: %v", err)
	case rec.Text == nil:
		r.err = fmt.Errorf("line 1: no \"text\" string")
	default:
		r.text = []byte(*rec.Text)
	}
	return r
}
