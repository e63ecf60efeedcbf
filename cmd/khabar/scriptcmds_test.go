package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Commands the test scripts run besides khabar.

var scriptEncodings = map[string]encoding.Encoding{
	"windows-1256": charmap.Windows1256,
	"iso-8859-6":   charmap.ISO8859_6,
	"utf-16le":     unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM),
	"utf-16be":     unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM),
	"utf-16le-bom": unicode.UTF16(unicode.LittleEndian, unicode.UseBOM),
	"utf-16be-bom": unicode.UTF16(unicode.BigEndian, unicode.UseBOM),
	"utf-8-bom":    unicode.UTF8BOM,
}

// encodeMain is `encode ENCODING IN OUT`: it writes the UTF-8 text of IN
// to OUT in ENCODING (a key of scriptEncodings), or, for ENCODING
// "escaped", with each \xHH of IN turned into that byte and the final line
// feed that ends every script file section dropped (write \x0a for one),
// so that scripts can hold exact bytes that are not UTF-8.
func encodeMain() int {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: encode ENCODING IN OUT")
		return 2
	}
	in, err := os.ReadFile(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	var out []byte
	if os.Args[1] == "escaped" {
		out, err = unescape(bytes.TrimSuffix(in, []byte("\n")))
	} else if e, ok := scriptEncodings[os.Args[1]]; ok {
		out, err = e.NewEncoder().Bytes(in)
	} else {
		err = fmt.Errorf("unknown encoding %q", os.Args[1])
	}
	if err == nil {
		err = os.WriteFile(os.Args[3], out, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "encode:", err)
		return 1
	}
	return 0
}

func unescape(b []byte) ([]byte, error) {
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' && i+3 < len(b) && b[i+1] == 'x' {
			v, err := strconv.ParseUint(string(b[i+2:i+4]), 16, 8)
			if err != nil {
				return nil, fmt.Errorf("bad escape %q", b[i:i+4])
			}
			out = append(out, byte(v))
			i += 3
			continue
		}
		out = append(out, b[i])
	}
	return out, nil
}

// exitcodeMain is `exitcode N khabar ARGS...`: it runs khabar with ARGS
// (same stdin, stdout and stderr) and succeeds only if khabar exits with
// status N, so that scripts can check exact exit codes.
func exitcodeMain() int {
	if len(os.Args) < 3 || os.Args[2] != "khabar" {
		fmt.Fprintln(os.Stderr, "usage: exitcode N khabar ARGS...")
		return 2
	}
	want, err := strconv.Atoi(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "exitcode:", err)
		return 2
	}
	if got := run(os.Args[3:], os.Stdin, os.Stdout, os.Stderr); got != want {
		fmt.Fprintf(os.Stderr, "exitcode: khabar exited with status %d, want %d\n", got, want)
		return 1
	}
	return 0
}
