package parse_test

import (
	"fmt"
	"strings"

	"github.com/khabar/khabar/parse"
)

func ExampleParse() {
	dump := `صورة لميناء المدينة
رويترز
صورة لميناء المدينة

قالت السلطات إن الميناء سيفتح أبوابه أمام السفن التجارية صباح الغد بعد إغلاق دام أسبوعين.
`
	for a := range parse.Parse(strings.NewReader(dump), "port.txt", parse.Options{}) {
		img := a.Images[0]
		fmt.Println(a.Status, img.Caption.Text, img.Caption.Lines, img.Credit.Agencies)
		fmt.Println(a.Text)
	}
	// Output:
	// ok صورة لميناء المدينة [1 3] [Reuters]
	// قالت السلطات إن الميناء سيفتح أبوابه أمام السفن التجارية صباح الغد بعد إغلاق دام أسبوعين.
}
