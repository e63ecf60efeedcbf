package arabic

import (
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// Span implements transform.SpanningTransformer. It accepts the text that
// is already normalized in the plain way: simple code points the ops keep,
// single spaces inside a line, line feeds; it stops at anything else.
func (n *Normalizer) Span(src []byte, atEOF bool) (int, error) {
	if n.st.pend >= 0 || n.st.space != 0 || n.st.afterCR || n.st.tat > 0 || n.st.tatOut > 0 || len(n.carry) > 0 || len(n.pendOut) > 0 {
		if len(src) == 0 && !atEOF {
			return 0, nil
		}
		return 0, transform.ErrEndOfSpan
	}
	i := 0
	// The look-ahead decoded for one code point is the next one's: each
	// code point is decoded once.
	var (
		r     rune
		size  int
		e     entry
		ahead bool
		ok    bool
	)
	for i < len(src) {
		if !ahead {
			if r, size, e, ok = n.decodeFast(src, i); !ok {
				if r, size, e, ok = n.decode(src, i, atEOF); !ok {
					return i, transform.ErrShortSrc
				}
			}
		}
		ahead = false
		if r == utf8.RuneError && size == 1 {
			return i, transform.ErrEndOfSpan
		}
		switch e.kind() {
		case kLF:
			n.st.lineStart, n.st.prevLetter = true, false
			i += size
			continue
		case kCopy:
		case kSpace:
			if r != ' ' || n.st.lineStart {
				return i, transform.ErrEndOfSpan
			}
		default:
			return i, transform.ErrEndOfSpan
		}
		// The code point is kept as is if what follows cannot change it:
		// a simple code point, or for a letter also a space or a line end.
		var (
			nr    rune
			nsize int
			next  entry
		)
		if i+size == len(src) {
			if !atEOF {
				return i, transform.ErrShortSrc
			}
			if e.kind() == kSpace {
				return i, transform.ErrEndOfSpan
			}
		} else {
			if nr, nsize, next, ok = n.decodeFast(src, i+size); !ok {
				if nr, nsize, next, ok = n.decode(src, i+size, atEOF); !ok {
					return i, transform.ErrShortSrc
				}
			}
			switch k := next.kind(); {
			case k == kCopy || k == kMap:
			case e.kind() == kCopy && (k == kSpace || k == kLF):
			default:
				return i, transform.ErrEndOfSpan
			}
			ahead = true
		}
		if e.kind() == kSpace {
			n.st.prevLetter = false
		} else {
			n.st.lineStart, n.st.prevLetter = false, e.letter()
		}
		i += size
		r, size, e = nr, nsize, next
	}
	return i, nil
}

// decodeFast is decode for ASCII and two-byte sequences (all of Arabic),
// small enough to be inlined; ok is false for anything else.
func (n *Normalizer) decodeFast(src []byte, i int) (r rune, size int, e entry, ok bool) {
	if c := src[i]; c < utf8.RuneSelf {
		return rune(c), 1, n.t.low[c], true
	} else if c >= 0xC2 && c < 0xE0 && i+1 < len(src) && src[i+1]&0xC0 == 0x80 {
		r = rune(c&0x1F)<<6 | rune(src[i+1]&0x3F)
		return r, 2, n.t.low[r], true
	}
	return 0, 0, 0, false
}
