package decode

import (
	"bytes"
	"io"

	"golang.org/x/text/transform"
)

// Reader decodes a stream to UTF-8 in constant memory. It reads up to
// Prefix bytes before its first output to decide the encoding (only a few
// bytes when the encoding is forced), then keeps that decision to the end.
type Reader struct {
	src    io.Reader
	enc    Encoding
	prefix int // Prefix, smaller in tests
	t      *decoder
	r      io.Reader
	err    error // a read error met while deciding
}

// NewReader returns a Reader that decodes r as enc (Auto to detect).
func NewReader(r io.Reader, enc Encoding) *Reader {
	return &Reader{src: r, enc: enc, prefix: Prefix}
}

// Read implements io.Reader. With a forced encoding that the input does
// not fit, it returns the text before the first bad byte, then an *Error.
func (r *Reader) Read(p []byte) (int, error) {
	if r.r == nil && r.err == nil {
		r.err = r.start()
	}
	if r.err != nil {
		return 0, r.err
	}
	return r.r.Read(p)
}

// Result says how the input was decoded; its counts are final once Read
// has returned io.EOF. Before the first Read it is the zero Result with
// FirstBad -1.
func (r *Reader) Result() Result {
	if r.t == nil {
		return Result{FirstBad: -1}
	}
	return r.t.result()
}

// start reads the prefix the decision needs, decides and sets up the
// transformer over the prefix and the rest of the input.
func (r *Reader) start() error {
	var buf []byte
	if r.enc != Windows1256 && r.enc != ISO88596 {
		buf = make([]byte, 0, r.prefix)
	}
	eof := false
	for needMore(buf, r.enc, r.prefix) {
		n, err := r.src.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			eof = true
			break
		}
		if err != nil {
			return err
		}
	}
	d := decide(buf, eof, r.enc)
	r.t = newDecoder(d)
	var src io.Reader = bytes.NewReader(buf[d.skip:])
	if !eof {
		src = io.MultiReader(src, r.src)
	}
	r.r = transform.NewReader(src, r.t)
	return nil
}
