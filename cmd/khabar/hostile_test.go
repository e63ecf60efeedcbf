package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/khabar/khabar/internal/testhook"
)

const hostileLine = "قالت السلطات إن الميناء سيفتح أبوابه أمام السفن التجارية صباح الغد.\n"

// hostileRecord is the part of a record these tests look at.
type hostileRecord struct {
	Status string `json:"status"`
	Source struct {
		Path  string `json:"path"`
		Index int    `json:"index"`
	} `json:"source"`
	Error *struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func (r hostileRecord) code() string {
	if r.Error == nil {
		return ""
	}
	return r.Error.Code
}

func readHostileRecords(t *testing.T, b []byte) []hostileRecord {
	t.Helper()
	var recs []hostileRecord
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var r hostileRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%v: %.200q", err, sc.Bytes())
		}
		recs = append(recs, r)
	}
	return recs
}

// writeHostileFiles writes name → content under dir.
func writeHostileFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// injectPanic makes the parse of any document holding PANIC panic, for
// the rest of the test.
func injectPanic(t *testing.T) {
	testhook.BeforeAssemble = func(text []byte) {
		if bytes.Contains(text, []byte("PANIC")) {
			panic("injected fault")
		}
	}
	t.Cleanup(func() { testhook.BeforeAssemble = nil })
}

// TestParsePanicIsolated: a panic in the parse of one file of three is
// that file's E_INTERNAL hostileRecord; the other files are parsed, in order,
// and the exit status is 1. The stack is in the message only with --debug.
func TestParsePanicIsolated(t *testing.T) {
	injectPanic(t)
	dir := t.TempDir()
	writeHostileFiles(t, dir, map[string]string{"a.txt": hostileLine, "b.txt": "PANIC " + hostileLine, "c.txt": hostileLine})
	for _, debug := range []bool{false, true} {
		args := []string{"parse", "-j", "2", "a.txt", "b.txt", "c.txt"}
		if debug {
			args = append(args, "--debug")
		}
		var stdout, stderr bytes.Buffer
		code := runIn(t, dir, args, &stdout, &stderr)
		recs := readHostileRecords(t, stdout.Bytes())
		if code != exitError || len(recs) != 3 {
			t.Fatalf("debug %v: exit %d, %d records; stderr %s", debug, code, len(recs), stderr.String())
		}
		for i, want := range []string{"ok", "error", "ok"} {
			if recs[i].Status != want || recs[i].Source.Path != string(rune('a'+i))+".txt" {
				t.Errorf("hostileRecord %d: %s %s, want %s", i, recs[i].Source.Path, recs[i].Status, want)
			}
		}
		msg := recs[1].Error.Message
		if recs[1].code() != "E_INTERNAL" || !strings.HasPrefix(msg, "panic: injected fault") || strings.Contains(msg, "\n") != debug {
			t.Errorf("debug %v: error %+v", debug, recs[1].Error)
		}
		if !strings.Contains(stderr.String(), "b.txt: E_INTERNAL: panic: injected fault") {
			t.Errorf("stderr %q", stderr.String())
		}
	}
}

