package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

// streamRecord is the part of a record the stream tests look at.
type streamRecord struct {
	Status string `json:"status"`
	Source struct {
		Index    int     `json:"index"`
		RecordID *string `json:"record_id"`
	} `json:"source"`
	Error *struct {
		Code string `json:"code"`
	} `json:"error"`
}

// TestJSONLStreamMalformedLine feeds parse --input-format jsonl a stream
// with a malformed line in the middle: one output line per input line, in
// order, the bad one an error record, and exit status 1.
func TestJSONLStreamMalformedLine(t *testing.T) {
	in := strings.Join([]string{
		`{"id": "r0", "text": "وزير الخارجية يزور لندن\n\nوصل الوزير إلى لندن اليوم."}`,
		`{"id": "r1", "text": "افتتاح معرض الكتاب\n\nافتتح المعرض أبوابه صباح اليوم."}`,
		`{"id": "r2", "text": "not closed`,
		`{"id": "r3", "text": "فوز الفريق الوطني\n\nفاز الفريق بثلاثة أهداف."}`,
		`{"id": "r4", "text": ""}`,
	}, "\n") + "\n"
	var stdout, stderr bytes.Buffer
	code := run([]string{"parse", "--input-format", "jsonl", "-j", "3"}, strings.NewReader(in), &stdout, &stderr)
	if code != exitError {
		t.Errorf("exit status %d, want %d; stderr:\n%s", code, exitError, stderr.Bytes())
	}
	lines := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d output lines for 5 input lines:\n%s", len(lines), stdout.Bytes())
	}
	for i, line := range lines {
		var r streamRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("line %d is not one JSON record: %v\n%s", i+1, err, line)
		}
		if r.Source.Index != i {
			t.Errorf("line %d: source.index %d, want %d", i+1, r.Source.Index, i)
		}
		if i == 2 {
			if r.Status != "error" || r.Error == nil || r.Source.RecordID != nil {
				t.Errorf("malformed line: status %q, error %v, record_id %v; want an error record without id", r.Status, r.Error, r.Source.RecordID)
			}
			continue
		}
		if want := "r" + string(rune('0'+i)); r.Source.RecordID == nil || *r.Source.RecordID != want {
			t.Errorf("line %d: record_id %v, want %q", i+1, r.Source.RecordID, want)
		}
		if r.Status == "error" {
			t.Errorf("line %d: status error", i+1)
		}
	}
	if !strings.Contains(stderr.String(), "document 2") {
		t.Errorf("stderr does not name the malformed line:\n%s", stderr.Bytes())
	}
}

// TestJSONLCoprocess drives parse --input-format jsonl as a co-process
// over pipes, as Beam's per-element pattern does: each line written is
// answered by its record before the next is sent, so a record must be
// flushed as soon as it is complete.
func TestJSONLCoprocess(t *testing.T) {
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
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(outR)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	for i, doc := range []string{`{"id": "a", "text": "خبر أول"}`, `{broken`, `{"id": "c", "text": "خبر ثالث"}`} {
		if _, err := io.WriteString(inW, doc+"\n"); err != nil {
			t.Fatal(err)
		}
		select {
		case line := <-lines:
			var r streamRecord
			if err := json.Unmarshal([]byte(line), &r); err != nil || r.Source.Index != i {
				t.Fatalf("answer to line %d: %v, index %d", i+1, err, r.Source.Index)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("no record for line %d while stdin stays open: records are not flushed one by one", i+1)
		}
	}
	inW.Close()
	if code := <-done; code != exitError {
		t.Errorf("exit status %d, want %d (one malformed line)", code, exitError)
	}
	inR.Close()
	outR.Close()
}
