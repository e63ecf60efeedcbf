package dates

import (
	"strings"
	"testing"
	"time"
)

// A lineCase is a line and the date Line (or Find) must report in it; an
// empty iso with hijri false means no date.
type lineCase struct {
	in       string
	iso      string
	hijri    bool
	labelled bool
	text     string // checked when not empty
}

func (c lineCase) none() bool { return c.iso == "" && !c.hijri }

var lineCases = []lineCase{
	// RFC 822/1123, as in the <TIME> of ANT and the BBC crawl.
	{in: "Sat, 18 Aug 2018 13:22:51 +0000", iso: "2018-08-18T13:22:51+00:00"},
	{in: "Fri, 11 Aug 2017 15:16:32 GMT", iso: "2017-08-11T15:16:32+00:00"},
	{in: "Mon, 02 Apr 2018 10:20:48 +0400", iso: "2018-04-02T10:20:48+04:00"},
	{in: "Wed, 31 Jan 2018 13:31:27 -0500", iso: "2018-01-31T13:31:27-05:00"},
	{in: "Thu, 01 Mar 2018 20:32:48 UTC", iso: "2018-03-01T20:32:48+00:00"},
	{in: "Fri, 29 Jun 2012 17:35 GMT+3", iso: "2012-06-29T17:35+03:00"},
	{in: "Tue, 10 Jul 2012 22:59:00 (GMT)", iso: "2012-07-10T22:59:00+00:00"},
	{in: "<TIME>Fri, 04 May 2018 12:51:00 GMT</TIME>", iso: "2018-05-04T12:51:00+00:00", text: "Fri, 04 May 2018 12:51:00 GMT"},

	// ISO order.
	{in: "2012-06-03", iso: "2012-06-03"},
	{in: "2012-06-03T10:00:00Z", iso: "2012-06-03T10:00:00+00:00"},
	{in: "2012/06/03", iso: "2012-06-03"},
	{in: "2012.06.03", iso: "2012-06-03"},
	{in: "2012-06-03 10:00", iso: "2012-06-03T10:00"},
	{in: "2012-06-03T10:00:00+03:00", iso: "2012-06-03T10:00:00+03:00"},
	{in: "2012-06-03T10:00:00.123Z", iso: "2012-06-03T10:00:00+00:00"},
	{in: "2012-06-03 - الأهرام", iso: "2012-06-03", text: "2012-06-03"},

	// Numeric, day first.
	{in: "17/04/2012", iso: "2012-04-17"},
	{in: "17-04-2012", iso: "2012-04-17"},
	{in: "17.04.2012", iso: "2012-04-17"},
	{in: "01 - 10 - 2012", iso: "2012-10-01"},
	{in: "06/07/2012", iso: "2012-07-06"},
	{in: "29/02/2012", iso: "2012-02-29"},
	{in: "29/2/2000", iso: "2000-02-29"},
	{in: "18/12/2012 1:51 مساءَ ", iso: "2012-12-18T13:51", text: "18/12/2012 1:51 مساءَ"},
	{in: "05-04-2012 01:23 PM    ضوء", iso: "2012-04-05T13:23", text: "05-04-2012 01:23 PM"},
	{in: "19/7/2012 10:30 ص", iso: "2012-07-19T10:30"},
	{in: "19/7/2012 12:05 AM", iso: "2012-07-19T00:05"},
	{in: "19/7/2012 12:05 PM", iso: "2012-07-19T12:05"},
	{in: "19/7/2012 09:15 صباحاً", iso: "2012-07-19T09:15"},
	{in: "19/7/2012 17:35 م", iso: "2012-07-19T17:35"},
	{in: "الخميس 19/7/2012", iso: "2012-07-19"},
	{in: "١٧/٠٤/٢٠١٢", iso: "2012-04-17"},
	{in: "القاهرة 27-1-2012وفا- (محمود خلوف)", iso: "2012-01-27", text: "27-1-2012"},
	{in: "12/7/1439 هـ", hijri: true},

	// English long forms.
	{in: "Tuesday, July 10, 2012 - 10:59 PM", iso: "2012-07-10T22:59", text: "Tuesday, July 10, 2012 - 10:59 PM"},
	{in: "10 July 2012", iso: "2012-07-10"},
	{in: "July 10, 2012", iso: "2012-07-10"},
	{in: "Jul 10 2012", iso: "2012-07-10"},
	{in: "Jul. 10th, 2012", iso: "2012-07-10"},
	{in: "10th July 2012 at 10:59 a.m.", iso: "2012-07-10T10:59"},
	{in: "12-May-2018", iso: "2018-05-12"},
	{in: "Published: July 10, 2012", iso: "2012-07-10", labelled: true},
	{in: "Last updated on 10 July 2012 14:05 GMT", iso: "2012-07-10T14:05+00:00", labelled: true},
	{in: "Posted on Jul 10 2012", iso: "2012-07-10", labelled: true},
	{in: "Posted: Tue, 10 Jul 2012 22:59:00 +0300", iso: "2012-07-10T22:59:00+03:00", labelled: true},
	{in: "Updated 10:59 PM GMT, Tue July 10, 2012", iso: "2012-07-10T22:59+00:00", labelled: true},
	{in: "Date: 10 July 2012", iso: "2012-07-10", text: "Date: 10 July 2012"},
	{in: "By Ahmed Ali | July 10, 2012 | Reuters", iso: "2012-07-10"},

	// Arabic, with labels.
	{in: "تاريخ النشر: الثلاثاء 01 مايو 2012", iso: "2012-05-01", labelled: true, text: "تاريخ النشر: الثلاثاء 01 مايو 2012"},
	{in: "  تاريخ النشر :17 فبراير 2012", iso: "2012-02-17", labelled: true, text: "تاريخ النشر :17 فبراير 2012"},
	{in: "  تاريخ النشر :30 يونيو 2012", iso: "2012-06-30", labelled: true},
	{in: "التاريخ: 18 يوليو 2012", iso: "2012-07-18", text: "التاريخ: 18 يوليو 2012"},
	{in: "بتاريخ 18 يوليو 2012", iso: "2012-07-18"},
	{in: "نشر في: 12 مايو 2018", iso: "2018-05-12", labelled: true},
	{in: "نشر بتاريخ 12/05/2018", iso: "2018-05-12", labelled: true},
	{in: "آخر تحديث: 12 مايو 2018 - 10:30", iso: "2018-05-12T10:30", labelled: true},
	{in: "تحديث: 12 مايو 2018", iso: "2018-05-12", labelled: true},
	{in: "أُضيف في 3 يناير 2013", iso: "2013-01-03", labelled: true},
	{in: "آخر تحديث 01:40:21 السبت 28 يوليوز 2012", iso: "2012-07-28T01:40:21", labelled: true},
	{in: "السبت 28 يوليوز 2012 آخر تحديث 01:40:21", iso: "2012-07-28", text: "السبت 28 يوليوز 2012"},

	// Arabic, weekdays and times.
	{in: "الجمعة, 29 يونيو, 2012, 17:35", iso: "2012-06-29T17:35"},
	{in: "الجمعة, 29 يونيو, 2012, 17:35 بتوقيت القدس", iso: "2012-06-29T17:35"},
	{in: "الجمعة 29 يونيو 2012 - 14:35 بتوقيت غرينتش", iso: "2012-06-29T14:35+00:00"},
	{in: "الإثنين, 06 فبراير/شباط 2012 02:28", iso: "2012-02-06T02:28"},
	{in: "الاثنين 12 مايو 2018 08:00 ص", iso: "2018-05-12T08:00"},
	{in: "12 مايو 2018 الساعة 20:15", iso: "2018-05-12T20:15"},
	{in: "يوم الثلاثاء 01 مايو 2012", iso: "2012-05-01", text: "يوم الثلاثاء 01 مايو 2012"},
	{in: "الأحد، 12 مايو، 2012", iso: "2012-05-12"},
	{in: "الخميس 26 جويلية 2012", iso: "2012-07-26"},
	{in: "الأربعاء 4 يوليه 2012", iso: "2012-07-04"},
	{in: "دبي - 12 مايو 2018", iso: "2018-05-12", text: "12 مايو 2018"},
	{in: "12 مايو 2018 | الرؤية", iso: "2018-05-12"},
	{in: "الرياض 12 مايو 2018 (واس)", iso: "2018-05-12"},

	// Egyptian series, spellings.
	{in: "12 إبريل 2012", iso: "2012-04-12"},
	{in: "12 ابريل 2012", iso: "2012-04-12"},
	{in: "12 أغسطس 2012", iso: "2012-08-12"},
	{in: "12 اغسطس 2012", iso: "2012-08-12"},
	{in: "12 أكتوبر 2012", iso: "2012-10-12"},
	{in: "23 يونيه 2012", iso: "2012-06-23"},
	{in: "12 مايو 2012م", iso: "2012-05-12"},
	{in: "12 مايو 2012 م", iso: "2012-05-12"},

	// Levantine and Iraqi series, and double forms.
	{in: "1 كانون الثاني 2013", iso: "2013-01-01"},
	{in: "31 كانون الأول 2012", iso: "2012-12-31"},
	{in: "15 تشرين الثاني 2012", iso: "2012-11-15"},
	{in: "3 آذار 2012", iso: "2012-03-03"},
	{in: "3 اذار 2012", iso: "2012-03-03"},
	{in: "3 أذار 2012", iso: "2012-03-03"},
	{in: "10 نيسان 2012", iso: "2012-04-10"},
	{in: "7 أيار 2012", iso: "2012-05-07"},
	{in: "14 آب 2012", iso: "2012-08-14"},
	{in: "9 أيلول 2012", iso: "2012-09-09"},
	{in: "الأحد 3 حزيران/يونيو 2012", iso: "2012-06-03"},
	{in: "5 يوليو (تموز) 2012", iso: "2012-07-05"},
	{in: "12 شباط / فبراير 2017", iso: "2017-02-12"},
	{in: "20 أكتوبر/ تشرين أول 2012", iso: "2012-10-20"},
	{in: "الاربعاء 11 تموز 2012 الموافق 21 شعبان 1433", iso: "2012-07-11", text: "الاربعاء 11 تموز 2012 الموافق 21 شعبان 1433"},

	// Maghrebi and Moroccan series.
	{in: "2 جانفي 2012", iso: "2012-01-02"},
	{in: "14 فيفري 2012", iso: "2012-02-14"},
	{in: "9 أفريل 2012", iso: "2012-04-09"},
	{in: "1 ماي 2012", iso: "2012-05-01"},
	{in: "30 جوان 2012", iso: "2012-06-30"},
	{in: "15 أوت 2012", iso: "2012-08-15"},
	{in: "20 غشت 2012", iso: "2012-08-20"},
	{in: "10 شتنبر 2012", iso: "2012-09-10"},
	{in: "5 نونبر 2012", iso: "2012-11-05"},
	{in: "25 دجنبر 2012", iso: "2012-12-25"},

	// Arabic-Indic and Persian digits.
	{in: "الثلاثاء ١٥ مايو ٢٠١٢", iso: "2012-05-15"},
	{in: "۱۵ مايو ۲۰۱۲", iso: "2012-05-15"},

	// Hijri.
	{in: "12 رجب 1439 هـ", hijri: true, text: "12 رجب 1439 هـ"},
	{in: "21 شعبان 1433هـ", hijri: true},
	{in: "الجمعة 1 ذو الحجة 1433 هجري", hijri: true},
	{in: "15 ربيع الأول 1434 هـ", hijri: true},
	{in: "3 جمادى الآخرة 1433 هـ", hijri: true},
	{in: "تاريخ النشر: 5 رمضان 1433 هـ", hijri: true, labelled: true},
	{in: "السبت 12 رجب 1439 هـ الموافق 31 مارس 2018 م", iso: "2018-03-31", text: "السبت 12 رجب 1439 هـ الموافق 31 مارس 2018 م"},

	// Not dates: phrases and sentences that mention one.
	{in: "مزاد 22 أذار"},
	{in: "وقعت الحادثة في 12 مارس 2011 عندما انفجرت قنبلة"},
	{in: "قتل 22 شخصا في مارس"},
	{in: "أنكر المنتج السينمائي الأمريكي هارفي واينستين تهمة التحرش جنسيا بامرأة عام 2006."},
	{in: "كأس العالم 2014 - BBC Arabic"},
	{in: "وأطلق نموذج آخر من هذا الصاروخ من قاعدة أرضية في شباط / فبراير 2017."},
	{in: "ويستمر المعرض يومياً الى الخميس 19/7/2012  من الساعة 10 ـ 4 عصر ومن 8 ـ 10 مساء ، والدعوة عامة ."},
	{in: "واعتقلت الشرطة الفرنسية في 26 أكتوبر 2016، صاحب أغنية \"لمعلم\"."},
	{in: "أحمد عبادينشر في ميثاق الرابطة يوم 01 - 11 - 2012"},
	{in: "توفي في 12 مارس 2011"},
	{in: "منذ 12 مارس 2011"},
	{in: "12 مايو 2018 عندما"},
	{in: "من 12 مايو 2018 إلى 15 مايو 2018"},
	{in: "الاثنين 12 مايو 2018 وصلت الوزيرة"},
	{in: "الاثنين 12 مايو 2018 وصل الوزير إلى القاهرة"},
	{in: "وفي 12 مايو 2012 قال الرئيس"},
	{in: "وأكد أن 12 مايو 2018 سيكون يوما تاريخيا"},
	{in: "Born on 10 July 1980 in Cairo"},
	{in: "The meeting was held on July 10, 2012 in Geneva"},
	{in: "العدد 1234 الصفحة 12 القسم الرياضي رئيس التحرير 12 مايو 2012"},
	{in: "في أبريل 2017"},
	{in: "ولد عام 1980"},
	{in: "بين عامي 1950 و2010"},
	{in: "1950 - 2010"},

	// Not dates: no year, no day, impossible dates.
	{in: "12 مايو"},
	{in: "مايو 2012"},
	{in: "12 مايو 12"},
	{in: "12 مايو 1850"},
	{in: "31/02/2012"},
	{in: "30 فبراير 2012"},
	{in: "29/02/2013"},
	{in: "32 مايو 2012"},
	{in: "13/13/2012"},
	{in: "00/05/2012"},
	{in: "04/17/2012"},
	{in: "12 مايو/يونيو 2012"},
	{in: "12 رجب 1290 هـ"},
	{in: "12 رجب 2012"},
	{in: "1433 هـ"},
	{in: "12.5.2012.3"},
	{in: "17:35"},
	{in: "10:30-11:30"},
	{in: "20120306"},
	{in: "<DOCNO>AL-culture-137-20180306</DOCNO>"},
	{in: "http://www.alarabiya.net/ar/aswaq/economy/2018/03/21/هل-تغير-فضيحة-فيسبوك-قواعد-اللعبة.html"},
	{in: ""},
}

