package arabic

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A cluster is the rare stretch of text the one-rune tables cannot handle:
// it starts at a mark, a tatweel or a presentation form and runs to the
// next code point that starts a new NFC segment and is not a tatweel (the
// terminator). The pending letter before it joins it. Everything the ops do
// to a cluster depends only on its code points, the letter-ness of the base
// before it and of the terminator, so it is done here, once, exactly as the
// ops are defined: expand and delete, decide kashidas, then NFC and the
// letter folds on each segment until they settle.

// scanCluster finds the end of the cluster whose first code point ends at
// i, the bytes it holds from i on that the ops do not delete, and whether
// its terminator is a letter. ok is false when src ends before the
// terminator and more input may come. The code points the ops delete (an
// invisible control, say) are part of the cluster, however many: they
// are deleted before NFC orders and composes its marks. With limit >= 0,
// the scan stops once more than limit bytes are kept, ok false and long
// true: a cluster that long is cut where NFC allows, and finding its end
// again after every cut would make a long run of marks quadratic.
func (n *Normalizer) scanCluster(src []byte, i int, atEOF bool, limit int) (end, kept int, right, ok, long bool) {
	for i < len(src) {
		if !atEOF && !utf8.FullRune(src[i:]) {
			return 0, kept, false, false, false
		}
		r, size := utf8.DecodeRune(src[i:])
		e := n.lookup(r)
		switch e.kind() {
		case kDel:
			i += size
			continue
		case kMark, kTatweel:
		case kPres:
			first, _ := utf8.DecodeRuneInString(presentationForm(r))
			if startsBase(first) {
				return i, kept, isLetter(first), true, false
			}
		default:
			return i, kept, e.letter(), true, false
		}
		i += size
		if kept += size; limit >= 0 && kept > limit {
			return i, kept, false, false, true
		}
	}
	return len(src), kept, false, atEOF, false
}

// startsBase reports whether r starts a new NFC segment and is a base for
// the tatweel op: a presentation form expanding to such a rune ends a
// cluster.
func startsBase(r rune) bool { return r != tatweel && !isMark(r) && boundaryBefore(r) }

// cluster normalizes the cluster raw, whose first code point is r with
// entry e, into dst. right tells whether the terminator is a letter. It
// returns false, changing nothing, when dst is too short.
func (n *Normalizer) cluster(dst []byte, raw []byte, r rune, e entry, right, cgj bool) (int, bool) {
	saved := n.st
	var ch Changes
	if e.kind() == kPres && n.st.pend >= 0 {
		if first, _ := utf8.DecodeRuneInString(presentationForm(r)); startsBase(first) {
			// The form starts a new segment: the pending letter stays alone.
			n.out = n.emit(n.out[:0], n.foldCount(n.st.pend, n.st.pendE, &ch), &ch)
			n.st.pend = -1
		} else {
			n.out = n.out[:0]
		}
	} else {
		n.out = n.out[:0]
	}

	rs := n.expand(raw, &ch)
	if n.opts.Has(Tatweel) {
		rs = n.kashida(rs, right, &ch)
	}
	n.out = n.segments(n.out, rs, &ch)
	if cgj {
		n.out = n.emit(n.out, graphemeJoiner, &ch)
	}

	if len(n.out) > len(dst) && len(n.out) <= maxCluster {
		n.st = saved
		return 0, false
	}
	n.changes.Add(&ch)
	n.st.afterCR = false
	w := copy(dst, n.out)
	if w < len(n.out) {
		// Larger than any buffer need be: the rest is written next.
		n.pendOut = append(n.pendOut[:0], n.out[w:]...)
	}
	return w, true
}

// expand applies the one-rune ops that run before kashidas are decided:
// presentation forms are expanded, controls, diacritics and quranic marks
// deleted. The pending letter comes first.
func (n *Normalizer) expand(raw []byte, ch *Changes) []rune {
	rs := n.rs[:0]
	if n.st.pend >= 0 {
		rs = append(rs, n.st.pend)
		n.st.pend = -1
	}
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRune(raw[i:])
		i += size
		e := n.lookup(r)
		switch e.kind() {
		case kDel:
			ch[e.op()]++
		case kPres:
			ch[Presentation]++
			for _, x := range presentationForm(r) {
				if xe := n.lookup(x); xe.kind() == kDel {
					ch[xe.op()]++
				} else {
					rs = append(rs, x)
				}
			}
		default:
			rs = append(rs, r)
		}
	}
	n.rs = rs
	return rs
}

