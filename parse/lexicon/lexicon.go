// Package lexicon holds the words khabar recognizes: agencies with their
// canonical names, credit and caption labels, and boilerplate markers.
//
// The lexicon is data: builtin.txt, embedded in the binary and parsed once,
// in the format Parse reads and WriteTo writes (one KIND<TAB>TEXT[<TAB>CANONICAL]
// entry a line). Entries match whole tokens of the match key (arabic.Key),
// never substrings, through an index of first tokens built once per lexicon.
package lexicon

import (
	_ "embed"
	"strings"
	"sync"
)

// Kind is the kind of a lexicon entry, spelled as in the file.
type Kind string

// Kinds of entries; builtin.txt documents each.
const (
	Agency       Kind = "agency"
	Outlet       Kind = "outlet"
	CreditLabel  Kind = "credit_label"
	CaptionLabel Kind = "caption_label"
	SourceLabel  Kind = "source_label"
	BylineLabel  Kind = "byline_label"
	Attribution  Kind = "attribution"
	Archive      Kind = "archive"
	Related      Kind = "related"
	Boilerplate  Kind = "boilerplate"
	Widget       Kind = "widget"
	DateWord     Kind = "date_word"
	Connector    Kind = "connector"
	ErrorPage    Kind = "error_page"
	Media        Kind = "media"
	Furniture    Kind = "furniture"
)

// Kinds lists every kind in the order the file documents them.
var Kinds = []Kind{Agency, Outlet, CreditLabel, CaptionLabel, SourceLabel, BylineLabel,
	Attribution, Archive, Related, Boilerplate, Widget, DateWord, Connector, ErrorPage, Media, Furniture}

func validKind(k Kind) bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

// named reports whether entries of kind k carry a canonical name.
func named(k Kind) bool { return k == Agency || k == Outlet }

// counted reports whether entries of kind k carry a document count.
func counted(k Kind) bool { return k == Furniture }

// Entry is one line of a lexicon.
type Entry struct {
	Kind      Kind
	Text      string // as written in the file
	Canonical string // agency and outlet: the name to report; else ""
	Documents int    // furniture: how many documents of an archive held the line; else 0
}

// Lexicon is a set of entries, matched on whole tokens of the match key.
// A Lexicon is immutable once built and safe for concurrent use.
type Lexicon struct {
	entries []Entry
	keys    [][]string         // match-key tokens of each entry
	kinds   []uint8            // kindIndex of each entry
	first   map[string][]int32 // first key token → entries, longest first
	whole   map[string]int32   // a furniture entry's key, tokens joined by spaces → entry
	// seen has the bit of every first token's sketch: most tokens of a
	// text start no entry, and one bit tells so without a map lookup.
	seen [sketchBits / 64]uint64
}

const sketchBits = 1 << 14

// sketch hashes a token from its length and three of its bytes.
func sketch(t string) uint32 {
	h := uint32(len(t))*0x9e3779b1 ^ uint32(t[0])<<16 ^ uint32(t[len(t)/2])<<8 ^ uint32(t[len(t)-1])
	h ^= h >> 15
	h *= 0x2c1b3c6d
	return h >> (32 - 14)
}

// mayStart reports whether some entry may start with token t: false means
// none does.
func (l *Lexicon) mayStart(t string) bool {
	if t == "" {
		return false
	}
	h := sketch(t)
	return l.seen[h/64]&(1<<(h%64)) != 0
}

//go:embed builtin.txt
var builtinText string

var builtin = sync.OnceValue(func() *Lexicon {
	l, err := Parse(strings.NewReader(builtinText), "builtin.txt")
	if err != nil {
		panic("lexicon: " + err.Error())
	}
	return l
})

// Builtin returns the lexicon embedded in the binary. It is parsed once and
// shared: callers must not modify it (Extend returns a new lexicon).
func Builtin() *Lexicon { return builtin() }

// New builds a lexicon from entries, in order.
func New(entries []Entry) *Lexicon {
	l := &Lexicon{first: make(map[string][]int32)}
	for _, e := range entries {
		l.add(e)
	}
	return l
}

func (l *Lexicon) add(e Entry) {
	if named(e.Kind) && e.Canonical == "" {
		e.Canonical = e.Text
	}
	toks := Tokens(e.Text)
	i := int32(len(l.entries))
	l.entries = append(l.entries, e)
	l.keys = append(l.keys, toks)
	l.kinds = append(l.kinds, uint8(kindIndex(e.Kind)))
	if len(toks) == 0 {
		return
	}
	if e.Kind == Furniture {
		// A whole line, never a run of tokens inside one: it has its own
		// index, and the first earned entry of a key wins.
		if l.whole == nil {
			l.whole = make(map[string]int32)
		}
		k := strings.Join(toks, " ")
		if _, dup := l.whole[k]; !dup {
			l.whole[k] = i
		}
		return
	}
	// Keep each bucket longest first, so the first hit is the longest match.
	b := append(l.first[toks[0]], i)
	for j := len(b) - 1; j > 0 && len(l.keys[b[j-1]]) < len(l.keys[b[j]]); j-- {
		b[j-1], b[j] = b[j], b[j-1]
	}
	l.first[toks[0]] = b
	h := sketch(toks[0])
	l.seen[h/64] |= 1 << (h % 64)
}

// Entries returns a copy of l's entries in order.
func (l *Lexicon) Entries() []Entry {
	return append([]Entry(nil), l.entries...)
}

// Len returns the number of entries.
func (l *Lexicon) Len() int { return len(l.entries) }

// Extend returns a lexicon holding l's entries and then more's. Neither is
// modified.
func (l *Lexicon) Extend(more *Lexicon) *Lexicon {
	out := New(l.entries)
	if more != nil {
		for _, e := range more.entries {
			out.add(e)
		}
	}
	return out
}
