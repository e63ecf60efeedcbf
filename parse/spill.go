package parse

import (
	"bytes"
	"io"
	"unicode/utf8"
)

// spillSize is how much of a record Encode holds before writing it out.
// A record smaller than this is written whole, in one call; a larger one
// goes out in pieces of about this size. (A variable, so that tests can
// cut records into pieces of a few bytes.)
var spillSize = 64 << 10

// spiller writes a record in pieces while appendArticle encodes it: the
// record of a document of ten million short lines is several times the
// document's size, and one of a 200 MB line holds its text twice.
// A nil *spiller keeps the whole record in the buffer.
type spiller struct {
	w      io.Writer
	pretty bool
	ind    indenter // pretty: where the record's indentation stands
	out    []byte   // pretty: the indented piece
	wrote  bool     // some of the record went to w
	err    error    // the first error of w
}

// spill writes b to w once it holds spillSize bytes and returns it
// emptied; else it returns b as it is.
func (sp *spiller) spill(b []byte) []byte {
	if sp == nil || len(b) < spillSize {
		return b
	}
	sp.write(b)
	return b[:0]
}

// spilled reports whether some of the record was written out: the bytes
// before b are no longer at hand.
func (sp *spiller) spilled() bool { return sp != nil && sp.wrote }

// span appends to spans where an escaped text lies in the buffer, as long
// as nothing was written out: once pieces go, appendText escapes the text
// anew, and spans would only grow with the number of paragraphs.
func (sp *spiller) span(spans [][2]int, from, to int) [][2]int {
	if sp.spilled() {
		return spans
	}
	return append(spans, [2]int{from, to})
}

// write writes the piece b of the record (indented, if pretty).
func (sp *spiller) write(b []byte) {
	sp.wrote = true
	if sp.err != nil {
		return
	}
	if sp.pretty {
		sp.out = sp.ind.indent(sp.out[:0], b)
		b = sp.out
	}
	_, sp.err = sp.w.Write(b)
}

// end writes the newline that ends the record.
func (sp *spiller) end() {
	if sp.err == nil {
		_, sp.err = sp.w.Write([]byte{'\n'})
	}
}

// appendLong appends s as a JSON string, as appendString does. With a
// spiller, a string longer than spillSize is escaped and written a piece
// at a time. Pieces are cut before the first byte of a character (or
// past three bytes that continue one, which no character spans), so each
// is escaped as it is within s.
func appendLong(b []byte, s string, sp *spiller) []byte {
	if sp == nil || len(s) <= spillSize {
		return appendString(b, s)
	}
	b = append(b, '"')
	for len(s) > 0 {
		n := pieceEnd(s, spillSize)
		at := len(b)
		b = appendString(b, s[:n])
		b = append(b[:at], b[at+1:len(b)-1]...) // without its quotes
		s = s[n:]
		b = sp.spill(b)
	}
	return append(b, '"')
}

// pieceEnd returns where to end a piece of about n bytes of s.
func pieceEnd(s string, n int) int {
	if len(s) <= n {
		return len(s)
	}
	for i := n; i > n-utf8.UTFMax && i > 0; i-- {
		if utf8.RuneStart(s[i]) {
			return i
		}
	}
	if n >= utf8.UTFMax {
		return n // s[n-3:n+1] all continue a character: none spans n
	}
	for i := n + 1; i < len(s); i++ { // only for tiny pieces
		if utf8.RuneStart(s[i]) || i >= utf8.UTFMax {
			return i
		}
	}
	return len(s)
}

// indenter indents a record written on one line by appendArticle, in
// pieces or whole (appendIndent): a piece may end anywhere, in a string
// or just after a bracket.
type indenter struct {
	depth   int
	open    byte // '{' or '[' ended the last piece: whether it is empty is not known yet
	str     bool // the last piece ended in a string
	escaped bool // and in an odd run of backslashes: the next byte is escaped
}

// indent appends the piece src, indented, to dst.
func (in *indenter) indent(dst, src []byte) []byte {
	i := 0
	if in.open != 0 && len(src) > 0 {
		c := in.open
		in.open = 0
		if src[0] == '}' || src[0] == ']' {
			dst = append(dst, c, src[0])
			i = 1
		} else {
			in.depth++
			dst = newline(append(dst, c), in.depth)
		}
	}
	if in.str {
		j := in.stringEnd(src, i)
		dst = append(dst, src[i:j]...)
		i = j
	}
	for i < len(src) {
		switch c := src[i]; c {
		case '"':
			in.str, in.escaped = true, false
			j := in.stringEnd(src, i+1)
			dst = append(dst, src[i:j]...)
			i = j
		case '{', '[':
			if i+1 == len(src) {
				in.open = c
				return dst
			}
			if src[i+1] == '}' || src[i+1] == ']' {
				dst = append(dst, c, src[i+1])
				i += 2
				continue
			}
			in.depth++
			dst = newline(append(dst, c), in.depth)
			i++
		case '}', ']':
			in.depth--
			dst = append(newline(dst, in.depth), c)
			i++
		case ',':
			dst = newline(append(dst, ','), in.depth)
			i++
		case ':':
			dst = append(dst, ':', ' ')
			i++
		default: // a number, true, false or null
			j := i + 1
			for j < len(src) && !structural[src[j]] {
				j++
			}
			dst = append(dst, src[i:j]...)
			i = j
		}
	}
	return dst
}

// stringEnd returns the index just past the quote that closes the string
// src[from:] is in, or len(src) when the string goes on past src; it
// notes which in in.
func (in *indenter) stringEnd(src []byte, from int) int {
	// backslashes counts the run of them before src[j], with the one
	// carried from the last piece when the run goes back to from.
	backslashes := func(j int) int {
		n := 0
		for j-1-n >= from && src[j-1-n] == '\\' {
			n++
		}
		if j-n == from && in.escaped {
			n++
		}
		return n
	}
	for i := from; ; {
		k := bytes.IndexByte(src[i:], '"')
		if k < 0 {
			in.escaped = backslashes(len(src))%2 == 1
			return len(src)
		}
		j := i + k
		if backslashes(j)%2 == 0 {
			in.str, in.escaped = false, false
			return j + 1
		}
		i = j + 1
	}
}
