package dates

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// segKind is what a segment of a line is.
type segKind uint8

const (
	other   segKind = iota // a word or number that is none of the below
	sep                    // one punctuation mark
	core                   // a date: day, month and year (with «م» or «هـ»)
	clock                  // a time, with its AM/PM and zone
	weekday                // a day of the week
	label                  // «تاريخ النشر», "Published"…
	filler                 // «يوم», «الساعة», «الموافق», «بتوقيت القدس», "GMT"…
)

// A segment is a run of tokens [i, j) of one kind.
type segment struct {
	kind segKind
	i, j int

	// core
	y, m, d int
	hijri   bool

	// clock
	hour, min, sec int
	hasSec         bool
	zone           string // "+04:00"; "" when none is given or it is not known («بتوقيت القدس»)

	// label
	pub bool // the label names the publication or update date

	// other
	sentence bool // a word of running text (sentenceWords)
	wa       bool // a word of four letters or more opened by و: «وأضاف», «وقعت»
}

// calendar is the calendar a year is read in.
type calendar uint8

const (
	anyCalendar calendar = iota // a numeric date: Gregorian, or Hijri when «هـ» follows
	gregorian
	hijri
)

// Year ranges a date must fall in.
const (
	minGregorian, maxGregorian = 1900, 2100
	minHijri, maxHijri         = 1300, 1599
)

// A line is a tokenized line.
type line struct {
	s string
	t []token
}

// isNum reports a number of lo to hi digits at i.
func (l *line) isNum(i, lo, hi int) bool {
	if i < 0 || i >= len(l.t) || l.t[i].kind != number {
		return false
	}
	n := l.t[i].digits()
	return n >= lo && n <= hi
}

// isPunct reports, at i, a punctuation token that is one of the characters
// of set.
func (l *line) isPunct(i int, set string) bool {
	return i >= 0 && i < len(l.t) && l.t[i].kind == punct && strings.Contains(set, l.t[i].text)
}

// wordAt returns the folded word at i, or "".
func (l *line) wordAt(i int) string {
	if i < 0 || i >= len(l.t) || l.t[i].kind != word {
		return ""
	}
	return l.t[i].text
}

// glued reports a token at i with no space before it.
func (l *line) glued(i int) bool { return i > 0 && i < len(l.t) && !l.t[i].space }

// segments cuts the line into segments, left to right, taking at each
// token the first of: a date, a time, a punctuation mark, a number, a
// label (the longest), a weekday, a filler, any other word.
func (l *line) segments() []segment {
	segs := make([]segment, 0, len(l.t))
	for i := 0; i < len(l.t); {
		sg := l.segmentAt(i)
		segs = append(segs, sg)
		i = sg.j
	}
	return segs
}

func (l *line) segmentAt(i int) segment {
	if sg, ok := l.dateAt(i); ok {
		return sg
	}
	if sg, ok := l.clockAt(i); ok {
		return sg
	}
	switch l.t[i].kind {
	case punct:
		return segment{kind: sep, i: i, j: i + 1}
	case number:
		return segment{kind: other, i: i, j: i + 1}
	}
	if j, pub, ok := l.labelAt(i); ok {
		return segment{kind: label, i: i, j: j, pub: pub}
	}
	w := l.t[i].text
	switch {
	case weekdays[w]:
		return segment{kind: weekday, i: i, j: i + 1}
	case zoneWords[w]:
		j := i + 1
		if l.wordAt(j) != "" {
			j++
		}
		return segment{kind: filler, i: i, j: j}
	case fillers[w]:
		j := i + 1
		if w == "الموافق" && l.wordAt(j) == "ل" {
			j++ // «الموافق لـ»
		}
		return segment{kind: filler, i: i, j: j}
	}
	return segment{kind: other, i: i, j: i + 1, sentence: sentenceWords[w],
		wa: strings.HasPrefix(w, "و") && utf8.RuneCountInString(w) > 3}
}

// labelAt reads the longest label at i.
func (l *line) labelAt(i int) (next int, pub bool, ok bool) {
	if !labelStarts[l.wordAt(i)] {
		return 0, false, false
	}
	for n := maxLabelWords; n >= 1; n-- {
		words := make([]string, 0, n)
		for k := i; k < i+n; k++ {
			w := l.wordAt(k)
			if w == "" {
				break
			}
			words = append(words, w)
		}
		if len(words) < n {
			continue
		}
		if pub, ok := labels[strings.Join(words, " ")]; ok {
			return i + n, pub, true
		}
	}
	return 0, false, false
}

