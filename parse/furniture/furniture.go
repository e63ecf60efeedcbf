// Package furniture learns the page furniture of an archive: the lines
// that repeat across its documents (a site's disclaimer, an app promo,
// the teasers of other stories run under every article), so that a parse
// with the learned lexicon removes them.
//
// A line counts once a document, by its match key (lexicon.MakeKey), so
// that spelling variants of one line count together. What a line is in
// its document decides whether it counts at all:
//
//   - titles, credits, captions, caption labels, datelines, bylines and
//     other meta lines never count: they repeat for good reason; nor do
//     lines of fewer than four words, which are names more often than not;
//   - a story's lead (its summary and first paragraph) never counts: other
//     pages may quote it as a teaser, and it is the story's own text;
//   - documents with a title already read count once: an archive often
//     holds one story twice.
//
// The learned lines become furniture entries of a lexicon, written with
// Learner.WriteTo in the format lexicon.Parse reads:
//
//	l := furniture.NewLearner(furniture.Options{})
//	for a := range parse.Parse(r, name, parse.Options{Explain: true}) {
//		l.Add(furniture.Lines(a))
//	}
//	l.WriteTo(os.Stdout)
package furniture

import (
	"fmt"
	"hash/maphash"
	"io"
	"iter"
	"math"
	"sort"
	"strings"

	"github.com/khabar/khabar/parse"
	"github.com/khabar/khabar/parse/lexicon"
)

// Defaults of Options, measured on whole archives (see the docs of
// khabar furniture): furniture repeats in many documents, a story's own
// lines in a handful, when an archive holds it twice or quotes it.
const (
	DefaultMinDocs  = 4
	DefaultMinShare = 0.002
	// DefaultMaxLines bounds the table of lines being counted: about
	// 20 bytes a line, and the text of those found twice, so 2 Mi lines
	// take about 40 MiB and the texts.
	DefaultMaxLines = 2 << 20
)

// maxLineBytes is the longest line that is counted: furniture is a line
// or two, never a long paragraph.
const maxLineBytes = 1000

// maxTextBytes bounds the texts of the lines found twice or more that are
// kept while counting; past it, counts turn approximate as past MaxLines.
const maxTextBytes = 64 << 20

// minWords is the shortest line that is counted: a line of one to three
// words is a name, a place or an agency more often than furniture, so a
// byline, a dateline or a credit the classifier took for text.
const minWords = 4

// maxTitles bounds the set of titles read, used to count a story read
// twice once; past it, repeats are no longer caught.
const maxTitles = 1 << 20

// Options says when a line is furniture.
type Options struct {
	MinDocs  int     // at least this many documents hold the line; 0 is DefaultMinDocs
	MinShare float64 // and at least this share of the documents counted; 0 is DefaultMinShare, below 0 none
	MaxLines int     // lines counted at once before counts turn approximate; 0 is DefaultMaxLines
}

// Doc is what a document gives the count: the match keys of its lines
// that may be furniture, and the title that tells a story read twice.
// Lines makes one from a record.
type Doc struct {
	title string
	lines []line
}

type line struct {
	key  string
	text string
}

// Lines returns the lines of a that may be furniture. a must be parsed
// with parse.Options.Explain, which gives the kind of every line.
func Lines(a *parse.Article) Doc {
	var d Doc
	if a.Title != nil {
		d.title = lexicon.MakeKey(a.Title.Text).String()
	}
	lead := false // the first paragraph of running text is seen
	for _, l := range a.Lines {
		switch l.Kind {
		case "paragraph", "heading", "boilerplate":
		default:
			continue // title, meta, credit, caption, caption_repeat
		}
		if l.Kind == "paragraph" && (l.Rule == "abstract" || !lead) {
			lead = lead || l.Rule != "abstract"
			continue // the story's summary and lead
		}
		if l.Kind == "boilerplate" && !learnable(l.Rule) || len(l.Text) > maxLineBytes {
			continue
		}
		key := lexicon.MakeKey(l.Text)
		if key.Len() < minWords {
			continue
		}
		d.lines = append(d.lines, line{key: key.String(), text: strings.TrimSpace(l.Text)})
	}
	return d
}

