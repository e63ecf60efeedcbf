package parse_test

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/khabar/khabar/parse"
)

// stallTimeout is the --timeout of the stall tests: short, and far below
// the pauses that must not count (3 times longer).
const stallTimeout = 100 * time.Millisecond

// feed writes each piece of parts to a pipe, sleeping pause between
// pieces, then closes it.
func feed(t *testing.T, parts []string, pause time.Duration) io.Reader {
	t.Helper()
	pr, pw := io.Pipe()
	t.Cleanup(func() { pw.Close() })
	go func() {
		for i, s := range parts {
			if i > 0 {
				time.Sleep(pause)
			}
			if _, err := io.WriteString(pw, s); err != nil {
				return
			}
		}
		pw.Close()
	}()
	return pr
}

// stalling is an input that gives its bytes at once, then none: its
// reads block until the test ends. Unlike a writer on a pipe, it needs
// no other goroutine to run in time, so a loaded machine does not make it
// stall early.
type stalling struct {
	data  []byte
	block chan struct{}
}

func stallAfter(t *testing.T, data string) io.Reader {
	s := &stalling{data: []byte(data), block: make(chan struct{})}
	t.Cleanup(func() { close(s.block) })
	return s
}

func (s *stalling) Read(p []byte) (int, error) {
	if len(s.data) == 0 {
		<-s.block
		return 0, io.EOF
	}
	n := copy(p, s.data)
	s.data = s.data[n:]
	return n, nil
}

// collectWithin collects the records of a parse, failing the test if it
// takes longer than a few seconds (a stall that is not detected hangs).
func collectWithin(t *testing.T, r io.Reader, opts parse.Options) []*parse.Article {
	t.Helper()
	done := make(chan []*parse.Article, 1)
	go func() { done <- collect(parse.Parse(r, "pipe", opts)) }()
	select {
	case recs := <-done:
		return recs
	case <-time.After(10 * time.Second):
		t.Fatal("the parse still waits for input after 10 s")
		return nil
	}
}

// statuses lists the status of each record, or its error code. A
// document whose build ran over the timeout (a loaded machine, the race
// detector: the timeout bounds the build too) counts as ok.
func statuses(recs []*parse.Article) []string {
	var s []string
	for _, a := range recs {
		if a.Error != nil && strings.HasPrefix(a.Error.Message, "parse took longer") {
			s = append(s, parse.StatusOK)
		} else if a.Error != nil {
			s = append(s, a.Error.Code)
		} else {
			s = append(s, a.Status)
		}
	}
	return s
}

func wantStatuses(t *testing.T, recs []*parse.Article, want ...string) {
	t.Helper()
	if got := statuses(recs); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("records %v, want %v", got, want)
	}
}

// TestStallTimeout: an input that stops sending in the middle of a
// document gives an E_TIMEOUT record for that document after the
// timeout, and the parse ends there.
func TestStallTimeout(t *testing.T) {
	big := strings.Repeat(arLine, 1200) // past the 64 KiB read ahead of a split input
	for _, tc := range []struct {
		name  string
		parts []string
		opts  parse.Options
		want  []string
		bytes int64 // of the E_TIMEOUT record
	}{
		{"no byte at all", nil, parse.Options{}, []string{parse.ErrTimeout}, 0},
		{"part of a document", []string{arLine + "نصف سطر"}, parse.Options{}, []string{parse.ErrTimeout}, int64(len(arLine + "نصف سطر"))},
		{"split, in the second document", []string{arLine + "\f\n" + arLine}, parse.Options{Split: "auto"}, []string{"ok", parse.ErrTimeout}, int64(len(arLine))},
		{"split, past the read ahead", []string{big + "\f\n", arLine}, parse.Options{Split: "auto"}, []string{"ok", parse.ErrTimeout}, int64(len(arLine))},
		{"split, in a separator line", []string{big + "\f"}, parse.Options{Split: "auto"}, []string{parse.ErrTimeout}, int64(len(big + "\f"))},
		{"jsonl, in a line", []string{`{"id": "a", "text": "خبر"}` + "\n" + `{"id": "b", "te`}, parse.Options{JSONL: true}, []string{"ok", parse.ErrTimeout}, int64(len(`{"id": "b", "te`))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Timeout = stallTimeout
			start := time.Now()
			recs := collectWithin(t, stallAfter(t, strings.Join(tc.parts, "")), tc.opts)
			wantStatuses(t, recs, tc.want...)
			a := recs[len(recs)-1]
			if a.Status != parse.StatusError || !strings.Contains(a.Error.Message, "no byte for 100ms") {
				t.Errorf("status %s, error %+v", a.Status, a.Error)
			}
			if a.Source.Bytes != tc.bytes || a.Source.Index != len(recs)-1 {
				t.Errorf("source %+v, want %d bytes", a.Source, tc.bytes)
			}
			if a.Text != "" || a.Sections == nil || a.Warnings == nil {
				t.Errorf("error record not empty: %+v", a)
			}
			if d := time.Since(start); d < stallTimeout {
				t.Errorf("timed out after %v", d)
			}
		})
	}
}

