package parse

import (
	"unsafe"

	"golang.org/x/text/transform"

	"github.com/khabar/khabar/parse/arabic"
)

// normalizer applies the output profile to text fields and adds up what
// each op changed in the current document.
type normalizer struct {
	t       *arabic.Normalizer
	changes arabic.Changes
}

func newNormalizer(o arabic.Options) *normalizer { return &normalizer{t: arabic.New(o)} }

// reset starts a new document.
func (n *normalizer) reset() { n.changes = arabic.Changes{} }

// string normalizes s. Normalizer.String resets the counts, so they are
// added up after every call.
func (n *normalizer) string(s string) string {
	if len(s) > bigString {
		return n.big(s)
	}
	out := n.t.String(s)
	n.changes.Add(n.t.Changes())
	return out
}

// stringCount normalizes s and counts the result.
func (n *normalizer) stringCount(s string) (string, arabic.Counts) {
	if len(s) > bigString {
		out := n.big(s)
		return out, arabic.Count(out)
	}
	out, c := n.t.StringCount(s)
	n.changes.Add(n.t.Changes())
	return out, c
}

// bigString is the size of a text that big normalizes, bigPiece the size
// of the pieces it writes the text in. (Variables, so that tests can have
// small texts take that way, in pieces of a few bytes.)
var bigString, bigPiece = 4 << 20, 32 << 10

// big normalizes s as string does, without the copies Normalizer.String
// makes of a text it changes (of s, and of its result twice, 3.3 times
// the size of s in all): it reads s in place, counts the bytes of the
// result in a first pass, and writes them in a second into a buffer of
// that size, which the result shares.
func (n *normalizer) big(s string) string {
	src := unsafe.Slice(unsafe.StringData(s), len(s)) // only read
	n.t.Reset()
	if k, err := n.t.Span(src, true); k == len(s) && err == nil {
		return s
	}
	piece := make([]byte, bigPiece)
	size := 0
	n.transform(src, piece, func(b []byte) { size += len(b) })
	n.t.Reset()
	out := make([]byte, 0, size)
	n.transform(src, piece, func(b []byte) { out = append(out, b...) })
	n.changes.Add(n.t.Changes())
	return unsafe.String(unsafe.SliceData(out), len(out)) // out is not written again
}

// transform runs src through the normalizer, handing each piece of
// output, written in buf, to emit.
func (n *normalizer) transform(src, buf []byte, emit func([]byte)) {
	for {
		nDst, nSrc, err := n.t.Transform(buf, src, true)
		emit(buf[:nDst])
		src = src[nSrc:]
		if err != transform.ErrShortDst {
			return // nil, or an error that String ignores too
		}
		if nDst == 0 && nSrc == 0 {
			buf = make([]byte, 2*len(buf)) // a cluster that needs more room
		}
	}
}
