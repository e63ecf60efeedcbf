package decode

import (
	"encoding/binary"
	"unicode/utf8"
)

// validUTF8 reports whether p is valid UTF-8, as utf8.Valid does. Arabic
// text is mostly two-byte sequences, which utf8.Valid checks one at a
// time; here eight bytes of ASCII and two-byte sequences are checked at
// once, and a chunk holding anything else (a three- or four-byte sequence,
// an error) is checked rune by rune.
func validUTF8(p []byte) bool {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
		mid   = 0x1e1e1e1e1e1e1e1e // bits 1–4: all zero in 0xC0 and 0xC1
	)
	var carry uint64 // 0x80 when the previous byte opened a two-byte sequence
	i := 0
	for i+8 <= len(p) {
		x := binary.LittleEndian.Uint64(p[i:])
		hi := x & highs
		if hi == 0 && carry == 0 {
			i += 8 // ASCII
			continue
		}
		b6, b5 := x<<1&highs, x<<2&highs // bits 6 and 5 of each byte, moved to bit 7
		cont := hi &^ b6                 // 10xxxxxx
		lead := hi & b6 &^ b5            // 110xxxxx
		m := x & mid
		nonzero := (m + 0x7f*ones) & highs // bit 7 where bits 1–4 are not all zero (no carry: m ≤ 0x1e a byte)
		if hi&b6&b5 == 0 && lead&^nonzero == 0 && cont == lead<<8|carry {
			carry = lead >> 56
			i += 8
			continue
		}
		// A longer sequence, an overlong lead or a stray byte: rune by
		// rune from the last boundary to past the chunk.
		if carry != 0 {
			i--
		}
		for end := i + 8; i < end; {
			r, n := utf8.DecodeRune(p[i:])
			if r == utf8.RuneError && n == 1 {
				return false
			}
			i += n
		}
		carry = 0
	}
	if carry != 0 {
		i-- // the lead byte of a sequence the last chunk cut
	}
	return utf8.Valid(p[i:])
}
