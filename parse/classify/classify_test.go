package classify

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/khabar/khabar/parse/lexicon"
)

// kinds classifies text and returns the kind of each non-blank line.
func kinds(text string) []string {
	var out []string
	for _, r := range Classify(SplitLines(text, 1), lexicon.Builtin()) {
		if r.Kind != "" {
			out = append(out, string(r.Kind))
		}
	}
	return out
}

const (
	para1 = "أقر مجلس النواب مساء الثلاثاء مشروع قانون الموازنة العامة للعام المقبل بعد نقاشات استمرت ثلاثة أيام."
	para2 = "وقال الوزير إن الحكومة ستواصل ضبط النفقات الجارية من دون المساس برواتب موظفي القطاع العام خلال العام."
	para3 = "ويحتاج القانون إلى موافقة مجلس الأعيان قبل أن يدخل حيز التنفيذ مطلع العام الجديد بحسب الجداول المنشورة."
)

func TestClassifyShapes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // kinds of the non-blank lines, space-separated
	}{
		{"triplet", "جنود في المطار\nReuters\nجنود في المطار\n\n" + para1 + "\n\n" + para2,
			"caption credit caption_repeat paragraph paragraph"},
		{"triplet repeat differs by marks, tatweel and bidi marks", "جنودٌ في المطـار\nأ ف ب\n\u200fجنود في المطار \n\n" + para1,
			"caption credit caption_repeat paragraph"},
		{"triplet with a photographer", "سيارات غمرتها المياه في جدة\nرويترز/ أحمد جاد الله\nسيارات غمرتها المياه في جدة\n\n" + para1,
			"caption credit caption_repeat paragraph"},
		{"BBC labels on one line", "مصدر الصورة،Getty Images\nالتعليق على الصورة، شاشات هواتف ذكية معروضة في متجر\n\n" + para1,
			"credit caption paragraph"},
		{"BBC labels on the next line", "مصدر الصورة،\nGetty Images\nالتعليق على الصورة،\nمتبرع بالدم في أحد المراكز\n\n" + para1,
			"credit credit boilerplate caption paragraph"},
		{"English BBC labels", "Image copyright AFP\nImage caption Protesters gathered outside parliament\n\nThe vote was delayed again on Tuesday after a long debate in the chamber.",
			"credit caption paragraph"},
		{"video caption", para1 + "\n\nMedia caption The minister speaks to reporters\n\n" + para2,
			"paragraph caption paragraph"},
		{"glued credits", para1 + "\n\nجانب من أحد الفنادق في وادي موسى (رويترز)\n\nسياح يزورون الخزنة في البتراء. أرشيفية\n\nA worker plucks tea leaves in Kericho (AFP/Getty)\n\n" + para2,
			"paragraph caption caption caption paragraph"},
		{"question heading", para1 + "\n\nما الذي تتضمنه الموازنة الجديدة؟\n\n" + para2,
			"paragraph heading paragraph"},
		{"noun-phrase heading and starred heading", para1 + "\n\nعلاجات جديدة\n\n" + para2 + "\n\n* ما الذي يعنيه ذلك للمستهلكين؟\n\n" + para3,
			"paragraph heading paragraph heading paragraph"},
		{"heading directly over an image", para1 + "\n\nكيف نقلت القطع الأثرية؟\n\nعمال ينقلون قطعة أثرية\nEPA\nعمال ينقلون قطعة أثرية\n\n" + para2,
			"paragraph heading caption credit caption_repeat paragraph"},
		{"title, dateline and date", "انطلاق مهرجان المسرح العربي بمشاركة 14 فرقة\nالدوحة - سارة المهندي:\nالخميس 14 مارس 2013\n\n" + para1 + "\n" + para2,
			"title meta meta paragraph paragraph"},
		{"site line and source line", "أسعار الذهب تقفز إلى مستوى قياسي\nأبوظبي - سكاي نيوز عربية\n\n" + para1 + "\n\nالمصدر: وكالات",
			"title meta paragraph credit"},
		{"BBC 2017 crawl", "درجات الحرارة في البحر المتوسط تسجل مستوى قياسيا - BBC Arabic\nTue, 15 Aug 2017 09:12:40 GMT\n" + para1 + "\nاقرأ أيضا: موجة حر تدفع دولا أوروبية إلى إعلان التأهب\n" + para2,
			"title meta paragraph boilerplate paragraph"},
		{"France 24 source line", "فرنسا: آلاف المتظاهرين ضد تعديل نظام التقاعد\n\nباريس (أ ف ب) - " + para1 + "\n\n" + para2 + "\n\nفرانس24/ أ ف ب",
			"title paragraph paragraph credit"},
		{"footer furniture", para1 + "\n\nاقرأ أيضا: كيف تحمي رئتيك في فصل الشتاء؟\n\n" + para2 + "\n\n-----------------\n\nحمّل تطبيق بي بي سي عربي على هاتفك لتصلك إشعارات فورية بأهم الأخبار.",
			"paragraph boilerplate paragraph boilerplate boilerplate"},
		{"read-also label alone", para1 + "\nاقرأ أيضاً:\nدراسة: الأطفال يقضون 7 ساعات يوميا أمام الشاشات\n" + para2,
			"paragraph boilerplate boilerplate paragraph"},
		{"call to action", para1 + "\n\nلمشاهدة الفيديو الكامل للمؤتمر الصحفي اضغط هنا\n\n" + para2,
			"paragraph boilerplate paragraph"},
		{"list under a lead-in", para1 + "\n\nوتشمل أبرز البنود ما يلي:\n\n1- تعويض نقدي عن أي تأخير يتجاوز ثلاث ساعات.\n\n2- رد كامل قيمة التذكرة.\n\n" + para2,
			"paragraph paragraph paragraph paragraph paragraph"},
		{"no blank lines", "النفط يتراجع لليوم الثالث\n" + para1 + "\nماذا عن قرارات المنتجين؟\n" + para2 + "\n" + para3,
			"title paragraph heading paragraph paragraph"},
		{"AP is a whole token", para1 + "\n\nChapter four\n\n" + para2 + "\n\nAP",
			"paragraph heading paragraph credit"},
		{"English wire", "Kenya's tea farmers count the cost of drought\n\nNAIROBI (Reuters) - Kenyan tea growers expect output to fall by a fifth this year after the dry spell.\n\n(Reporting by Daniel Otieno; Editing by Clare Whitford)\n\nRelated: Kenya's flower exporters look for cheaper routes",
			"title paragraph credit boilerplate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(kinds(tt.text), " ")
			if got != tt.want {
				t.Errorf("kinds:\n got  %s\n want %s", got, tt.want)
			}
		})
	}
}

