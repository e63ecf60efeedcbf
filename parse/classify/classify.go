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
	"strings"
	"sync"
	"unicode/utf8"

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
	Rule     string         // the rule that decided
	Text     string         // the line's text without tags or labels, not yet normalized
	Image    int            // caption, caption_repeat, credit: the image group; -1 for none
	Label    string         // the caption or credit label seen, e.g. "مصدر الصورة"
	Agencies []string       // canonical agencies named by a credit line
	MetaKind string         // meta: dateline, byline, date, site or other
	Learned  *lexicon.Entry // boilerplate by learned furniture: the entry
	Field    string         // markup meta: the record field the element fills (url, site, category, doc_id, published, authors)
}

// doc is one document being classified. Its slices run over the non-blank
// lines only, but rs, which has a result for every line.
type doc struct {
	lex    *lexicon.Lexicon
	f      []feat
	keys   keyArena // the tokens and lexicon hits of f
	rs     *Results // the result of every line, f[j]'s at f[j].idx (see res)
	gap    []bool   // a blank line comes before f[j]
	blanky bool     // most lines are parted by blank lines
	images int      // image groups handed out
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
	dst, _ = AppendPage(dst, lines, lex)
	return dst
}

// AppendPage is Append that also says what kind of page the document is.
// The lines of a page that is not an article get the kinds they have
// there: an index's teasers are boilerplate, a gallery's lines captions.
func AppendPage(dst []Result, lines []Line, lex *lexicon.Lexicon) ([]Result, Page) {
	rs := resultsPool.Get().(*Results)
	page := rs.Classify(lines, lex)
	dst = rs.AppendTo(slices.Grow(dst, len(lines)))
	if rs.Cap() <= maxScratchLines {
		rs.Clear()
		rs.Reset()
		resultsPool.Put(rs)
	}
	return dst, page
}

var resultsPool = sync.Pool{New: func() any { return new(Results) }}

// classify classifies lines into rs, which has a zero result for each.
func classify(rs *Results, lines []Line, lex *lexicon.Lexicon) Page {
	if lex == nil {
		lex = lexicon.Builtin()
	}
	sc := scratchPool.Get().(*scratch)
	size, keys, n := 0, 0, 0 // bytes of the lines; of their keys at most; non-blank lines
	for _, l := range lines {
		size += len(l.Raw)
		if !l.Blank {
			keys += min(len(l.Raw), keyHead+keyTail+2*utf8.UTFMax) + 2
			n++
		}
	}
	defer sc.put(size)
	spans := sc.spans[:0]
	if n > maxScratchLines {
		// A big document: the tokens' spans grown one append at a time
		// would leave several times their size in garbage.
		spans = grow(spans, tokenRoom(lines))
	}
	// A line's key is never longer than its text (a long line's, than its
	// head and tail, which cut widens to whole characters), and is
	// followed by a space (a partial key holds one more, between head and
	// tail): room for all keys, however long or short the lines are.
	d := &doc{lex: lex, rs: rs, f: grow(sc.f, n), gap: grow(sc.gap, n),
		keys: keyArena{buf: grow(sc.buf, keys), spans: spans, hits: sc.hits[:0]}}
	defer func() {
		sc.f, sc.gap, sc.buf, sc.spans, sc.hits = d.f, d.gap, d.keys.buf, d.keys.spans, d.keys.hits
	}()
	blank := false
	for i, l := range lines {
		if l.Blank {
			blank = true
			continue
		}
		// Read in place (d.f has room for every line), not copied in.
		j := len(d.f)
		d.f = d.f[:j+1]
		d.f[j].read(i, l.Raw)
		d.keys = d.keys.add(&d.f[j], lex)
		d.gap = append(d.gap, blank && len(d.f) > 1)
		blank = false
	}
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
	page := d.page()
	d.edgeControls(lines)
	return page
}

// tokenRoom is about the number of match-key tokens of the non-blank
// lines: one more than their spaces, in the head and tail of a long line.
func tokenRoom(lines []Line) int {
	n := 0
	for _, l := range lines {
		if l.Blank {
			continue
		}
		s := l.Raw
		if len(s) > keyLimit {
			head, tail := cut(s, keyHead, keyTail)
			n += strings.Count(head, " ") + strings.Count(tail, " ") + 1
			s = ""
		}
		n += strings.Count(s, " ") + 1
	}
	return n
}

// scratch holds the per-document slices of Classify between calls (the
// results are the caller's).
type scratch struct {
	f     []feat
	gap   []bool
	buf   []byte
	spans [][2]int32
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
		clear(sc.hits)
	}
	sc.f, sc.gap, sc.buf, sc.spans, sc.hits = sc.f[:0], sc.gap[:0], sc.buf[:0], sc.spans[:0], sc.hits[:0]
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
		if d.res(j).Kind == "" {
			if r, ok := intrinsic(d.line(j), d.lex); ok {
				d.put(j, r)
			}
		}
	}
	if d.lex.HasFurniture() {
		d.learned(lo, hi)
	}
	d.pairImages(lo, hi)
	d.relatedBlocks(lo, hi)
	if !titled {
		d.header(lo, hi)
	}
	d.headings(lo, hi)
	d.footer(lo, hi)
	d.teaserRun(lo, hi)
	d.signature(lo, hi)
	for j := lo; j < hi; j++ {
		if d.res(j).Kind == "" {
			d.set(j, Paragraph, "paragraph")
		}
	}
}

// res returns the result of f[j]. It is written where it is returned,
// not moved there at the end: a result holds pointers, and moving or
// clearing one goes through the write barrier while the collector marks.
// Its rarer fields are read with label and written with more.
func (d *doc) res(j int) *slot { return &d.rs.s[d.f[j].idx] }

// put sets the result of f[j] to r.
func (d *doc) put(j int, r Result) { d.rs.put(int(d.f[j].idx), r) }

// more returns the rarer fields of f[j]'s result, to write them: good
// until the next call of more or put.
func (d *doc) more(j int) *extra { return d.rs.more(int(d.f[j].idx)) }

// label returns the label of f[j]'s result.
func (d *doc) label(j int) string { return d.rs.label(int(d.f[j].idx)) }

// set decides f[j] as decided(k, rule, its text) does, writing only the
// fields that change.
func (d *doc) set(j int, k Kind, rule string) {
	r := d.res(j)
	r.Kind, r.Rule, r.Text, r.Image, r.extra = k, rule, d.f[j].text, -1, 0
}

func (d *doc) open(j int) bool { return d.res(j).Kind == "" }

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