// TestStallNotTimed: what is not a stall. A producer that keeps sending,
// however slowly; a pause between documents of a split or JSON Lines
// input, as a program feeding khabar one document at a time makes; and
// any pause without a timeout.
func TestStallNotTimed(t *testing.T) {
	big := strings.Repeat(arLine, 1200)
	slow := strings.SplitAfter(strings.Repeat(arLine, 8), "\n")
	for _, tc := range []struct {
		name  string
		parts []string
		pause time.Duration
		opts  parse.Options
		want  []string
	}{
		// 8 lines 100ms apart: longer than the timeout in all, each pause
		// far shorter (a loaded machine may sleep longer than asked).
		{"slow producer", slow, stallTimeout, parse.Options{Timeout: 5 * stallTimeout}, []string{"ok"}},
		{"split, before the first byte", []string{"", arLine}, 3 * stallTimeout, parse.Options{Split: "auto", Timeout: stallTimeout}, []string{"ok"}},
		{"split, between documents", []string{big + "\f\n", arLine + "\f\n", arLine}, 3 * stallTimeout, parse.Options{Split: "auto", Timeout: stallTimeout}, []string{"ok", "ok", "ok"}},
		{"jsonl, between lines", []string{`{"id": "a", "text": "خبر"}` + "\n", `{"id": "b", "text": "خبر"}` + "\n"}, 3 * stallTimeout, parse.Options{JSONL: true, Timeout: stallTimeout}, []string{"ok", "ok"}},
		{"no timeout", []string{arLine, arLine}, 3 * stallTimeout, parse.Options{Timeout: 0}, []string{"ok"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			recs := collectWithin(t, feed(t, tc.parts, tc.pause), tc.opts)
			wantStatuses(t, recs, tc.want...)
		})
	}
}

// TestMaxBytesEndlessLine: a line that never ends is cut at --max-bytes.
// An input that is not split stops being read one byte past the limit;
// split, the line is read to its end without being kept.
func TestMaxBytesEndlessLine(t *testing.T) {
	const limit = 1 << 20
	endless := &patternReader{p: []byte("كلمة ")}
	recs := collectWithin(t, endless, parse.Options{MaxBytes: limit})
	wantStatuses(t, recs, parse.ErrTooLarge)
	if a := recs[0]; a.Source.Bytes != limit+1 || a.Source.Lines != [2]int{1, 1} {
		t.Errorf("source %+v", a.Source)
	}
	for _, opts := range []parse.Options{{MaxBytes: limit, Split: "auto"}, {MaxBytes: limit, Timeout: time.Minute}} {
		r := io.LimitReader(&patternReader{p: []byte("كلمة ")}, 8*limit)
		pr, pw := io.Pipe()
		go func() { io.Copy(pw, r); pw.Close() }()
		recs = collectWithin(t, pr, opts)
		wantStatuses(t, recs, parse.ErrTooLarge)
		want := int64(8 * limit)
		if opts.Split == "" {
			want = limit + 1
		}
		if a := recs[0]; a.Source.Bytes != want {
			t.Errorf("%+v: %d bytes, want %d", opts, a.Source.Bytes, want)
		}
	}
}
