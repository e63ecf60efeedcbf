package main

import (
	"bufio"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

// TestParseCoprocess runs khabar parse as a co-process over pipes: each
// JSON Lines record must come out before the next input line goes in.
func TestParseCoprocess(t *testing.T) {
	inR, inW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"parse", "--input-format", "jsonl"}, inR, outW, io.Discard)
		outW.Close()
	}()
	out := bufio.NewReader(outR)
	for i, line := range []string{
		`{"id": "a", "text": "The port reopened on Monday after a two-day strike, officials said."}`,
		`{"id": "b", "text": "قالت السلطات إن الميناء سيفتح أبوابه أمام السفن التجارية صباح الغد."}`,
	} {
		if _, err := io.WriteString(inW, line+"\n"); err != nil {
			t.Fatal(err)
		}
		got := make(chan string, 1)
		go func() {
			s, _ := out.ReadString('\n')
			got <- s
		}()
		select {
		case rec := <-got:
			if !strings.Contains(rec, `"index":`+string(rune('0'+i))+`,"record_id":"`+string(rune('a'+i))+`"`) {
				t.Fatalf("record %d: %.200s", i, rec)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("no record %d while the input stays open: output is not flushed", i)
		}
	}
	inW.Close()
	if code := <-done; code != exitOK {
		t.Errorf("exit status %d", code)
	}
	if rest, _ := io.ReadAll(out); len(rest) != 0 {
		t.Errorf("more output: %q", rest)
	}
}
