package dates

import "strings"

// The tables below are keyed by folded words (see fold): no diacritics or
// tatweel, أ إ آ ٱ → ا, ة → ه, ى → ي, Latin in lower case. Names of more
// than one word are keyed with their words joined by one space.

// gregorianMonths maps the names of the Gregorian months to their numbers:
// the Egyptian series, the Levantine and Iraqi series, the Maghrebi series
// (Algeria, Tunisia), the Moroccan one, and English names and abbreviations.
var gregorianMonths = map[string]int{
	// Egyptian (Syriac-free) series, with the usual spellings.
	"يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5,
	"يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "اغسطس": 8,
	"سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,

	// Levantine and Iraqi series; "الثاني" and "ثاني" alike.
	"كانون الثاني": 1, "كانون ثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4,
	"ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8, "ايلول": 9,
	"تشرين الاول": 10, "تشرين اول": 10, "تشرين الثاني": 11, "تشرين ثاني": 11,
	"كانون الاول": 12, "كانون اول": 12,

	// Maghrebi series (Algeria, Tunisia).
	"جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6,
	"جويليه": 7, "اوت": 8,

	// Moroccan series.
	"يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,

	// English.
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// hijriMonths maps the names of the Hijri months to their numbers, with the
// nominative and genitive forms of ذو (ذو القعدة, ذي القعدة).
var hijriMonths = map[string]int{
	"محرم": 1, "المحرم": 1, "صفر": 2,
	"ربيع الاول": 3, "ربيع اول": 3,
	"ربيع الثاني": 4, "ربيع ثاني": 4, "ربيع الاخر": 4, "ربيع اخر": 4,
	"جمادي الاولي": 5, "جمادي الاول": 5, "جمادي اولي": 5,
	"جمادي الاخره": 6, "جمادي الاخر": 6, "جمادي الثانيه": 6, "جمادي الثاني": 6, "جمادي اخره": 6,
	"رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
	"ذو القعده": 11, "ذي القعده": 11,
	"ذو الحجه": 12, "ذي الحجه": 12,
}

// weekdays lists the names of the days of the week. The weekday of a line
// is kept in Date.Text but not checked against the date.
var weekdays = map[string]bool{
	"الاحد": true, "الاثنين": true, "الثلاثاء": true, "الاربعاء": true,
	"الخميس": true, "الجمعه": true, "السبت": true,
	"احد": true, "اثنين": true, "ثلاثاء": true, "اربعاء": true,
	"خميس": true, "جمعه": true, "سبت": true,
	"sunday": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true,
	"sun": true, "mon": true, "tue": true, "tues": true, "wed": true,
	"thu": true, "thur": true, "thurs": true, "fri": true, "sat": true,
}

// labels maps the labels that may stand before a date to whether they name
// it as the publication or update date (true) or as a date only (false:
// «التاريخ», "Date").
var labels = map[string]bool{
	"تاريخ النشر": true, "تاريخ نشر": true, "تاريخ الخبر": true, "تاريخ المقال": true,
	"تاريخ الاضافه": true, "تاريخ التحديث": true, "تاريخ اخر تحديث": true,
	"نشر": true, "نشر في": true, "نشر بتاريخ": true, "نشر يوم": true,
	"نشرت": true, "نشرت في": true, "نشرت بتاريخ": true,
	"تم النشر": true, "تم النشر في": true, "تم نشره في": true, "منشور في": true,
	"اخر تحديث": true, "اخر تحديث في": true, "تحديث": true, "تحديث في": true,
	"تم التحديث": true, "تم التحديث في": true, "اخر تعديل": true,
	"اضيف": true, "اضيف في": true, "اضيف بتاريخ": true,
	"published": true, "published on": true, "published at": true,
	"first published": true, "first published on": true,
	"updated": true, "updated on": true, "updated at": true,
	"last updated": true, "last updated on": true, "last updated at": true,
	"last modified": true, "modified": true,
	"posted": true, "posted on": true, "posted at": true,
	"التاريخ": false, "تاريخ": false, "بتاريخ": false, "date": false, "dated": false,
}

// maxLabelWords is the number of words of the longest label.
const maxLabelWords = 4

// labelStarts holds the first words of labels.
var labelStarts = func() map[string]bool {
	m := map[string]bool{}
	for l := range labels {
		first, _, _ := strings.Cut(l, " ")
		m[first] = true
	}
	return m
}()

// fillers are words a date line may hold around its date without counting
// as other words: «يوم الثلاثاء», «الساعة 10:30», "at 10:59 PM",
// «الموافق 21 شعبان 1433». Zone names alone (GMT) are fillers too.
var fillers = map[string]bool{
	"يوم": true, "اليوم": true, "الساعه": true, "ساعه": true,
	"الموافق": true, "at": true,
	"gmt": true, "utc": true,
}

// zoneWords open a zone in words: «بتوقيت القدس», «توقيت غرينتش». The word
// after them is the place and is part of the zone.
var zoneWords = map[string]bool{"بتوقيت": true, "توقيت": true}

// greenwich names Greenwich after «بتوقيت», a zone of +00:00.
var greenwich = map[string]bool{
	"غرينتش": true, "غرينيتش": true, "جرينتش": true, "جرينيتش": true, "gmt": true,
}

// gregorianSuffixes and hijriSuffixes may follow a year: «2012م»,
// «1433هـ» (هـ folds to ه).
var (
	gregorianSuffixes = map[string]bool{"م": true, "ميلادي": true, "ميلاديه": true}
	hijriSuffixes     = map[string]bool{"ه": true, "هجري": true, "هجريه": true}
)

// meridiems maps the words after a 12-hour time to whether they mean the
// afternoon: "PM", «م», «مساءً»; "AM", «ص», «صباحاً».
var meridiems = map[string]bool{
	"am": false, "pm": true,
	"ص": false, "صباحا": false, "صباح": false,
	"م": true, "مساء": true, "مساءا": true,
}

// ordinals may follow an English day: "10th July 2012".
var ordinals = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}

