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

	// carry holds input taken from the caller but not yet normalized: a
	// cluster longer than the caller's buffer (see Transform). inRun tells
	// that it ends inside the cluster, tried the size it had when it was
	// last normalized in vain.
	carry []byte
	inRun bool
	tried int
	// pendOut is output not yet written: the end of a cluster larger than
	// the caller's buffer.
	pendOut []byte

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
	n.carry, n.inRun, n.tried, n.pendOut = n.carry[:0], false, 0, n.pendOut[:0]
}

// carryAt is the size of input past which the normalizer keeps a cluster
// it cannot finish itself, instead of asking the caller for more input
// with transform.ErrShortSrc: well below the 4 KiB of transform.Reader,
// which fails when a transformer asks for more than its buffer holds.
const carryAt = 256

// Transform implements transform.Transformer.
//
// A cluster (a mark, a tatweel or a presentation form, the marks and
// invisible controls after it, up to the next base) is normalized whole,
// and no cut of it is chosen by the size of the caller's buffers. When
// src ends inside one with more than carryAt bytes of it in hand, the
// normalizer takes them all and keeps the cluster itself, the controls it
// holds (deleted anyway) already dropped; so a stream never stops on a
// cluster, however many controls it holds. Only a cluster of marks that
// NFC cannot cut, and that holds more than transform.Reader's buffer,
// makes the normalizer keep more than a few bytes: memory then grows with
// that cluster.
func (n *Normalizer) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	if len(n.carry) == 0 {
		nDst, nSrc, err = n.transform(dst, src, atEOF)
		if err == transform.ErrShortSrc && len(src)-nSrc > carryAt {
			n.hold(src[nSrc:])
			return nDst, len(src), nil
		}
		return nDst, nSrc, err
	}
	// The carry comes before src. Inside a cluster, the code points of src
	// that go on with it are appended without the deleted ones; p is where
	// the rest of src begins, appended as it is at v.
	p := 0
	if n.inRun {
		n.carry, p, n.inRun = n.compact(n.carry, src, false)
		if n.inRun && !atEOF && len(n.carry) < 2*n.tried {
			// The cluster goes on, and has not doubled since it was last
			// tried: wait for more rather than read it again and again.
			if p < len(src) {
				return 0, p, transform.ErrShortSrc // a code point cut short
			}
			return 0, len(src), nil
		}
	}
	v := len(n.carry)
	n.carry = append(n.carry, src[p:]...)
	nDst, k, err := n.transform(dst, n.carry, atEOF)
	if k >= v {
		// What was kept is written: go on in src.
		n.carry, n.inRun = n.carry[:0], false
		nSrc = p + k - v
		if err == transform.ErrShortSrc && len(src)-nSrc > carryAt {
			n.hold(src[nSrc:])
			return nDst, len(src), nil
		}
		return nDst, nSrc, err
	}
	if err == transform.ErrShortSrc {
		n.hold(n.carry[k:])
		return nDst, len(src), nil
	}
	// dst is full: keep the rest as it is.
	n.carry, n.inRun = append(n.carry[:0], n.carry[k:]...), false
	return nDst, len(src), err
}

// hold keeps b, which starts a cluster that more input must end, the
// controls of that cluster dropped. b may lie in the carry: compacting
// only ever moves bytes forward.
func (n *Normalizer) hold(b []byte) {
	c, p, in := n.compact(n.carry[:0], b, true)
	n.carry, n.inRun = append(c, b[p:]...), in
	n.tried = len(n.carry)
}

// compact appends to b the code points of src that go on a cluster (the
// first one, when first, starts it), without the ones the ops delete,
// which it counts. It stops at the first code point that ends the
// cluster, and returns b, where it stopped in src, and whether the
// cluster goes on past src. Deleting a code point the ops delete changes
// nothing around it inside a cluster: the ops delete it before tatweels
// and NFC look at the text, and a cluster holds no line break or space.
func (n *Normalizer) compact(b, src []byte, first bool) ([]byte, int, bool) {
	i := 0
	if first && len(src) > 0 {
		if !utf8.FullRune(src) {
			return b, 0, true
		}
		_, size := utf8.DecodeRune(src)
		b = append(b, src[:size]...)
		i = size
	}
	for i < len(src) {
		if !utf8.FullRune(src[i:]) {
			return b, i, true
		}
		r, size := utf8.DecodeRune(src[i:])
		e := n.lookup(r)
		switch k := e.kind(); {
		case k == kDel:
			n.changes[e.op()]++
		case k == kMark || k == kTatweel || k == kPres && !startsBasePres(r):
			b = append(b, src[i:i+size]...)
		default:
			return b, i, false
		}
		i += size
	}
	return b, i, true
}

// startsBasePres reports whether the presentation form r expands to a
// rune that ends a cluster.
func startsBasePres(r rune) bool {
	first, _ := utf8.DecodeRuneInString(presentationForm(r))
	return startsBase(first)
}

// transform is Transform on src alone.
func (n *Normalizer) transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	if len(n.pendOut) > 0 {
		if nDst, err = n.drainOut(dst); err != nil {
			return nDst, 0, err
		}
	}
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
		if len(n.pendOut) > 0 {
			return nDst, nSrc, transform.ErrShortDst
		}
	}
	if atEOF {
		nDst, err = n.finish(dst, nDst)
	}
	return nDst, nSrc, err
}

// drainOut writes the output held back, as much as dst takes.
func (n *Normalizer) drainOut(dst []byte) (int, error) {
	w := copy(dst, n.pendOut)
	n.pendOut = n.pendOut[:copy(n.pendOut, n.pendOut[w:])]
	if len(n.pendOut) > 0 {
		return w, transform.ErrShortDst
	}
	return w, nil
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
	end, _, right, ok, long := n.scanCluster(src, nSrc+size, atEOF, maxCluster-size)
	cgj := false
	if !ok {
		// Too long to wait for its end or to write at once: count the
		// tatweels, or cut the marks where NFC closes a segment.
		cut := false
		switch e.kind() {
		case kTatweel:
			if j := n.holdTatweels(src, nSrc, atEOF); j > nSrc {
				return nDst, j, nil
			}
		case kMark, kPres:
			end, cgj, cut = n.cutMarks(src, nSrc)
		}
		if !cut && long {
			// No cut: the cluster is written whole, from its end.
			end, _, right, ok, _ = n.scanCluster(src, nSrc+size, atEOF, -1)
		}
		if !cut && !ok {
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
