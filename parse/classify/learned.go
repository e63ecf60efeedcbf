package classify

import "github.com/khabar/khabar/parse/lexicon"

// ruleLearned names the furniture learned from an archive (khabar
// furniture) in removed[].rule.
const ruleLearned = "learned-furniture"

// learned marks the lines of f[lo:hi] that a furniture entry of the
// lexicon matches whole as boilerplate, but the lead: the first line of
// running text, which other pages of an archive may quote as a teaser of
// this very story. Lines already decided (credits, labels, datelines) keep
// their kind.
func (d *doc) learned(lo, hi int) {
	lead := -1
	for j := lo; j < hi; j++ {
		if d.open(j) && d.prose(j) {
			lead = j
			break
		}
	}
	for j := lo; j < hi; j++ {
		if j == lead || !d.open(j) {
			continue
		}
		e, ok := d.lex.Whole(d.wholeKey(j))
		if !ok {
			continue
		}
		d.set(j, Boilerplate, ruleLearned)
		d.more(j).Learned = &lexicon.Entry{Kind: e.Kind, Text: e.Text, Documents: e.Documents}
	}
}
