//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package batch

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"golang.org/x/sys/unix"
)

// lockDst takes the lock of DST, root, without waiting: a *LockedError if
// another run holds it. The lock is an flock on LockName, which the system
// releases when the process ends, however it ends (kill -9 included). A
// file system that cannot lock (some network ones) gets no lock.
func lockDst(root *os.Root, dst string) (*dstLock, error) {
	for tries := 0; ; tries++ {
		f, err := root.OpenFile(LockName, os.O_RDWR|os.O_CREATE, 0o666)
		if err != nil {
			return nil, err
		}
		fd := int(f.Fd())
		err = ignoringEINTR(func() error { return unix.Flock(fd, unix.LOCK_EX|unix.LOCK_NB) })
		switch {
		case errors.Is(err, unix.EWOULDBLOCK):
			pid := lockHolder(f)
			f.Close()
			return nil, &LockedError{Dst: dst, PID: pid}
		case err != nil:
			f.Close()
			return nil, nil
		}
		// The run that held the lock may have removed the file between
		// our open and our lock: a lock on a removed file guards nothing,
		// so open the name again.
		fi, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, err
		}
		if cur, err := root.Lstat(LockName); err != nil || !os.SameFile(fi, cur) {
			f.Close()
			if err == nil && !cur.Mode().IsRegular() {
				return nil, fmt.Errorf("%s is not a regular file", LockName)
			}
			if tries == 100 {
				return nil, fmt.Errorf("%s keeps changing", LockName)
			}
			continue
		}
		if err := f.Truncate(0); err != nil {
			f.Close()
			return nil, err
		}
		if _, err := f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0); err != nil {
			f.Close()
			return nil, err
		}
		return &dstLock{root: root, f: f}, nil
	}
}

// lockHolder reads the process ID in a lock file another run holds. That
// run writes it just after it takes the lock, so an empty file is read
// again for a little while.
func lockHolder(f *os.File) int {
	var buf [32]byte
	for range 50 {
		n, _ := f.ReadAt(buf[:], 0)
		if pid, err := strconv.Atoi(string(bytes.TrimSpace(buf[:n]))); err == nil && n > 0 && buf[n-1] == '\n' {
			return pid
		}
		time.Sleep(2 * time.Millisecond)
	}
	return 0
}
