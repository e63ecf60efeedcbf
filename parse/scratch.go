package parse

import (
	"sync"

	"github.com/khabar/khabar/parse/arabic"
	"github.com/khabar/khabar/parse/classify"
)

// scratch is what the parse of a document works in, kept from one
// document to the next, and from one input to the next through a pool, so
// that a long dump or a folder of small files does not allocate it anew
// each time: the normalizer, the lines and their results. A parse
// abandoned at its timeout still owns its scratch; the parser takes
// another.
type scratch struct {
	norm  *normalizer
	lines []classify.Line
	res   classify.Results
}

// maxScratchLines bounds the documents whose slices are kept for the next.
const maxScratchLines = 1 << 12

var scratchPool sync.Pool

// getScratch returns a scratch whose normalizer applies ops.
func getScratch(ops arabic.Options) *scratch {
	if sc, ok := scratchPool.Get().(*scratch); ok {
		if sc.norm.t.Options() != ops {
			sc.norm = newNormalizer(ops)
		}
		return sc
	}
	return &scratch{norm: newNormalizer(ops)}
}

func putScratch(sc *scratch) {
	if sc != nil {
		scratchPool.Put(sc)
	}
}

// bigText is the size of a document whose text a pooled scratch must not
// keep reachable.
const bigText = 1 << 20

// release drops slices grown for a document of very many lines. The kept
// ones still refer to the text of the document (size bytes) until the next
// one overwrites them or the pool lets the scratch go at a garbage
// collection; for a big document they are cleared first. (Clearing them
// always cost more than the rest of the pool's savings: clearing pointers
// while the collector runs goes through its write barrier.)
func (sc *scratch) release(size int) {
	if cap(sc.lines) > maxScratchLines || sc.res.Cap() > maxScratchLines {
		sc.lines, sc.res = nil, classify.Results{}
		return
	}
	if size > bigText {
		clear(sc.lines)
		sc.res.Clear()
	}
	sc.lines = sc.lines[:0]
	sc.res.Reset()
}
