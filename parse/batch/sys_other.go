//go:build !unix

package batch

import (
	"bytes"
	"os"
	"runtime"
)

// readSmall opens the file name and, when it holds at most limit bytes,
// reads it whole into b[:0]. It returns the file's size: the bytes read,
// or when over limit, its size on opening (nothing read).
func readSmall(name string, limit int64, b []byte) ([]byte, int64, error) {
	f, err := os.Open(name)
	if err != nil {
		return b, 0, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return b, 0, err
	}
	if fi.Size() > limit {
		return b, fi.Size(), nil
	}
	buf := bytes.NewBuffer(b[:0])
	_, err = buf.ReadFrom(f)
	return buf.Bytes(), int64(buf.Len()), err
}

func dirFD(f *os.File) (int, error) { return -1, nil }

// writeTemp writes data to a new temp file in od, synced if sync is set,
// and returns its name.
func (od *outDir) writeTemp(data []byte, sync bool) (string, error) {
	f, name, err := createTemp(od.Root, ".")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil && sync {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		od.Remove(name)
		return "", err
	}
	return name, nil
}

func (od *outDir) rename(from, to string) error { return od.Rename(from, to) }

// syncDir syncs the folder od, where the system can.
func (od *outDir) syncDir() error { return syncDirFile(od.dir) }

// syncDirFile syncs the folder f, where the system can: Windows cannot
// sync a folder, and makes a rename durable without it.
func syncDirFile(f *os.File) error {
	if err := f.Sync(); err != nil && runtime.GOOS != "windows" {
		return err
	}
	return nil
}
