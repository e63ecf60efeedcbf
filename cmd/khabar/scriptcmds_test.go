package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/khabar/khabar/internal/testhook"
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

// waitforMain is `waitfor FILE`: it waits until FILE exists, for a minute
// at most, so that a script can wait for a command it runs in the
// background to reach a point.
func waitforMain() int {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: waitfor FILE")
		return 2
	}
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if _, err := os.Stat(os.Args[1]); err == nil {
			return 0
		}
	}
	fmt.Fprintf(os.Stderr, "waitfor: no %s after a minute\n", os.Args[1])
	return 1
}

// holdFromEnv holds a khabar of a script in the middle of its work when
// KHABAR_TEST_HOLD names a file: before it builds its first record, it
// creates that file's name with .reached added, then waits (a minute at
// most) until the file itself exists. A script runs such a khabar in the
// background, waits for the .reached file, acts, and lets it go on by
// creating the file, or kills it.
func holdFromEnv() {
	hold := os.Getenv("KHABAR_TEST_HOLD")
	if hold == "" {
		return
	}
	var once sync.Once
	testhook.BeforeAssemble = func([]byte) {
		once.Do(func() {
			os.WriteFile(hold+".reached", nil, 0o666)
			for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
				if _, err := os.Stat(hold); err == nil {
					return
				}
			}
		})
	}
}
