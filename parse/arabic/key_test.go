package arabic

import (
	"math/rand/v2"
	"testing"
)

func TestKey(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"مصدر الصورة", "مصدر الصوره"},
		{"  «رويترز»  ", "رويترز"},
		{"(أ ف ب)", "ا ف ب"},
		{"Getty Images", "getty images"},
		{"GETTY\u00a0IMAGES.", "getty images"},
		{"مصدر الصورة،Reuters", "مصدر الصوره reuters"},
		{"القاهرة ـ رويترز", "القاهره رويترز"},
		{"العـــربية ١٢٫٥٪", "العربيه 12 5"},
		{"\u200fرويترز\u200f\r\n", "رويترز"},
		{"أُلقِيَ إلى ﻷ", "القي الي لا"},
		{"ـ", ""},
		{"a\u0301", "á"},
		{"x\xffy", "x y"},
	} {
		if got := Key(c.in); got != c.want {
			t.Errorf("Key(%+q) = %+q, want %+q", c.in, got, c.want)
		}
	}
}

// TestKeyFastSlow checks that the one-pass Key equals the slow definition
// (the search profile, then the fold) on generated lines, and that it is a
// fixed point.
func TestKeyFastSlow(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		s := randomText(rng, 1+rng.IntN(10))
		k := Key(s)
		if slow := keySlow(s); k != slow {
			t.Fatalf("Key(%+q) = %+q, slow path %+q", s, k, slow)
		}
		if again := Key(k); again != k {
			t.Fatalf("Key not idempotent on %+q: %+q then %+q", s, k, again)
		}
	}
}

func TestKeyAllocs(t *testing.T) {
	s := "مصدر الصوره reuters"
	if n := testing.AllocsPerRun(100, func() { Key(s) }); n != 0 {
		t.Errorf("Key of a key allocates %v times", n)
	}
	line := "وقالت وكالة أنباء «سبوتنيك» الروسية، إن الطائرتين"
	if n := testing.AllocsPerRun(100, func() { Key(line) }); n > 1 {
		t.Errorf("Key allocates %v times a line", n)
	}
}

func TestStringAllocs(t *testing.T) {
	n := New(Default)
	normal := "سطر عادي لا يتغير, 12"
	if a := testing.AllocsPerRun(100, func() { n.String(normal) }); a != 0 {
		t.Errorf("String of a normal line allocates %v times", a)
	}
	line := "سطر\u00a0فيه  ما يتغير\u200f"
	if a := testing.AllocsPerRun(100, func() { n.String(line) }); a > 1 {
		t.Errorf("String allocates %v times a line", a)
	}
}
