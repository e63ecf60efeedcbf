package dates

import (
	"fmt"
	"strings"
)

// Date is a date found in a line.
type Date struct {
	Text     string // the part of the line that is the date (with its label if any), trimmed
	ISO      string // "2018-08-18T13:22:51+00:00", "2018-08-18T13:22:51", "2012-06-29T17:35", "2012-05-01"; "" for a Hijri date
	Calendar string // Gregorian or Hijri
	Labelled bool   // a label names it as the publication or update date: «تاريخ النشر», «آخر تحديث», "Published"…
}

// The calendars of Date.Calendar.
const (
	Gregorian = "gregorian"
	Hijri     = "hijri"
)

// Layouts are the time.Parse layouts of Date.ISO, one for each form it
// takes: a date, time and zone; the same without seconds; a date and time;
// the same without seconds; a date alone. The zone is always an offset
// (+00:00 for GMT, UTC and Z), never "Z".
var Layouts = []string{
	"2006-01-02T15:04:05-07:00",
	"2006-01-02T15:04-07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02",
}

// maxOtherWords is the number of words a date line may hold besides its
// date, time, weekday, labels, fillers and punctuation: a place, an outlet,
// «ضوء».
const maxOtherWords = 4

// Line reports the date a line holds when the line is a date line: the
// date and maybe a label, a weekday, a time, a zone, a place or outlet
// name around it (at most four other words), not a sentence that merely
// mentions a date.
func Line(s string) (Date, bool) {
	return analyse(s).dateLine()
}

// Find is like Line but also looks for a date inside a longer line that
// opens with it or has it after a label or a separator:
// «الرؤية - الإثنين, 06 فبراير/شباط 2012 02:28», «دبي - 12 مايو 2018 -
// أعلنت …», «كتب: أحمد علي | نشر في: 12 مايو 2018 | …». When the line is
// a date line, Find returns what Line does.
//
// It never returns a date from inside a running sentence. The date must
//   - follow a label of publication or update («نشر في», "Published"), or
//   - open the line (after punctuation only), or
//   - follow a dash, bar, colon, slash or bullet with a space on one side
//     of it, or a comma or closing bracket after at most four words, none
//     of running text, or
//   - follow a place of at most three words that opens the line and be
//     followed by a dash or the like, maybe after an agency in brackets:
//     «الرياض 12 مايو 2018 (واس) - …».
//
// In the last three cases the word after the date must not go on with a
// sentence (a word of running text such as «في» or «عندما», or a word
// opened by و) before any dash, bar, colon or slash. The first date in the
// line that passes is returned.
func Find(s string) (Date, bool) {
	a := analyse(s)
	if d, ok := a.dateLine(); ok {
		return d, true
	}
	for c := 0; c < len(a.segs); c++ {
		if a.segs[c].kind != core {
			continue
		}
		e := a.expr(c)
		if a.found(e) {
			d := a.date(e)
			d.Labelled = e.label >= 0 && a.segs[e.label].pub
			return d, true
		}
		c = max(c, e.last)
	}
	return Date{}, false
}

// An analysis is a line cut into segments.
type analysis struct {
	line
	segs []segment
}

// analyse tokenizes and segments s; a line with no digit, and so no date,
// is left empty.
func analyse(s string) *analysis {
	a := &analysis{line: line{s: s}}
	if hasDigit(s) {
		a.t = tokenize(s)
		a.segs = a.segments()
	}
	return a
}

// dateLine is Line on an analysed line.
func (a *analysis) dateLine() (Date, bool) {
	main := -1
	for k, sg := range a.segs {
		if sg.kind != core {
			continue
		}
		if !sg.hijri {
			main = k
			break
		}
		if main < 0 {
			main = k
		}
	}
	if main < 0 {
		return Date{}, false
	}
	e := a.expr(main)
	others := 0
	for k, sg := range a.segs {
		if sg.kind != other {
			continue
		}
		others++
		if others > maxOtherWords || sg.sentence || (sg.wa && k > e.last && !a.strongSepBetween(e.last, k)) {
			return Date{}, false
		}
	}
	d := a.date(e)
	d.Labelled = a.labelledBefore(e)
	return d, true
}

