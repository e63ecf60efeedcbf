package classify

import (
	"unicode/utf8"

	"github.com/khabar/khabar/parse/arabic"
)

// leadingControls puts back, before the text of each result that is its
// line's text, the invisible controls that began the line and that the
// trimming of features took off (a right-to-left mark, say): the
// normalizer then deletes them and counts them, as it does those inside a
// line. The spaces among them stay off.
func (d *doc) leadingControls(lines []Line) {
	for j := range d.f {
		raw := lines[d.f[j].idx].Raw
		if raw == "" || raw[0] > ' ' && raw[0] < utf8.RuneSelf && raw[0] != 0x7f {
			continue // the common case: a line that starts with something visible
		}
		r := d.res(j)
		if r.Kind == "" || r.Text != d.f[j].text {
			continue
		}
		var lead []byte
		for _, c := range raw {
			if !invisible(c) {
				break
			}
			if arabic.IsControl(c) {
				lead = utf8.AppendRune(lead, c)
			}
		}
		if lead != nil {
			r.Text = string(lead) + r.Text
		}
	}
}
