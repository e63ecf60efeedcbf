package pipeline

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/khabar/khabar/parse"
	"github.com/khabar/khabar/parse/furniture"
	"github.com/khabar/khabar/parse/lexicon"
)

// The furniture stage counts, for each line's match key, the documents
// that hold it, as furniture.Learner does on one machine, and gives the
// file `khabar furniture` writes for the same files:
//
//   - each document gives its title key and its lines that may be
//     furniture (furniture.Lines, the same rules), each key once;
//   - documents with the same title count once: a Learner counts the first
//     it reads, here the first in input order, the order of the paths
//     (folder by folder, as a folder is walked) and of the documents in a
//     file;
//   - a line is learned with the text of the second document, in that
//     order, that holds it: the text a Learner keeps;
//   - the same thresholds (furniture.Options.Threshold).
//
// Keys travel as 128-bit hashes, so that what crosses the shuffle is small
// whatever the lines; the text of a learned line is read again at the end
// from the document that gives it. Counts here are exact (but for a
// collision of 128-bit hashes); they equal a Learner's while its own are
// exact: its file says "counts: exact", and it met fewer than 2^20 titles.

// Learned is what the furniture stage learned: the file, its entries in
// the file's order, and an ID that changes with them. The zero Learned is
// nothing learned.
type Learned struct {
	ID    string
	File  string
	Lines []learnedLine
}

// entries returns the learned furniture entries.
func (l Learned) entries() []lexicon.Entry {
	out := make([]lexicon.Entry, len(l.Lines))
	for i, ln := range l.Lines {
		out[i] = lexicon.Entry{Kind: lexicon.Furniture, Text: ln.Text, Documents: ln.Documents}
	}
	return out
}

// docLines is what one document gives the count: where it is in input
// order, the hash of its title key ("" for none), and the hashes of the
// keys of its lines that may be furniture, each once, hashSize bytes
// each.
type docLines struct {
	Path  string
	Index int
	Title string
	Keys  []byte
}

// hashSize is the size of a key's hash.
const hashSize = 16

// hashKey returns the hash of a match key: the first hashSize bytes of
// its SHA-256.
func hashKey(key string) [hashSize]byte {
	sum := sha256.Sum256([]byte(key))
	return [hashSize]byte(sum[:hashSize])
}

// docKeys returns the hash of a's title key, in hex ("" for none), and
// the lines of a that may be furniture (furniture.Lines), each key once
// with the text of its first line, as hashes and texts.
func docKeys(a *parse.Article) (title string, keys [][hashSize]byte, texts []string) {
	d := furniture.Lines(a)
	if d.Title() != "" {
		h := hashKey(d.Title())
		title = hex.EncodeToString(h[:])
	}
	seen := map[string]bool{}
	for key, text := range d.Keys() {
		if !seen[key] {
			seen[key] = true
			keys = append(keys, hashKey(key))
			texts = append(texts, text)
		}
	}
	return title, keys, texts
}

// compareOrder compares two documents in input order: their paths
// folder by folder, as folders are walked ("a/x" before "a-b/x"), then
// their index in the file.
func compareOrder(p1 string, i1 int, p2 string, i2 int) int {
	for a, b := p1, p2; ; {
		na, ra, moreA := strings.Cut(a, "/")
		nb, rb, moreB := strings.Cut(b, "/")
		if c := cmp.Compare(na, nb); c != 0 {
			return c
		}
		if !moreA || !moreB {
			if moreA != moreB { // the path that goes on is the later
				if moreA {
					return 1
				}
				return -1
			}
			break
		}
		a, b = ra, rb
	}
	return cmp.Compare(i1, i2)
}

// learnFn parses a file as khabar furniture does and emits the lines of
// each document that parsed; a document that failed is not counted.
type learnFn struct{ fileParser }

func (f *learnFn) ProcessElement(ctx context.Context, path string, emit func(docLines)) {
	r, done := f.fsys.open(ctx, path)
	defer done()
	for a := range parse.Parse(r, path, f.opts) {
		if a.Error != nil {
			continue
		}
		title, keys, _ := docKeys(a)
		out := docLines{Path: path, Index: a.Source.Index, Title: title, Keys: make([]byte, 0, len(keys)*hashSize)}
		for _, k := range keys {
			out.Keys = append(out.Keys, k[:]...)
		}
		emit(out)
	}
}

