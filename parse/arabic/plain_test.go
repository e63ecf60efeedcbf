package arabic

import "testing"

// TestPlain holds plain to Span: whatever plain takes, Span takes whole,
// with both profiles; and plain takes ordinary normalized Arabic text.
func TestPlain(t *testing.T) {
	cases := []string{
		"", "\n", "a b", "a  b", " a", "a ", "a \nb", "a\n b", "a\tb", "a\r\nb", "قال الرئيس\nفي بيان",
		"قال  الرئيس", "أحمد", "\u0640ـ", "كتاب\u064e", "x\u00a0y", "\u0085", "١٢٣", "\xd8", "a\u200fb",
	}
	cases = append(cases, transformCases...)
	for _, c := range opCases {
		cases = append(cases, c.in)
	}
	for _, o := range []Options{Default, Search} {
		n := New(o)
		for _, s := range cases {
			if !n.plain(s) {
				continue
			}
			n.Reset()
			if k, err := n.Span([]byte(s), true); err != nil || k != len(s) {
				t.Errorf("%v: plain takes %+q, Span stops at %d (%v)", o, s, k, err)
			}
		}
		if s := "قال الرئيس في بيان\nإن الاتفاق تم"; !n.plain(s) && o == Default {
			t.Errorf("plain refuses %+q", s)
		}
	}
}
