package arabic

import (
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// Span implements transform.SpanningTransformer. It accepts the text that
// is already normalized in the plain way: simple code points the ops keep,
// single spaces inside a line, line feeds; it stops at anything else.
func (n *Normalizer) Span(src []byte, atEOF bool) (int, error) {
	if n.st.pend >= 0 || n.st.space != 0 || n.st.afterCR || n.st.tat > 0 || n.st.tatOut > 0 {
		if len(src) == 0 && !atEOF {
			return 0, nil
		}
		return 0, transform.ErrEndOfSpan
	}
	i := 0
	for i < len(src) {
		r, size, e, ok := n.decode(src, i, atEOF)
		if !ok {
			return i, transform.ErrShortSrc
		}
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
		if i+size == len(src) {
			if !atEOF {
				return i, transform.ErrShortSrc
			}
			if e.kind() == kSpace {
				return i, transform.ErrEndOfSpan
			}
		} else {
			_, _, next, ok := n.decode(src, i+size, atEOF)
			if !ok {
				return i, transform.ErrShortSrc
			}
			switch k := next.kind(); {
			case k == kCopy || k == kMap:
			case e.kind() == kCopy && (k == kSpace || k == kLF):
			default:
				return i, transform.ErrEndOfSpan
			}
		}
		if e.kind() == kSpace {
			n.st.prevLetter = false
		} else {
			n.st.lineStart, n.st.prevLetter = false, e.letter()
		}
		i += size
	}
	return i, nil
}