func checkDate(t *testing.T, fn string, c lineCase, d Date, ok bool) {
	t.Helper()
	if c.none() {
		if ok {
			t.Errorf("%s(%q) = %+v, want no date", fn, c.in, d)
		}
		return
	}
	if !ok {
		t.Errorf("%s(%q): no date, want %q", fn, c.in, c.iso)
		return
	}
	cal := Gregorian
	if c.hijri {
		cal = Hijri
	}
	if d.ISO != c.iso || d.Calendar != cal || d.Labelled != c.labelled || (c.text != "" && d.Text != c.text) {
		t.Errorf("%s(%q) = %+v, want ISO %q, Calendar %s, Labelled %v, Text %q", fn, c.in, d, c.iso, cal, c.labelled, c.text)
	}
}

func TestLine(t *testing.T) {
	none := 0
	for _, c := range lineCases {
		d, ok := Line(c.in)
		checkDate(t, "Line", c, d, ok)
		if c.none() {
			none++
		}
	}
	if len(lineCases) < 100 || none < 25 {
		t.Errorf("%d cases, %d without a date: the table is too small", len(lineCases), none)
	}
}

// TestFindAgreesWithLine checks that Find returns what Line does on a date
// line.
func TestFindAgreesWithLine(t *testing.T) {
	for _, c := range lineCases {
		ld, lok := Line(c.in)
		if !lok {
			continue
		}
		if fd, fok := Find(c.in); !fok || fd != ld {
			t.Errorf("Find(%q) = %+v, %v; Line gives %+v", c.in, fd, fok, ld)
		}
	}
}

