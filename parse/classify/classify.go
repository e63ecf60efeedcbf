// Package classify gives every non-blank line of a document a kind:
// title, heading, paragraph, caption, caption_repeat, credit, meta or
// boilerplate.
//
// The classifier reads each line's own evidence first (a rule line, a
// label, an agency, a date: see rules.go), then its neighbours: a caption
// is what sits next to a credit, «caption / credit / same caption» is one
// image (images.go), the first short line is the title and the short lines
// under it are datelines, bylines or decks (header.go), a short line that
// opens a run of prose is a heading (body.go). TREC-style pseudo-XML dumps
// are unwrapped first (markup.go). Everything else is a paragraph.
//
//	lines := classify.SplitLines(text, 1)
//	results := classify.Classify(lines, lexicon.Builtin())
package classify

import (
	"slices"
	"sync"

	"github.com/khabar/khabar/parse/lexicon"
)

// Kind is the kind of a line, spelled as in the record's lines[].kind.
type Kind string

// Kinds.
const (
	Title         Kind = "title"
	Heading       Kind = "heading"
	Paragraph     Kind = "paragraph"
	Caption       Kind = "caption"
	CaptionRepeat Kind = "caption_repeat"
	Credit        Kind = "credit"
	Meta          Kind = "meta"
	Boilerplate   Kind = "boilerplate"
)

// Result is what the classifier decided for a line. Blank lines get the
// zero Result.
type Result struct {
	Kind     Kind
	Rule     string   // the rule that decided
	Text     string   // the line's text without tags or labels, not yet normalized
	Image    int      // caption, caption_repeat, credit: the image group; -1 for none
	Label    string   // the caption or credit label seen, e.g. "مصدر الصورة"
	Agencies []string // canonical agencies named by a credit line
	MetaKind string   // meta: dateline, byline, date, site or other
}

// doc is one document being classified. Its slices run over the
// non-blank lines only.
type doc struct {
	lex    *lexicon.Lexicon
	f      []feat
	res    []Result
	gap    []bool // a blank line comes before f[j]
	blanky bool   // most lines are parted by blank lines
	images int    // image groups handed out
}

// Classify decides the kind of every line. lex nil means the built-in
// lexicon. Image groups count from 0 within the call.
func Classify(lines []Line, lex *lexicon.Lexicon) []Result {
	return Append(nil, lines, lex)
}

// Append classifies lines as Classify does and appends their results to
// dst, one per line, so that a caller classifying many documents can reuse
// one slice.
func Append(dst []Result, lines []Line, lex *lexicon.Lexicon) []Result {
	if lex == nil {
		lex = lexicon.Builtin()
	}
	sc := scratchPool.Get().(*scratch)
	size := 0
	for _, l := range lines {
		size += len(l.Raw)
	}
	defer sc.put(size)
	d := &doc{lex: lex, f: grow(sc.f, len(lines)), gap: grow(sc.gap, len(lines))}
	blank := false
	keys := keyArena{lines: grow(sc.lines, len(lines)), buf: grow(sc.buf, keyLimit*len(lines)/2), spans: sc.spans[:0], toks: sc.toks[:0]}
	defer func() {
		sc.f, sc.gap, sc.lines, sc.buf, sc.spans, sc.toks = d.f, d.gap, keys.lines, keys.buf, keys.spans, keys.toks
	}()
	for i, l := range lines {
		if l.Blank {
			blank = true
			continue
		}
		d.f = append(d.f, newFeat(i, l.Raw, &keys))
		d.gap = append(d.gap, blank && len(d.f) > 1)
		blank = false
	}
	keys.split(d.f)
	hits := sc.hits[:0]
	for j := range d.f {
		n := len(hits)
		hits = lex.AppendScan(hits, d.f[j].toks)
		d.f[j].hits = hits[n:len(hits):len(hits)]
	}
	defer func() { sc.hits = hits }()
	// res has room for every line: spread out below, it is the result.
	base := len(dst)
	dst = slices.Grow(dst, len(lines))[:base+len(lines)]
	res := dst[base:]
	clear(res)
	d.res = res[:len(d.f)]
	gaps := 0
	for _, g := range d.gap {
		if g {
			gaps++
		}
	}
	d.blanky = gaps*2 >= len(d.f)
	if !d.markup() {
		d.body(0, len(d.f), false)
	}
	// Line idx ≥ j holds the jth non-blank line: moving the results from
	// the last one down overwrites none not yet moved.
	for j := len(d.f) - 1; j >= 0; j-- {
		if i := d.f[j].idx; i != j {
			res[i], res[j] = res[j], Result{}
		}
	}
	return dst
}

// scratch holds the per-document slices of Classify between calls (the
// results are the caller's).
type scratch struct {
	f     []feat
	gap   []bool
	lines []int32
	buf   []byte
	spans [][2]int32
	toks  []string
	hits  []lexicon.Match
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxScratchLines bounds the documents whose slices are kept for reuse.
const maxScratchLines = 1 << 12

// bigText is the size of a document whose text a pooled scratch must not
// keep reachable.
const bigText = 1 << 20

// put returns sc to the pool, unless it grew for a document of very many
// lines. Its slices still refer to the text of the document (size bytes)
// until the next one overwrites them or the pool lets sc go at a garbage
// collection; for a big document they are cleared first. (Clearing them
// always cost more than the rest of the pool's savings: clearing pointers
// while the collector runs goes through its write barrier.)
func (sc *scratch) put(size int) {
	if cap(sc.f) > maxScratchLines {
		return
	}
	if size > bigText {
		clear(sc.f)
		clear(sc.toks)
		clear(sc.hits)
	}
	sc.f, sc.gap, sc.lines, sc.buf, sc.spans, sc.toks, sc.hits = sc.f[:0], sc.gap[:0], sc.lines[:0], sc.buf[:0], sc.spans[:0], sc.toks[:0], sc.hits[:0]
	scratchPool.Put(sc)
}

// grow returns s emptied, with room for n elements.
func grow[E any](s []E, n int) []E {
	return slices.Grow(s[:0], n)
}

// body classifies the undecided lines of f[lo:hi], the running text of an
// article; titled means the title is known already (from markup).
func (d *doc) body(lo, hi int, titled bool) {
	for j := lo; j < hi; j++ {
		if d.res[j].Kind == "" {
			if r, ok := intrinsic(&d.f[j], d.lex); ok {
				d.res[j] = r
			}
		}
	}
	d.pairImages(lo, hi)
	d.relatedBlocks(lo, hi)
	if !titled {
		d.header(lo, hi)
	}
	d.headings(lo, hi)
	d.footer(lo, hi)
	for j := lo; j < hi; j++ {
		if d.res[j].Kind == "" {
			d.res[j] = decided(Paragraph, "paragraph", d.f[j].text)
		}
	}
}

func (d *doc) set(j int, k Kind, rule string) {
	d.res[j] = decided(k, rule, d.f[j].text)
}

func (d *doc) open(j int) bool { return d.res[j].Kind == "" }

// prose reports a line that reads as running text.
func (d *doc) prose(j int) bool {
	f := &d.f[j]
	return f.long || (f.end == endStop || f.end == endColon) && f.wordsAtLeast(6) || f.wordsAtLeast(12)
}

// headlineLike reports a short line without sentence punctuation.
func (d *doc) headlineLike(j int) bool {
	f := &d.f[j]
	return !f.long && f.wordsAtMost(16) && (f.end == endNone || f.end == endQuestion) && !listMarker(f.text)
}

func sameKey(a, b []string) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
