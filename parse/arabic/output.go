package arabic

import "unicode/utf8"

// The helpers that write the state out: the pending letter, the pending
// space, line breaks.

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
