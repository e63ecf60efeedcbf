package classify

import (
	"strings"
	"testing"

	"github.com/khabar/khabar/parse/lexicon"
)

func classifyPage(t *testing.T, text string) ([]Result, Page) {
	t.Helper()
	return AppendPage(nil, SplitLines(text, 1), lexicon.Builtin())
}

func TestPageKinds(t *testing.T) {
	tests := []struct {
		name string
		text string
		page Page
		kind Kind // of every line but the first two (title and date)
		lead Kind // of the third line, when not kind
	}{
		{"index", `أخبار العالم - BBC Arabic
Fri, 11 Aug 2017 15:25:46 GMT
الرئيس الفرنسي يعلن خطة جديدة لخفض الضرائب على الشركات الصغيرة في البلاد.
فيضانات تجتاح مناطق واسعة في جنوب آسيا وتشرد آلاف الأسر من منازلها.
باحثون يكتشفون نوعا جديدا من الضفادع في غابات الأمازون المطيرة.
محكمة أمريكية ترفض طعنا قدمه مصرف كبير ضد غرامة بملايين الدولارات.
شركة يابانية تطرح سيارة كهربائية بسعر منخفض لمنافسة الشركات الصينية.
مهرجان سينمائي في البندقية يكرم مخرجة إيطالية عن مجمل أعمالها الفنية.`, PageIndex, Boilerplate, ""},
		{"error", `Page not found - BBC Arabic
Fri, 11 Aug 2017 15:25:47 GMT
نرجو التأكد من اسم الموقع`, PageError, Boilerplate, ""},
		{"gallery", `بالصور: يوم في حياة صيادي الأسماك على شواطئ المتوسط - BBC Arabic
Fri, 11 Aug 2017 15:25:48 GMT
المصور يرافق الصيادين أسبوعا كاملا على شواطئ جنوب لبنان ويروي حياتهم اليومية.
صياد يسحب شباكه عند الفجر قرب ميناء صغير في جنوب لبنان.
أطفال يساعدون آباءهم في فرز الأسماك على الرصيف.
قارب صيد تقليدي يعود إلى الميناء بعد ليلة طويلة في البحر.
سوق السمك يزدحم بالمشترين في ساعات الصباح الأولى.`, PageMedia, Caption, Paragraph},
		{"article", `الحكومة تعلن خطة جديدة لدعم المزارعين - BBC Arabic
Fri, 11 Aug 2017 15:25:49 GMT
أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين المتضررين من موجة الجفاف الأخيرة.
وقال وزير الزراعة إن الخطة تشمل قروضا ميسرة وتعويضات مباشرة للمزارعين.
وأضاف الوزير أن الحكومة ستراجع الخطة بعد ستة أشهر من تطبيقها.
ويعاني المزارعون في البلاد من ارتفاع أسعار الأسمدة والوقود منذ العام الماضي.
وكانت موجة الجفاف قد أتلفت نحو ثلث المحاصيل في المناطق الجنوبية.`, PageArticle, Paragraph, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, page := classifyPage(t, tt.text)
			if page != tt.page {
				t.Errorf("page %q, want %q", page, tt.page)
			}
			if res[0].Kind != Title {
				t.Errorf("line 1: %s, want title", res[0].Kind)
			}
			for i, r := range res[2:] {
				want := tt.kind
				if i == 0 && tt.lead != "" {
					want = tt.lead // a gallery's introduction
				}
				if r.Kind != want {
					t.Errorf("line %d: %s (%s), want %s", i+3, r.Kind, r.Rule, want)
				}
			}
		})
	}
}

// A story told in short lines is not an index: its lines go on from one
// another and come back to the title's words.
func TestShortLinesAreNotAnIndex(t *testing.T) {
	text := `الاقتصاد المصري
ارتفع معدل التضخم في مصر إلى مستوى قياسي جديد خلال الشهر الماضي.
وقال البنك المركزي المصري إن الأسعار ارتفعت بسبب زيادة أسعار الوقود.
وأضاف البنك أن الاقتصاد المصري سيتعافى خلال العام المقبل.
لكن خبراء يرون أن التضخم في مصر سيبقى مرتفعا لفترة أطول.
ويعاني المصريون من ارتفاع أسعار الغذاء منذ تحرير سعر الصرف.
`
	if _, page := classifyPage(t, text); page != PageArticle {
		t.Errorf("page %q, want article", page)
	}
	// Numbered items under a short title are a list, not teasers.
	list := "نصائح طبية\n" + strings.Repeat("1. اشرب الماء بانتظام خلال ساعات النهار للحفاظ على صحة الجسم.\n", 6)
	if _, page := classifyPage(t, list); page != PageArticle {
		t.Errorf("numbered list: page %q, want article", page)
	}
}

// The teasers of other stories run under an article are boilerplate; the
// article's own paragraphs are not.
func TestTeaserRun(t *testing.T) {
	text := `مصر والصين توقعان اتفاقيات جديدة للاستثمار في المنطقة الاقتصادية
وقعت مصر والصين اليوم عددا من الاتفاقيات لتنفيذ مشروعات في المنطقة الاقتصادية لقناة السويس.
وقال رئيس المنطقة الاقتصادية إن العقود الموقعة مع الشركات الصينية تشمل مصانع جديدة.
وأشار إلى أن توقيع الاتفاقيات جاء خلال لقاء الرئيس المصري مع رجال أعمال صينيين.
قررت الحكومة التونسية زيادة أسعار المواد البترولية اعتبارا من الأحد في خطوة لخفض عجز الموازنة.
كشف الرئيس التركي أن بلاده ستبدأ باستخدام العملات المحلية في التبادل التجاري مع عدد من الدول.
تلقت دوائر التنفيذ بالمملكة أكثر من سبعين ألف طلب خلال الشهر الماضي بحسب بيان رسمي للوزارة.
`
	res, _ := classifyPage(t, text)
	for i, r := range res {
		want := Paragraph
		switch {
		case i == 0:
			want = Title
		case i >= 4:
			want = Boilerplate
		}
		if r.Kind != want {
			t.Errorf("line %d: %s (%s), want %s", i+1, r.Kind, r.Rule, want)
		}
	}
}
