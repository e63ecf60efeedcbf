package batch

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
)

// openPrev opens the manifest of DST for the merge with the walk: its
// entries, one a source, in walk order, read a line at a time. A manifest
// that is not in that order (see isSorted) is sorted first: with Check
// into a scratch file; otherwise into the manifest itself, by temp file
// and rename, which also sheds the lines a killed run appended. A missing
// manifest is empty; unless Check, an empty one is created for the
// journal, which proves DST writable before any work is done.
func (r *runner) openPrev() (*entryReader, error) {
	empty := newEntryReader(bytes.NewReader(nil))
	if r.root == nil {
		return empty, nil
	}
	f, size, err := r.openManifest()
	if errors.Is(err, fs.ErrNotExist) {
		if r.opts.Check {
			return empty, nil
		}
		return empty, writeFileAtomic(r.root, manifestName, nil, r.opts.Sync)
	}
	if err != nil {
		return nil, err
	}
	sorted, err := isSorted(io.NewSectionReader(f, 0, size))
	if err != nil {
		return nil, err
	}
	if sorted {
		return newEntryReader(io.NewSectionReader(f, 0, size)), nil
	}
	if r.opts.Check {
		tmp, done, err := r.scratch()
		if err != nil {
			return nil, err
		}
		r.closers = append(r.closers, done)
		if err := sortManifest(io.NewSectionReader(f, 0, size), tmp, r.scratch); err != nil {
			return nil, err
		}
		if _, err := tmp.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
		return newEntryReader(tmp), nil
	}
	a, err := createAtomic(r.root, manifestName, r.opts.Sync)
	if err != nil {
		return nil, err
	}
	if err := sortManifest(io.NewSectionReader(f, 0, size), a, r.scratch); err != nil {
		a.abort()
		return nil, err
	}
	if err := a.commit(); err != nil {
		return nil, err
	}
	if f, size, err = r.openManifest(); err != nil {
		return nil, err
	}
	return newEntryReader(io.NewSectionReader(f, 0, size)), nil
}

// openManifest opens the manifest for reading, to be closed with the
// run, and returns its size: the lines the journal appends later are not
// read.
func (r *runner) openManifest() (*os.File, int64, error) {
	f, err := r.root.Open(manifestName)
	if err != nil {
		return nil, 0, err
	}
	r.closers = append(r.closers, func() { f.Close() })
	fi, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	return f, fi.Size(), nil
}

// scratch creates a file for what a run holds on disk rather than in
// memory, and returns the function that removes it. It is in DST, whose
// temp files a killed run leaves for the next to remove, unless Check,
// which writes nothing there: then in the system's temp folder.
func (r *runner) scratch() (*os.File, func(), error) {
	if r.root != nil && !r.opts.Check {
		f, name, err := openTemp(r.root, ".", os.O_RDWR)
		if err != nil {
			return nil, nil, err
		}
		return f, func() { f.Close(); r.root.Remove(name) }, nil
	}
	f, err := os.CreateTemp("", "khabar-batch-*.tmp")
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close(); os.Remove(f.Name()) }, nil
}
