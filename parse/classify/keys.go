package classify

import (
	"slices"
	"unsafe"

	"github.com/khabar/khabar/parse/lexicon"
)

// keyArena holds the match keys of a document's lines in one buffer, where
// each token lies in it and the lexicon entries found in each line. A feat
// keeps only index ranges into it: a document has hundreds of tokens, and
// storing a pointer in the heap (a token string, a slice) goes through the
// collector's write barrier whenever it marks, which with a small heap is
// much of the time.
type keyArena struct {
	buf   []byte
	spans [][2]int32 // where each token lies in buf
	hits  []lexicon.Match
}

// add folds the key of f's text (its head and tail when f is partial) and
// looks its tokens up in lex. It returns the arena grown, a value: the
// caller keeps it on the stack, where storing its slices needs no barrier.
func (a keyArena) add(f *feat, lex *lexicon.Lexicon) keyArena {
	from := len(a.spans)
	if f.partial {
		head, tail := cut(f.text, keyHead, keyTail)
		a.buf, a.spans = lexicon.AppendKeySpans(a.buf, a.spans, head)
		a.buf, a.spans = lexicon.AppendKeySpans(append(a.buf, ' '), a.spans, tail)
	} else {
		a.buf, a.spans = lexicon.AppendKeySpans(a.buf, a.spans, f.text)
	}
	a.buf = append(a.buf, ' ')
	f.tokRange = [2]int32{int32(from), int32(len(a.spans))}
	n := len(a.hits)
	a.hits = lex.AppendScanKey(a.hits, a.key(f))
	f.hitRange = [2]int32{int32(n), int32(len(a.hits))}
	return a
}

// key returns the tokens of f.
func (a *keyArena) key(f *feat) lexicon.Key {
	// The key shares the buffer, which the next document reuses: no token
	// may outlive Classify (results hold the line's text, never a token).
	// Bytes added after the string was made lie past its end.
	s := unsafe.String(unsafe.SliceData(a.buf), len(a.buf))
	return lexicon.KeyOf(s, a.spans[f.tokRange[0]:f.tokRange[1]])
}

// view is a line's feat with its tokens and lexicon hits at hand, made on
// the stack for the rules that read them.
type view struct {
	*feat
	toks lexicon.Key
	hits hitList
}

// line returns the view of f[j].
func (d *doc) line(j int) *view {
	f := &d.f[j]
	return &view{feat: f, toks: d.keys.key(f), hits: d.keys.hits[f.hitRange[0]:f.hitRange[1]]}
}

// toks returns the tokens of f[j].
func (d *doc) toks(j int) lexicon.Key { return d.keys.key(&d.f[j]) }

// wholeKey returns the tokens of all of f[j]'s text: toks holds only the
// head and tail of a long line.
func (d *doc) wholeKey(j int) lexicon.Key {
	if d.f[j].partial {
		return lexicon.MakeKey(d.f[j].text)
	}
	return d.toks(j)
}

// sameKey reports whether two lines of tokens are the same and not empty.
func sameKey(a, b lexicon.Key) bool { return a.Len() > 0 && a.Equal(b) }

// hitList is the lexicon entries found in a run of tokens, from one
// lexicon.AppendScanKey: at each token where entries start, the longest of
// each kind, in token order. Asking it what the lexicon has at a token
// costs a look at a few entries, not a lookup in the lexicon.
type hitList []lexicon.Match

// at returns the longest entry of kind k at token i, as Lexicon.AtKey.
func (h hitList) at(k lexicon.Kind, i int) (lexicon.Match, bool) {
	for _, m := range h {
		if m.Start == i && m.Entry.Kind == k {
			return m, true
		}
	}
	return lexicon.Match{}, false
}

func (h hitList) has(k lexicon.Kind) bool {
	for _, m := range h {
		if m.Entry.Kind == k {
			return true
		}
	}
	return false
}

// find returns the leftmost-longest non-overlapping entries of kind k, as
// Lexicon.FindKey.
func (h hitList) find(k lexicon.Kind) []lexicon.Match {
	var out []lexicon.Match
	end := 0
	for _, m := range h {
		if m.Entry.Kind == k && m.Start >= end {
			out = append(out, m)
			end = m.End
		}
	}
	return out
}

// agencies returns the canonical names of the agencies found, unique, in
// order of first appearance, as Lexicon.AgenciesInKey.
func (h hitList) agencies() []string {
	var out []string
	end := 0
	for _, m := range h {
		if m.Entry.Kind == lexicon.Agency && m.Start >= end {
			if !slices.Contains(out, m.Entry.Canonical) {
				out = append(out, m.Entry.Canonical)
			}
			end = m.End
		}
	}
	return out
}

// scan returns the lexicon entries found in toks, appended to buf.
func scan(buf []lexicon.Match, toks lexicon.Key, lex *lexicon.Lexicon) hitList {
	return lex.AppendScanKey(buf[:0], toks)
}

func (f *view) prefix(k lexicon.Kind) (lexicon.Match, bool) { return f.hits.at(k, 0) }

// whole reports an entry of kind k that is the whole line.
func (f *view) whole(k lexicon.Kind) bool {
	m, ok := f.prefix(k)
	return ok && m.End == f.toks.Len()
}

// suffix returns the longest entry of kind k that ends the line.
func (f *view) suffix(k lexicon.Kind) (lexicon.Match, bool) {
	for _, m := range f.hits {
		if m.End == f.toks.Len() && m.Entry.Kind == k {
			return m, true
		}
	}
	return lexicon.Match{}, false
}
