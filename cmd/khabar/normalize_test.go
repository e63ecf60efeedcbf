package main

import (
	"bufio"
	"io"
	"testing"
	"time"
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
