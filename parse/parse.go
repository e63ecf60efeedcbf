package parse

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"iter"
	"time"

	"github.com/khabar/khabar/parse/arabic"
	"github.com/khabar/khabar/parse/decode"
	"github.com/khabar/khabar/parse/lexicon"
)

// DefaultMaxBytes is the largest document Parse reads when Options.MaxBytes
// is 0.
const DefaultMaxBytes = 64 << 20

// Options says how to parse. The zero value is the documented default:
// detected encoding, the default normalization profile, one document an
// input, the built-in lexicon, 64 MiB a document.
type Options struct {
	Encoding decode.Encoding  // "" or decode.Auto to detect
	Profile  string           // normalization profile of text fields; "" is "default"
	With     []arabic.Op      // ops added to the profile
	Without  []arabic.Op      // ops dropped from the profile
	Split    string           // "", "none", "auto", "nul", "formfeed" or "regex:RE"
	JSONL    bool             // input is JSON Lines of {"id", "text"} objects
	Explain  bool             // fill Article.Lines
	MaxBytes int64            // per document; 0 is 64 MiB
	Timeout  time.Duration    // per document, to build it and between two bytes of it; 0 is no limit
	Debug    bool             // add a short stack to E_INTERNAL messages
	Lexicon  *lexicon.Lexicon // nil is lexicon.Builtin()
}

// Check reports whether the options are valid, so a command can refuse
// them before reading anything.
func (o Options) Check() error {
	p, err := newParser("", o)
	putScratch(p.sc)
	return err
}

// Parse reads the documents of r one by one. name labels the records'
// source.path. Every document yields a record, errors included; the
// sequence ends when r is exhausted. Invalid options yield one error
// record.
//
// Parse holds one document in memory at a time, so a dump of any size
// parses in bounded memory.
//
// With Options.Timeout, a document whose input sends no byte for that
// long while the document is being read becomes an E_TIMEOUT record, and
// the sequence ends there. Waiting between documents of an input to split
// or of JSON Lines, with no byte of the next one yet, is not timed. A
// reader that cannot stall (a regular *os.File, a *bytes.Reader,
// *strings.Reader or *bytes.Buffer) is read directly; any other is read
// on a goroutine of its own, which a stalled read leaves blocked until
// that read returns.
func Parse(r io.Reader, name string, opts Options) iter.Seq[*Article] {
	return func(yield func(*Article) bool) {
		p, err := newParser(name, opts)
		defer func() { putScratch(p.sc) }()
		if err != nil {
			a := p.newArticle(&rawDoc{first: 1, raw: []byte{}})
			p.fail(a, ErrInternal, fmt.Sprintf("invalid options: %v", err))
			yield(a)
			return
		}
		r, p.st = p.timeReads(r)
		if p.st != nil {
			defer p.st.close()
		}
		var next func() *rawDoc
		if opts.JSONL {
			next = p.jsonlDocs(r)
		} else {
			next = p.textDocs(r)
		}
		for d := next(); d != nil; d = next() {
			if !yield(p.buildTimed(d)) {
				return
			}
		}
	}
}

// parser holds what stays the same for every document of one input.
type parser struct {
	opts     Options
	name     string
	split    splitMode
	sc       *scratch
	profile  string
	normOps  arabic.Options
	lex      *lexicon.Lexicon
	maxBytes int64
	st       *stallReader // times the reads of the input, or nil
	// The input's encoding, decided once: forced, by a BOM, or by the
	// first document that is not blank.
	enc        decode.Encoding
	encName    string
	encSource  string
	transcoded bool // the stream was turned into UTF-8 before splitting
}

func newParser(name string, o Options) (*parser, error) {
	p := &parser{opts: o, name: name, profile: o.Profile, maxBytes: o.MaxBytes, lex: o.Lexicon}
	if p.profile == "" {
		p.profile = "default"
	}
	if p.maxBytes <= 0 {
		p.maxBytes = DefaultMaxBytes
	}
	if p.lex == nil {
		p.lex = lexicon.Builtin()
	}
	if o.Encoding == "" {
		p.opts.Encoding = decode.Auto
	}
	prof, err := arabic.Profile(p.profile)
	if err != nil {
		p.normOps = arabic.Default
		p.sc = getScratch(p.normOps)
		return p, err
	}
	p.normOps = prof.With(o.With...).Without(o.Without...)
	p.sc = getScratch(p.normOps)
	if p.split, err = parseSplit(o.Split); err != nil {
		return p, err
	}
	if o.JSONL && !p.split.none() {
		return p, fmt.Errorf("split %q cannot be used with JSON Lines input", o.Split)
	}
	return p, nil
}

// textDocs returns a reader of the documents of a text input.
func (p *parser) textDocs(r io.Reader) func() *rawDoc {
	if p.split.none() {
		return wholeDoc(r, p.maxBytes)
	}
	br := bufio.NewReaderSize(r, decode.Prefix)
	if p.st != nil {
		// The start of the input is between documents until a byte comes.
		p.st.idle = func() bool { return br.Buffered() == 0 }
	}
	if head, ok := p.oneDoc(br); ok {
		return wholeDoc(bytes.NewReader(head), p.maxBytes)
	}
	return p.splitDocs(br)
}

// oneDoc returns the whole of an input to split, and true, when it is
// small enough to be seen whole in br's buffer and holds no line that can
// separate documents (no NUL or form feed in it): it is then one document,
// read and decoded as an input that is not split is, in one go, without
// cutting it into lines first. Only inputs whose encoding is to be
// detected and that start with no UTF-16 byte order mark are taken.
func (p *parser) oneDoc(br *bufio.Reader) ([]byte, bool) {
	if p.split.re != nil || p.opts.Encoding != decode.Auto {
		return nil, false
	}
	head, err := br.Peek(decode.Prefix)
	if err != io.EOF || int64(len(head)) > p.maxBytes ||
		bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return nil, false
	}
	if p.split.nul && bytes.IndexByte(head, 0) >= 0 || p.split.formfeed && bytes.IndexByte(head, '\f') >= 0 {
		return nil, false
	}
	return head, true
}

// splitDocs returns a reader of the documents of an input to split.
func (p *parser) splitDocs(br *bufio.Reader) func() *rawDoc {
	src := p.decideEncoding(br)
	var cnt *countReader
	if p.st != nil {
		cnt = &countReader{r: src}
		src = cnt
	}
	s := &splitter{sc: newScanner(src), mode: p.split, maxBytes: p.maxBytes}
	if p.st != nil {
		// Between documents: no document begun, no byte held by br or
		// the scanner. (A UTF-16 input may also hold a part of one
		// character in its decoder, which this does not see.)
		p.st.idle = func() bool { return !s.inDoc && br.Buffered() == 0 && cnt.n == s.consumed }
	}
	if p.split.re != nil {
		s.decodeLine = p.decodeLine
	}
	return s.next
}
