package parse

import (
	"runtime"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/khabar/khabar/internal/testhook"
	"github.com/khabar/khabar/parse/arabic"
	"github.com/khabar/khabar/parse/classify"
	"github.com/khabar/khabar/parse/lexicon"
)

// assembler turns classified lines into the record's structure, in one
// pass over the lines in reading order.
type assembler struct {
	a           *Article
	lex         *lexicon.Lexicon
	norm        *normalizer
	lines       []classify.Line
	res         *classify.Results
	joinWrapped bool          // consecutive paragraph lines are one wrapped paragraph
	paras       int           // paragraphs so far, over all sections
	lastPara    int           // line of the last paragraph line
	lineImage   map[int]int   // line number → images index; only for explain
	linePara    map[int]int   // line number → paragraph index; only for explain
	open        bool          // the last paragraph may still grow
	wrapped     []string      // the lines of the last paragraph while it grows
	wrapAt      [2]int        // its section and index
	imageOf     []int         // image group → images index + 1 (0: none yet)
	counts      arabic.Counts // of the headings and paragraphs that make the text
	parts       int           // headings and paragraphs in the text
	unpaired    []int         // credits[] indexes of credits with no image
	doc         []byte        // the document's bytes when they serve again: see keep
	arena       []byte        // where keep copies strings out of doc
	paraRoom    []Paragraph   // room for the paragraphs still to come (see presize)
	imageRoom   []imageParts  // room for the parts of the images still to come
}

// imageParts holds what an image points to, so that an image costs no
// allocation of its own.
type imageParts struct {
	caption Caption
	credit  ImageCredit
	label   string
}

// presize makes room, in one allocation each, for the paragraphs, images,
// credits and removed lines the results can give at most, so that the
// record grows without copying. The sections' paragraphs share one array,
// each section taking its paragraphs from the front of what is left.
func (as *assembler) presize() {
	var paras, images, removed, meta, sections int
	for i := range as.lines {
		if as.lines[i].Blank {
			continue
		}
		switch as.res.Kind(i) {
		case classify.Paragraph:
			paras++
		case classify.Caption, classify.CaptionRepeat, classify.Credit:
			images++
		case classify.Title, classify.Heading:
			sections++
		case classify.Meta:
			meta++
			removed++
		default:
			removed++
		}
	}
	a := as.a
	as.paraRoom = make([]Paragraph, 0, paras)
	a.Sections = make([]Section, 0, sections+1)
	if images > 0 {
		a.Images, a.Credits = make([]Image, 0, images), make([]Credit, 0, images)
		as.imageRoom = make([]imageParts, images)
	}
	if removed > 0 {
		a.Removed = make([]Removed, 0, removed)
	}
	if meta > 0 {
		a.Meta = make([]Meta, 0, meta)
	}
}

// text normalizes s, a text of the record outside its body.
func (as *assembler) text(s string) string { return as.keep(as.norm.string(s)) }

// keep returns s, or a copy of it when it lies in the document's bytes
// and these serve again once the record is built (see rawPool). The
// copies share an arena, a few allocations a record. The text of headings
// and paragraphs is copied into the record's text instead (see joinText).
func (as *assembler) keep(s string) string {
	if !within(s, as.doc) {
		return s
	}
	if cap(as.arena)-len(as.arena) < len(s) {
		as.arena = make([]byte, 0, max(len(s), 1024))
	}
	n := len(as.arena)
	as.arena = append(as.arena, s...)
	return unsafe.String(&as.arena[n], len(s)) // the arena is only appended to
}

// newSection appends a section that takes its paragraphs from the room
// presize made, after closing the last one at its length.
func (as *assembler) newSection(h *Heading) {
	if n := len(as.a.Sections); n > 0 {
		last := &as.a.Sections[n-1]
		k := len(last.Paragraphs)
		as.paraRoom = last.Paragraphs[k:]
		last.Paragraphs = last.Paragraphs[:k:k]
	}
	as.a.Sections = append(as.a.Sections, Section{Heading: h, Paragraphs: as.paraRoom[:0]})
}

