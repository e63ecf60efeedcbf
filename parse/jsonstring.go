package parse

import "unicode/utf8"

// plainASCII marks the ASCII bytes a JSON string holds as they are.
var plainASCII = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// AppendJSONString appends s to dst as a JSON string: the bytes
// encoding/json writes for s with HTML escaping off (its Encoder after
// SetEscapeHTML(false)), without the newline. A byte that is not UTF-8 is
// written as \ufffd. Records and the batch manifest are written with it.
func AppendJSONString(dst []byte, s string) []byte { return appendString(dst, s) }

// appendString writes s as a JSON string with the escapes encoding/json
// uses when it does not escape HTML: \" \\ \b \f \n \r \t, \u00XX for the
// other controls, \u2028 and \u2029, and \ufffd for each byte that is not
// UTF-8. Runs of ASCII that needs no escape and of valid two-byte
// sequences (all of Arabic) are passed over eight bytes at a time; the
// bytes around anything else, a byte at a time.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		i = plainRun(s, i)
		end := min(i+8, len(s))
		for i < end {
			i, start, b = appendChar(b, s, i, start)
		}
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

const (
	lsb = 0x0101010101010101 // the low bit of each byte of a word
	msb = 0x8080808080808080 // the high bit of each byte
)

// plainRun returns the end of the run of bytes from s[i], a character's
// first byte, that can be written as they are, as far as eight-byte
// words tell it: a word passes when each of its bytes is ASCII needing no
// escape or one of a two-byte sequence (lead C2–DF, then 80–BF), which
// may straddle two words. What the run stops short of is left to
// appendChar.
func plainRun(s string, i int) int {
	var carry uint64 // 0x80 when the last word ended on a lead byte
	t := s[i:]
	for ; len(t) >= 8; t = t[8:] {
		x := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		// An ASCII byte below 0x20, or equal to '"' or '\\', sets the
		// high bit of the first such byte (those above it may be set
		// wrongly, which changes no answer); bytes of 0x80 and over never
		// set it.
		q, bs := x^(lsb*'"'), x^(lsb*'\\')
		escape := ((x - lsb*0x20) | (q - lsb) | (bs - lsb)) &^ x
		// Leads are 11xxxxxx, continuations 10xxxxxx. A lead must be
		// 110xxxxx, and not C0 or C1 (no bit among 0x1E: overlong).
		high, x1 := x&msb, x<<1
		lead, cont := high&x1, high&^x1
		wide := x << 2
		short := (x&(lsb*0x1E) + lsb*0x7F) &^ wide
		if (escape|lead&^short)&msb != 0 || cont != lead<<8|carry {
			break
		}
		carry = lead >> 56
	}
	return len(s) - len(t) - int(carry>>7)
}

// appendChar writes the character at s[i], whose unwritten bytes begin at
// start, escaping it if need be, and returns the next i and start.
func appendChar(b []byte, s string, i, start int) (int, int, []byte) {
	c := s[i]
	if c < utf8.RuneSelf {
		if plainASCII[c] {
			return i + 1, start, b
		}
		b = append(b, s[start:i]...)
		switch c {
		case '\\', '"':
			b = append(b, '\\', c)
		case '\b':
			b = append(b, '\\', 'b')
		case '\f':
			b = append(b, '\\', 'f')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
		}
		return i + 1, i + 1, b
	}
	if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return i + 2, start, b
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == utf8.RuneError && size == 1:
		b = append(b, s[start:i]...)
		b = append(b, `\ufffd`...)
	case r == '\u2028' || r == '\u2029':
		b = append(b, s[start:i]...)
		b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
	default:
		return i + size, start, b
	}
	return i + size, i + size, b
}
