package parse

import "github.com/khabar/khabar/parse/classify"

// scratch is what the parse of a document works in, kept from one
// document to the next so that a long dump does not allocate it anew each
// time: the normalizer and the slices of lines and results. A parse
// abandoned at its timeout still owns its scratch; the parser takes a new
// one.
type scratch struct {
	norm  *normalizer
	lines []classify.Line
	res   []classify.Result
}

// maxScratchLines bounds the documents whose slices are kept for the next.
const maxScratchLines = 1 << 12

func (p *parser) newScratch() *scratch {
	return &scratch{norm: newNormalizer(p.normOps)}
}

// release drops slices grown for a very long document, and what the kept
// ones refer to.
func (sc *scratch) release() {
	if cap(sc.lines) > maxScratchLines {
		sc.lines, sc.res = nil, nil
		return
	}
	clear(sc.lines[:cap(sc.lines)])
	clear(sc.res[:cap(sc.res)])
	sc.lines, sc.res = sc.lines[:0], sc.res[:0]
}
