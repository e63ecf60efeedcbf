package arabic_test

import (
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/text/transform"

	"github.com/khabar/khabar/parse/arabic"
)

// A Normalizer is an x/text transformer: wrap any reader with it to
// normalize a stream in constant memory.
func ExampleNew() {
	dump := strings.NewReader("القاهرة ـ  أعلنت\u200f الحكومة\u00a0العـــربية\r\nﻷول مرة\r\n")
	n := arabic.New(arabic.Default)
	if _, err := io.Copy(os.Stdout, transform.NewReader(dump, n)); err != nil {
		fmt.Println(err)
	}
	fmt.Println(n.Changes().Map())
	// Output:
	// القاهرة ـ أعلنت الحكومة العربية
	// لأول مرة
	// map[controls:1 newlines:2 presentation:1 spaces:2 tatweel:3]
}

// String normalizes one string; the profiles differ in how much they fold.
func ExampleString() {
	s := "أُعلِنَ إلى مستشفى ﻷ ١٢٫٥٪"
	for _, name := range arabic.ProfileNames() {
		o, _ := arabic.Profile(name)
		fmt.Printf("%-8s %s\n", name, arabic.String(o, s))
	}
	// Output:
	// none     أُعلِنَ إلى مستشفى ﻷ ١٢٫٥٪
	// default  أُعلِنَ إلى مستشفى لأ ١٢٫٥٪
	// search   اعلن الي مستشفي لا 12.5%
}

// Ops are added to or dropped from a profile, as --with and --without do.
func ExampleOptions_With() {
	with, _ := arabic.ParseOps("alef,digits")
	without, _ := arabic.ParseOps("teh_marbuta")
	o := arabic.Default.With(with...).Without(without...)
	fmt.Println(o.Names())
	fmt.Println(arabic.String(o, "إدارة ٢٠٢٤"))
	fmt.Println(arabic.String(arabic.Search.Without(without...), "إدارة ٢٠٢٤"))
	// Output:
	// [newlines nfc presentation controls spaces tatweel alef digits]
	// ادارة 2024
	// ادارة 2024
}

// Key is what the classifier matches on: the search profile, lowercased,
// without punctuation.
func ExampleKey() {
	fmt.Printf("%q\n", arabic.Key("  «مصدر الصورة»، GETTY Images"))
	fmt.Printf("%q\n", arabic.Key("(أ ف ب)"))
	// Output:
	// "مصدر الصوره getty images"
	// "ا ف ب"
}
