package arabic

import (
	"strings"
	"unicode"

	"golang.org/x/text/transform"
)

// PLACEHOLDER: a minimal implementation so the rest of the tree compiles;
// the streaming normalizer replaces this file.

// Normalizer is a transform.SpanningTransformer applying Options.
type Normalizer struct {
	opts    Options
	changes Changes
}

// New returns a normalizer for o. A Normalizer keeps state: use one per goroutine.
func New(o Options) *Normalizer { return &Normalizer{opts: o} }

// Changes returns what each op changed since the last Reset.
func (n *Normalizer) Changes() *Changes { return &n.changes }

// Reset implements transform.Transformer.
func (n *Normalizer) Reset() {}

// Transform implements transform.Transformer.
func (n *Normalizer) Transform(dst, src []byte, atEOF bool) (int, int, error) {
	if !atEOF {
		return 0, 0, transform.ErrShortSrc
	}
	out := n.apply(string(src))
	if len(out) > len(dst) {
		return 0, 0, transform.ErrShortDst
	}
	return copy(dst, out), len(src), nil
}

// Span implements transform.SpanningTransformer.
func (n *Normalizer) Span(src []byte, atEOF bool) (int, error) {
	if !atEOF {
		return 0, transform.ErrShortSrc
	}
	if n.apply(string(src)) == string(src) {
		return len(src), nil
	}
	return 0, transform.ErrEndOfSpan
}

func (n *Normalizer) apply(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if n.opts.Has(Tatweel) {
		s = strings.ReplaceAll(s, "\u0640", "")
	}
	if n.opts.Has(Alef) {
		s = strings.NewReplacer("أ", "ا", "إ", "ا", "آ", "ا", "ٱ", "ا").Replace(s)
	}
	if n.opts.Has(Yeh) {
		s = strings.ReplaceAll(s, "ى", "ي")
	}
	if n.opts.Has(TehMarbuta) {
		s = strings.ReplaceAll(s, "ة", "ه")
	}
	if n.opts.Has(Diacritics) {
		s = strings.Map(func(r rune) rune {
			if r >= 0x064B && r <= 0x0652 || r == 0x0670 {
				return -1
			}
			return r
		}, s)
	}
	return s
}

// String normalizes s with o.
func String(o Options, s string) string { return New(o).apply(s) }

// Key folds s for matching: the search profile, Latin lowercased,
// punctuation folded to spaces and spaces collapsed.
func Key(s string) string {
	s = String(Search, s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return ' '
		}
		return unicode.ToLower(r)
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
