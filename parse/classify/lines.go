package classify

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Line is one line of a document.
type Line struct {
	N     int    // 1-based line number in the source file
	Raw   string // the decoded line, without its line end
	Blank bool   // nothing but spaces and invisible characters
}

// SplitLines cuts text into lines ended by LF, CRLF or CR. first is the
// source line number of the first one. A final line end does not open an
// empty last line; text without any line end is one line.
func SplitLines(text string, first int) []Line {
	return AppendLines(nil, text, first)
}

// AppendLines appends the lines of text, as SplitLines cuts them, to lines.
func AppendLines(lines []Line, text string, first int) []Line {
	// One line per LF and one after the last (CR-only ends grow it).
	lines = slices.Grow(lines, strings.Count(text, "\n")+1)
	n := first
	for start := 0; start < len(text); {
		end, next := len(text), len(text)
		if i := strings.IndexByte(text[start:], '\n'); i >= 0 {
			end, next = start+i, start+i+1
		}
		if i := strings.IndexByte(text[start:end], '\r'); i >= 0 {
			end, next = start+i, start+i+1
			if next < len(text) && text[next] == '\n' {
				next++
			}
		}
		raw := text[start:end]
		lines = append(lines, Line{N: n, Raw: raw, Blank: IsBlank(raw)})
		n++
		start = next
	}
	return lines
}

// IsBlank reports whether s holds only whitespace (NBSP included) and
// invisible characters: ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM, bidi embeddings and
// isolates, U+2060, U+FEFF, C0 controls and NUL. These lines get no kind.
func IsBlank(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c > ' ' && c != 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !invisible(r) {
			return false
		}
		i += size
	}
	return true
}

// invisible reports whether r is whitespace or a format character that
// shows nothing on its own.
func invisible(r rune) bool {
	switch {
	case r <= ' ' || r == 0x7f || r == 0x85 || r == 0xa0 || r == 0x1680 || r == 0x3000:
		return true
	case r >= 0x2000 && r <= 0x200f: // spaces, ZWSP, ZWNJ, ZWJ, LRM, RLM
		return true
	case r == 0x2028 || r == 0x2029 || r == 0x202f || r == 0x205f || r == 0x2060 || r == 0xfeff:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x061c:
		return true
	}
	return false
}
