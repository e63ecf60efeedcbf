package batch

import "golang.org/x/sys/unix"

// fsync asks the drive itself to write its cache out (F_FULLFSYNC): a
// plain fsync does not on macOS.
func fsync(fd int) error {
	if _, err := unix.FcntlInt(uintptr(fd), unix.F_FULLFSYNC, 0); err == nil {
		return nil
	}
	return unix.Fsync(fd)
}
