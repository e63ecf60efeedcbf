// Package dates recognises publication dates in lines of news dumps and
// gives them in ISO 8601.
//
// Line tells a date line — a line that is a date, maybe with a label, a
// weekday, a time, a zone and a few other words (a place, an outlet) — and
// Find looks for a date that opens a longer line or follows a label or a
// separator in it:
//
//	Line("تاريخ النشر: الثلاثاء 01 مايو 2012")
//	    → Date{Text: "تاريخ النشر: الثلاثاء 01 مايو 2012", ISO: "2012-05-01", Calendar: "gregorian", Labelled: true}
//	Line("Sat, 18 Aug 2018 13:22:51 +0000")            → ISO "2018-08-18T13:22:51+00:00"
//	Line("الجمعة, 29 يونيو, 2012, 17:35")               → ISO "2012-06-29T17:35"
//	Line("18/12/2012 1:51 مساءَ")                        → ISO "2012-12-18T13:51"
//	Line("الاربعاء 11 تموز 2012 الموافق 21 شعبان 1433") → ISO "2012-07-11" (the Gregorian date wins)
//	Line("12 رجب 1439 هـ")                              → ISO "", Calendar "hijri"
//	Line("وقعت الحادثة في 12 مارس 2011 عندما …")        → not a date line
//	Find("الرؤية - الإثنين, 06 فبراير/شباط 2012 02:28") → ISO "2012-02-06T02:28"
//
// # Forms
//
// A date is a day, a month and a year of four digits, the year from 1900
// to 2100 (Gregorian) or from 1300 to 1599 (Hijri), and the day must exist
// in the month. A number and a month without a year («مزاد 22 أذار») or a
// month and a year without a day («في مارس 2011») are no date. The forms:
//
//	2012-06-03  2012/06/03  2012-06-03T10:00:00Z     ISO order
//	17/04/2012  17-04-2012  17.04.2012  01 - 10 - 2012   day first, never month first
//	18 Aug 2018  10 July 2012  10th July 2012        day, month name, year
//	July 10, 2012  Jul 10 2012                       English month first
//	06 فبراير/شباط 2012  29 يونيو، 2012  2012م        Arabic month names, «م» after the year
//	12 رجب 1439 هـ  21 شعبان 1433هـ                  Hijri, «هـ» or «هجري» after the year
//
// Month names are those of the Egyptian series (يناير … ديسمبر, يونيه,
// يوليه), the Levantine and Iraqi one (كانون الثاني … كانون الأول), the
// Maghrebi one (جانفي فيفري أفريل ماي جوان جويلية أوت), the Moroccan one
// (يوليوز غشت شتنبر نونبر دجنبر), English names and abbreviations, and the
// Hijri months. A name may be doubled by the same month of another series
// («حزيران/يونيو», «يوليو (تموز)»); two different months are no date.
// Digits may be ASCII, Arabic-Indic (٠-٩) or Persian (۰-۹). Diacritics,
// the tatweel and the hamza forms of alef do not matter.
//
// A time is H:MM or H:MM:SS, in 24 hours or with AM/PM («ص», «م»,
// «صباحاً», «مساءً», "a.m."), maybe followed by a zone: GMT, UTC, Z, an
// offset (+0400, -05:00, GMT+3) or «بتوقيت …». Only a time right after the
// date (or else right before it), with nothing but punctuation, «الساعة» or
// "at" between, is the date's time. A zone in words other than Greenwich
// («بتوقيت القدس») gives no offset, so the ISO has none.
//
// # ISO
//
// ISO takes one of the forms of Layouts: "2018-08-18T13:22:51+00:00" when a
// time and a zone are given, "2018-08-18T13:22:51" or "2012-06-29T17:35"
// when a time but no zone is (seconds only when the line gives them),
// "2012-05-01" for a date alone.
//
// Hijri dates are reported with Calendar "hijri" and an empty ISO: they are
// not converted, because an exact conversion needs the month starts as they
// were observed (or decreed) in the country of the paper, which arithmetic
// calendars (tabular, Umm al-Qura) can miss by a day or two.
//
// # Choices
//
//   - When a line holds several dates, the first Gregorian one is the date;
//     a Hijri date is the date only when the line has no Gregorian one. A
//     Hijri date joined to a Gregorian one («… الموافق 21 شعبان 1433») is
//     part of Text.
//   - In «السبت 28 يوليوز 2012 آخر تحديث 01:40:21» the date is 2012-07-28:
//     the time after the label is the time of the update, not of the date,
//     and the line is not Labelled, since its label follows the date.
//   - Labelled is set when the nearest label before the date, with no other
//     date between, names the publication or update date («تاريخ النشر»,
//     «نشر في», «نشر بتاريخ», «آخر تحديث», «تحديث», "Published", "Updated",
//     "Posted" …). «التاريخ», «بتاريخ» and "Date" are labels too (they are
//     kept in Text and do not count as other words) but do not set it.
//   - The weekday is kept in Text but not checked against the date.
//   - A date line has at most four other words, none of them a word of
//     running text (a preposition such as «في», «منذ», «عندما», a common
//     verb of reports), and no word opened by و (four letters or more)
//     right after its date. A short phrase made of a date and one or two
//     unknown words («انتخابات 12 مايو 2018») still passes: a date line and
//     such a phrase look alike.
//   - Numeric dates are read day first; a date that is impossible so read
//     ("04/17/2012") is none, and a two-digit year is never read.
package dates
