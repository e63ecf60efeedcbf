package arabic

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// String returns s normalized with o.
func String(o Options, s string) string {
	p := poolFor(o)
	n := p.Get().(*Normalizer)
	s = n.String(s)
	p.Put(n)
	return s
}

var pools sync.Map // Options → *sync.Pool of *Normalizer

func poolFor(o Options) *sync.Pool {
	if p, ok := pools.Load(o); ok {
		return p.(*sync.Pool)
	}
	p, _ := pools.LoadOrStore(o, &sync.Pool{New: func() any { return New(o) }})
	return p.(*sync.Pool)
}

// String returns s normalized. It resets n first, so Changes tells what
// changed in s. n keeps its buffers between calls: normalizing line after
// line allocates only the returned strings, and nothing when a line is
// already normal.
func (n *Normalizer) String(s string) string {
	n.Reset()
	if n.plain(s) {
		return s
	}
	return n.normalize(s)
}

// StringCount is String that also counts the text it returns. An already
// normal text is counted in the same pass that finds it normal.
func (n *Normalizer) StringCount(s string) (string, Counts) {
	n.Reset()
	if c, ok := n.plainCount(s); ok {
		return s, c
	}
	out := n.normalize(s)
	return out, Count(out)
}

// normalize returns s normalized, s not being known plain.
func (n *Normalizer) normalize(s string) string {
	n.src = append(n.src[:0], s...)
	if _, err := n.Span(n.src, true); err == nil {
		return s
	}
	n.Reset()
	if cap(n.buf) < len(s)+len(s)/8+16 {
		n.buf = make([]byte, len(s)+len(s)/8+16)
	}
	n.buf = n.buf[:cap(n.buf)]
	nDst, nSrc := 0, 0
	for {
		d, c, err := n.Transform(n.buf[nDst:], n.src[nSrc:], true)
		nDst += d
		nSrc += c
		if err != transform.ErrShortDst {
			break
		}
		grown := make([]byte, 2*len(n.buf)+utf8Max)
		copy(grown, n.buf[:nDst])
		n.buf = grown
	}
	return string(n.buf[:nDst])
}

const utf8Max = 4

// plain reports whether Span takes all of s from the start of a text, for
// text of ASCII and two-byte code points (all of Arabic), without copying
// s or keeping state: every code point one the ops keep, single U+0020
// spaces between two of them, line feeds. False means "ask Span".
func (n *Normalizer) plain(s string) bool {
	_, ok := n.plainCount(s)
	return ok
}

// keptRun returns the length of the run at the start of s of Arabic
// letters kept as they are (U+0600–U+06FF, as letter marks them) and of
// single spaces, each between two such letters, with the number of
// letters and spaces in it: most of a news text. It is not inlined: its
// loop alone has the registers it needs, which plainCount's lacks.
//
//go:noinline
func keptRun(s string, letter *[0x400]bool) (size, letters, spaces int) {
	i := 0
	for {
		// The two bytes, less 0xD800: below 0x400 for a lead byte D8–DB.
		for ; i < len(s)-1; i += 2 {
			if x := (uint(s[i])<<8 | uint(s[i+1])) - 0xD800; x >= 0x400 || !letter[x] {
				break
			}
		}
		if i >= len(s)-2 || s[i] != ' ' {
			break
		}
		if x := (uint(s[i+1])<<8 | uint(s[i+2])) - 0xD800; x >= 0x400 || !letter[x] {
			break
		}
		i += 3
		spaces++
	}
	return i, (i - spaces) / 2, spaces
}

// plainCount reports what plain does and, when s is plain, counts it as
// Count does, in the same pass.
func (n *Normalizer) plainCount(s string) (Counts, bool) {
	const (
		lineStart = iota
		kept
		space
	)
	prev := lineStart
	low := &n.t.low
	var runes, words, letters, arabic int
	wasSep := 1 // the code point before parts words (as the start does)
	for i := 0; i < len(s); {
		var r rune
		if c := s[i]; c < utf8.RuneSelf {
			r = rune(c)
			i++
		} else if c-0xC2 < 0xE0-0xC2 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			r = rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			i += 2
		} else {
			return Counts{}, false
		}
		switch low[r&0x7FF].kind() {
		case kCopy:
			prev = kept
		case kLF:
			if prev == space {
				return Counts{}, false
			}
			prev = lineStart
		case kSpace:
			if r != ' ' || prev != kept {
				return Counts{}, false
			}
			prev = space
		default:
			return Counts{}, false
		}
		k := letterClass[r&0x7FF]
		sep := int(k & classSep)
		words += wasSep &^ sep
		wasSep = sep
		letters += int(k >> 1 & 1)
		arabic += int(k >> 2)
		runes++
		if prev != kept || wasSep != 0 {
			continue
		}
		// The rest of the text while it is Arabic letters and single
		// spaces between them, in a function of its own.
		size, n, spaces := keptRun(s[i:], &n.t.keptLetter)
		runes, letters, arabic, words = runes+n+spaces, letters+n, arabic+n, words+spaces
		i += size
	}
	return Counts{Runes: runes, Words: words, Letters: letters, Arabic: arabic}, prev != space
}
