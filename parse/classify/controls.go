package classify

import (
	"strings"
	"unicode/utf8"

	"github.com/khabar/khabar/parse/arabic"
)

// edgeControls puts back, around the text of each result that is its
// line's text, the invisible controls that began or ended the line and
// that the trimming of features took off (a right-to-left mark, say): the
// normalizer then deletes them and counts them, as it does those inside a
// line. The spaces among them stay off.
func (d *doc) edgeControls(lines []Line) {
	for j := range d.f {
		raw := lines[d.f[j].idx].Raw
		if raw == "" || visibleASCII(raw[0]) && visibleASCII(raw[len(raw)-1]) {
			continue // the common case: a line that starts and ends with something visible
		}
		lead, trail := leadingControls(raw), trailingControls(raw)
		if lead == "" && trail == "" {
			continue
		}
		r := d.res(j)
		if r.Kind == "" || r.Text != d.f[j].text {
			continue
		}
		r.Text = lead + r.Text + trail
	}
}

// visibleASCII reports whether c is a printable ASCII character.
func visibleASCII(c byte) bool { return c > ' ' && c < utf8.RuneSelf && c != 0x7f }

// leadingControls returns the controls among the invisible characters
// that begin s.
func leadingControls(s string) string {
	if s == "" || visibleASCII(s[0]) {
		return ""
	}
	var b strings.Builder
	for _, c := range s {
		if !invisible(c) {
			break
		}
		if arabic.IsControl(c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// trailingControls returns the controls among the invisible characters
// that end s, in their order.
func trailingControls(s string) string {
	i := len(s)
	for i > 0 && !visibleASCII(s[i-1]) {
		c, n := utf8.DecodeLastRuneInString(s[:i])
		if !invisible(c) {
			break
		}
		i -= n
	}
	return leadingControls(s[i:])
}
