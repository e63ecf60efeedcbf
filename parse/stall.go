package parse

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/khabar/khabar/internal/steady"
)

// With Options.Timeout, reading is timed too: an input that sends part of
// a document and then nothing (a producer that hangs, `sleep 1000 |
// khabar parse`) would otherwise hold the parse forever. A read cannot be
// interrupted, so a reader that may stall is read on a goroutine of its
// own, and the parse gives up waiting for it: when no byte comes for
// Options.Timeout while a document is being read, the read fails with a
// stallError, the document becomes an E_TIMEOUT record and the input
// ends there. The goroutine is left blocked in its read until that read
// returns.
//
// The wait is not timed when the parse holds no byte of the input that
// it has not handed out in a document yet and has started no document:
// at the start of an input to split or of JSON Lines, and after a
// separator line or a JSON Lines line end. A program that feeds khabar
// one document at a time and waits for each record is idle there, not
// stalled. An input that is not split is one document from its first
// byte, so every wait on it is timed.
//
// Readers that cannot stall are read directly, with no goroutine: bytes
// in memory (*bytes.Reader, *strings.Reader, *bytes.Buffer), a regular
// file, and a reader a package of khabar marks with steady.Reader.

// stallError is the error of a read that no byte answered for the
// timeout while a document was being read.
type stallError struct{ limit time.Duration }

func (e *stallError) Error() string {
	return fmt.Sprintf("input stalled: no byte for %v while reading the document", e.limit)
}

// isStall reports whether err is a stallError.
func isStall(err error) bool {
	var se *stallError
	return errors.As(err, &se)
}

// timeReads returns the reader Parse reads r through, and the stallReader
// that times it, or nil when r is read directly.
func (p *parser) timeReads(r io.Reader) (io.Reader, *stallReader) {
	if s, ok := r.(steady.Reader); ok {
		return s.Reader, nil
	}
	if p.opts.Timeout <= 0 {
		return r, nil
	}
	switch v := r.(type) {
	case *bytes.Reader, *strings.Reader, *bytes.Buffer:
		return r, nil
	case *os.File:
		if fi, err := v.Stat(); err == nil && fi.Mode().IsRegular() {
			return r, nil
		}
	}
	t := &stallReader{r: r, limit: p.opts.Timeout}
	return t, t
}

// stallBuf is the size of the reads of a stallReader.
const stallBuf = 32 << 10

// stallReader reads r on a goroutine of its own and fails a read that
// waits longer than limit, unless idle says the parse is between
// documents. After a failure every read fails.
type stallReader struct {
	r     io.Reader
	limit time.Duration
	// idle reports whether a wait for input is not to be timed; nil is
	// never (an input that is not split).
	idle func() bool
	n    int64 // bytes handed out

	reqs    chan []byte // buffers for the goroutine to fill
	res     chan stallRead
	stop    chan struct{}
	space   []byte // the buffer the goroutine fills
	buf     []byte // bytes read, not yet handed out
	waiting bool   // a read is in flight
	err     error  // sticky
	timer   *time.Timer
}

// stallRead is the result of one read of the goroutine.
type stallRead struct {
	n   int
	err error
}

func (t *stallReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if len(t.buf) == 0 {
		if t.err != nil {
			return 0, t.err
		}
		t.fill()
		if len(t.buf) == 0 {
			return 0, t.err
		}
	}
	n := copy(p, t.buf)
	t.buf = t.buf[n:]
	t.n += int64(n)
	return n, nil
}

// fill waits for the next read of the goroutine, starting it if needed.
func (t *stallReader) fill() {
	if !t.waiting {
		if t.reqs == nil {
			t.reqs, t.res, t.stop = make(chan []byte), make(chan stallRead, 1), make(chan struct{})
			t.space = make([]byte, stallBuf)
			go readLoop(t.r, t.reqs, t.res, t.stop)
		}
		t.reqs <- t.space
		t.waiting = true
	}
	var res stallRead
	if t.idle != nil && t.idle() {
		res = <-t.res
	} else {
		if t.timer == nil {
			t.timer = time.NewTimer(t.limit)
		} else {
			t.timer.Reset(t.limit)
		}
		select {
		case res = <-t.res:
			t.timer.Stop()
		case <-t.timer.C:
			// The goroutine still owns space; nothing reads it again.
			t.err = &stallError{t.limit}
			return
		}
	}
	t.waiting = false
	t.buf = t.space[:res.n]
	t.err = res.err
}

// close lets the goroutine end: now if it waits for a buffer, or once the
// read it is blocked in returns.
func (t *stallReader) close() {
	if t.stop != nil {
		close(t.stop)
	}
	if t.timer != nil {
		t.timer.Stop()
	}
}

// readLoop reads r into the buffers it is handed until stop is closed.
func readLoop(r io.Reader, reqs <-chan []byte, res chan<- stallRead, stop <-chan struct{}) {
	for {
		select {
		case b := <-reqs:
			n, err := r.Read(b)
			res <- stallRead{n, err} // res has room: one read at a time
		case <-stop:
			return
		}
	}
}

// countReader counts the bytes read through it.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