// assemble classifies the lines of a decoded document and fills a.
func (p *parser) assemble(a *Article, pd *prepared, sc *scratch) {
	if testhook.BeforeAssemble != nil {
		testhook.BeforeAssemble(pd.text)
	}
	sc.norm.reset()
	defer sc.release(len(pd.text))
	// The document's bytes are its own and nothing writes them any more
	// (see rawDoc.raw): the record's strings may share them.
	text := unsafe.String(unsafe.SliceData(pd.text), len(pd.text))
	if text != "" && classify.IsBlank(text) {
		// Only blank lines: nothing to classify, and a line each would
		// cost ~100 bytes (50 MB of line feeds took 4.9 GB).
		a.Page = PageArticle
		lines := []classify.Line{{N: pd.d.first, Blank: true}}
		sc.res.Classify(lines, p.lex) // a blank line's result: none
		p.fill(a, pd, lines, &sc.res, sc.norm)
		return
	}
	sc.lines = classify.AppendLines(sc.lines[:0], text, pd.d.first)
	for i := range sc.lines {
		if !sc.lines[i].Blank && isBlankLine(sc.lines[i].Raw) {
			sc.lines[i].Blank = true // a NUL or form feed line ends many dumps
		}
	}
	a.Page = PageKind(sc.res.Classify(sc.lines, p.lex))
	if len(sc.lines) >= collectLines {
		// What the classifier kept of each line, some 100 bytes a line,
		// is garbage now. The collector paces itself on a heap that grew
		// by as much, so it would let the record grow the heap further
		// rather than reuse that memory: collect it first.
		runtime.GC()
	}
	p.fill(a, pd, sc.lines, &sc.res, sc.norm)
}

// collectLines is the number of lines of a document past which the
// garbage the classifier leaves is collected at once.
const collectLines = 1 << 19

// fill builds the record from classified lines.
func (p *parser) fill(a *Article, pd *prepared, lines []classify.Line, res *classify.Results, norm *normalizer) {
	as := &assembler{a: a, lex: p.lex, norm: norm, lines: lines, res: res}
	if pd.d.pooled != nil {
		as.doc = pd.text // the strings of the record may not share it
	}
	if p.opts.Explain {
		as.lineImage, as.linePara = map[int]int{}, map[int]int{}
	}
	as.joinWrapped = wrappedStyle(lines, res)
	as.presize()
	for i := range lines {
		as.line(i)
	}
	as.finish()
	if p.opts.Explain {
		a.Lines = explainLines(lines, res.AppendTo(make([]classify.Result, 0, res.Len())), as)
	}
	p.addWarnings(a, pd, lines, as)
	a.Normalization.Changes = norm.changes.Map()
	a.Stats = Stats{
		Lines:      a.Source.Lines[1] - a.Source.Lines[0] + 1,
		Paragraphs: as.paras,
		Images:     len(a.Images),
		Credits:    len(a.Credits),
	}
	counts := as.textCounts()
	a.Stats.Words, a.Stats.Chars = counts.Words, counts.Runes
	for _, s := range a.Sections {
		if s.Heading != nil {
			a.Stats.Headings++
		}
	}
	if len(lines) == 0 {
		a.Stats.Lines = 0
	}
	a.Language = detectLanguage(a.Text, counts, lines)
	if as.paras == 0 {
		a.Status = StatusEmpty
	}
}

// line adds line i to the record.
func (as *assembler) line(i int) {
	l, r := as.lines[i], as.res.At(i)
	if l.Blank {
		as.open = false
		return
	}
	switch r.Kind {
	case classify.Title:
		if as.a.Title == nil {
			as.a.Title = &Title{Text: as.text(r.Text), Line: l.N}
			as.open = false
			return
		}
		as.heading(l, r)
	case classify.Heading:
		as.heading(l, r)
	case classify.Paragraph:
		if r.Rule == classify.RuleAbstract {
			as.open = false
			as.summary(l, r) // kept apart from the body
			return
		}
		as.paragraph(i, l, r)
	case classify.Caption, classify.CaptionRepeat, classify.Credit:
		as.open = false
		as.image(l, r)
	case classify.Meta:
		as.open = false
		text := as.text(r.Text)
		kind := r.MetaKind
		if kind == "" {
			kind = "other"
		}
		if text != "" { // an empty <AUTHOR></AUTHOR> is removed but says nothing
			as.a.Meta = append(as.a.Meta, Meta{Kind: kind, Text: text, Line: l.N})
		}
		as.a.Removed = append(as.a.Removed, Removed{Kind: "meta", Text: text, Line: l.N, Rule: r.Rule})
	default: // boilerplate, and any kind this package does not know
		as.open = false
		as.a.Removed = append(as.a.Removed, Removed{Kind: "boilerplate", Text: as.text(r.Text), Line: l.N, Rule: r.Rule, Learned: learned(r.Learned)})
	}
}

func (as *assembler) heading(l classify.Line, r classify.Result) {
	as.open = false
	as.newSection(&Heading{Text: as.countPart(r.Text), Line: l.N})
}