func TestClassifyMarkup(t *testing.T) {
	text := "<DOC>\n<DOCNO>AL-culture-1</DOCNO>\n<URL>http://www.alarabiya.net/ar/x</URL>\n<TITLE>فنان العرب يطلق ألبومه الجديد</TITLE>\n" +
		"<TIME>Thu, 29 Mar 2018 05:42:06 +0400</TIME>\n<AUTHOR></AUTHOR>\n<ABSTRACT>\n" + para1 + "\n</ABSTRACT>\n<TEXT>\n" +
		para1 + "\n" + para2 + "\n----------\nيمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل تطبيق بي بي سي عربي\n</TEXT>\n</DOC>\n"
	want := "boilerplate meta meta title meta meta boilerplate paragraph boilerplate boilerplate paragraph paragraph boilerplate boilerplate boilerplate boilerplate"
	if got := strings.Join(kinds(text), " "); got != want {
		t.Errorf("kinds:\n got  %s\n want %s", got, want)
	}
	res := Classify(SplitLines(text, 1), nil)
	if res[3].Text != "فنان العرب يطلق ألبومه الجديد" || res[3].Rule != "markup-title" {
		t.Errorf("title = %q (%s)", res[3].Text, res[3].Rule)
	}
	if res[4].MetaKind != "date" || res[5].MetaKind != "byline" {
		t.Errorf("meta kinds = %q, %q", res[4].MetaKind, res[5].MetaKind)
	}
}