// Title returns the match key of d's title, or "" when it has none:
// documents with the same title count once.
func (d Doc) Title() string { return d.title }

// Keys yields the match key and the text of each line of d that may be
// furniture, in order. A key may come more than once; a document counts
// once for a key, with the text of its first line of that key.
func (d Doc) Keys() iter.Seq2[string, string] {
	return func(yield func(key, text string) bool) {
		for _, ln := range d.lines {
			if !yield(ln.key, ln.text) {
				return
			}
		}
	}
}

// learnable reports whether a line removed as boilerplate by rule may be
// learned: only when its place removed it (a run of related headlines, a
// footer, an index's teasers), not a label, a tag or a lexicon entry,
// which already name it, nor a line without words.
func learnable(rule string) bool {
	switch rule {
	case "related-headline", "footer", "index-teaser", "error-page":
		return true
	}
	return false
}

// Learner counts the documents that hold each line. It is not safe for
// concurrent use: Add documents in input order, and the learned file is
// the same for the same input.
type Learner struct {
	opts    Options
	seed    maphash.Seed
	docs    int // documents added
	repeats int // of which their title was read before: not counted
	titles  map[uint64]struct{}
	// counts holds, by the hash of a line's key, in how many documents it
	// was found (low 32 bits) and the floor when it was added (high 32
	// bits: how many it may have missed before). texts holds the line as
	// written, once it is found twice: most lines are found once.
	counts    map[uint64]uint64
	texts     map[uint64]string
	textBytes int // of texts
	floor     int // lossy counting: counts of at most floor were dropped
	prunes    int
	inDoc     map[uint64]struct{}
}

// withDefaults returns o with the defaults for its zero values.
func (o Options) withDefaults() Options {
	if o.MinDocs <= 0 {
		o.MinDocs = DefaultMinDocs
	}
	switch {
	case o.MinShare == 0:
		o.MinShare = DefaultMinShare
	case o.MinShare < 0:
		o.MinShare = 0
	}
	if o.MaxLines <= 0 {
		o.MaxLines = DefaultMaxLines
	}
	return o
}

// Threshold returns the fewest documents a line must be found in to be
// learned when counted documents were counted.
func (o Options) Threshold(counted int) int {
	o = o.withDefaults()
	share := int(math.Ceil(o.MinShare * float64(counted)))
	return max(o.MinDocs, share)
}

// NewLearner returns an empty Learner.
func NewLearner(o Options) *Learner {
	o = o.withDefaults()
	return &Learner{opts: o, seed: maphash.MakeSeed(), titles: map[uint64]struct{}{},
		counts: map[uint64]uint64{}, texts: map[uint64]string{}, inDoc: map[uint64]struct{}{}}
}

// Add counts the lines of one document.
func (l *Learner) Add(d Doc) {
	l.docs++
	if d.title != "" {
		h := maphash.String(l.seed, d.title)
		if _, ok := l.titles[h]; ok {
			l.repeats++
			return
		}
		if len(l.titles) < maxTitles {
			l.titles[h] = struct{}{}
		}
	}
	clear(l.inDoc)
	for _, ln := range d.lines {
		h := maphash.String(l.seed, ln.key)
		if _, ok := l.inDoc[h]; ok {
			continue
		}
		l.inDoc[h] = struct{}{}
		c, ok := l.counts[h]
		if !ok {
			if len(l.counts) >= l.opts.MaxLines || l.textBytes > maxTextBytes {
				l.prune()
			}
			c = uint64(l.floor) << 32
		}
		c++
		if uint32(c) == 2 {
			l.texts[h] = strings.Clone(ln.text)
			l.textBytes += len(ln.text)
		}
		l.counts[h] = c
	}
}

// prune drops the lines seen least, raising the floor until the table and
// the texts are three quarters full: lossy counting, whose counts are low by at most
// the floor, never high.
func (l *Learner) prune() {
	for len(l.counts) > l.opts.MaxLines*3/4 || l.textBytes > maxTextBytes*3/4 {
		l.floor++
		l.prunes++
		for h, c := range l.counts {
			if int(uint32(c))+int(c>>32) <= l.floor {
				delete(l.counts, h)
				l.textBytes -= len(l.texts[h])
				delete(l.texts, h)
			}
		}
	}
}