func (as *assembler) paragraph(i int, l classify.Line, r classify.Result) {
	text, c := as.norm.stringCount(r.Text)
	if text == "" {
		return // nothing left after normalization (a soft hyphen, marks only)
	}
	as.counts.Add(c)
	if len(as.a.Sections) == 0 {
		as.newSection(nil)
	}
	si := len(as.a.Sections) - 1
	s := &as.a.Sections[si]
	if as.open && as.joinWrapped && len(s.Paragraphs) > 0 {
		pi := len(s.Paragraphs) - 1
		p := &s.Paragraphs[pi]
		if len(as.wrapped) == 0 {
			as.wrapped, as.wrapAt = append(as.wrapped, p.Text), [2]int{si, pi}
		}
		if !endsSentence(as.wrapped[len(as.wrapped)-1]) {
			// Joined once the paragraph ends: += would be quadratic in
			// the lines of a long wrapped paragraph.
			as.wrapped = append(as.wrapped, text)
			as.counts.Runes++ // the space that joins it
			p.Lines[1] = l.N
			as.lastPara = l.N
			as.mark(as.linePara, l.N, as.paras-1)
			return
		}
	}
	as.flush()
	as.parts++
	as.lastPara = l.N
	s.Paragraphs = append(s.Paragraphs, Paragraph{Text: text, Lines: [2]int{l.N, l.N}})
	as.mark(as.linePara, l.N, as.paras)
	as.paras++
	as.open = true
}

// countPart normalizes the text of a heading, which goes into the
// record's text, and counts it.
func (as *assembler) countPart(s string) string {
	text, c := as.norm.stringCount(s)
	as.counts.Add(c)
	as.parts++
	return text
}

// textCounts returns the counts of the record's text: its parts, and the
// blank lines between them.
func (as *assembler) textCounts() arabic.Counts {
	c := as.counts
	if as.parts > 1 {
		c.Runes += 2 * (as.parts - 1)
	}
	return c
}

// mark notes, for explain, the paragraph or image of line n.
func (as *assembler) mark(m map[int]int, n, idx int) {
	if m != nil {
		m[n] = idx
	}
}

// flush joins the lines of a wrapped paragraph.
func (as *assembler) flush() {
	if len(as.wrapped) > 1 {
		as.a.Sections[as.wrapAt[0]].Paragraphs[as.wrapAt[1]].Text = strings.Join(as.wrapped, " ")
	}
	as.wrapped = as.wrapped[:0]
}

// image adds a caption, caption repeat or credit line to its image.
func (as *assembler) image(l classify.Line, r classify.Result) {
	a := as.a
	idx := -1
	if r.Image >= 0 && r.Image < len(as.imageOf) {
		idx = as.imageOf[r.Image] - 1
	}
	if idx < 0 && (r.Kind != classify.Credit || r.Image >= 0) {
		idx = len(a.Images)
		a.Images = append(a.Images, Image{Index: idx, AfterParagraph: as.paras - 1})
		if r.Image >= 0 {
			if r.Image >= len(as.imageOf) {
				as.imageOf = append(as.imageOf, make([]int, r.Image+1-len(as.imageOf))...)
			}
			as.imageOf[r.Image] = idx + 1
		}
	}
	var img *Image
	var parts *imageParts
	if idx >= 0 {
		as.mark(as.lineImage, l.N, idx)
		img, parts = &a.Images[idx], &as.imageRoom[idx]
		if img.Label == nil && r.Label != "" {
			parts.label = as.keep(r.Label)
			img.Label = &parts.label
		}
	}
	switch r.Kind {
	case classify.Caption:
		text := as.text(r.Text)
		switch {
		case img.Caption == nil:
			parts.caption = Caption{Text: text, Lines: []int{l.N}}
			img.Caption = &parts.caption
		case text == img.Caption.Text:
			img.Caption.Lines = append(img.Caption.Lines, l.N)
		default: // a caption on several lines
			img.Caption.Text += " " + text
			img.Caption.Lines = append(img.Caption.Lines, l.N)
		}
	case classify.CaptionRepeat:
		if img.Caption == nil {
			parts.caption = Caption{Text: as.text(r.Text), Lines: []int{}}
			img.Caption = &parts.caption
		}
		img.Caption.Lines = append(img.Caption.Lines, l.N)
	case classify.Credit:
		text := as.text(r.Text)
		agencies := r.Agencies
		if agencies == nil {
			agencies = []string{}
		}
		c := Credit{Text: text, Agencies: agencies, Line: l.N}
		if img != nil {
			c.Image = &img.Index
			if img.Credit == nil {
				parts.credit = ImageCredit{Text: text, Agencies: agencies, Line: l.N}
				img.Credit = &parts.credit
			}
		} else {
			as.unpaired = append(as.unpaired, len(a.Credits))
		}
		a.Credits = append(a.Credits, c)
	}
}

