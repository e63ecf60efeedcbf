package arabic

import (
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// A run of tatweels after a letter is a kashida or not depending on what
// follows it, however long it is. So that such a run need not fit in the
// caller's buffer, the normalizer counts the tatweels it has read (tat)
// until it sees the next base, then drops them or writes them out (tatOut,
// a few at a time if dst is short). A tatweel after anything but a letter
// is kept whatever follows and is handled like a letter.

// settleTatweels writes the tatweels known to stay and decides the counted
// ones if the code point r at src[i:] tells what follows them. It returns
// j > i if it counted more tatweels up to src[j:] instead.
func (n *Normalizer) settleTatweels(dst []byte, nDst int, src []byte, i int, r rune, e entry, atEOF bool) (int, int, error) {
	nDst, err := n.drainTatweels(dst, nDst)
	if err != nil || n.st.tat == 0 {
		return nDst, i, err
	}
	nDst, err = n.resolveTatweels(dst, nDst, src, i, r, e, atEOF)
	if err == transform.ErrShortSrc && e.kind() == kTatweel {
		if j := n.holdTatweels(src, i, atEOF); j > i {
			return nDst, j, nil
		}
	}
	if err != nil {
		return nDst, i, err
	}
	nDst, err = n.drainTatweels(dst, nDst)
	return nDst, i, err
}

// holdTatweels consumes the tatweels (and deleted controls) at src[i:]
// into the count; it returns where it stopped.
func (n *Normalizer) holdTatweels(src []byte, i int, atEOF bool) int {
	var ch Changes
	for i < len(src) {
		if !atEOF && !utf8.FullRune(src[i:]) {
			break
		}
		r, size := utf8.DecodeRune(src[i:])
		switch e := n.lookup(r); e.kind() {
		case kTatweel:
			n.st.tat++
		case kDel:
			ch[e.op()]++
		default:
			n.changes.Add(&ch)
			return i
		}
		i += size
	}
	n.changes.Add(&ch)
	n.st.afterCR = false
	return i
}

// resolveTatweels decides the counted tatweels now that the code point at
// src[i:] (entry e) is known, if it tells what base follows them. It
// returns false if more input is needed (err is ErrShortSrc) or dst is
// full (ErrShortDst).
func (n *Normalizer) resolveTatweels(dst []byte, nDst int, src []byte, i int, r rune, e entry, atEOF bool) (int, error) {
	if e.kind() == kDel {
		return nDst, nil // transparent
	}
	right, ok := n.firstBase(src, i, atEOF)
	if !ok {
		return nDst, transform.ErrShortSrc
	}
	return n.decideTatweels(dst, nDst, right)
}

// firstBase finds the first base (not a mark, not a tatweel, not deleted)
// from src[i:] on and reports whether it is a letter; ok is false if src
// ends first and more input may come.
func (n *Normalizer) firstBase(src []byte, i int, atEOF bool) (letter, ok bool) {
	for i < len(src) {
		if !atEOF && !utf8.FullRune(src[i:]) {
			return false, false
		}
		r, size := utf8.DecodeRune(src[i:])
		i += size
		switch e := n.lookup(r); e.kind() {
		case kDel, kTatweel:
		case kPres:
			for _, x := range presentationForm(r) {
				if xe := n.lookup(x); xe.kind() != kDel && x != tatweel && !isMark(x) {
					return isLetter(x), true
				}
			}
		case kMark:
			if !isMark(r) {
				return isLetter(r), true
			}
		default:
			return e.letter(), true
		}
	}
	return false, atEOF
}

// decideTatweels drops the counted tatweels if right (the base after them)
// is a letter, else writes them.
func (n *Normalizer) decideTatweels(dst []byte, nDst int, right bool) (int, error) {
	if right {
		n.changes[Tatweel] += n.st.tat
		n.st.tat = 0
		return nDst, nil
	}
	if !n.room(dst[nDst:], false) {
		return nDst, transform.ErrShortDst
	}
	nDst = n.flushPend(dst, nDst)
	n.st.tatOut, n.st.tat = n.st.tat, 0
	return n.drainTatweels(dst, nDst)
}

// drainTatweels writes the tatweels decided kept, as many as fit.
func (n *Normalizer) drainTatweels(dst []byte, nDst int) (int, error) {
	for n.st.tatOut > 0 && nDst+2 <= len(dst) {
		dst[nDst], dst[nDst+1] = 0xD9, 0x80 // U+0640
		nDst += 2
		n.st.tatOut--
		n.st.lineStart = false
	}
	if n.st.tatOut > 0 {
		return nDst, transform.ErrShortDst
	}
	return nDst, nil
}