// keyByTitle keys a document by its title, and tells apart those without.
func keyByTitle(d docLines, titled func(string, docLines), untitled func(docLines)) {
	if d.Title == "" {
		untitled(d)
	} else {
		titled(d.Title, d)
	}
}

// firstDoc keeps the document that comes first in input order.
func firstDoc(a, b docLines) docLines {
	if compareOrder(b.Path, b.Index, a.Path, a.Index) < 0 {
		return b
	}
	return a
}

// one is 1 for each element, to count them.
func one(docLines) int { return 1 }

func sum(a, b int) int { return a + b }

// occurrence is a document that holds a line: where it is in input
// order.
type occurrence struct {
	Path  string
	Index int
}

// lineOccurrences emits each line key of a counted document.
func lineOccurrences(d docLines, emit func(string, occurrence)) {
	for i := 0; i+hashSize <= len(d.Keys); i += hashSize {
		emit(string(d.Keys[i:i+hashSize]), occurrence{Path: d.Path, Index: d.Index})
	}
}

// lineCount is how many counted documents hold a line, and the first two
// of them in input order.
type lineCount struct {
	N             int
	First, Second occurrence
}

// lineCountFn counts the documents of a line key, keeping the first two.
type lineCountFn struct{}

func (lineCountFn) CreateAccumulator() lineCount { return lineCount{} }

func (lineCountFn) AddInput(c lineCount, o occurrence) lineCount {
	return mergeCounts(c, lineCount{N: 1, First: o})
}

func (lineCountFn) MergeAccumulators(a, b lineCount) lineCount { return mergeCounts(a, b) }

func mergeCounts(a, b lineCount) lineCount {
	var occ []occurrence
	for _, c := range []lineCount{a, b} {
		if c.N >= 1 {
			occ = append(occ, c.First)
		}
		if c.N >= 2 {
			occ = append(occ, c.Second)
		}
	}
	slices.SortFunc(occ, func(x, y occurrence) int { return compareOrder(x.Path, x.Index, y.Path, y.Index) })
	out := lineCount{N: a.N + b.N}
	if len(occ) > 0 {
		out.First = occ[0]
	}
	if len(occ) > 1 {
		out.Second = occ[1]
	}
	return out
}

// learnedLine is a line found in enough documents.
type learnedLine struct {
	Text      string
	Documents int
}

// keptLine is the hash of a line found in enough documents, the second
// document that holds it, whose text it takes, and how many do.
type keptLine struct {
	Key       string
	Index     int
	Documents int
}

// thresholdFn keeps the lines found in enough documents, keyed by the
// path of their second document.
type thresholdFn struct {
	MinDocs  int
	MinShare float64
}

func (f *thresholdFn) ProcessElement(key string, c lineCount, counted int, emit func(string, keptLine)) {
	o := furniture.Options{MinDocs: f.MinDocs, MinShare: f.MinShare}
	if c.N >= 2 && c.N >= o.Threshold(counted) {
		emit(c.Second.Path, keptLine{Key: key, Index: c.Second.Index, Documents: c.N})
	}
}

// textFn reads a file again, as learnFn read it, to take the text of the
// learned lines whose second document it holds.
type textFn struct{ fileParser }

func (f *textFn) ProcessElement(ctx context.Context, path string, lines func(*keptLine) bool, emit func(learnedLine)) error {
	want := map[int]map[string]keptLine{} // document → key → line
	var l keptLine
	for lines(&l) {
		if want[l.Index] == nil {
			want[l.Index] = map[string]keptLine{}
		}
		want[l.Index][l.Key] = l
	}
	r, done := f.fsys.open(ctx, path)
	defer done()
	for a := range parse.Parse(r, path, f.opts) {
		keys := want[a.Source.Index]
		if keys == nil || a.Error != nil {
			continue
		}
		_, hashes, texts := docKeys(a)
		for i, h := range hashes {
			if l, ok := keys[string(h[:])]; ok {
				emit(learnedLine{Text: texts[i], Documents: l.Documents})
				delete(keys, string(h[:]))
			}
		}
		if len(keys) > 0 {
			return fmt.Errorf("%s: document %d: %d learned lines not found again: the file changed", path, a.Source.Index, len(keys))
		}
		delete(want, a.Source.Index)
	}
	if len(want) > 0 {
		return fmt.Errorf("%s: %d documents not found again: the file changed", path, len(want))
	}
	return nil
}

