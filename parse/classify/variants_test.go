package classify

import (
	"strings"
	"testing"
)

// TestClassifyVariants runs rarer shapes of the same patterns: blank lines
// inside a triplet, labels with a comma, credits with photographers,
// relative dates, bylines without a colon.
func TestClassifyVariants(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string
	}{
		{"triplet parted by blank lines", "سيدة تتسوق في سوق شعبي\n\nAFP\n\nسيدة تتسوق في سوق شعبي.\n\n" + para1,
			"caption credit caption_repeat paragraph"},
		{"two agencies and a photographer", para1 + "\n\nلاعبو الفريق يحتفلون بالهدف\nGetty Images/AFP\nلاعبو الفريق يحتفلون بالهدف\n\n" + para2,
			"paragraph caption credit caption_repeat paragraph"},
		{"caption and credit without repeat", para1 + "\n\nمتطوعون يوزعون المياه على المتسابقين\nEPA\n\n" + para2,
			"paragraph caption credit paragraph"},
		{"credit above a bare caption", para1 + "\n\nReuters\nمتطوعون يوزعون المياه على المتسابقين\n\n" + para2,
			"paragraph credit caption paragraph"},
		{"English label with a comma", "Image source, Getty Images\nImage caption, Protesters outside parliament\n\nThe vote was delayed again on Tuesday after a long debate in the chamber.",
			"credit caption paragraph"},
		{"video caption label", para1 + "\n\nالتعليق على الفيديو، الوزير يتحدث إلى الصحفيين\n\n" + para2,
			"paragraph caption paragraph"},
		{"archive caption in brackets", para1 + "\n\nجانب من اجتماع سابق للجنة (أرشيفية)\n\n" + para2,
			"paragraph caption paragraph"},
		{"byline without a colon and a relative date", "البرلمان يناقش تعديلات قانون الإيجار\nبقلم سارة المهندي\nمنذ 3 ساعات\n\n" + para1,
			"title meta meta paragraph"},
		{"title with a bar and outlet", "أسعار القمح ترتفع إلى أعلى مستوى | BBC News عربي\n\n" + para1,
			"title paragraph"},
		{"promo and follow prompt", para1 + "\n\nتابعونا على تويتر وفيسبوك لمعرفة آخر الأخبار\n\n" + para2,
			"paragraph boilerplate paragraph"},
		{"star separator", para1 + "\n\n* * *\n\n" + para2,
			"paragraph boilerplate paragraph"},
		{"long question set apart", para1 + "\n\nهل تنجح الخطة الجديدة في خفض أسعار المواد الغذائية قبل نهاية العام؟\n\n" + para2,
			"paragraph heading paragraph"},
		{"source with two agencies", para1 + "\n\nالمصدر: رويترز + أ ف ب",
			"paragraph credit"},
		{"place and agency line under an image", "جنود في المطار\nReuters\nجنود في المطار\n\nالقاهرة - رويترز\n\n" + para1,
			"caption credit caption_repeat meta paragraph"},
		{"caption label before the credit label", para1 + "\n\nالتعليق على الصورة، عمال في مصنع للسيارات\nمصدر الصورة، EPA\n\n" + para2,
			"paragraph caption credit paragraph"},
		{"a line without letters", para1 + "\n\n3\n\n" + para2,
			"paragraph boilerplate paragraph"},
		{"dateline line under the opening image", "جنود في المطار\nReuters\nجنود في المطار\n\nالقاهرة - محمد علي\n\n" + para1 + "\n\nرابط مختصر",
			"caption credit caption_repeat meta paragraph boilerplate"},
		{"date above the title", "الخميس 14 مارس 2013\nالبرلمان يناقش تعديلات قانون الإيجار\n\n" + para1,
			"meta title paragraph"},
		{"long triplet, repeat with marks", "عمال ينقلون قطعة أثرية ضخمة إلى داخل المتحف الجديد باستخدام رافعة خاصة صممت لهذا الغرض في العاصمة\nEPA\nعمالٌ ينقلون قطعةً أثريةً ضخمةً إلى داخل المتحف الجديد باستخدام رافعة خاصة صممت لهذا الغرض في العاصمة\n\n" + para1,
			"caption credit caption_repeat paragraph"},
		{"AP caption and copyright footer", "The vote was delayed again on Tuesday after a long debate in the chamber.\n\nA farmer inspects coffee cherries near Nyeri, Kenya, on Monday. (AP Photo/Brian Inganga)\n\nCopyright 2024 The Associated Press. All rights reserved.",
			"paragraph caption boilerplate"},
		{"opening image without repeat, then a heading", "محتجون أمام مقر البرلمان\nAFP\n\nماذا يريد المحتجون؟\n\n" + para1,
			"caption credit heading paragraph"},
		{"title over a bare agency and a date", "بريطانيا تفتح أكبر قاعدة بيانات للطب الحيوي\nرويترز\nالجمعة 30 مارس 2012\n\n" + para1,
			"title credit meta paragraph"},
		{"triplet with a credit on two lines", "جنود في المطار\nمصدر الصورة\nGetty Images\nجنود في المطار\n\n" + para1,
			"caption credit credit caption_repeat paragraph"},
		{"read-also label alone, blank, headline", para1 + "\n\nاقرأ أيضا:\n\nدراسة: الأطفال يقضون 7 ساعات يوميا أمام الشاشات\n\n" + para2,
			"paragraph boilerplate boilerplate paragraph"},
		{"question heading right under the title", "أسعار الذهب تقفز إلى مستوى قياسي\n\nما الذي يعنيه ذلك للمستهلكين؟\n\n" + para1,
			"title heading paragraph"},
		{"credit glued after a dash", para1 + "\n\nمتظاهرون يرفعون الأعلام أمام البرلمان - رويترز\n\n" + para2,
			"paragraph caption paragraph"},
		{"headline ending in an agency", "النفط يتراجع لليوم الثالث مع ارتفاع المخزونات - رويترز\n\n" + para1,
			"title paragraph"},
		{"repeat with a joiner", "سياح\u200cها في البتراء\nAFP\nسياحها في البتراء\n\n" + para1,
			"caption credit caption_repeat paragraph"},
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
