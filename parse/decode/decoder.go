package decode

import (
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

const replacement = "\uFFFD"

// decoder is the transformer behind Bytes and Reader. It splits its input
// into runs that decode cleanly, which it hands to x/text (or copies, for
// UTF-8), and bad units, which it counts and replaces with U+FFFD, or
// reports as an *Error when the encoding was forced. x/text never sees a
// bad unit, so every U+FFFD it could introduce is one we counted.
type decoder struct {
	d     decision
	inner transform.Transformer // nil for UTF-8
	bad   *[256]bool            // bytes a code page leaves undefined; nil if none

	base     int64 // input offset of the first byte the decoder sees (after the BOM)
	off      int64 // input offset of the next byte
	replaced int
	firstBad int64
}

func newDecoder(d decision) *decoder {
	t := &decoder{d: d, base: int64(d.skip)}
	switch d.enc {
	case encUTF16LE:
		t.inner = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder()
	case encUTF16BE:
		t.inner = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder()
	case encWindows1256:
		t.inner = charmap.Windows1256.NewDecoder()
	case encISO88596:
		t.inner = charmap.ISO8859_6.NewDecoder()
		t.bad = &isoUndefined
	}
	t.Reset()
	return t
}

// Reset implements transform.Transformer.
func (t *decoder) Reset() {
	t.off, t.replaced, t.firstBad = t.base, 0, -1
	if t.inner != nil {
		t.inner.Reset()
	}
}

func (t *decoder) result() Result {
	return Result{Encoding: t.d.enc.String(), Source: t.d.source, Replaced: t.replaced, FirstBad: t.firstBad}
}

// Transform implements transform.Transformer.
func (t *decoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	defer func() { t.off += int64(nSrc) }()
	for nSrc < len(src) {
		good, bad := t.scan(src[nSrc:], atEOF)
		if good > 0 {
			n, m, err := t.convert(dst[nDst:], src[nSrc:nSrc+good])
			nDst, nSrc = nDst+n, nSrc+m
			if err != nil {
				return nDst, nSrc, err
			}
		}
		if bad == 0 {
			if nSrc < len(src) {
				return nDst, nSrc, transform.ErrShortSrc
			}
			break
		}
		at := t.off + int64(nSrc)
		if t.d.forced != "" {
			return nDst, nSrc, &Error{Encoding: t.d.forced, Offset: at}
		}
		if len(dst)-nDst < len(replacement) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], replacement)
		if t.replaced == 0 {
			t.firstBad = at
		}
		t.replaced++
		nSrc += bad
	}
	return nDst, nSrc, nil
}

// convert decodes src, which holds only whole, valid units.
func (t *decoder) convert(dst, src []byte) (nDst, nSrc int, err error) {
	if t.inner != nil {
		return t.inner.Transform(dst, src, true)
	}
	n := copy(dst, src)
	if n == len(src) {
		return n, n, nil
	}
	for n > 0 && !utf8.RuneStart(src[n]) {
		n--
	}
	return n, n, transform.ErrShortDst
}

// scan returns the length of the run at the start of src that decodes
// cleanly, and the size of the bad unit after it: 0 when src ends there,
// or ends with a unit cut short and more input may follow (!atEOF).
func (t *decoder) scan(src []byte, atEOF bool) (good, bad int) {
	switch t.d.enc {
	case encUTF8:
		return scanUTF8(src, atEOF)
	case encUTF16LE:
		return scanUTF16(src, atEOF, 0)
	case encUTF16BE:
		return scanUTF16(src, atEOF, 1)
	}
	if t.bad == nil {
		return len(src), 0
	}
	for i, c := range src {
		if t.bad[c] {
			return i, 1
		}
	}
	return len(src), 0
}

// scanUTF8: each byte that does not start a valid sequence is bad, as
// utf8.DecodeRune and x/text count them.
func scanUTF8(src []byte, atEOF bool) (good, bad int) {
	whole := src
	if !atEOF {
		whole = trimPartialRune(src) // a chunk boundary often cuts a rune
	}
	if validUTF8(whole) {
		return len(whole), 0
	}
	i := 0
	for i < len(src) {
		if src[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			if !atEOF && !utf8.FullRune(src[i:]) {
				return i, 0
			}
			return i, 1
		}
		i += n
	}
	return i, 0
}

// scanUTF16: an unpaired surrogate is a bad 2-byte unit; an odd byte at
// the end of the input is a bad 1-byte unit. lo is the index of the low
// byte of a code unit: 0 for little-endian, 1 for big-endian.
func scanUTF16(src []byte, atEOF bool, lo int) (good, bad int) {
	unit := func(i int) rune { return rune(src[i+lo]) | rune(src[i+1-lo])<<8 }
	i := 0
	for i+1 < len(src) {
		u := unit(i)
		switch {
		case u < 0xd800 || u > 0xdfff:
			i += 2
			continue
		case u >= 0xdc00: // low surrogate first
			return i, 2
		case i+3 < len(src):
			if v := unit(i + 2); v >= 0xdc00 && v <= 0xdfff {
				i += 4
				continue
			}
			return i, 2
		case !atEOF:
			return i, 0
		}
		return i, 2 // high surrogate at the end
	}
	if i < len(src) && atEOF {
		return i, 1
	}
	return i, 0
}
