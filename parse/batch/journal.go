package batch

import (
	"os"
	"time"
)

// journal appends entries to the manifest as outputs are finished. It
// writes them in batches, every journalBatch entries or journalDelay: a
// run killed before a batch is written loses only the knowledge of those
// outputs, which the next run makes again.
type journal struct {
	f       *os.File
	buf     []byte
	pending int
	last    time.Time
	before  func() error // called before the entries are written, if set
}

const (
	journalBatch = 64
	journalDelay = time.Second
)

func openJournal(root *os.Root) (*journal, error) {
	f, err := root.OpenFile(manifestName, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return nil, err
	}
	return &journal{f: f, last: time.Now()}, nil
}

func (j *journal) record(e entry) error {
	j.buf = appendEntry(j.buf, &e)
	j.pending++
	if j.pending >= journalBatch || time.Since(j.last) >= journalDelay {
		return j.flush()
	}
	return nil
}

func (j *journal) flush() error {
	if j.before != nil && j.pending > 0 {
		if err := j.before(); err != nil {
			return err
		}
	}
	_, err := j.f.Write(j.buf)
	j.buf = j.buf[:0]
	j.pending, j.last = 0, time.Now()
	return err
}

func (j *journal) close() error {
	err := j.flush()
	if cerr := j.f.Close(); err == nil {
		err = cerr
	}
	return err
}