// Documents returns how many documents were added, and how many of them
// repeated a title already read and were not counted.
func (l *Learner) Documents() (added, repeats int) { return l.docs, l.repeats }

// threshold is the fewest documents a learned line is found in.
func (l *Learner) threshold() int { return l.opts.Threshold(l.docs - l.repeats) }

// Entries returns the learned lines as furniture entries, the most
// frequent first, then in order of their text.
func (l *Learner) Entries() []lexicon.Entry {
	min := l.threshold()
	var out []lexicon.Entry
	for h, text := range l.texts {
		if n := int(uint32(l.counts[h])); n >= min {
			out = append(out, lexicon.Entry{Kind: lexicon.Furniture, Text: text, Documents: n})
		}
	}
	sortEntries(out)
	return out
}

// sortEntries puts the most frequent first, then in order of their text.
func sortEntries(out []lexicon.Entry) {
	sort.Slice(out, func(i, j int) bool {
		if out[i].Documents != out[j].Documents {
			return out[i].Documents > out[j].Documents
		}
		return out[i].Text < out[j].Text
	})
}

// Lexicon returns the learned lines as a lexicon of furniture entries.
func (l *Learner) Lexicon() *lexicon.Lexicon { return lexicon.New(l.Entries()) }

// WriteTo writes the learned lexicon with a header that says what was
// read and which thresholds applied: no time and no path, so that the
// same input gives the same bytes. It implements io.WriterTo.
func (l *Learner) WriteTo(w io.Writer) (int64, error) {
	return writeLexicon(w, l.opts, l.docs, l.repeats, l.floor, l.prunes, l.Entries())
}

// Tally is a count made apart from a Learner, for example one spread over
// many machines, from which WriteTally writes the file a Learner would.
type Tally struct {
	Read    int // documents added
	Repeats int // of which their title was read before: not counted
	// Lines holds a furniture entry for each line found in two or more of
	// the documents counted: its text as the second of those documents in
	// input order has it (the text a Learner keeps), and in how many
	// documents it was found. Lines below the threshold may be left out.
	Lines []lexicon.Entry
}

// Entries returns the entries of t that WriteTally writes for options o,
// in its order: those of the lines found in enough documents.
func (t Tally) Entries(o Options) []lexicon.Entry {
	min := max(o.Threshold(t.Read-t.Repeats), 2) // a Learner keeps the text of a line found twice
	var entries []lexicon.Entry
	for _, e := range t.Lines {
		if e.Documents >= min {
			entries = append(entries, lexicon.Entry{Kind: lexicon.Furniture, Text: e.Text, Documents: e.Documents})
		}
	}
	sortEntries(entries)
	return entries
}

// WriteTally writes what WriteTo writes for a Learner with options o that
// added the documents t counts, in the same order, while its counts stay
// exact.
func WriteTally(w io.Writer, o Options, t Tally) (int64, error) {
	return writeLexicon(w, o.withDefaults(), t.Read, t.Repeats, 0, 0, t.Entries(o))
}

// writeLexicon writes the learned entries under a header that says what
// was read and which thresholds applied.
func writeLexicon(w io.Writer, o Options, docs, repeats, floor, prunes int, entries []lexicon.Entry) (int64, error) {
	var h strings.Builder
	h.WriteString("# khabar furniture: lines that repeat across the documents of an archive.\n")
	h.WriteString("# One entry a line: furniture<TAB>LINE<TAB>DOCUMENTS; khabar parse --lexicon FILE removes them.\n")
	fmt.Fprintf(&h, "# documents: %d read, %d counted (%d repeat a title read before)\n", docs, docs-repeats, repeats)
	fmt.Fprintf(&h, "# thresholds: at least %d documents and at least %g%% of those counted: %d here\n",
		o.MinDocs, o.MinShare*100, o.Threshold(docs-repeats))
	if floor == 0 {
		h.WriteString("# counts: exact\n")
	} else {
		fmt.Fprintf(&h, "# counts: approximate, each low by at most %d (the table of %d lines filled %d times)\n",
			floor, o.MaxLines, prunes)
	}
	fmt.Fprintf(&h, "# entries: %d\n", len(entries))
	return lexicon.New(entries).WriteWithHeader(w, h.String())
}