// dateAt reads a date at i, in one of the forms:
//
//	2012-06-03  2012/06/03  2012.06.03          (ISO order, then maybe T and a time)
//	17/04/2012  17-04-2012  17.04.2012  01 - 10 - 2012   (day first)
//	18 Aug 2018  10 July 2012  29 يونيو، 2012  06 فبراير/شباط 2012  12 رجب 1439 هـ
//	July 10, 2012  Jul 10 2012  Jul. 10th, 2012
func (l *line) dateAt(i int) (segment, bool) {
	if l.afterGluedNumber(i) {
		return segment{}, false
	}
	if sg, ok := l.isoDate(i); ok {
		return sg, true
	}
	if sg, ok := l.numericDate(i); ok {
		return sg, true
	}
	if sg, ok := l.dayMonthYear(i); ok {
		return sg, true
	}
	return l.monthDayYear(i)
}

// afterGluedNumber reports a token at i glued to a number before it by a
// date or time separator ("3/17/04/2012", "10:12 مايو"): it is not the
// start of a date.
func (l *line) afterGluedNumber(i int) bool {
	return l.glued(i) && l.isPunct(i-1, "/-.:") && l.glued(i-1) && l.isNum(i-2, 1, 99)
}

// gluedMore reports, at i, a separator of set glued to the token before it
// and to a number after it: the date before it goes on ("17/04/2012/5").
func (l *line) gluedMore(i int, set string) bool {
	return l.glued(i) && l.isPunct(i, set) && l.glued(i+1) && l.isNum(i+1, 1, 99)
}

// isoDate reads YYYY-MM-DD with - / or . (no spaces), and a T glued to a
// time after it.
func (l *line) isoDate(i int) (segment, bool) {
	if !l.isNum(i, 4, 4) || !l.isPunct(i+1, "-/.") {
		return segment{}, false
	}
	s := l.t[i+1].text
	if !l.glued(i+1) || !l.isNum(i+2, 1, 2) || !l.glued(i+2) ||
		!l.isPunct(i+3, s) || !l.glued(i+3) || !l.isNum(i+4, 1, 2) || !l.glued(i+4) ||
		l.gluedMore(i+5, "-/.") {
		return segment{}, false
	}
	y, m, d := l.t[i].val, l.t[i+2].val, l.t[i+4].val
	if y < minGregorian || y > maxGregorian || !valid(y, m, d, false) {
		return segment{}, false
	}
	j := i + 5
	if l.wordAt(j) == "t" && l.glued(j) && l.glued(j+1) && l.isNum(j+1, 1, 2) {
		j++ // the T of 2012-06-03T10:00:00Z; the time is a segment of its own
	}
	return segment{kind: core, i: i, j: j, y: y, m: m, d: d}, true
}

// numericDate reads a day, a month and a year of four digits, separated by
// the same one of - / or . («17/04/2012», «01 - 10 - 2012»). The day comes
// first: a month-first American date is never guessed, and "04/17/2012" is
// no date. «12/7/1439 هـ» is a Hijri date.
func (l *line) numericDate(i int) (segment, bool) {
	if !l.isNum(i, 1, 2) || !l.isPunct(i+1, "-/.") {
		return segment{}, false
	}
	s := l.t[i+1].text
	if !l.isNum(i+2, 1, 2) || !l.isPunct(i+3, s) || l.gluedMore(i+5, "-/.") {
		return segment{}, false
	}
	y, h, j, ok := l.yearAt(i+4, anyCalendar)
	d, m := l.t[i].val, l.t[i+2].val
	if !ok || !valid(y, m, d, h) {
		return segment{}, false
	}
	return segment{kind: core, i: i, j: j, y: y, m: m, d: d, hijri: h}, true
}

// dateSeps may stand between the day, the month name and the year.
const dateSeps = ",،-/."

// dayMonthYear reads a day, a month name and a year: «29 يونيو, 2012»,
// "18 Aug 2018", "10th July 2012", «12 رجب 1439 هـ».
func (l *line) dayMonthYear(i int) (segment, bool) {
	if !l.isNum(i, 1, 2) {
		return segment{}, false
	}
	d := l.t[i].val
	j := i + 1
	if ordinals[l.wordAt(j)] && l.glued(j) {
		j++
	}
	if l.isPunct(j, dateSeps) {
		j++
	}
	m, h, j, ok := l.monthAt(j)
	if !ok {
		return segment{}, false
	}
	if l.isPunct(j, dateSeps) {
		j++
	}
	cal := gregorian
	if h {
		cal = hijri
	}
	y, h, j, ok := l.yearAt(j, cal)
	if !ok || !valid(y, m, d, h) {
		return segment{}, false
	}
	return segment{kind: core, i: i, j: j, y: y, m: m, d: d, hijri: h}, true
}

