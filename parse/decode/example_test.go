package decode_test

import (
	"fmt"
	"io"
	"strings"

	"github.com/khabar/khabar/parse/decode"
)

func ExampleBytes() {
	// "غزة" in Windows-1256: 0xDB is undefined in ISO-8859-6.
	text, res, err := decode.Bytes([]byte{0xdb, 0xd2, 0xc9}, decode.Auto)
	fmt.Println(string(text), res.Encoding, res.Source, err)

	// UTF-8 with a stray byte: replaced and counted.
	text, res, _ = decode.Bytes([]byte("سلام \xff عليكم"), decode.Auto)
	fmt.Printf("%s %s replaced=%d first=%d\n", text, res.Encoding, res.Replaced, res.FirstBad)

	// The same bytes with a forced encoding are an error.
	_, _, err = decode.Bytes([]byte("سلام \xff عليكم"), decode.UTF8)
	fmt.Println(err)
	// Output:
	// غزة windows-1256 detected <nil>
	// سلام � عليكم utf-8 replaced=1 first=9
	// invalid utf-8 at byte offset 9
}

func ExampleNewReader() {
	in := "\xff\xfe" + "H\x00i\x00" // UTF-16LE with a BOM
	r := decode.NewReader(strings.NewReader(in), decode.Auto)
	text, err := io.ReadAll(r)
	fmt.Println(string(text), err, r.Result())
	// Output: Hi <nil> {utf-16le bom 0 -1}
}
