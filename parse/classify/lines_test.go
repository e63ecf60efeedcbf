package classify

import (
	"reflect"
	"testing"
)

func TestSplitLines(t *testing.T) {
	tests := []struct {
		in   string
		want []Line
	}{
		{"", []Line{}},
		{"a", []Line{{1, "a", false}}},
		{"a\n", []Line{{1, "a", false}}},
		{"a\nb", []Line{{1, "a", false}, {2, "b", false}}},
		{"a\r\nb\r\n", []Line{{1, "a", false}, {2, "b", false}}},
		{"a\rb\r\rc", []Line{{1, "a", false}, {2, "b", false}, {3, "", true}, {4, "c", false}}},
		{"a\n\r\nb", []Line{{1, "a", false}, {2, "", true}, {3, "b", false}}},
		{"\n\n", []Line{{1, "", true}, {2, "", true}}},
	}
	for _, tt := range tests {
		got := SplitLines(tt.in, 1)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SplitLines(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if got := SplitLines("x\ny", 41); got[0].N != 41 || got[1].N != 42 {
		t.Errorf("SplitLines(first=41) numbers %d, %d", got[0].N, got[1].N)
	}
}

func TestIsBlank(t *testing.T) {
	blank := []string{"", " ", "\t", "\u00a0\u00a0", "\u200b", "\u200c\u200d", "\u200e\u200f\u061c",
		"\u202b\u202c", "\u2066\u2069", "\u2060", "\ufeff", "\x00", " \x00 ", "\u3000"}
	for _, s := range blank {
		if !IsBlank(s) {
			t.Errorf("IsBlank(%q) = false", s)
		}
	}
	notBlank := []string{"a", " ـ ", "\u00a0.", "؟", "\ufffd", "\u064e"}
	for _, s := range notBlank {
		if IsBlank(s) {
			t.Errorf("IsBlank(%q) = true", s)
		}
	}
}

func TestEndClass(t *testing.T) {
	tests := []struct {
		in   string
		want byte
	}{
		{"قال الوزير.", endStop},
		{`said "yes."`, endStop},
		{"ما الذي يحدث؟", endQuestion},
		{"Why?", endQuestion},
		{"ما يلي:", endColon},
		{"جملة،", endComma},
		{"عنوان بلا نقطة", endNone},
		{"Planes, trains ...", endNone},
		{"(AP)", endNone},
		{"?C? ?O?C? ??", endNone},
	}
	for _, tt := range tests {
		if got := endClass(tt.in); got != tt.want {
			t.Errorf("endClass(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