// monthDayYear reads a Gregorian month name, a day and a year: "July 10,
// 2012", "Jul 10 2012", "Jul. 10th, 2012".
func (l *line) monthDayYear(i int) (segment, bool) {
	m, h, j, ok := l.monthAt(i)
	if !ok || h {
		return segment{}, false
	}
	if l.isPunct(j, ".") && l.glued(j) {
		j++
	}
	if !l.isNum(j, 1, 2) {
		return segment{}, false
	}
	d := l.t[j].val
	j++
	if ordinals[l.wordAt(j)] && l.glued(j) {
		j++
	}
	if l.isPunct(j, ",،") {
		j++
	}
	y, _, j, ok := l.yearAt(j, gregorian)
	if !ok || !valid(y, m, d, false) {
		return segment{}, false
	}
	return segment{kind: core, i: i, j: j, y: y, m: m, d: d}, true
}

// monthAt reads a month name at i, maybe doubled by the same month in
// another series: «فبراير/شباط», «شباط / فبراير», «يوليو (تموز)»,
// «يونيو حزيران». Two names of different months are no month.
func (l *line) monthAt(i int) (m int, h bool, next int, ok bool) {
	m, h, next, ok = l.monthName(i)
	if !ok {
		return 0, false, 0, false
	}
	k := next
	open := l.isPunct(k, "(")
	if open || l.isPunct(k, "/-") {
		k++
	}
	m2, h2, k, ok2 := l.monthName(k)
	if !ok2 {
		return m, h, next, true
	}
	if m2 != m || h2 != h {
		return 0, false, 0, false
	}
	if open {
		if !l.isPunct(k, ")") {
			return m, h, next, true
		}
		k++
	}
	return m, h, k, true
}

// monthName reads one month name of one or two words at i.
func (l *line) monthName(i int) (m int, h bool, next int, ok bool) {
	w := l.wordAt(i)
	if w == "" {
		return 0, false, 0, false
	}
	if w2 := l.wordAt(i + 1); w2 != "" {
		key := w + " " + w2
		if m, ok := gregorianMonths[key]; ok {
			return m, false, i + 2, true
		}
		if m, ok := hijriMonths[key]; ok {
			return m, true, i + 2, true
		}
	}
	if m, ok := gregorianMonths[w]; ok {
		return m, false, i + 1, true
	}
	if m, ok := hijriMonths[w]; ok {
		return m, true, i + 1, true
	}
	return 0, false, 0, false
}

// yearAt reads a year of four digits at i in calendar cal, and the suffix
// after it: «م» or «ميلادي» for a Gregorian year, «هـ» or «هجري» for a
// Hijri one. Gregorian years run from 1900 to 2100 and Hijri ones from
// 1300 to 1599. A numeric date (anyCalendar) is Hijri only with its suffix.
func (l *line) yearAt(i int, cal calendar) (y int, h bool, next int, ok bool) {
	if !l.isNum(i, 4, 4) {
		return 0, false, 0, false
	}
	y = l.t[i].val
	greg := cal != hijri && y >= minGregorian && y <= maxGregorian
	hij := cal != gregorian && y >= minHijri && y <= maxHijri
	w := l.wordAt(i + 1)
	switch {
	case hij && hijriSuffixes[w]:
		return y, true, i + 2, true
	case greg && gregorianSuffixes[w]:
		return y, false, i + 2, true
	case greg:
		return y, false, i + 1, true
	case hij && cal == hijri:
		return y, true, i + 1, true
	}
	return 0, false, 0, false
}

