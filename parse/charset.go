package parse

import (
	"bufio"
	"errors"
	"io"
	"strings"

	"github.com/khabar/khabar/parse/decode"
)

// decideEncoding settles the encoding of a split input from its first
// bytes, as decode does for a single document. A UTF-16 input is turned
// into UTF-8 before it is split, since its separator lines are not
// single bytes.
func (p *parser) decideEncoding(br *bufio.Reader) io.Reader {
	head, _ := br.Peek(decode.Prefix)
	res := decode.Detect(head, p.opts.Encoding)
	p.encName, p.encSource = res.Encoding, res.Source
	if isUTF16(res.Encoding) {
		p.transcoded = true
		return decode.NewReader(br, p.opts.Encoding)
	}
	if e, err := decode.ParseEncoding(res.Encoding); err == nil {
		p.enc = e
	}
	return br
}

// decodeDoc turns a document into UTF-8 with the input's encoding, and
// fills source.encoding.
func (p *parser) decodeDoc(a *Article, raw []byte) ([]byte, decode.Result, error) {
	if p.transcoded {
		a.Source.Encoding, a.Source.EncodingSource = p.encName, p.encSource
		return raw, decode.Result{Encoding: p.encName, Source: p.encSource, FirstBad: -1}, nil
	}
	var (
		text []byte
		res  decode.Result
		err  error
	)
	switch {
	case p.enc == "" || p.opts.Encoding != decode.Auto:
		text, res, err = decode.Bytes(raw, p.opts.Encoding)
	default:
		// Decided for the whole input; a document that does not fit the
		// decision is decoded on its own rather than lost.
		text, res, err = decode.Bytes(raw, p.enc)
		res.Source = p.encSource
		var de *decode.Error
		if errors.As(err, &de) {
			text, res, err = decode.Bytes(raw, decode.Auto)
		}
	}
	a.Source.Encoding, a.Source.EncodingSource, a.Source.Replaced = res.Encoding, res.Source, res.Replaced
	return text, res, err
}

// decodeLine decodes a separator candidate for a regex split.
func (p *parser) decodeLine(line []byte) []byte {
	if p.transcoded || p.enc == "" || p.enc == decode.UTF8 {
		return line
	}
	text, _, err := decode.Bytes(line, p.enc)
	if err != nil {
		return line
	}
	return text
}

// isUTF16 reports whether an encoding name is one of UTF-16's.
func isUTF16(name string) bool { return strings.HasPrefix(name, "utf-16") }
