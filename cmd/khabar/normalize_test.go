package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
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
				t.Errorf("sent %q, got %q, want %q", c.in, line, c.want)
			}
		case <-time.After(10 * time.Second): // a deadlock guard, not a timing
			t.Fatalf("sent %q, no line came back", c.in)
		}
	}
	inW.Close()
	if s := <-status; s != exitOK {
		t.Errorf("exit status %d", s)
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
