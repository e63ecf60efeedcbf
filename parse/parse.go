package parse

import (
	"io"
	"iter"
	"time"

	"github.com/khabar/khabar/parse/arabic"
	"github.com/khabar/khabar/parse/decode"
)

// Options says how to parse. The zero value is the documented default:
// detected encoding, the default normalization profile, one document an
// input, the built-in lexicon, 64 MiB a document.
type Options struct {
	Encoding decode.Encoding // "" or decode.Auto to detect
	Profile  string          // normalization profile of text fields; "" is "default"
	With     []arabic.Op     // ops added to the profile
	Without  []arabic.Op     // ops dropped from the profile
	Split    string          // "", "none", "auto", "nul", "formfeed" or "regex:RE"
	JSONL    bool            // input is JSON Lines of {"id", "text"} objects
	Explain  bool            // fill Article.Lines
	MaxBytes int64           // per document; 0 is 64 MiB
	Timeout  time.Duration   // per document; 0 is no limit
	Debug    bool            // add a short stack to E_INTERNAL messages
}

// Parse reads the documents of r one by one. name labels the records'
// source.path. Every document yields a record, errors included; the
// sequence ends when r is exhausted.
func Parse(r io.Reader, name string, opts Options) iter.Seq[*Article] {
	// PLACEHOLDER: the real driver replaces this.
	return func(yield func(*Article) bool) {}
}
