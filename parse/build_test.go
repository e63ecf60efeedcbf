package parse

import (
	"strings"
	"testing"
)

func TestSafely(t *testing.T) {
	for _, debug := range []bool{false, true} {
		p, err := newParser("x.txt", Options{Debug: debug})
		if err != nil {
			t.Fatal(err)
		}
		a := p.newArticle(&rawDoc{first: 1, last: 3, raw: []byte("abc")})
		a.Text = "half done"
		p.safely(a, func() { panic("boom") })
		if a.Status != StatusError || a.Error == nil || a.Error.Code != ErrInternal || a.Text != "" {
			t.Fatalf("debug %v: %+v", debug, a)
		}
		msg := a.Error.Message
		if !strings.HasPrefix(msg, "panic: boom") || strings.Contains(msg, "\n") == !debug {
			t.Errorf("debug %v: message %q", debug, msg)
		}
		if debug && !strings.Contains(msg, "build_test.go") {
			t.Errorf("stack does not show the panicking function: %q", msg)
		}
	}
}