var findCases = []lineCase{
	{in: "الرؤية - الإثنين, 06 فبراير/شباط 2012 02:28", iso: "2012-02-06T02:28", text: "الإثنين, 06 فبراير/شباط 2012 02:28"},
	{in: "دبي - 12 مايو 2018 - أعلنت الحكومة الإماراتية اليوم عن خطة جديدة للنقل", iso: "2018-05-12", text: "12 مايو 2018"},
	{in: "12 مايو 2018 - ذكرى تأسيس الشركة الخمسين في مدينة دبي", iso: "2018-05-12"},
	{in: "كتب: أحمد علي | نشر في: 12 مايو 2018 | القراءات: 300 قراءة", iso: "2018-05-12", labelled: true, text: "نشر في: 12 مايو 2018"},
	{in: "تاريخ النشر: 12 مايو 2018 - عدد القراءات: 1234 - التعليقات: 5", iso: "2018-05-12", labelled: true},
	{in: "الأهرام - العدد 45678 - السنة 136 - الثلاثاء 01 مايو 2012", iso: "2012-05-01"},
	{in: "ارتفاع أسعار النفط في الأسواق العالمية - الرؤية - 12 مايو 2018", iso: "2018-05-12"},
	{in: "واشنطن - 12 مايو 2018 - قال الرئيس الأمريكي إن بلاده ستنسحب", iso: "2018-05-12"},
	{in: "دبي، الإمارات، 12 مايو 2018 (وام) - أعلنت الحكومة خطة جديدة", iso: "2018-05-12"},
	{in: "الرياض 12 رجب 1439 هـ الموافق 29 مارس 2018م (واس) - أعلنت وزارة الصحة عن حملة", iso: "2018-03-29"},
	{in: "Cairo, July 10, 2012 - The Egyptian president said on Tuesday that", iso: "2012-07-10"},
	{in: "Published on July 10, 2012 in the Gulf News print edition", iso: "2012-07-10", labelled: true},
	{in: "قال الوزير في 12 مايو 2018 إن الحكومة ستعلن خطة جديدة | نشر في: 13 مايو 2018", iso: "2018-05-13", labelled: true},
	{in: "كأس العالم - Sat, 18 Aug 2018 13:22:51 +0000 - BBC Arabic عربي", iso: "2018-08-18T13:22:51+00:00"},

	{in: "وقعت الحادثة في 12 مارس 2011 عندما انفجرت قنبلة"},
	{in: "قال الوزير في 12 مايو 2018 إن الحكومة ستعلن خطة جديدة"},
	{in: "12 مارس 2011 عندما انفجرت القنبلة في وسط المدينة القديمة"},
	{in: "بدأت الانتخابات، 12 مايو 2018، واستمرت ثلاثة أيام في جميع المحافظات"},
	{in: "قتل 22 شخصا في 12 مارس 2011 - وفق مصادر طبية في المدينة"},
	{in: "الخميس 19/7/2012 من الساعة 10 إلى 4 عصرا في مقر الجمعية"},
	{in: "قررت الوزارة بتاريخ 12 مايو 2018 إغلاق المدارس في المدينة"},
	{in: "ويستمر المعرض يومياً الى الخميس 19/7/2012  من الساعة 10 ـ 4 عصر"},
	{in: "http://www.alarabiya.net/ar/aswaq/economy/2018/03/21/هل-تغير-فضيحة-فيسبوك-قواعد-اللعبة.html"},
	{in: "أحمد عبادينشر في ميثاق الرابطة يوم 01 - 11 - 2012"},
	{in: "وتعاني ليبيا من عدم الاستقرار منذ الإطاحة بنظام العقيد معمر القذافي في عام 2011."},
}