// finish fills the fields made from the whole structure: text, agencies,
// dateline.
func (as *assembler) finish() {
	as.flush()
	a := as.a
	if n := len(a.Sections); n > 0 { // no append may run into the room left
		k := len(a.Sections[n-1].Paragraphs)
		a.Sections[n-1].Paragraphs = a.Sections[n-1].Paragraphs[:k:k]
	}
	as.joinText()
	as.dateline()
	as.metadata()
	add := func(names ...string) {
		for _, n := range names {
			if !slices.Contains(a.Agencies, n) { // a record names a few at most
				a.Agencies = append(a.Agencies, n)
			}
		}
	}
	datelineDone := a.Dateline == nil || a.Dateline.Agency == nil
	for _, c := range a.Credits {
		if !datelineDone && a.Dateline.Line <= c.Line {
			add(*a.Dateline.Agency)
			datelineDone = true
		}
		add(c.Agencies...)
	}
	if !datelineDone {
		add(*a.Dateline.Agency)
	}
}

// joinText makes the record's text: its headings and paragraphs parted by
// blank lines, in one allocation. The headings and paragraphs are then
// made to share it, so that the body is in memory once and no string of
// it lies in the document's bytes.
func (as *assembler) joinText() {
	a := as.a
	if len(a.Sections) == 1 && a.Sections[0].Heading == nil && len(a.Sections[0].Paragraphs) == 1 {
		// One paragraph: text is that very string, not a second copy (of a
		// line of 200 MB, say), unless it lies in bytes that serve again.
		p := &a.Sections[0].Paragraphs[0]
		p.Text = as.keep(p.Text)
		a.Text = p.Text
		return
	}
	var b strings.Builder
	b.Grow(textLen(a.Sections)) // the text's size: writes never move it
	for i := range a.Sections {
		s := &a.Sections[i]
		if s.Heading != nil {
			s.Heading.Text = writePart(&b, s.Heading.Text)
		}
		for j := range s.Paragraphs {
			s.Paragraphs[j].Text = writePart(&b, s.Paragraphs[j].Text)
		}
	}
	a.Text = b.String()
}

// writePart writes s to b, after a blank line unless it is the first, and
// returns the copy, which shares b's buffer.
func writePart(b *strings.Builder, s string) string {
	if b.Len() > 0 {
		b.WriteString("\n\n")
	}
	start := b.Len()
	b.WriteString(s)
	return b.String()[start:] // String does not copy
}

// textLen is the length of the text finish builds from sections: headings
// and paragraphs parted by blank lines.
func textLen(sections []Section) int {
	n := 0
	for _, s := range sections {
		if s.Heading != nil {
			n += len(s.Heading.Text) + 2
		}
		for _, p := range s.Paragraphs {
			n += len(p.Text) + 2
		}
	}
	return max(n-2, 0)
}

// endsSentence reports whether a paragraph line ends a sentence, so the
// next line starts a new paragraph even without a blank line between.
func endsSentence(s string) bool {
	// The controls that ended a line, put back to be counted (see
	// classify), or kept by a profile without controls, end nothing.
	s = strings.TrimRightFunc(s, func(r rune) bool { return r == ' ' || r != 0xad && arabic.IsControl(r) })
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '؟', '…', ':', ';', '؛', '"', '»', '”', '\'', ')', ']':
		return true
	}
	return false
}

// wrappedStyle reports whether paragraph lines with no blank line between
// them are one paragraph wrapped over several lines: the document has
// blank lines between paragraphs, and most lines followed by another
// paragraph line stop mid-sentence. A dump with one paragraph a line (the
// lines end sentences) keeps each line a paragraph.
func wrappedStyle(lines []classify.Line, res *classify.Results) bool {
	gaps, touching, open := 0, 0, 0
	prev, blankSince := -1, false
	for i, l := range lines {
		if l.Blank {
			blankSince = true
			continue
		}
		isPara := res.Kind(i) == classify.Paragraph
		if isPara && prev >= 0 {
			if blankSince {
				gaps++
			} else {
				touching++
				if !endsSentence(strings.TrimSpace(res.Text(prev))) {
					open++
				}
			}
		}
		prev, blankSince = -1, false
		if isPara {
			prev = i
		}
	}
	return gaps > 0 && open*2 > touching
}

// isBlankLine reports whether a decoded line holds nothing visible.
func isBlankLine(s string) bool {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\f', '\v', 0, '\u00a0', '\u200b', '\u200e', '\u200f', '\ufeff', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e':
		default:
			return false
		}
	}
	return true
}

// learned returns the record's form of a learned furniture entry, or nil.
func learned(e *lexicon.Entry) *Learned {
	if e == nil {
		return nil
	}
	return &Learned{Text: e.Text, Documents: e.Documents}
}