// valid reports a day that exists: a Gregorian date of the proleptic
// calendar, or a Hijri day of 1 to 30 in a month of 1 to 12.
func valid(y, m, d int, h bool) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	if h {
		return d <= 30
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

// clockAt reads a time at i: H:MM or H:MM:SS (maybe with a fraction of a
// second), then maybe AM/PM («ص», «م», «صباحاً», «مساءً», "a.m."), then
// maybe a zone.
func (l *line) clockAt(i int) (segment, bool) {
	if !l.isNum(i, 1, 2) || !l.isPunct(i+1, ":") || !l.glued(i+1) || !l.isNum(i+2, 2, 2) || !l.glued(i+2) {
		return segment{}, false
	}
	sg := segment{kind: clock, i: i, hour: l.t[i].val, min: l.t[i+2].val}
	j := i + 3
	if l.isPunct(j, ":") && l.glued(j) && l.isNum(j+1, 2, 2) && l.glued(j+1) {
		sg.sec, sg.hasSec = l.t[j+1].val, true
		j += 2
		if l.isPunct(j, ".") && l.glued(j) && l.isNum(j+1, 1, 99) && l.glued(j+1) {
			j += 2 // a fraction of a second is dropped
		}
	}
	if l.gluedMore(j, ":.") {
		return segment{}, false // 1:2:3:4, 10:30.5.6: not a time
	}
	if pm, k, ok := l.meridiemAt(j); ok {
		switch {
		case sg.hour == 0:
			return segment{}, false
		case pm && sg.hour < 12:
			sg.hour += 12
		case !pm && sg.hour == 12:
			sg.hour = 0
		case !pm && sg.hour > 12:
			return segment{}, false
		}
		j = k
	}
	if sg.hour > 23 || sg.min > 59 || sg.sec > 59 {
		return segment{}, false
	}
	if z, k, ok := l.zoneAt(j); ok && (sg.hasSec || !l.glued(j) || !l.isPunct(j, "+-−")) {
		// A sign glued to H:MM is a range ("10:30-11:30"), not an offset.
		sg.zone = z
		j = k
	}
	sg.j = j
	return sg, true
}

// meridiemAt reads AM or PM at i: a word of meridiems, or "a.m."/"p.m.".
func (l *line) meridiemAt(i int) (pm bool, next int, ok bool) {
	w := l.wordAt(i)
	if pm, ok := meridiems[w]; ok {
		return pm, i + 1, true
	}
	if (w == "a" || w == "p") && l.isPunct(i+1, ".") && l.glued(i+1) && l.wordAt(i+2) == "m" && l.glued(i+2) {
		next = i + 3
		if l.isPunct(next, ".") && l.glued(next) {
			next++
		}
		return w == "p", next, true
	}
	return false, 0, false
}

// zoneAt reads the zone of a time at i, maybe in brackets: GMT, UTC, UT,
// a Z glued to the time, an offset (+0400, -05:00), GMT+3, GMT+03:00,
// «بتوقيت غرينتش» (+00:00) or «بتوقيت القدس» (a zone whose offset is not
// known: zone is ""). ok is false when no zone is there.
func (l *line) zoneAt(i int) (zone string, next int, ok bool) {
	k := i
	open := l.isPunct(k, "(")
	if open {
		k++
	}
	w := l.wordAt(k)
	switch {
	case w == "gmt" || w == "utc" || w == "ut" || (w == "z" && l.glued(k) && !open):
		zone = "+00:00"
		k++
		if off, k2, ok := l.offsetAt(k, true); ok {
			zone, k = off, k2
		}
	case zoneWords[w]:
		k++
		if greenwich[l.wordAt(k)] {
			zone = "+00:00"
		}
		if l.wordAt(k) != "" {
			k++
		}
	default:
		off, k2, ok := l.offsetAt(k, false)
		if !ok {
			return "", 0, false
		}
		zone, k = off, k2
	}
	if open {
		if !l.isPunct(k, ")") {
			return "", 0, false
		}
		k++
	}
	return zone, k, true
}

// offsetAt reads an offset at i: a sign glued to HHMM or HH:MM, or, after
// GMT or UTC (short), to H or HH as well. Offsets beyond ±14:59 are none.
func (l *line) offsetAt(i int, short bool) (zone string, next int, ok bool) {
	if !l.isPunct(i, "+-−") || !l.glued(i+1) || !l.isNum(i+1, 1, 4) {
		return "", 0, false
	}
	sign := "+"
	if l.t[i].text != "+" {
		sign = "-"
	}
	n := l.t[i+1]
	var hh, mm int
	next = i + 2
	switch {
	case n.digits() == 4:
		hh, mm = n.val/100, n.val%100
	case n.digits() == 2 || (short && n.digits() == 1):
		hh = n.val
		if l.isPunct(next, ":") && l.glued(next) && l.isNum(next+1, 2, 2) && l.glued(next+1) {
			mm = l.t[next+1].val
			next += 2
		} else if !short {
			return "", 0, false
		}
	default:
		return "", 0, false
	}
	if hh > 14 || mm > 59 {
		return "", 0, false
	}
	if hh == 0 && mm == 0 {
		sign = "+"
	}
	return fmt.Sprintf("%s%02d:%02d", sign, hh, mm), next, true
}