// sentenceWords are words of running text: prepositions, conjunctions,
// pronouns and common verbs of news reports. A line that holds one of them
// besides its date (outside a label such as «نشر في») is a sentence that
// mentions a date, not a date line: «وقعت الحادثة في 12 مارس 2011».
var sentenceWords = map[string]bool{
	"في": true, "من": true, "الي": true, "عن": true, "منذ": true, "حتي": true,
	"عندما": true, "حين": true, "حيث": true, "قبل": true, "بعد": true,
	"خلال": true, "عام": true, "العام": true, "ان": true, "انه": true,
	"انها": true, "التي": true, "الذي": true, "الذين": true, "قد": true,
	"لقد": true, "لم": true, "لن": true, "كان": true, "كانت": true,
	"ثم": true, "لكن": true, "هذا": true, "هذه": true, "ذلك": true,
	"تلك": true, "مع": true, "او": true, "و": true, "بين": true, "عند": true,
	"نحو": true, "ضد": true, "حول": true, "اذا": true, "لان": true,
	"كما": true, "وفي": true, "ومن": true, "وقد": true, "فقد": true,
	"قال": true, "قالت": true, "اعلن": true, "اعلنت": true, "اكد": true,
	"اكدت": true, "اضاف": true, "وقعت": true, "وقع": true, "توفي": true,
	"ولد": true, "قتل": true, "اصيب": true, "شخصا": true, "اكثر": true,
	"in": true, "on": true, "since": true, "until": true, "from": true,
	"to": true, "when": true, "after": true, "before": true, "during": true,
	"was": true, "were": true, "is": true, "are": true, "the": true,
	"of": true, "and": true, "that": true, "which": true, "will": true,
	"has": true, "have": true, "had": true, "said": true, "born": true,
	"died": true,
}
