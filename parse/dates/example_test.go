package dates_test

import (
	"fmt"

	"github.com/khabar/khabar/parse/dates"
)

func ExampleLine() {
	for _, s := range []string{
		"تاريخ النشر: الثلاثاء 01 مايو 2012",
		"Sat, 18 Aug 2018 13:22:51 +0000",
		"الجمعة, 29 يونيو, 2012, 17:35",
		"السبت 28 يوليوز 2012 آخر تحديث 01:40:21",
		"الاربعاء 11 تموز 2012 الموافق 21 شعبان 1433",
		"12 رجب 1439 هـ",
		"وقعت الحادثة في 12 مارس 2011 عندما انفجرت قنبلة",
	} {
		d, ok := dates.Line(s)
		fmt.Printf("%v %q %q %v\n", ok, d.ISO, d.Calendar, d.Labelled)
	}
	// Output:
	// true "2012-05-01" "gregorian" true
	// true "2018-08-18T13:22:51+00:00" "gregorian" false
	// true "2012-06-29T17:35" "gregorian" false
	// true "2012-07-28" "gregorian" false
	// true "2012-07-11" "gregorian" false
	// true "" "hijri" false
	// false "" "" false
}

func ExampleFind() {
	d, ok := dates.Find("دبي - 12 مايو 2018 - أعلنت الحكومة الإماراتية اليوم عن خطة جديدة للنقل")
	fmt.Println(ok, d.Text, d.ISO)
	_, ok = dates.Find("قال الوزير في 12 مايو 2018 إن الحكومة ستعلن خطة جديدة")
	fmt.Println(ok)
	// Output:
	// true 12 مايو 2018 2018-05-12
	// false
}
