package arabic

import (
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// Normalizer is a transform.SpanningTransformer applying Options. It keeps
// a little state between calls (a pending letter, a pending space, where the
// line starts), so use one per goroutine.
type Normalizer struct {
	opts    Options
	t       *tables
	spaces  bool
	changes Changes
	st      state
	hi      hiCache

	// scratch buffers, reused across calls
	rs  []rune
	res []rune
	out []byte
	seg []byte
	nfc []byte
	buf []byte
	src []byte
}

// state is what the normalizer remembers between two code points.
type state struct {
	// pend is the last simple letter read and not yet written (or -1): a
	// following mark may combine with it under NFC.
	pend  rune
	pendE entry
	// space is a collapsed space waiting for what follows: written before
	// the next visible code point, dropped at a line end. 1: it came from a
	// U+0020; 2: it came from another space, already counted as changed.
	space uint8
	// lineStart is true until something other than a space is written on
	// the current line: spaces read then are trimmed.
	lineStart bool
	// prevLetter tells whether the last base (not a mark, not a tatweel)
	// was a letter: the left side of a kashida.
	prevLetter bool
	// afterCR is true right after a CR: a following LF is part of it.
	afterCR bool
	// tat counts tatweels read after a letter, not yet known to be a
	// kashida; tatOut counts tatweels known to stay, not yet written.
	tat, tatOut int
}

// New returns a normalizer applying o.
func New(o Options) *Normalizer {
	n := &Normalizer{opts: o, t: tablesFor(o), spaces: o.Has(Spaces)}
	for i := range n.hi {
		n.hi[i].r = -1
	}
	n.Reset()
	return n
}

// Options returns the options n applies.
func (n *Normalizer) Options() Options { return n.opts }

// Changes returns what each op changed since the last Reset. A count is the
// number of input code points the op replaced or deleted, with these
// exceptions: newlines counts line breaks rewritten (CRLF counts once);
// nfc counts the runs (a letter and its marks) NFC rewrote; spaces counts
// the space code points mapped to U+0020 or dropped by collapsing and
// trimming. A code point changed again while the output settles (a letter
// folded, then composed with a mark, then folded again) is counted again.
func (n *Normalizer) Changes() *Changes { return &n.changes }

// Reset implements transform.Transformer: it forgets the state and zeroes
// the change counts.
func (n *Normalizer) Reset() {
	n.st = state{pend: -1, lineStart: true}
	n.changes = Changes{}
}

// Transform implements transform.Transformer.
func (n *Normalizer) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	t := n.t
	for nSrc < len(src) {
		c := src[nSrc]
		var r rune
		var size int
		var e entry
		switch {
		case c < utf8.RuneSelf:
			r, size, e = rune(c), 1, t.low[c]
		case c >= 0xC2 && c < 0xE0 && nSrc+1 < len(src) && src[nSrc+1]&0xC0 == 0x80:
			r, size = rune(c&0x1F)<<6|rune(src[nSrc+1]&0x3F), 2
			e = t.low[r]
		default:
			if !atEOF && !utf8.FullRune(src[nSrc:]) {
				return nDst, nSrc, transform.ErrShortSrc
			}
			r, size = utf8.DecodeRune(src[nSrc:])
			e = n.lookup(r)
		}
		if n.st.tat > 0 || n.st.tatOut > 0 {
			if nDst, err = n.drainTatweels(dst, nDst); err != nil {
				return nDst, nSrc, err
			}
			if n.st.tat > 0 {
				if nDst, err = n.resolveTatweels(dst, nDst, src, nSrc, r, e, atEOF); err != nil {
					if err == transform.ErrShortSrc && e.kind() == kTatweel {
						if j := n.holdTatweels(src, nSrc, atEOF); j > nSrc {
							nSrc = j
							continue
						}
					}
					return nDst, nSrc, err
				}
				if nDst, err = n.drainTatweels(dst, nDst); err != nil {
					return nDst, nSrc, err
				}
			}
		}

		if e.kind() == kTatweel && !n.st.prevLetter {
			// After anything but a letter a tatweel stays: a plain starter.
			if !n.room(dst[nDst:], false) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst = n.flushPend(dst, nDst)
			nDst = n.flushSpace(dst, nDst)
			n.st.lineStart, n.st.afterCR = false, false
			n.st.pend, n.st.pendE = r, e
			nSrc += size
			continue
		}

		switch e.kind() {
		case kCopy, kMap:
			if !n.room(dst[nDst:], false) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst = n.flushPend(dst, nDst)
			nDst = n.flushSpace(dst, nDst)
			n.st.lineStart, n.st.afterCR = false, false
			if r == utf8.RuneError && size == 1 { // an invalid byte
				nSrc++
			} else {
				nDst, nSrc, r, e = n.run(dst, nDst, src, nSrc, size, e)
			}
			n.st.pend, n.st.pendE, n.st.prevLetter = r, e, e.letter()
			continue

		case kSpace:
			if !n.room(dst[nDst:], false) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst = n.flushPend(dst, nDst)
			n.addSpace(r != ' ')
			n.st.afterCR = false

		case kLF:
			if n.st.afterCR {
				n.st.afterCR = false
				break
			}
			if !n.room(dst[nDst:], true) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst = n.newline(dst, nDst)

		case kCR, kNL:
			if !n.room(dst[nDst:], true) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst = n.newline(dst, nDst)
			n.changes[Newlines]++
			n.st.afterCR = e.kind() == kCR

		case kDel:
			n.changes[e.op()]++
			n.st.afterCR = false

		default: // kTatweel, kMark, kPres
			end, right, ok := n.scanCluster(src, nSrc+size, atEOF)
			if !ok {
				if e.kind() == kTatweel {
					if j := n.holdTatweels(src, nSrc, atEOF); j > nSrc {
						nSrc = j
						continue
					}
				}
				return nDst, nSrc, transform.ErrShortSrc
			}
			var w int
			if w, ok = n.cluster(dst[nDst:], src[nSrc:end], r, e, right); !ok {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += w
			nSrc = end
			continue
		}
		nSrc += size
	}
	if atEOF {
		if n.st.tat > 0 {
			if nDst, err = n.decideTatweels(dst, nDst, false); err != nil {
				return nDst, nSrc, err
			}
		}
		if nDst, err = n.drainTatweels(dst, nDst); err != nil {
			return nDst, nSrc, err
		}
		if !n.room(dst[nDst:], false) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst = n.flushPend(dst, nDst)
		n.dropSpace()
	}
	return nDst, nSrc, nil
}

// run writes the simple code points of src starting at start (the first
// one decoded as r, e, from valid UTF-8), each as soon as the next one shows
// it cannot combine with a mark, and returns the last one unwritten: the new
// pending letter. A single space between two simple code points is kept as
// it is, so a run goes on over words. Output is never longer than input
// here, so one room check bounds the run.
func (n *Normalizer) run(dst []byte, nDst int, src []byte, start, size int, e entry) (int, int, rune, entry) {
	t := n.t
	limit := len(src)
	if room := len(dst) - nDst - utf8.UTFMax; start+room < limit {
		limit = start + room
	}
	// src[cs:ps] is copied text not yet written; the pending rune starts
	// at ps; pendMap tells it is folded (its entry is e).
	cs, ps, i := start, start, start+size
	pendMap := e.kind() == kMap
	low := &t.low
	for i < limit {
		if !pendMap {
			// The hot loop: copied code points after a copied one.
			j := i
			for j < limit {
				c := src[j]
				if c < utf8.RuneSelf {
					if low[c]&kindMask != kCopy {
						break
					}
					j++
					continue
				}
				if c < 0xC2 || c >= 0xE0 || j+1 >= len(src) {
					break
				}
				c2 := src[j+1]
				if c2&0xC0 != 0x80 || low[(uint(c&0x1F)<<6|uint(c2&0x3F))&0x7FF]&kindMask != kCopy {
					break
				}
				j += 2
			}
			if j > i {
				if src[j-1] < utf8.RuneSelf {
					ps = j - 1
				} else {
					ps = j - 2
				}
				e, i = copyEntry, j
				if i >= limit {
					break
				}
			}
		}
		c := src[i]
		var e2 entry
		size := 1
		if c < utf8.RuneSelf {
			e2 = low[c]
		} else if c >= 0xC2 && c < 0xE0 && i+1 < len(src) && src[i+1]&0xC0 == 0x80 {
			e2 = low[(uint(c&0x1F)<<6|uint(src[i+1]&0x3F))&0x7FF]
			size = 2
		} else {
			break
		}
		if k := e2 & kindMask; k != kCopy && k != kMap {
			if k != kSpace || c != ' ' || i+1 >= limit || !n.plainSpace(src, i+1) {
				break
			}
			e2 = spaceCopy
		}
		if pendMap {
			nDst += copy(dst[nDst:], src[cs:ps])
			n.changes[e.op()]++
			nDst += utf8.EncodeRune(dst[nDst:], e.target())
			cs = i
		}
		pendMap = e2&kindMask == kMap
		e, ps = e2, i
		i += size
	}
	nDst += copy(dst[nDst:], src[cs:ps])
	r, _ := utf8.DecodeRune(src[ps:i])
	if e == copyEntry {
		e = n.lookup(r)
	}
	return nDst, i, r, e
}

// spaceCopy is the entry of a U+0020 kept as it is inside a run;
// copyEntry stands for any copied code point met by the hot loop.
var (
	spaceCopy = entry(kCopy)
	copyEntry = entry(kCopy)
)

// plainSpace reports whether the code point at src[i:] is simple, so that
// a single space before it is kept as it is.
func (n *Normalizer) plainSpace(src []byte, i int) bool {
	if i >= len(src) {
		return false
	}
	c := src[i]
	switch {
	case c < utf8.RuneSelf:
		return n.t.low[c].kind() <= kMap
	case c >= 0xC2 && c < 0xE0 && i+1 < len(src) && src[i+1]&0xC0 == 0x80:
		return n.t.low[rune(c&0x1F)<<6|rune(src[i+1]&0x3F)].kind() <= kMap
	}
	return false
}

// room reports whether dst can take the pending letter, the pending space
// and, if nl, a line break.
func (n *Normalizer) room(dst []byte, nl bool) bool {
	need := 0
	if n.st.pend >= 0 {
		need += utf8.RuneLen(n.fold(n.st.pend, n.st.pendE))
	}
	if n.st.space != 0 && !nl {
		need++
	}
	if nl {
		need++
	}
	return need <= len(dst)
}

func (n *Normalizer) fold(r rune, e entry) rune {
	if e.kind() == kMap {
		return e.target()
	}
	return r
}

// flushPend writes the pending letter.
func (n *Normalizer) flushPend(dst []byte, nDst int) int {
	if n.st.pend < 0 {
		return nDst
	}
	r := n.st.pend
	if n.st.pendE.kind() == kMap {
		n.changes[n.st.pendE.op()]++
		r = n.st.pendE.target()
	}
	n.st.pend = -1
	return nDst + utf8.EncodeRune(dst[nDst:], r)
}

// flushSpace writes the pending space before something visible.
func (n *Normalizer) flushSpace(dst []byte, nDst int) int {
	if n.st.space == 0 {
		return nDst
	}
	n.st.space = 0
	dst[nDst] = ' '
	return nDst + 1
}

// addSpace reads a space; mapped tells it was not U+0020.
func (n *Normalizer) addSpace(mapped bool) {
	switch {
	case n.st.lineStart || n.st.space != 0:
		n.changes[Spaces]++
	case mapped:
		n.changes[Spaces]++
		n.st.space = 2
	default:
		n.st.space = 1
	}
	n.st.prevLetter = false
}

// dropSpace drops the pending space at a line end.
func (n *Normalizer) dropSpace() {
	if n.st.space == 1 {
		n.changes[Spaces]++
	}
	n.st.space = 0
}

// newline writes a line break, trimming the space before it.
func (n *Normalizer) newline(dst []byte, nDst int) int {
	nDst = n.flushPend(dst, nDst)
	n.dropSpace()
	dst[nDst] = '\n'
	n.st.lineStart, n.st.prevLetter, n.st.afterCR = true, false, false
	return nDst + 1
}
