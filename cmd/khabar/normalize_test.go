package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/khabar/khabar/parse/arabic"
	"github.com/khabar/khabar/parse/decode"
)

// TestNormalizeCoprocess sends lines one at a time and reads each answer
// before sending the next, as a program using khabar as a co-process does.
func TestNormalizeCoprocess(t *testing.T) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	status := make(chan int, 1)
	go func() {
		status <- run([]string{"normalize", "--encoding", "utf-8"}, inR, outW, io.Discard)
		outW.Close()
	}()
	out := bufio.NewReader(outR)
	for _, c := range []struct{ in, want string }{
		{"العـــربية  اليوم\n", "العربية اليوم\n"},
		{"سطر\r\n", "سطر\n"},
		{"آخر سطر\n", "آخر سطر\n"},
		// A cluster longer than the stream's buffer comes back whole
		// with its line, the controls out and the marks in order.
		{"ب\u0651" + strings.Repeat("\u200e", 3000) + "\u064e\n", "ب\u064e\u0651\n"},
	} {
		got := make(chan string, 1)
		go func() {
			line, _ := out.ReadString('\n')
			got <- line
		}()
		if _, err := inW.Write([]byte(c.in)); err != nil {
			t.Fatal(err)
		}
		select {
		case line := <-got:
			if line != c.want {
				t.Errorf("sent %.60q, got %.60q, want %.60q", c.in, line, c.want)
			}
		case <-time.After(10 * time.Second): // a deadlock guard, not a timing
			t.Fatalf("sent %.60q, no line came back", c.in)
		}
	}
	inW.Close()
	if s := <-status; s != exitOK {
		t.Errorf("exit status %d", s)
	}
}

// TestNormalizeLongClusters: clusters of marks longer than a stream's
// buffer, with thousands of controls inside or marks NFC cannot cut, are
// written in one pass as a second pass leaves them, and never stop the
// stream.
func TestNormalizeLongClusters(t *testing.T) {
	for _, in := range []string{
		"ب\u0651" + strings.Repeat("\u200e\u200f", 3000) + "\u064e\n",
		"لـ" + strings.Repeat("\u0651", 5000) + "ل\n",
		"ب" + strings.Repeat("\u0f73", 3000) + "ل\n",
	} {
		var once, twice, stderr bytes.Buffer
		if s := run([]string{"normalize"}, strings.NewReader(in), &once, &stderr); s != exitOK {
			t.Fatalf("exit status %d: %s", s, stderr.Bytes())
		}
		if s := run([]string{"normalize"}, bytes.NewReader(once.Bytes()), &twice, &stderr); s != exitOK {
			t.Fatalf("second pass: exit status %d: %s", s, stderr.Bytes())
		}
		if once.String() != twice.String() {
			t.Errorf("%.20q…: a second pass changes the output", in)
		}
		if want := arabic.String(arabic.Default, in); once.String() != want {
			t.Errorf("%.20q…: the stream differs from the whole string", in)
		}
	}
}

// BenchmarkNormalizeCmd runs the whole command (decode, normalize, buffered
// write) over about 1 MB of Arabic news text, in UTF-8 and Windows-1256.
func BenchmarkNormalizeCmd(b *testing.B) {
	seed, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		b.Skip("testdata/seed.txt not available")
	}
	text := bytes.Repeat(seed, 1<<20/len(seed)+1)
	cp1256, err := charmap.Windows1256.NewEncoder().Bytes(text)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		in   []byte
	}{{"utf-8", text}, {"windows-1256", cp1256}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.in)))
			b.ReportAllocs()
			for b.Loop() {
				o := &normalizeOptions{encoding: decode.Auto, opts: arabic.Default,
					stdin: bytes.NewReader(c.in), stdout: io.Discard, stderr: io.Discard}
				if err := runNormalize(o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
