package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khabar/khabar/parse/lexicon"
)

// Page is the kind of page a document is, spelled as in the record's page.
type Page string

// Kinds of page.
const (
	PageArticle Page = "article" // a story
	PageIndex   Page = "index"   // a section front or listing: teasers of other stories
	PageError   Page = "error"   // "Page not found" and the like
	PageMedia   Page = "media"   // a video or gallery: a title and captions
)

// Page rules, in removed[].rule.
const (
	ruleIndexTeaser = "index-teaser"
	ruleErrorPage   = "error-page"
	ruleMediaPage   = "media-caption"
)

// Limits of the page rules.
const (
	minIndexTeasers   = 5    // an index lists at least this many teasers
	maxIndexTitle     = 5    // words of a section name: «أخبار العالم», "Sport"
	maxTeaserWords    = 70   // a teaser is a sentence or two
	maxGoOnShare      = 0.15 // of teasers that go on from the line before («وقال …»)
	maxSameOpening    = 0.3  // of teasers that open with one same word
	minEndedShare     = 0.7  // of teasers that end a sentence, as verses and sayings do not
	maxErrorPageLines = 4    // running-text lines an error page may show
	maxMediaCaption   = 60   // words of a gallery's caption
	minGallery        = 3    // captions of a gallery, more than a video's standfirst
	maxMediaGoOnShare = 0.3  // of a gallery's lines that go on from the one before
)

// page decides what kind of page the document is, once its lines are
// classified, and gives the lines of a page that is not an article the
// kinds they have there: an index's teasers and an error page's text are
// boilerplate, a gallery's lines are captions.
func (d *doc) page() Page {
	// One pass without allocating: most documents are plainly articles.
	title, n := -1, 0
	for j := range d.f {
		switch r := d.res(j); {
		case r.Kind == Title && title < 0:
			title = j
		case isBody(r):
			n++
		}
	}
	first := title
	if first < 0 && len(d.f) > 0 {
		first = 0
	}
	maybeError := n <= maxErrorPageLines && first >= 0 && d.line(first).hits.has(lexicon.ErrorPage)
	maybeMedia := title >= 0 && n > 0 && d.line(title).hits.has(lexicon.Media)
	maybeIndex := n >= minIndexTeasers && (title < 0 || countWords(d.res(title).Text) <= maxIndexTitle)
	if !maybeError && !maybeMedia && !maybeIndex {
		return PageArticle
	}
	body := make([]int, 0, n)
	for j := range d.f {
		if isBody(d.res(j)) {
			body = append(body, j)
		}
	}
	switch {
	case maybeError:
		for _, j := range body {
			d.set(j, Boilerplate, ruleErrorPage)
		}
		return PageError
	case maybeMedia && d.mediaPage(body):
		// A gallery's lines are the captions of its pictures, under an
		// introduction; a video's one or two lines are its standfirst, and
		// stay paragraphs. A summary given apart (<ABSTRACT>) stays a
		// paragraph.
		var shown []int
		for _, j := range body {
			if d.res(j).Kind == Paragraph && d.res(j).Rule != ruleAbstract {
				shown = append(shown, j)
			}
		}
		if len(shown) > minGallery {
			for _, j := range shown[1:] {
				d.set(j, Caption, ruleMediaPage)
				d.group(j)
			}
		}
		return PageMedia
	case maybeIndex && d.indexPage(title, body):
		for _, j := range body {
			d.set(j, Boilerplate, ruleIndexTeaser)
		}
		return PageIndex
	}
	return PageArticle
}

// isBody reports a line of running text, or a teaser that a run of them
// under an article made boilerplate: an index is all teasers.
func isBody(r *slot) bool {
	return r.Kind == Paragraph || r.Kind == Heading || r.Kind == Boilerplate && r.Rule == ruleTeaserRun
}

// mediaPage reports a video or gallery page: its title says so («بالصور»,
// "In pictures", «فيديو»), and its lines are short, none of them going on
// from the one before as running text does.
func (d *doc) mediaPage(body []int) bool {
	goOn := 0
	for _, j := range body {
		if !d.f[j].wordsAtMost(maxMediaCaption) {
			return false
		}
		if d.goesOn(j) {
			goOn++
		}
	}
	return float64(goOn) <= maxMediaGoOnShare*float64(len(body))
}

// indexPage reports a section front: under a short title (a section's
// name), five or more lines of one or two sentences each, most ending a
// sentence, hardly any going on from the line before, which share few
// words with the title or with each other. The lines of a story go on from one another («وقال»,
// «لكن») and come back to the title's words.
func (d *doc) indexPage(title int, body []int) bool {
	var titleWords map[string]bool
	if title >= 0 {
		titleWords = contentWords(lexicon.MakeKey(d.res(title).Text), nil)
	}
	// The counts first, the cheapest first: the lines of most stories go
	// on from one another, and tell so in their first word.
	n := float64(len(body))
	goOn, ended := 0, 0
	for _, j := range body {
		f := &d.f[j]
		if f.long || !opensLikeTeaser(f.text) || listMarker(f.text) {
			return false
		}
		if d.goesOn(j) {
			if goOn++; float64(goOn) > maxGoOnShare*n {
				return false
			}
		}
		if f.end == endStop || f.end == endQuestion {
			ended++
		}
	}
	if float64(ended) < minEndedShare*n {
		return false
	}
	for _, j := range body {
		if f := &d.f[j]; !f.wordsAtLeast(4) || !f.wordsAtMost(maxTeaserWords) {
			return false
		}
	}
	// Teasers open each their own way; the verses of a poem or the
	// sayings of a column («يا بني …») alike.
	firsts := make(map[string]int, min(len(body), 1<<10)) // a few openings, however many lines
	for _, j := range body {
		if toks := d.toks(j); toks.Len() > 0 {
			if firsts[toks.At(0)]++; float64(firsts[toks.At(0)]) > maxSameOpening*n {
				return false
			}
		}
	}
	aboutTitle, linked := 0, 0
	var prev, spare map[string]bool // two sets, used in turn: one a line would be garbage
	for i, j := range body {
		clear(spare)
		words := contentWords(d.toks(j), spare)
		if shares(words, titleWords, 1) {
			aboutTitle++
		}
		if i > 0 && shares(words, prev, 2) {
			linked++
		}
		prev, spare = words, prev
	}
	return float64(aboutTitle) <= 0.25*n || float64(linked) <= 0.35*(n-1)
}

