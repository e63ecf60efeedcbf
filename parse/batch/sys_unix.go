//go:build unix

package batch

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// The calls below go to the system directly: an *os.File of a regular
// file costs four fcntl calls and a failed epoll registration on open,
// a third of the system calls of converting a small file.

// readSmall opens the file name and, when it holds at most limit bytes,
// reads it whole into b[:0], grown as needed. It returns the file's size:
// the bytes read, or when over limit, its size on opening (nothing read).
// O_NONBLOCK keeps a fifo put in place of a file since the walk from
// blocking the run; it changes nothing for a regular file.
func readSmall(name string, limit int64, b []byte) ([]byte, int64, error) {
	fd, err := ignoringEINTR2(func() (int, error) {
		return unix.Open(name, unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NONBLOCK, 0)
	})
	if err != nil {
		return b, 0, &os.PathError{Op: "open", Path: name, Err: err}
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := ignoringEINTR(func() error { return unix.Fstat(fd, &st) }); err != nil {
		return b, 0, &os.PathError{Op: "stat", Path: name, Err: err}
	}
	if st.Size > limit {
		return b, st.Size, nil
	}
	// One byte more than the size lets a single read reach the end.
	if int64(cap(b)) <= st.Size {
		b = make([]byte, 0, max(st.Size+1, 16<<10))
	}
	b = b[:0]
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := ignoringEINTR2(func() (int, error) { return unix.Read(fd, b[len(b):cap(b)]) })
		if err != nil {
			return b, int64(len(b)), &os.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			return b, int64(len(b)), nil
		}
		b = b[:len(b)+n]
	}
}

// dirFD returns the descriptor of the folder f, valid while f is open.
func dirFD(f *os.File) (int, error) {
	rc, err := f.SyscallConn()
	if err != nil {
		return -1, err
	}
	fd := -1
	if err := rc.Control(func(u uintptr) { fd = int(u) }); err != nil {
		return -1, err
	}
	return fd, nil
}

// writeTemp writes data to a new temp file in od, synced to stable
// storage if sync is set, and returns its name. The name has no slash and
// O_EXCL|O_NOFOLLOW open no existing file: nothing outside od is reached.
func (od *outDir) writeTemp(data []byte, sync bool) (string, error) {
	for {
		name := tempFileName()
		fd, err := ignoringEINTR2(func() (int, error) {
			return unix.Openat(od.fd, name, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0o666)
		})
		if errors.Is(err, unix.EEXIST) {
			continue
		}
		if err != nil {
			return "", &os.PathError{Op: "open", Path: name, Err: err}
		}
		err = writeAll(fd, data)
		if err == nil && sync {
			err = ignoringEINTR(func() error { return fsync(fd) })
		}
		if cerr := unix.Close(fd); err == nil && cerr != nil {
			err = cerr
		}
		if err != nil {
			unix.Unlinkat(od.fd, name, 0)
			return "", &os.PathError{Op: "write", Path: name, Err: err}
		}
		return name, nil
	}
}

func writeAll(fd int, data []byte) error {
	for len(data) > 0 {
		n, err := ignoringEINTR2(func() (int, error) { return unix.Write(fd, data) })
		if err != nil {
			return err
		}
		data = data[n:]
	}
	return nil
}

// rename renames from to to, both names in od without a slash. A symlink
// named to is replaced, not followed.
func (od *outDir) rename(from, to string) error {
	err := ignoringEINTR(func() error { return unix.Renameat(od.fd, from, od.fd, to) })
	if err != nil {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: err}
	}
	return nil
}

// syncDir syncs the folder od to stable storage: the names renamed into
// it are durable then.
func (od *outDir) syncDir() error {
	if err := ignoringEINTR(func() error { return fsync(od.fd) }); err != nil {
		return &os.PathError{Op: "sync", Path: ".", Err: err}
	}
	return nil
}

// syncDirFile syncs the folder f to stable storage.
func syncDirFile(f *os.File) error {
	fd, err := dirFD(f)
	if err != nil {
		return err
	}
	if err := ignoringEINTR(func() error { return fsync(fd) }); err != nil {
		return &os.PathError{Op: "sync", Path: f.Name(), Err: err}
	}
	return nil
}

func ignoringEINTR(f func() error) error {
	for {
		if err := f(); err != unix.EINTR {
			return err
		}
	}
}

func ignoringEINTR2(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if err != unix.EINTR {
			return n, err
		}
	}
}
