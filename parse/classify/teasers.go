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
	// The paragraphs of f[lo:hi], and where the run may start: the
	// cheap tests first, from the end.
	var paras []int
	for j := lo; j < hi; j++ {
		if k := d.res(j).Kind; k == "" || k == Paragraph {
			paras = append(paras, j)
		}
	}
	start := len(paras)
	for start > 0 {
		j := paras[start-1]
		f := &d.f[j]
		if f.long || !f.wordsAtLeast(minRunTeaserWords) || !f.wordsAtMost(maxTeaserWords) || !opensLikeTeaser(f.text) || listMarker(f.text) || f.end != endStop {
			break
		}
		start--
	}
	start = max(start, minStoryParagraphs)
	if len(paras)-start < minTeaserRun {
		return
	}
	// The story's words: its title and its paragraphs above each line.
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
	first := len(paras)
	for i := start; i < len(paras); i++ {
		j := paras[i]
		words := contentWords(d.wholeKey(j), nil)
		if d.goesOn(j) {
			// The story goes on: its words are the story's, and the run
			// must start below it.
			for w := range words {
				story[w] = true
			}
			first = len(paras)
			continue
		}
		if shares(words, story, maxTeaserOverlap+1) {
			first = len(paras)
			continue
		}
		if first == len(paras) {
			first = i
		}
	}
	if len(paras)-first < minTeaserRun {
		return
	}
	for _, j := range paras[first:] {
		d.set(j, Boilerplate, ruleTeaserRun)
	}
}
