package batch

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/khabar/khabar/parse"
)

// manifestName is the manifest's name at the root of DST. Outputs end in
// .json or .jsonl, so no output can take this name.
const manifestName = ".khabar-batch.manifest"

// FurnitureFile is the name, beside the manifest, of the furniture learned
// from SRC (Options.Furniture), in the format lexicon.Parse reads. It is
// no output's name either.
const FurnitureFile = ".khabar-furniture.lex"

// entry records one finished output: a line of the manifest. A line with
// no Out drops the source's entry (its file failed, its output is gone).
type entry struct {
	Src      string `json:"src"`
	Out      string `json:"out,omitempty"`
	SHA256   string `json:"sha256,omitempty"`
	OutBytes int64  `json:"out_bytes,omitempty"`
	Schema   string `json:"schema,omitempty"`
	Options  string `json:"options,omitempty"` // optionsHash of the run
	// A name that is not UTF-8 (a Windows-1256 name on Linux, say) cannot
	// be a JSON string: it is written in base64 as well, to be read back
	// byte for byte.
	SrcBytes []byte `json:"src_bytes,omitempty"`
	OutName  []byte `json:"out_name_bytes,omitempty"`
}

// appendEntry appends e as a line of JSON, the bytes encoding/json
// writes for it without HTML escaping, by hand: reflection was the larger
// part of the manifest's cost.
func appendEntry(b []byte, e *entry) []byte {
	b = parse.AppendJSONString(append(b, `{"src":`...), e.Src)
	if e.Out != "" {
		b = parse.AppendJSONString(append(b, `,"out":`...), e.Out)
	}
	if e.SHA256 != "" {
		b = parse.AppendJSONString(append(b, `,"sha256":`...), e.SHA256)
	}
	if e.OutBytes != 0 {
		b = strconv.AppendInt(append(b, `,"out_bytes":`...), e.OutBytes, 10)
	}
	if e.Schema != "" {
		b = parse.AppendJSONString(append(b, `,"schema":`...), e.Schema)
	}
	if e.Options != "" {
		b = parse.AppendJSONString(append(b, `,"options":`...), e.Options)
	}
	if !utf8.ValidString(e.Src) {
		b = appendBase64(append(b, `,"src_bytes":`...), e.Src)
	}
	if !utf8.ValidString(e.Out) {
		b = appendBase64(append(b, `,"out_name_bytes":`...), e.Out)
	}
	return append(b, "}\n"...)
}

// appendBase64 appends s as encoding/json writes a []byte: a base64
// string.
func appendBase64(b []byte, s string) []byte {
	b = append(b, '"')
	b = base64.StdEncoding.AppendEncode(b, []byte(s))
	return append(b, '"')
}

// restoreNames puts back the names that are not UTF-8.
func (e *entry) restoreNames() {
	if e.SrcBytes != nil {
		e.Src, e.SrcBytes = string(e.SrcBytes), nil
	}
	if e.OutName != nil {
		e.Out, e.OutName = string(e.OutName), nil
	}
}

// parseEntry reads a line of the manifest, its newline included; false
// for a line that does not parse or names no source.
func parseEntry(line []byte) (entry, bool) {
	var e entry
	if json.Unmarshal(line, &e) != nil {
		return e, false
	}
	e.restoreNames()
	return e, e.Src != ""
}

// entryReader reads the lines of a manifest one at a time, skipping
// those that do not parse and a last line without its newline, torn by a
// run killed while appending it: that output will be redone.
type entryReader struct {
	br   *bufio.Reader
	long []byte // a line longer than br's buffer
	head entry  // the line read, while ok
	ok   bool
	err  error // other than io.EOF
}

func newEntryReader(r io.Reader) *entryReader {
	er := &entryReader{br: bufio.NewReaderSize(r, 64<<10)}
	er.next()
	return er
}

// next reads the following line into head.
func (r *entryReader) next() {
	r.ok = false
	for r.br != nil {
		line, err := r.br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			r.long = append(r.long[:0], line...)
			for err == bufio.ErrBufferFull {
				line, err = r.br.ReadSlice('\n')
				r.long = append(r.long, line...)
			}
			line = r.long
		}
		if err != nil {
			if err != io.EOF {
				r.err = err
			}
			r.br = nil
			return
		}
		if r.head, r.ok = parseEntry(line); r.ok {
			return
		}
	}
}

// take returns head and reads the next line.
func (r *entryReader) take() entry {
	e := r.head
	r.next()
	return e
}
