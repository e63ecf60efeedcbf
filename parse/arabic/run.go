package arabic

import "unicode/utf8"

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