// kashida deletes each run of tatweels (with the marks among them) that
// has a letter as the nearest base on both sides. right is the letter-ness
// of the base after rs.
func (n *Normalizer) kashida(rs []rune, right bool, ch *Changes) []rune {
	left := n.st.prevLetter
	out := rs[:0]
	for j := 0; j < len(rs); {
		r := rs[j]
		if r != tatweel {
			if !n.isMark(r) {
				left = n.isLetter(r)
			}
			out = append(out, r)
			j++
			continue
		}
		k := j
		for k < len(rs) && (rs[k] == tatweel || n.isMark(rs[k])) {
			k++
		}
		rightHere := right
		if k < len(rs) {
			rightHere = n.isLetter(rs[k])
		}
		for _, x := range rs[j:k] {
			if x == tatweel && left && rightHere {
				ch[Tatweel]++
				continue
			}
			out = append(out, x)
		}
		j = k
	}
	return out
}

// segments applies NFC and the letter folds to each NFC segment of rs and
// writes the result.
func (n *Normalizer) segments(out []byte, rs []rune, ch *Changes) []byte {
	for a := 0; a < len(rs); {
		b := a + 1
		for b < len(rs) && !n.boundary(rs[b]) {
			b++
		}
		if b == a+1 && n.boundary(rs[a]) {
			if e := n.lookup(rs[a]); e.kind() == kCopy || e.kind() == kMap {
				out = n.emit(out, n.foldCount(rs[a], e, ch), ch)
				a = b
				continue
			}
		}
		for _, r := range n.settle(rs[a:b], ch) {
			out = n.emit(out, r, ch)
		}
		a = b
	}
	return out
}

// settle returns NFC and the letter folds applied to one segment, again
// until nothing changes: a fold can leave a letter that composes with a
// mark (أ + U+0653 → ا + U+0653 → آ), and the output must be a fixed point.
func (n *Normalizer) settle(seg []rune, ch *Changes) []rune {
	s := n.seg[:0]
	for _, r := range seg {
		s = utf8.AppendRune(s, r)
	}
	nfc := n.opts.Has(NFC)
	for {
		if nfc {
			n.nfc = norm.NFC.Append(n.nfc[:0], s...)
			if !bytes.Equal(n.nfc, s) {
				ch[NFC]++
				s, n.nfc = n.nfc, s
			}
		}
		folded := false
		res := n.res[:0]
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRune(s[i:])
			i += size
			if e := n.lookup(r); e.kind() == kMap {
				ch[e.op()]++
				r = e.target()
				folded = true
			}
			res = append(res, r)
		}
		n.res = res
		if !folded || !nfc {
			n.seg = s
			return res
		}
		s = s[:0]
		for _, r := range res {
			s = utf8.AppendRune(s, r)
		}
	}
}

// foldCount returns the letter fold of a simple rune, counting it.
func (n *Normalizer) foldCount(r rune, e entry, ch *Changes) rune {
	if e.kind() == kMap {
		ch[e.op()]++
		return e.target()
	}
	return r
}

// emit appends r after the space and line handling of the spaces op.
func (n *Normalizer) emit(out []byte, r rune, ch *Changes) []byte {
	st := &n.st
	switch {
	case r == ' ' && n.spaces:
		if st.lineStart || st.space != 0 {
			ch[Spaces]++
		} else {
			st.space = 1
		}
		st.prevLetter = false
		return out
	case r == '\n':
		if st.space == 1 {
			ch[Spaces]++
		}
		st.space = 0
		st.lineStart, st.prevLetter = true, false
		return append(out, '\n')
	}
	if st.space != 0 {
		out = append(out, ' ')
		st.space = 0
	}
	st.lineStart = false
	if r != tatweel && !n.isMark(r) {
		st.prevLetter = n.isLetter(r)
	}
	return utf8.AppendRune(out, r)
}

func (n *Normalizer) isMark(r rune) bool {
	if r < 0x800 {
		return n.t.low[r].mark()
	}
	return isMark(r)
}

func (n *Normalizer) isLetter(r rune) bool {
	if r < 0x800 {
		return n.t.low[r].letter()
	}
	return isLetter(r)
}

func (n *Normalizer) boundary(r rune) bool {
	if r < 0x800 {
		return n.t.low[r].boundary()
	}
	return boundaryBefore(r)
}
