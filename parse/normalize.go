package parse

import "github.com/khabar/khabar/parse/arabic"

// normalizer applies the output profile to text fields and adds up what
// each op changed in the current document.
type normalizer struct {
	t       *arabic.Normalizer
	changes arabic.Changes
}

func newNormalizer(o arabic.Options) *normalizer { return &normalizer{t: arabic.New(o)} }

// reset starts a new document.
func (n *normalizer) reset() { n.changes = arabic.Changes{} }

// string normalizes s. Normalizer.String resets the counts, so they are
// added up after every call.
func (n *normalizer) string(s string) string {
	out := n.t.String(s)
	n.changes.Add(n.t.Changes())
	return out
}

// stringCount normalizes s and counts the result.
func (n *normalizer) stringCount(s string) (string, arabic.Counts) {
	out, c := n.t.StringCount(s)
	n.changes.Add(n.t.Changes())
	return out, c
}
