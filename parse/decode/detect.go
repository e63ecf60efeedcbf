package decode

import (
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Prefix is how many bytes at most the decision looks at.
const Prefix = 64 << 10

// enc is a concrete encoding, endianness included.
type enc uint8

const (
	encUTF8 enc = iota
	encUTF16LE
	encUTF16BE
	encWindows1256
	encISO88596
)

var encNames = [...]string{"utf-8", "utf-16le", "utf-16be", "windows-1256", "iso-8859-6"}

func (e enc) String() string { return encNames[e] }

// decision is what detection settles for a whole input.
type decision struct {
	enc    enc
	source string   // "bom", "detected" or "flag"
	skip   int      // BOM length
	forced Encoding // the flag's encoding, "" in auto mode
	// valid: the bytes decided on are valid UTF-8 through their end (the
	// input's end when atEOF), so decoding them need not check again.
	valid bool
}

// needMore reports whether decide could change its answer for the
// prefix p if more bytes came. A Reader reads until it is false, so that
// it decides on exactly what Bytes sees, however the input is chunked.
func needMore(p []byte, e Encoding, limit int) bool {
	if len(p) >= limit {
		return false
	}
	switch e {
	case Windows1256, ISO88596:
		return false
	case UTF8:
		return len(p) < 3 && string(p) == "\xef\xbb\xbf"[:len(p)]
	case UTF16:
		return bom(p) != 2 // only a UTF-16 BOM settles it before the prefix is full
	}
	return bom(p) == 0 // Auto: a BOM settles it at once
}

// decide picks the encoding for an input whose first bytes are p
// (atEOF: p is the whole input).
func decide(p []byte, atEOF bool, e Encoding) decision {
	n := bom(p)
	switch e {
	case UTF8:
		if n == 3 {
			return decision{enc: encUTF8, source: "flag", skip: 3, forced: e}
		}
		return decision{enc: encUTF8, source: "flag", forced: e}
	case UTF16:
		switch {
		case n == 2 && p[0] == 0xff:
			return decision{enc: encUTF16LE, source: "flag", skip: 2, forced: e}
		case n == 2:
			return decision{enc: encUTF16BE, source: "flag", skip: 2, forced: e}
		}
		return decision{enc: utf16ByNUL(p), source: "flag", forced: e}
	case Windows1256:
		return decision{enc: encWindows1256, source: "flag", forced: e}
	case ISO88596:
		return decision{enc: encISO88596, source: "flag", forced: e}
	}
	switch {
	case n == 3:
		return decision{enc: encUTF8, source: "bom", skip: 3}
	case n == 2 && p[0] == 0xff:
		return decision{enc: encUTF16LE, source: "bom", skip: 2}
	case n == 2:
		return decision{enc: encUTF16BE, source: "bom", skip: 2}
	}
	enc, valid := sniff(p, atEOF)
	return decision{enc: enc, source: "detected", valid: valid && atEOF}
}

// bom returns the length of the byte order mark p starts with, or 0.
func bom(p []byte) int {
	switch {
	case len(p) >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf:
		return 3
	case len(p) >= 2 && (p[0] == 0xff && p[1] == 0xfe || p[0] == 0xfe && p[1] == 0xff):
		return 2
	}
	return 0
}

// utf16ByNUL decides the byte order of UTF-16 without a BOM: ASCII,
// spaces and digits have a zero high byte, which comes second in
// little-endian. More NULs at odd offsets than at even ones means
// little-endian; more at even offsets, big-endian; a tie, little-endian
// (what Windows writes).
func utf16ByNUL(p []byte) enc {
	var odd, even int
	for i, c := range p {
		if c == 0 {
			if i%2 == 1 {
				odd++
			} else {
				even++
			}
		}
	}
	if even > odd {
		return encUTF16BE
	}
	return encUTF16LE
}

// sniff decides between UTF-8 and the two Arabic code pages; valid
// reports that p (but for a rune the prefix's end cuts) is valid UTF-8.
func sniff(p []byte, atEOF bool) (e enc, valid bool) {
	if !atEOF {
		p = trimPartialRune(p)
	}
	if validUTF8(p) {
		return encUTF8, true
	}
	// Legacy Arabic text is almost never valid UTF-8 for long: an Arabic
	// letter byte (0xC1–0xEA) starts a two-byte sequence that the next
	// letter or space breaks. On the Windows-1256 files of the corpus,
	// valid multi-byte sequences are at most 8 % of the invalid bytes;
	// UTF-8 with a stray byte has thousands of them per bad byte.
	if multi, bad := utf8Counts(p); multi > bad {
		return encUTF8, false
	}
	return codePage(p), false
}

// trimPartialRune drops an incomplete UTF-8 sequence that the end of the
// prefix may have cut.
func trimPartialRune(p []byte) []byte {
	for i := len(p) - 1; i >= 0 && i >= len(p)-utf8.UTFMax; i-- {
		if utf8.RuneStart(p[i]) {
			if !utf8.FullRune(p[i:]) {
				return p[:i]
			}
			break
		}
	}
	return p
}

// utf8Counts counts valid multi-byte sequences and invalid bytes.
func utf8Counts(p []byte) (multi, bad int) {
	for i := 0; i < len(p); {
		if p[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			multi++
		}
		i += n
	}
	return multi, bad
}

// isoUndefined marks the bytes ISO-8859-6 leaves undefined (0x80–0x9F,
// most of 0xA1–0xBF, 0xC0, 0xDB–0xDF, 0xF3–0xFF); Windows-1256 uses them
// for common letters (غ ـ ف ق ك), Persian and Urdu letters, harakat.
var isoUndefined = undefined(charmap.ISO8859_6)

// cp1256Latin marks the bytes that are French letters in Windows-1256
// (à â ç è é ê ë î ï) and ـ ق ه و ى ي or harakat in ISO-8859-6: Arabic
// text in ISO-8859-6 cannot go long without them.
var cp1256Latin = func() (t [256]bool) {
	for _, b := range []byte{0xe0, 0xe2, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xee, 0xef} {
		t[b] = true
	}
	return t
}()

func undefined(m *charmap.Charmap) (t [256]bool) {
	for b := range 256 {
		t[b] = m.DecodeByte(byte(b)) == utf8.RuneError
	}
	return t
}

// codePage applies the byte rule: a byte undefined in ISO-8859-6 means
// Windows-1256; else a byte that is ق ه و ي (…) in ISO-8859-6 but a French
// letter in Windows-1256 means ISO-8859-6; else Windows-1256.
func codePage(p []byte) enc {
	latin := false
	for _, c := range p {
		if isoUndefined[c] {
			return encWindows1256
		}
		latin = latin || cp1256Latin[c]
	}
	if latin {
		return encISO88596
	}
	return encWindows1256
}