// learnedFn writes the learned file from the learned lines and the counts
// of documents, with furniture.WriteTally, the file khabar furniture
// writes.
type learnedFn struct {
	MinDocs  int
	MinShare float64
}

func (f *learnedFn) ProcessElement(_ []byte, lines func(*learnedLine) bool, read, counted int) (Learned, error) {
	o := furniture.Options{MinDocs: f.MinDocs, MinShare: f.MinShare}
	t := furniture.Tally{Read: read, Repeats: read - counted}
	var l learnedLine
	for lines(&l) {
		t.Lines = append(t.Lines, lexicon.Entry{Kind: lexicon.Furniture, Text: l.Text, Documents: l.Documents})
	}
	var b bytes.Buffer
	if _, err := furniture.WriteTally(&b, o, t); err != nil {
		return Learned{}, err
	}
	out := Learned{File: b.String()}
	for _, e := range t.Entries(o) {
		out.Lines = append(out.Lines, learnedLine{Text: e.Text, Documents: e.Documents})
	}
	sum := sha256.Sum256(b.Bytes())
	out.ID = hex.EncodeToString(sum[:8])
	return out, nil
}

// writeFileFn writes the learned file to Name.
type writeFileFn struct{ Name string }

func (f *writeFileFn) ProcessElement(ctx context.Context, l Learned) error {
	fs, err := newFS(ctx, f.Name)
	if err != nil {
		return err
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, f.Name)
	if err != nil {
		return err
	}
	if _, err := w.Write([]byte(l.File)); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// learn adds the furniture stage: it returns the learned lexicon as a
// PCollection of one element.
func learn(s beam.Scope, branches []beam.PCollection, doc docOptions, o furniture.Options, out string) beam.PCollection {
	s = s.Scope("LearnFurniture")
	doc.Explain = true
	var each []beam.PCollection
	for _, paths := range branches {
		each = append(each, beam.ParDo(s, &learnFn{fileParser{Doc: doc}}, paths))
	}
	docs := beam.Flatten(s, each...)

	// Documents with a title count once: the first in input order.
	titled, untitled := beam.ParDo2(s, keyByTitle, docs)
	firsts := beam.DropKey(s, beam.CombinePerKey(s, firstDoc, titled))
	counted := beam.Flatten(s, untitled, firsts)

	// How many documents were read and counted (0 for none).
	zero := beam.Create(s, 0)
	read := beam.Combine(s, sum, beam.Flatten(s, beam.ParDo(s, one, docs), zero))
	nCounted := beam.Combine(s, sum, beam.Flatten(s, beam.ParDo(s, one, counted), zero))

	// The documents of each line, the lines found in enough of them, and
	// their text.
	lines := beam.CombinePerKey(s, lineCountFn{}, beam.ParDo(s, lineOccurrences, counted))
	kept := beam.ParDo(s, &thresholdFn{MinDocs: o.MinDocs, MinShare: o.MinShare}, lines, beam.SideInput{Input: nCounted})
	kept = beam.ParDo(s, &textFn{fileParser{Doc: doc}}, beam.GroupByKey(s, kept))

	learned := beam.ParDo(s, &learnedFn{MinDocs: o.MinDocs, MinShare: o.MinShare}, beam.Impulse(s),
		beam.SideInput{Input: kept}, beam.SideInput{Input: read}, beam.SideInput{Input: nCounted})
	if out != "" {
		beam.ParDo0(s, &writeFileFn{Name: out}, learned)
	}
	return learned
}