// TestBatchPanicIsolated: in a batch, the file whose parse panics fails
// (no output, an E_INTERNAL line in the report) and the others are
// converted; exit status 1.
func TestBatchPanicIsolated(t *testing.T) {
	injectPanic(t)
	dir := t.TempDir()
	writeHostileFiles(t, dir, map[string]string{"src/a.txt": hostileLine, "src/b/b.txt": "PANIC " + hostileLine, "src/c.txt": hostileLine})
	var stdout, stderr bytes.Buffer
	code := runIn(t, dir, []string{"batch", "src", "-o", "dst", "-j", "2", "--report", "report.jsonl"}, &stdout, &stderr)
	if code != exitError {
		t.Fatalf("exit %d; stderr %s", code, stderr.String())
	}
	for _, name := range []string{"a.json", "c.json"} {
		b, err := os.ReadFile(filepath.Join(dir, "dst", name))
		if err != nil {
			t.Fatal(err)
		}
		var r hostileRecord
		if err := json.Unmarshal(b, &r); err != nil || r.Status != "ok" {
			t.Errorf("%s: %+v, %v", name, r, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "dst/b/b.json")); !os.IsNotExist(err) {
		t.Errorf("the failed file has an output: %v", err)
	}
	report, err := os.ReadFile(filepath.Join(dir, "report.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var line struct {
		Path   string `json:"path"`
		Status string `json:"status"`
		Errors []struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(bytes.TrimSpace(report), &line); err != nil {
		t.Fatalf("report %q: %v", report, err)
	}
	if line.Path != "b/b.txt" || line.Status != "failed" || len(line.Errors) != 1 || line.Errors[0].Code != "E_INTERNAL" ||
		!strings.HasPrefix(line.Errors[0].Message, "panic: injected fault") {
		t.Errorf("report %s", report)
	}
}

// TestParseBinaryExecutable: an ELF (or other executable) file named
// .txt is an E_BINARY hostileRecord, not a crash; a text file after it is parsed.
func TestParseBinaryExecutable(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	b, err := os.ReadFile(exe)
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	writeHostileFiles(t, dir, map[string]string{"exe.txt": string(b), "ok.txt": hostileLine})
	var stdout, stderr bytes.Buffer
	code := runIn(t, dir, []string{"parse", "exe.txt", "ok.txt"}, &stdout, &stderr)
	recs := readHostileRecords(t, stdout.Bytes())
	if code != exitError || len(recs) != 2 || recs[0].code() != "E_BINARY" || recs[1].Status != "ok" {
		t.Fatalf("exit %d, records %+v, stderr %s", code, recs, stderr.String())
	}
}

// TestParseBlankFlood: a million blank lines, as a file and on stdin with
// --split auto, is one empty hostileRecord and exit status 0.
func TestParseBlankFlood(t *testing.T) {
	if testing.Short() {
		t.Skip("a large input")
	}
	blank := strings.Repeat("\n", 1_000_000)
	for _, args := range [][]string{{"parse", "--jsonl"}, {"parse", "--jsonl", "--split", "auto"}} {
		var stdout, stderr bytes.Buffer
		code := run(args, strings.NewReader(blank), &stdout, &stderr)
		recs := readHostileRecords(t, stdout.Bytes())
		if code != exitOK || len(recs) != 1 || recs[0].Status != "empty" {
			t.Errorf("%v: exit %d, records %+v, stderr %s", args, code, recs, stderr.String())
		}
	}
}

// runIn runs khabar with dir as the working directory.
func runIn(t *testing.T, dir string, args []string, stdout, stderr *bytes.Buffer) int {
	t.Helper()
	t.Chdir(dir)
	return run(args, strings.NewReader(""), stdout, stderr)
}

// TestParseRunawayTimeout: a document whose parse hangs becomes an
// E_TIMEOUT record after --timeout, and the next files are parsed.
func TestParseRunawayTimeout(t *testing.T) {
	release, entered := make(chan struct{}), make(chan struct{}, 1)
	testhook.BeforeAssemble = func(text []byte) {
		if bytes.Contains(text, []byte("SLOW")) {
			entered <- struct{}{}
			<-release
		}
	}
	t.Cleanup(func() { testhook.BeforeAssemble = nil })
	dir := t.TempDir()
	writeHostileFiles(t, dir, map[string]string{"a.txt": hostileLine, "b.txt": "SLOW " + hostileLine, "c.txt": hostileLine})
	var stdout, stderr bytes.Buffer
	code := runIn(t, dir, []string{"parse", "--timeout", "100ms", "a.txt", "b.txt", "c.txt"}, &stdout, &stderr)
	<-entered
	close(release)
	recs := readHostileRecords(t, stdout.Bytes())
	if code != exitError || len(recs) != 3 || recs[0].Status != "ok" || recs[1].code() != "E_TIMEOUT" || recs[2].Status != "ok" {
		t.Fatalf("exit %d, records %+v, stderr %s", code, recs, stderr.String())
	}
}

// TestStalledStdin: a stdin that sends part of a document, then nothing
// while staying open, becomes an E_TIMEOUT record after --timeout; the
// command ends with exit status 1, as for any failed document, and does
// not wait for stdin to close.
func TestStalledStdin(t *testing.T) {
	for _, args := range [][]string{
		{"parse", "--timeout", "100ms", "--jsonl"},
		{"parse", "--timeout", "100ms", "--split", "auto", "-"},
		{"parse", "--timeout", "100ms", "--input-format", "jsonl"},
		{"explain", "--timeout", "100ms", "-"},
		{"furniture", "--timeout", "100ms"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			pr, pw, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			// Closed at the end only: the reader left blocked then ends.
			t.Cleanup(func() { pw.Close(); pr.Close() })
			part := hostileLine + "نصف سطر"
			if slices.Contains(args, "jsonl") {
				part = `{"id": "a", "text": "نصف`
			}
			if _, err := pw.WriteString(part); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			done := make(chan int, 1)
			go func() { done <- run(args, pr, &stdout, &stderr) }()
			var code int
			select {
			case code = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("still waiting for stdin after 10 s")
			}
			if code != exitError || !strings.Contains(stderr.String(), "E_TIMEOUT: input stalled") {
				t.Fatalf("exit %d, stderr %q", code, stderr.String())
			}
			if args[0] != "parse" {
				return
			}
			recs := readHostileRecords(t, stdout.Bytes())
			if len(recs) != 1 || recs[0].code() != "E_TIMEOUT" || recs[0].Source.Path != "-" {
				t.Fatalf("records %+v\n%s", recs, stdout.String())
			}
		})
	}
}

// TestNormalizeControlFlood: thousands of invisible controls between two
// marks (more than a 4 KiB read holds) stream through normalize, exit 0.
func TestNormalizeControlFlood(t *testing.T) {
	in := "ب\u064e" + strings.Repeat("\u200f", 5000) + "\u064eب\n"
	var stdout, stderr bytes.Buffer
	if code := run([]string{"normalize"}, strings.NewReader(in), &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if got := stdout.String(); strings.ContainsRune(got, '\u200f') || !strings.HasPrefix(got, "ب\u064e") {
		t.Fatalf("output %+q", got)
	}
}
