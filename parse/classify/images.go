package classify

import "github.com/khabar/khabar/parse/lexicon"

// Image rules: a caption is what sits next to a credit.
const (
	ruleCaption        = "caption-before-credit"
	ruleCaptionAfter   = "caption-after-credit"
	ruleTriplet        = "caption-triplet"
	ruleRepeat         = "caption-repeat"
	ruleCaptionLabeled = "caption-after-label"
)

// photoCredit reports a credit line that can belong to an image (not an
// article source line or a closing attribution).
func (d *doc) photoCredit(j int) bool {
	r := d.res(j)
	return r.Kind == Credit && (r.Rule == ruleCreditLine || r.Rule == ruleLabelledCredit)
}

// captionLike reports a line that can be a caption next to a credit: short,
// not a lead-in, and not a finished sentence when a blank line parts it
// from the credit.
func (d *doc) captionLike(j int, parted bool) bool {
	f := &d.f[j]
	if !d.open(j) || f.long || f.end == endColon || f.end == endComma || parted && f.end == endStop {
		return false
	}
	return f.wordsAtLeast(2) && f.wordsAtMost(35)
}

func (d *doc) group(js ...int) {
	g := d.images
	d.images++
	for _, j := range js {
		d.res(j).Image = int32(g)
	}
}

// pairImages finds the images of f[lo:hi]: the «caption / credit / same
// caption» triplet, BBC labels on the same line or the next, a caption
// above or below its credit, a repeat with the credit glued before it, and
// lone captions with glued credits.
func (d *doc) pairImages(lo, hi int) {
	in := func(j int) bool { return j >= lo && j < hi }
	for j := lo + 1; j < hi; j++ {
		d.gluedRepeat(j - 1)
	}
	for j := lo; j < hi; j++ {
		switch {
		case d.photoCredit(j) && d.res(j).Image < 0:
			d.creditImage(j, in)
		case (d.res(j).Kind == Caption) && d.res(j).Image < 0:
			if p := j - 1; in(p) && d.photoCredit(p) && d.res(p).Image < 0 {
				d.group(p, j)
			} else if n := j + 1; in(n) && !d.gap[n] && d.photoCredit(n) && d.res(n).Image < 0 {
				d.group(j, n) // «التعليق على الصورة، …» then «مصدر الصورة، …»
			} else {
				d.group(j)
			}
		case d.res(j).Kind == Boilerplate && d.res(j).Rule == ruleCaptionLabel:
			if n := j + 1; in(n) && d.captionLike(n, false) {
				label := d.label(j)
				d.set(n, Caption, ruleCaptionLabeled)
				d.more(n).Label = label
				if p := j - 1; in(p) && d.photoCredit(p) && d.res(p).Image < 0 {
					d.group(p, n)
				} else {
					d.group(n)
				}
			}
		}
	}
	// A credit label alone («مصدر الصورة») joins the credit under it.
	for j := hi - 2; j >= lo; j-- {
		if n := j + 1; d.photoCredit(j) && d.res(j).Image < 0 && d.res(j).Text == "" && !d.gap[n] &&
			d.photoCredit(n) && d.res(n).Image >= 0 {
			d.res(j).Image = d.res(n).Image
		}
	}
}

// gluedRepeat handles "caption" then "Credit: X View full size image
// caption": the second line repeats the first after a credit label.
func (d *doc) gluedRepeat(p int) {
	j := p + 1
	if !d.open(p) || !(d.open(j) || d.res(j).Kind == Caption) || d.toks(p).Len() < 3 || d.f[p].partial || d.f[j].partial {
		return
	}
	pt, jt := d.toks(p), d.toks(j)
	m, ok := d.lex.PrefixKey(lexicon.CreditLabel, jt)
	if !ok || jt.Len() <= pt.Len()+m.End || jt.Slice(m.End, jt.Len()).Index(pt) < 0 {
		return
	}
	label, _ := dropTokens(d.f[j].text, m.End)
	d.set(p, Caption, ruleCaption)
	d.set(j, CaptionRepeat, ruleRepeat)
	e := d.more(j)
	e.Label = label
	e.Agencies = d.lex.AgenciesInKey(jt.Slice(0, m.End+jt.Slice(m.End, jt.Len()).Index(pt)))
	d.group(p, j)
}

// sameText reports whether two lines have the same match key. Long lines
// are keyed in full here: their head and tail alone are cut at byte
// offsets, which marks and tatweel shift.
func (d *doc) sameText(a, b int) bool {
	if !d.f[a].partial && !d.f[b].partial {
		return sameKey(d.toks(a), d.toks(b))
	}
	return sameKey(lexicon.MakeKey(d.f[a].text), lexicon.MakeKey(d.f[b].text))
}

// creditImage pairs the photo credit f[j] with its caption.
func (d *doc) creditImage(j int, in func(int) bool) {
	p, n := j-1, j+1
	// caption / credit / same caption; the credit may take two lines
	// («مصدر الصورة» then «Getty Images»).
	k := j
	for in(k+1) && d.photoCredit(k+1) && d.res(k+1).Image < 0 && k-j < 2 {
		k++
	}
	if m := k + 1; in(p) && in(m) && d.open(p) && d.open(m) && d.sameText(p, m) && !d.f[p].long {
		d.set(p, Caption, ruleTriplet)
		d.set(m, CaptionRepeat, ruleRepeat)
		for i := j; i <= k; i++ {
			d.res(i).Image = int32(d.images)
		}
		d.group(p, m)
		return
	}
	// BBC labels: credit, then the labelled caption (or a second credit
	// line, or a caption label alone with the caption under it).
	if in(n) && !d.gap[n] {
		switch r := d.res(n); {
		case r.Kind == Caption && r.Image < 0:
			d.group(j, n)
			return
		case d.photoCredit(n) && r.Image < 0 && in(n+1) && d.res(n+1).Kind == Caption && d.res(n+1).Image < 0:
			d.group(j, n, n+1)
			return
		case r.Kind == Boilerplate && r.Rule == ruleCaptionLabel:
			return // the label's own rule pairs the caption
		}
	}
	// a credit set apart from the line above but not from the one below
	// (or labelled) heads its caption
	after := in(n) && !d.gap[n] && d.captionLike(n, false) && !d.prose(n)
	if after && (d.label(j) != "" || !in(p) || d.gap[j] || !d.captionLike(p, true)) {
		d.set(n, Caption, ruleCaptionAfter)
		d.group(j, n)
		return
	}
	// caption above its credit; at the top of a dump not when a date or
	// byline follows, so a title over a bare agency line stays a title.
	if in(p) && d.captionLike(p, d.gap[j] && p > 0) && (p > 0 || !in(n) || d.res(n).Kind != Meta) {
		d.set(p, Caption, ruleCaption)
		d.group(p, j)
	}
}
