package classify

// ruleTeaserRun names the teasers of other stories run under an article.
const ruleTeaserRun = "teaser-run"

// Limits of a run of teasers.
const (
	minTeaserRun       = 3  // teasers in a row at the end of the text
	minRunTeaserWords  = 12 // a teaser is a story's lead: a full sentence
	maxTeaserOverlap   = 2  // content words a teaser may share with the story above it
	minStoryParagraphs = 2  // paragraphs of the story itself above the run
)

// teaserRun marks as boilerplate the leads of other stories that a page
// runs under its article: three or more full sentences at the end of the
// text, each ending a sentence, none going on from the line before, each about something else:
// sharing hardly a word with the title and the paragraphs above it. The
// lines of a story go on from one another («وقال …») and come back to its
// names.
func (d *doc) teaserRun(lo, hi int) {
	// The cheap tests first, from the end, without allocating: the last
	// paragraphs of most stories go on from the one before.
	run, above := 0, 0
	for j := hi - 1; j >= lo; j-- {
		if k := d.res(j).Kind; k != "" && k != Paragraph {
			continue
		}
		f := &d.f[j]
		if above == 0 && !f.long && f.wordsAtLeast(minRunTeaserWords) && f.wordsAtMost(maxTeaserWords) &&
			opensLikeTeaser(f.text) && !listMarker(f.text) && f.end == endStop && !d.goesOn(j) {
			run++
			continue
		}
		if above++; above >= minStoryParagraphs {
			break
		}
	}
	if above < minStoryParagraphs {
		run -= minStoryParagraphs - above
	}
	if run < minTeaserRun {
		return
	}
	var paras []int
	for j := lo; j < hi; j++ {
		if k := d.res(j).Kind; k == "" || k == Paragraph {
			paras = append(paras, j)
		}
	}
	start := len(paras) - run
	// The story's words: its title and its paragraphs above the run. The
	// run starts below the last line that comes back to them.
	story := map[string]bool{}
	for j := range d.f {
		if d.res(j).Kind == Title {
			contentWords(d.toks(j), story)
			break
		}
	}
	for _, j := range paras[:start] {
		contentWords(d.wholeKey(j), story)
	}
	first := start
	for i := start; i < len(paras); i++ {
		if shares(contentWords(d.wholeKey(paras[i]), nil), story, maxTeaserOverlap+1) {
			first = i + 1
		}
	}
	if len(paras)-first < minTeaserRun {
		return
	}
	for _, j := range paras[first:] {
		d.set(j, Boilerplate, ruleTeaserRun)
	}
}
