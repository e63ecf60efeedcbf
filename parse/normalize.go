package parse

import (
	"golang.org/x/text/transform"

	"github.com/khabar/khabar/parse/arabic"
)

// normalizer applies the output profile to text fields and adds up what
// each op changed in the current document.
type normalizer struct {
	t       *arabic.Normalizer
	changes arabic.Changes
}

func newNormalizer(o arabic.Options) *normalizer { return &normalizer{t: arabic.New(o)} }

// reset starts a new document.
func (n *normalizer) reset() { n.changes = arabic.Changes{} }

// string normalizes s; transform.String resets the transformer, so the
// counts are taken after every call.
func (n *normalizer) string(s string) string {
	out, _, err := transform.String(n.t, s)
	if err != nil {
		// The normalizer turns anything into valid UTF-8 and never fails;
		// keep the text rather than lose it if it ever does.
		return s
	}
	n.changes.Add(n.t.Changes())
	return out
}