func TestFind(t *testing.T) {
	for _, c := range findCases {
		d, ok := Find(c.in)
		checkDate(t, "Find", c, d, ok)
	}
}

// checkResult checks what any Date must be: a Text from the line, a
// known calendar, an ISO in one of Layouts (or "" for a Hijri date).
func checkResult(t *testing.T, fn, s string, d Date) {
	t.Helper()
	if d.Text == "" || !strings.Contains(s, d.Text) {
		t.Errorf("%s(%q): Text %q is not part of the line", fn, s, d.Text)
	}
	switch d.Calendar {
	case Hijri:
		if d.ISO != "" {
			t.Errorf("%s(%q): Hijri date with ISO %q", fn, s, d.ISO)
		}
	case Gregorian:
		if !parses(d.ISO) {
			t.Errorf("%s(%q): ISO %q parses in none of Layouts", fn, s, d.ISO)
		}
	default:
		t.Errorf("%s(%q): Calendar %q", fn, s, d.Calendar)
	}
}

func parses(iso string) bool {
	for _, layout := range Layouts {
		if _, err := time.Parse(layout, iso); err == nil {
			return true
		}
	}
	return false
}

func TestResults(t *testing.T) {
	for _, cases := range [][]lineCase{lineCases, findCases} {
		for _, c := range cases {
			if d, ok := Line(c.in); ok {
				checkResult(t, "Line", c.in, d)
			}
			if d, ok := Find(c.in); ok {
				checkResult(t, "Find", c.in, d)
			}
		}
	}
}

func FuzzLine(f *testing.F) {
	for _, c := range lineCases {
		f.Add(c.in)
	}
	for _, c := range findCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ld, lok := Line(s)
		if lok {
			checkResult(t, "Line", s, ld)
		}
		fd, fok := Find(s)
		if fok {
			checkResult(t, "Find", s, fd)
		}
		if lok && (!fok || fd != ld) {
			t.Errorf("Find(%q) = %+v, %v; Line gives %+v", s, fd, fok, ld)
		}
	})
}