// An expr is a date with what goes with it, as indexes of segments.
type expr struct {
	first, last int // the span of the date, both included
	date        int // the core that gives the date
	clock       int // the time of the date, or -1
	label       int // the label right before the date, or -1
}

// expr returns the date at core c with what goes with it: the core of the
// other calendar joined to it («… الموافق 21 شعبان 1433», and then the
// Gregorian one gives the date), a time right after it (or else right
// before it), a weekday, «يوم» and a label right before it. Only
// punctuation may come between them; «الساعة» and "at" too before the
// time.
func (a *analysis) expr(c int) expr {
	e := expr{first: c, last: c, date: c, clock: -1, label: -1}
	if n := a.partner(c, a.nextKey); n >= 0 {
		e.last = n
	} else if p := a.partner(c, a.prevKey); p >= 0 {
		e.first = p
	}
	for _, k := range []int{e.first, e.last} {
		if !a.segs[k].hijri {
			e.date = k
			break
		}
	}
	n := a.nextKey(e.last)
	for n < len(a.segs) && a.isFiller(n, "الساعه", "ساعه", "at") {
		n = a.nextKey(n)
	}
	if n < len(a.segs) && a.segs[n].kind == clock {
		e.clock, e.last = n, n
	}
	p := a.prevKey(e.first)
	if p >= 0 && a.segs[p].kind == weekday {
		e.first, p = p, a.prevKey(p)
	}
	if p >= 0 && a.isFiller(p, "يوم", "اليوم") {
		e.first, p = p, a.prevKey(p)
	}
	if e.clock < 0 && p >= 0 && a.segs[p].kind == clock {
		e.clock, e.first, p = p, p, a.prevKey(p)
	}
	if p >= 0 && a.segs[p].kind == label {
		e.label, e.first = p, p
	}
	return e
}

// partner returns the core of the other calendar next to core c in the
// direction step goes, across punctuation and «الموافق», or -1.
func (a *analysis) partner(c int, step func(int) int) int {
	k := step(c)
	if k >= 0 && k < len(a.segs) && a.isFiller(k, "الموافق") {
		k = step(k)
	}
	if k >= 0 && k < len(a.segs) && a.segs[k].kind == core && a.segs[k].hijri != a.segs[c].hijri {
		return k
	}
	return -1
}

// nextKey returns the index of the first segment after k that is not
// punctuation, or len(a.segs).
func (a *analysis) nextKey(k int) int {
	for k++; k < len(a.segs) && a.segs[k].kind == sep; k++ {
	}
	return k
}

// prevKey returns the index of the last segment before k that is not
// punctuation, or -1.
func (a *analysis) prevKey(k int) int {
	for k--; k >= 0 && a.segs[k].kind == sep; k-- {
	}
	return k
}

// isFiller reports a filler segment at k that opens with one of words.
func (a *analysis) isFiller(k int, words ...string) bool {
	if a.segs[k].kind != filler {
		return false
	}
	w := a.t[a.segs[k].i].text
	for _, x := range words {
		if w == x {
			return true
		}
	}
	return false
}

// strongSep reports a separator that ends a phrase: a dash (a tatweel
// standing alone as well), a bar, a colon, a slash or a bullet.
func strongSep(t token) bool {
	if t.kind != punct {
		return false
	}
	if strings.Trim(t.text, "ـ") == "" {
		return true
	}
	return strings.Contains("-–—|:/•·", t.text)
}

// weakSep reports a comma or a closing bracket.
func weakSep(t token) bool {
	return t.kind == punct && strings.Contains(",،)]»", t.text)
}

// strongSepBetween reports a strong separator among the segments between
// j and k.
func (a *analysis) strongSepBetween(j, k int) bool {
	for i := j + 1; i < k; i++ {
		if a.segs[i].kind == sep && strongSep(a.t[a.segs[i].i]) {
			return true
		}
	}
	return false
}