// opensLikeTeaser reports a line that opens with a letter, a digit or a
// quotation mark, as a teaser does, and not with a bullet or a dash.
// A Latin line must open a sentence, with a capital.
func opensLikeTeaser(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		return false
	}
	return unicode.IsLetter(r) && r != 'ـ' || unicode.IsDigit(r) || strings.ContainsRune("\"«“'", r)
}

// goesOn reports a line that opens with a word that carries on from the
// line before: «و» glued to a verb or particle («وقال», «وفي»), «لكن»,
// «كما», "But", "He".
func (d *doc) goesOn(j int) bool {
	toks := d.toks(j)
	if toks.Len() == 0 {
		return false
	}
	t := toks.At(0)
	if goOnWords[t] {
		return true
	}
	rest, ok := strings.CutPrefix(t, "و")
	return ok && utf8.RuneCountInString(rest) >= 2 && !wawWords[t]
}

// goOnWords open a line that goes on from the one before.
var goOnWords = map[string]bool{
	"لكن": true, "كما": true, "ثم": true, "اما": true, "فيما": true, "بينما": true, "الا": true, "غير": true,
	"اذ": true, "حيث": true, "لذلك": true, "بدوره": true, "بدورها": true, "من": true,
	"but": true, "and": true, "he": true, "she": true, "they": true, "it": true, "this": true, "however": true, "also": true,
}

// wawWords start with «و» as a letter of their own, not «و» "and": a
// teaser may well open with them.
var wawWords = map[string]bool{
	"وزير": true, "وزيره": true, "وزاره": true, "وزراء": true, "وكاله": true, "واشنطن": true, "وفد": true,
	"وسائل": true, "ولايه": true, "والي": true, "وحده": true, "وثيقه": true, "وفاه": true, "وقف": true,
	"ورقه": true, "وجهه": true, "وادي": true, "وسط": true, "وليد": true, "وائل": true,
}

// contentWords adds to set the words of key that carry content: three
// letters or more, not digits, without the article or a leading «و».
func contentWords(key lexicon.Key, set map[string]bool) map[string]bool {
	if set == nil {
		set = make(map[string]bool, key.Len())
	}
	for i := range key.Len() {
		w := key.At(i)
		if allDigits(w) {
			continue
		}
		for _, p := range [...]string{"وال", "بال", "لل", "ال", "و"} {
			if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= 3 {
				w = rest
				break
			}
		}
		if utf8.RuneCountInString(w) >= 3 && !stopWords[w] {
			set[w] = true
		}
	}
	return set
}

// stopWords are words of any text, not of its subject: particles,
// pronouns, verbs of saying, weekdays. They are spelled as match keys
// (ة as ه, أ as ا, final ى as ي), after the article or «و» is taken off.
var stopWords = map[string]bool{
	"علي": true, "الي": true, "التي": true, "الذي": true, "الذين": true, "هذا": true, "هذه": true,
	"ذلك": true, "تلك": true, "كان": true, "كانت": true, "يكون": true, "تكون": true, "بين": true, "بعد": true,
	"قبل": true, "حيث": true, "عند": true, "كما": true, "لقد": true, "ماذا": true, "منذ": true, "حتي": true,
	"خلال": true, "حول": true, "ايضا": true, "اكثر": true, "اقل": true, "عام": true, "يوم": true,
	"قال": true, "قالت": true, "اضاف": true, "اضافت": true, "اكد": true, "اكدت": true, "اعلن": true, "اعلنت": true,
	"احد": true, "اثنين": true, "ثلاثاء": true, "اربعاء": true, "خميس": true, "جمعه": true, "سبت": true,
	"رييس": true, "وزير": true, "حكومه": true, "دوله": true, "متحده": true, "نحو": true, "وكاله": true, "انباء": true,
	"فقا": true, "مصدر": true, "مسوول": true, "امس": true, "اليوم": true, "غير": true, "كل": true, "لها": true, "له": true, "لهم": true, "فيه": true, "فيها": true,
	"the": true, "and": true, "for": true, "that": true, "with": true, "was": true, "said": true, "has": true, "have": true,
	"from": true, "this": true, "are": true, "his": true, "her": true, "their": true, "its": true, "not": true, "but": true,
}

// shares reports whether a and b have at least n words in common.
func shares(a, b map[string]bool, n int) bool {
	for w := range a {
		if b[w] {
			if n--; n == 0 {
				return true
			}
		}
	}
	return false
}
