package batch

import (
	"fmt"
	"os"
)

// LockName is the name, at the root of DST, of the file a run locks for as
// long as it writes DST, so that two runs never write one tree at once. It
// holds the process ID of the run that has it, and is removed when that
// run ends; one left behind by a killed run is unlocked (the system drops
// a lock with its process) and the next run takes it.
const LockName = ".khabar-batch.lock"

// LockedError is the error of a run whose DST another run is writing.
type LockedError struct {
	Dst string // DST as given
	PID int    // the process that holds DST; 0 if it could not be told
}

func (e *LockedError) Error() string {
	if e.PID > 0 {
		return fmt.Sprintf("%s is in use by another khabar batch (process %d); run again once it has ended", e.Dst, e.PID)
	}
	return fmt.Sprintf("%s is in use by another khabar batch; run again once it has ended", e.Dst)
}

// dstLock is the lock a run holds on DST.
type dstLock struct {
	root *os.Root
	f    *os.File
}

// release removes the lock file, while the lock is still held so that no
// other run can take it in between, then lets the lock go.
func (l *dstLock) release() {
	if l == nil {
		return
	}
	if fi, err := l.f.Stat(); err == nil {
		if cur, err := l.root.Lstat(LockName); err == nil && os.SameFile(fi, cur) {
			l.root.Remove(LockName)
		}
	}
	l.f.Close()
}
