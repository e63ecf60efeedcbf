package parse

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/khabar/khabar/internal/steady"
)

// TestTimeReadsDirect: with a timeout, the readers that cannot stall are
// read directly, without a goroutine; any other reader is timed.
func TestTimeReadsDirect(t *testing.T) {
	f, err := os.Create(t.TempDir() + "/f.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	defer pw.Close()
	br := bufio.NewReader(strings.NewReader("x"))
	p := &parser{opts: Options{Timeout: time.Second}}
	for _, tc := range []struct {
		name  string
		r     io.Reader
		timed bool
	}{
		{"regular file", f, false},
		{"bytes", bytes.NewReader(nil), false},
		{"string", strings.NewReader(""), false},
		{"buffer", new(bytes.Buffer), false},
		{"steady", steady.Reader{Reader: br}, false},
		{"pipe", pr, true},
		{"bufio", br, true},
		{"unknown", io.MultiReader(), true},
	} {
		r, st := p.timeReads(tc.r)
		if (st != nil) != tc.timed {
			t.Errorf("%s: timed %v, want %v", tc.name, st != nil, tc.timed)
		}
		if s, ok := tc.r.(steady.Reader); ok && r != s.Reader {
			t.Errorf("%s: not unwrapped", tc.name)
		}
	}
	// Without a timeout nothing is timed, and a steady.Reader is unwrapped.
	p.opts.Timeout = 0
	if r, st := p.timeReads(steady.Reader{Reader: br}); st != nil || r != br {
		t.Errorf("no timeout: %T, %v", r, st)
	}
	if _, st := p.timeReads(pr); st != nil {
		t.Error("no timeout: a pipe is timed")
	}
}