// labelledBefore reports whether the nearest label before the date, with
// no other date between them, names the publication or update date.
func (a *analysis) labelledBefore(e expr) bool {
	for k := e.first; k >= 0; k-- {
		switch a.segs[k].kind {
		case label:
			return a.segs[k].pub
		case core:
			if k < e.first {
				return false
			}
		}
	}
	return false
}

// found reports a date Find may return (see Find).
func (a *analysis) found(e expr) bool {
	if e.label >= 0 && a.segs[e.label].pub {
		return true
	}
	return a.anchored(e) && !a.runsOn(e)
}

// anchored reports a date that opens the line (after punctuation only), or
// comes after a separator: a strong one with a space beside it, or a weak
// one after at most maxOtherWords words, none of running text, or comes
// after a place that opens the line (placeBefore).
func (a *analysis) anchored(e expr) bool {
	if a.prevKey(e.first) < 0 {
		return true
	}
	p := e.first - 1
	if a.segs[p].kind != sep {
		return a.placeBefore(e)
	}
	t := a.t[a.segs[p].i]
	if strongSep(t) {
		return t.space || a.t[a.segs[e.first].i].space
	}
	if !weakSep(t) {
		return false
	}
	words := 0
	for k := 0; k < p; k++ {
		switch a.segs[k].kind {
		case sep:
			continue
		case other:
			if a.segs[k].sentence {
				return false
			}
		}
		if words++; words > maxOtherWords {
			return false
		}
	}
	return true
}

// placeBefore reports a date after a place of at most three words that
// opens the line, followed by a strong separator, maybe after an agency in
// brackets: «الرياض 12 مايو 2018 (واس) -».
func (a *analysis) placeBefore(e expr) bool {
	words := 0
	for k := 0; k < e.first; k++ {
		switch sg := a.segs[k]; {
		case sg.kind == sep:
			continue
		case sg.kind != other, sg.sentence, a.t[sg.i].kind == number:
			return false
		}
		if words++; words > 3 {
			return false
		}
	}
	k := e.last + 1
	if a.isSep(k, "(") {
		for k++; k < len(a.segs) && k <= e.last+6 && !a.isSep(k, ")"); k++ {
		}
		k++
	}
	return k < len(a.segs) && a.segs[k].kind == sep && strongSep(a.t[a.segs[k].i])
}

// isSep reports the punctuation mark p at segment k.
func (a *analysis) isSep(k int, p string) bool {
	return k < len(a.segs) && a.segs[k].kind == sep && a.t[a.segs[k].i].text == p
}

// runsOn reports a date followed by a word of running text before any
// strong separator: «12 مارس 2011 عندما …», «…، 12 مايو 2018، وأعلن».
func (a *analysis) runsOn(e expr) bool {
	for k := e.last + 1; k < len(a.segs); k++ {
		sg := a.segs[k]
		if sg.kind == sep {
			if strongSep(a.t[sg.i]) {
				return false
			}
			continue
		}
		return sg.kind == other && (sg.sentence || sg.wa)
	}
	return false
}

// date returns the Date of e (Labelled is left to the caller).
func (a *analysis) date(e expr) Date {
	from, to := a.t[a.segs[e.first].i].start, a.t[a.segs[e.last].j-1].end
	d := Date{Text: strings.TrimSpace(a.s[from:to]), Calendar: Gregorian}
	c := a.segs[e.date]
	if c.hijri {
		d.Calendar = Hijri
		return d
	}
	d.ISO = fmt.Sprintf("%04d-%02d-%02d", c.y, c.m, c.d)
	if e.clock >= 0 {
		t := a.segs[e.clock]
		d.ISO += fmt.Sprintf("T%02d:%02d", t.hour, t.min)
		if t.hasSec {
			d.ISO += fmt.Sprintf(":%02d", t.sec)
		}
		d.ISO += t.zone
	}
	return d
}
