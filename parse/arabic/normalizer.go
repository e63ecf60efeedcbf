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
	for nSrc < len(src) {
		r, size, e, ok := n.decode(src, nSrc, atEOF)
		if !ok {
			return nDst, nSrc, transform.ErrShortSrc
		}
		if n.st.tat > 0 || n.st.tatOut > 0 {
			held := nSrc
			if nDst, held, err = n.settleTatweels(dst, nDst, src, nSrc, r, e, atEOF); err != nil {
				return nDst, nSrc, err
			}
			if held > nSrc {
				nSrc = held
				continue
			}
		}
		if nDst, nSrc, err = n.step(dst, nDst, src, nSrc, r, size, e, atEOF); err != nil {
			return nDst, nSrc, err
		}
	}
	if atEOF {
		nDst, err = n.finish(dst, nDst)
	}
	return nDst, nSrc, err
}

// decode returns the code point at src[i:] and its entry; ok is false if
// it is cut short and more input may come. An invalid byte is U+FFFD of
// size 1.
func (n *Normalizer) decode(src []byte, i int, atEOF bool) (r rune, size int, e entry, ok bool) {
	c := src[i]
	switch {
	case c < utf8.RuneSelf:
		return rune(c), 1, n.t.low[c], true
	case c >= 0xC2 && c < 0xE0 && i+1 < len(src) && src[i+1]&0xC0 == 0x80:
		r = rune(c&0x1F)<<6 | rune(src[i+1]&0x3F)
		return r, 2, n.t.low[r], true
	}
	if !atEOF && !utf8.FullRune(src[i:]) {
		return 0, 0, 0, false
	}
	r, size = utf8.DecodeRune(src[i:])
	return r, size, n.lookup(r), true
}

// step handles the code point r (size bytes, entry e) at src[nSrc:] and
// what it needs of the following ones.
func (n *Normalizer) step(dst []byte, nDst int, src []byte, nSrc int, r rune, size int, e entry, atEOF bool) (int, int, error) {
	switch k := e.kind(); {
	case k == kCopy || k == kMap || k == kTatweel && !n.st.prevLetter:
		// A tatweel after anything but a letter stays: a plain starter.
		if !n.room(dst[nDst:], false) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst = n.flushPend(dst, nDst)
		nDst = n.flushSpace(dst, nDst)
		n.st.lineStart, n.st.afterCR = false, false
		switch {
		case k == kTatweel:
			n.st.pend, n.st.pendE = r, e
			return nDst, nSrc + size, nil
		case r == utf8.RuneError && size == 1: // an invalid byte
			nSrc++
		default:
			nDst, nSrc, r, e = n.run(dst, nDst, src, nSrc, size, e)
		}
		n.st.pend, n.st.pendE, n.st.prevLetter = r, e, e.letter()
		return nDst, nSrc, nil

	case k == kSpace:
		if !n.room(dst[nDst:], false) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst = n.flushPend(dst, nDst)
		n.addSpace(r != ' ')
		n.st.afterCR = false

	case k == kLF && n.st.afterCR:
		n.st.afterCR = false

	case k == kLF || k == kCR || k == kNL:
		if !n.room(dst[nDst:], true) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst = n.newline(dst, nDst)
		if k != kLF {
			n.changes[Newlines]++
		}
		n.st.afterCR = k == kCR

	case k == kDel:
		n.changes[e.op()]++
		n.st.afterCR = false

	default: // a kashida or not, a mark, a presentation form
		return n.clusterStep(dst, nDst, src, nSrc, r, size, e, atEOF)
	}
	return nDst, nSrc + size, nil
}

// maxCluster bounds the bytes of a cluster written at once, so that its
// output fits in transform.Reader's 4 KiB.
const maxCluster = 1024

// clusterStep normalizes the cluster starting at src[nSrc:].
func (n *Normalizer) clusterStep(dst []byte, nDst int, src []byte, nSrc int, r rune, size int, e entry, atEOF bool) (int, int, error) {
	end, right, ok := n.scanCluster(src, nSrc+size, atEOF)
	cgj := false
	if !ok || end-nSrc > maxCluster {
		// Too long to wait for its end or to write at once: count the
		// tatweels, or cut the marks where NFC closes a segment.
		switch e.kind() {
		case kTatweel:
			if j := n.holdTatweels(src, nSrc, atEOF); j > nSrc {
				return nDst, j, nil
			}
		case kMark, kPres:
			limit := len(src)
			if ok {
				limit = end
			}
			if cut, c, found := n.cutMarks(src[:limit], nSrc); found {
				end, cgj, ok = cut, c, true
			}
		}
		if !ok {
			return nDst, nSrc, transform.ErrShortSrc
		}
	}
	w, ok := n.cluster(dst[nDst:], src[nSrc:end], r, e, right, cgj)
	if !ok {
		return nDst, nSrc, transform.ErrShortDst
	}
	return nDst + w, end, nil
}

// finish writes what the state holds at the end of the input.
func (n *Normalizer) finish(dst []byte, nDst int) (int, error) {
	var err error
	if n.st.tat > 0 {
		if nDst, err = n.decideTatweels(dst, nDst, false); err != nil {
			return nDst, err
		}
	}
	if nDst, err = n.drainTatweels(dst, nDst); err != nil {
		return nDst, err
	}
	if !n.room(dst[nDst:], false) {
		return nDst, transform.ErrShortDst
	}
	nDst = n.flushPend(dst, nDst)
	n.dropSpace()
	return nDst, nil
}
