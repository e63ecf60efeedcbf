package arabic

import (
	"sync"

	"golang.org/x/text/transform"
)

// String returns s normalized with o.
func String(o Options, s string) string {
	p := poolFor(o)
	n := p.Get().(*Normalizer)
	s = n.String(s)
	p.Put(n)
	return s
}

var pools sync.Map // Options → *sync.Pool of *Normalizer

func poolFor(o Options) *sync.Pool {
	if p, ok := pools.Load(o); ok {
		return p.(*sync.Pool)
	}
	p, _ := pools.LoadOrStore(o, &sync.Pool{New: func() any { return New(o) }})
	return p.(*sync.Pool)
}

// String returns s normalized. It resets n first, so Changes tells what
// changed in s. n keeps its buffers between calls: normalizing line after
// line allocates only the returned strings, and nothing when a line is
// already normal.
func (n *Normalizer) String(s string) string {
	n.Reset()
	n.src = append(n.src[:0], s...)
	if _, err := n.Span(n.src, true); err == nil {
		return s
	}
	n.Reset()
	if cap(n.buf) < len(s)+len(s)/8+16 {
		n.buf = make([]byte, len(s)+len(s)/8+16)
	}
	n.buf = n.buf[:cap(n.buf)]
	nDst, nSrc := 0, 0
	for {
		d, c, err := n.Transform(n.buf[nDst:], n.src[nSrc:], true)
		nDst += d
		nSrc += c
		if err != transform.ErrShortDst {
			break
		}
		grown := make([]byte, 2*len(n.buf)+utf8Max)
		copy(grown, n.buf[:nDst])
		n.buf = grown
	}
	return string(n.buf[:nDst])
}

const utf8Max = 4