func TestCreditSpellings(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"Reuters", []string{"Reuters"}},
		{"رويترز", []string{"Reuters"}},
		{"Reuters/Carlos Barria", []string{"Reuters"}},
		{"AFP via Getty Images", []string{"AFP", "Getty Images"}},
		{"أ.ف.ب", []string{"AFP"}},
		{"أ ف ب", []string{"AFP"}},
		{"وكالة الأناضول", []string{"Anadolu"}},
		{"EPA-EFE", []string{"EPA"}},
		{"د ب أ", []string{"DPA"}},
		{"شينخوا", []string{"Xinhua"}},
		{"Getty Images", []string{"Getty Images"}},
		{"مصدر الصورة، Getty Images", []string{"Getty Images"}},
		{"Image copyright AFP", []string{"AFP"}},
		{"Photos: Getty Images", []string{"Getty Images"}},
		{"تصوير: أحمد طلب", nil},
		{"المصدر: وكالات", []string{"وكالات"}},
		{"فرانس24/ أ ف ب", []string{"France 24", "AFP"}},
	}
	for _, tt := range tests {
		text := "جنود في المطار\n" + tt.line + "\n\n" + para1
		res := Classify(SplitLines(text, 1), nil)
		r := res[1]
		if r.Kind != Credit || !reflect.DeepEqual(r.Agencies, tt.want) {
			t.Errorf("%q: %s %q (%s), want credit %q", tt.line, r.Kind, r.Agencies, r.Rule, tt.want)
		}
	}
}

func TestClassifyFields(t *testing.T) {
	text := "مصدر الصورة، Getty Images\nالتعليق على الصورة، شاشات هواتف ذكية\n\n" + para1 + "\n\nلقطة من المعرض\nAP\nلقطة من المعرض\n"
	res := Classify(SplitLines(text, 1), nil)
	want := []Result{
		{Kind: Credit, Rule: ruleLabelledCredit, Text: "Getty Images", Image: 0, Label: "مصدر الصورة", Agencies: []string{"Getty Images"}},
		{Kind: Caption, Rule: ruleCaptionLabel, Text: "شاشات هواتف ذكية", Image: 0, Label: "التعليق على الصورة"},
		{},
		{Kind: Paragraph, Rule: "paragraph", Text: para1, Image: -1},
		{},
		{Kind: Caption, Rule: ruleTriplet, Text: "لقطة من المعرض", Image: 1},
		{Kind: Credit, Rule: ruleCreditLine, Text: "AP", Image: 1, Agencies: []string{"AP"}},
		{Kind: CaptionRepeat, Rule: ruleRepeat, Text: "لقطة من المعرض", Image: 1},
	}
	for i := range want {
		if !reflect.DeepEqual(res[i], want[i]) {
			t.Errorf("line %d:\n got  %+v\n want %+v", i+1, res[i], want[i])
		}
	}
}

// TestSeed checks the seed article against what issue 3 asks: no title, two
// triplets (lines 1-3 Reuters, 33-35 Getty Images), a heading on line 31,
// 18 paragraphs.
func TestSeed(t *testing.T) {
	b, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	res := Classify(SplitLines(string(b), 1), nil)
	want := map[int]Kind{1: Caption, 2: Credit, 3: CaptionRepeat, 31: Heading, 33: Caption, 34: Credit, 35: CaptionRepeat}
	paragraphs := 0
	for i, r := range res {
		n := i + 1
		if k, ok := want[n]; ok {
			if r.Kind != k {
				t.Errorf("line %d: %s (%s), want %s", n, r.Kind, r.Rule, k)
			}
			continue
		}
		switch r.Kind {
		case Paragraph:
			paragraphs++
		case "":
		default:
			t.Errorf("line %d: %s (%s), want paragraph", n, r.Kind, r.Rule)
		}
	}
	if paragraphs != 18 {
		t.Errorf("%d paragraphs, want 18", paragraphs)
	}
	if res[0].Image != 0 || res[2].Image != 0 || res[1].Image != 0 || res[33].Image != 1 || res[34].Image != 1 || !reflect.DeepEqual(res[33].Agencies, []string{"Getty Images"}) {
		t.Errorf("images: line 2 group %d, lines 34-35 groups %d %d, agencies %q", res[1].Image, res[33].Image, res[34].Image, res[33].Agencies)
	}
}

// TestLabelAloneJoinsImage checks that every line of the BBC label style
// on separate lines lands in one image.
func TestLabelAloneJoinsImage(t *testing.T) {
	text := "مصدر الصورة\nReuters\nالتعليق على الصورة\nمحتجون أمام مقر البرلمان\n\n" + para1
	res := Classify(SplitLines(text, 1), nil)
	for i, want := range map[int]int{0: 0, 1: 0, 2: -1, 3: 0, 5: -1} {
		if res[i].Image != want {
			t.Errorf("line %d (%s %s): image %d, want %d", i+1, res[i].Kind, res[i].Rule, res[i].Image, want)
		}
	}
}
