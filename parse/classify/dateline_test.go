package classify

import "testing"

func TestFindDateline(t *testing.T) {
	tests := []struct {
		in   string
		want Dateline
		ok   bool
	}{
		{"لندن (رويترز) - تراجعت أسعار النفط للجلسة الثالثة", Dateline{"لندن (رويترز) -", "لندن", "Reuters"}, true},
		{"هونج كونج (CNN)- تسعى شركة صينية ناشئة", Dateline{"هونج كونج (CNN)-", "هونج كونج", "CNN"}, true},
		{"دبي، الإمارات العربية المتحدة (CNN)-- أعلنت شركة ناشئة", Dateline{"دبي، الإمارات العربية المتحدة (CNN)--", "دبي، الإمارات العربية المتحدة", "CNN"}, true},
		{"MUMBAI (Reuters) - The BSE Sensex and Nifty ended flat", Dateline{"MUMBAI (Reuters) -", "MUMBAI", "Reuters"}, true},
		{"(CNN) -- The Pennsylvania official was talking", Dateline{"(CNN) --", "", "CNN"}, true},
		{"باريس (أ ف ب) - تظاهر عشرات الآلاف في مدن فرنسية", Dateline{"باريس (أ ف ب) -", "باريس", "AFP"}, true},
		{"لندن ــ (رويترز): نزل سعر خام برنت عن 93 دولارا", Dateline{"لندن ــ (رويترز):", "لندن", "Reuters"}, true},
		{"القاهرة ـ قال مسؤول في الوزارة إن الخطة جاهزة", Dateline{"القاهرة ـ", "القاهرة", ""}, true},
		{"1- تعويض نقدي عن أي تأخير يتجاوز ثلاث ساعات", Dateline{}, false},
		{"تداخل روسي-أمريكي في الملف السوري منذ سنوات", Dateline{}, false},
		{"قال الوزير (رويترز) إن الخطة جاهزة", Dateline{}, false},
		{"لندن (رويترز) -", Dateline{}, false},
	}
	for _, tt := range tests {
		got, ok := FindDateline(tt.in, nil)
		if ok != tt.ok || got != tt.want {
			t.Errorf("FindDateline(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
