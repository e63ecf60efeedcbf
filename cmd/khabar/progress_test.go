//go:build linux

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// openPty returns the two ends of a new pseudo-terminal of 100×24.
func openPty(t *testing.T) (master, tty *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Skipf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Skipf("ptsname: %v", err)
	}
	tty, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("open tty: %v", err)
	}
	if err := unix.IoctlSetWinsize(int(tty.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 100}); err != nil {
		t.Skipf("set window size: %v", err)
	}
	return master, tty
}

func progressArchive(t *testing.T) string {
	src := t.TempDir()
	for i := range 400 {
		p := filepath.Join(src, fmt.Sprintf("%02d", i%8), fmt.Sprintf("%03d.txt", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		text := fmt.Sprintf("عنوان رقم %d\n\n%s\n", i, strings.Repeat("نص الخبر هنا. ", 200))
		if err := os.WriteFile(p, []byte(text), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	return src
}

// TestBatchProgressOnTerminal runs batch with stderr on a terminal: the
// bar is drawn (files done of total, MB/s, ETA) and the summary follows.
func TestBatchProgressOnTerminal(t *testing.T) {
	master, tty := openPty(t)
	defer master.Close()
	var screen bytes.Buffer
	read := make(chan struct{})
	go func() {
		io.Copy(&screen, master) // ends with EIO once the tty is closed
		close(read)
	}()
	src := progressArchive(t)
	code := run([]string{"batch", src, "-o", filepath.Join(t.TempDir(), "out")}, nil, io.Discard, tty)
	tty.Close()
	<-read
	out := screen.String()
	if code != exitOK {
		t.Fatalf("exit status %d:\n%s", code, out)
	}
	for _, want := range []string{"/400 files", "400/400 files", "B/s", "ETA", "khabar batch: 400 files: 400 converted"} {
		if !strings.Contains(out, want) {
			t.Errorf("terminal shows no %q:\n%q", want, out)
		}
	}
	if strings.Index(out, "400/400 files") > strings.Index(out, "khabar batch:") {
		t.Errorf("the summary does not follow the finished bar:\n%q", out)
	}
}

// TestBatchNoProgressOffTerminal: with stderr not a terminal, the summary
// alone, with no control sequence; --quiet, not even that.
func TestBatchNoProgressOffTerminal(t *testing.T) {
	src := progressArchive(t)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	read := make(chan struct{})
	go func() { io.Copy(&got, r); close(read) }()
	code := run([]string{"batch", src, "-o", filepath.Join(t.TempDir(), "out")}, nil, io.Discard, w)
	w.Close()
	<-read
	if code != exitOK {
		t.Fatalf("exit status %d:\n%s", code, got.Bytes())
	}
	if lines := strings.Count(got.String(), "\n"); lines != 5 || strings.ContainsAny(got.String(), "\x1b\r") {
		t.Errorf("stderr is not the 5-line summary alone:\n%q", got.String())
	}
	var quiet bytes.Buffer
	if code := run([]string{"batch", src, "-o", filepath.Join(t.TempDir(), "out"), "--quiet"}, nil, io.Discard, &quiet); code != exitOK || quiet.Len() > 0 {
		t.Errorf("--quiet: exit %d, stderr %q", code, quiet.String())
	}
}
