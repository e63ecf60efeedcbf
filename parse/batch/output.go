package batch

import (
	"bufio"
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"regexp"
)

// Temp files are named .khabar-<16 hex digits>.tmp; a run removes any it
// finds in DST, left there by a run that was killed.
var tempName = regexp.MustCompile(`^\.khabar-[0-9a-f]{16}\.tmp$`)

// tempFileName returns a new name for a temp file.
func tempFileName() string {
	const hex = "0123456789abcdef"
	b := []byte(".khabar-0123456789abcdef.tmp")
	for i, r := 0, rand.Uint64(); i < 16; i, r = i+1, r>>4 {
		b[len(".khabar-")+15-i] = hex[r&0xF]
	}
	return string(b)
}

// createTemp creates a new temp file in dir, a folder of root, for
// writing.
func createTemp(root *os.Root, dir string) (*os.File, string, error) {
	return openTemp(root, dir, os.O_WRONLY)
}

// openTemp creates a new temp file in dir, a folder of root, opened with
// flag (os.O_WRONLY or os.O_RDWR).
func openTemp(root *os.Root, dir string, flag int) (*os.File, string, error) {
	for {
		name := path.Join(dir, tempFileName())
		f, err := root.OpenFile(name, flag|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, name, err
	}
}

// writeFileAtomic writes data to name in root by temp file and rename.
// With sync, the temp file is synced before the rename and the folder
// after it: after a power loss, name holds the old bytes or the new ones.
func writeFileAtomic(root *os.Root, name string, data []byte, sync bool) error {
	a, err := createAtomic(root, name, sync)
	if err != nil {
		return err
	}
	if _, err := a.Write(data); err != nil {
		a.abort()
		return err
	}
	return a.commit()
}

// atomicFile is a file of root written as writeFileAtomic writes it, a
// piece at a time.
type atomicFile struct {
	root      *os.Root
	name, tmp string
	f         *os.File
	w         *bufio.Writer
	sync      bool
}

func createAtomic(root *os.Root, name string, sync bool) (*atomicFile, error) {
	f, tmp, err := createTemp(root, path.Dir(name))
	if err != nil {
		return nil, err
	}
	return &atomicFile{root: root, name: name, tmp: tmp, f: f, w: bufio.NewWriterSize(f, 64<<10), sync: sync}, nil
}

func (a *atomicFile) Write(p []byte) (int, error) { return a.w.Write(p) }

// commit puts the file in place.
func (a *atomicFile) commit() error {
	err := a.w.Flush()
	if err == nil && a.sync {
		err = a.f.Sync()
	}
	if cerr := a.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = a.root.Rename(a.tmp, a.name)
	}
	if err != nil {
		a.root.Remove(a.tmp)
		return err
	}
	if !a.sync {
		return nil
	}
	d, err := a.root.Open(path.Dir(a.name))
	if err != nil {
		return err
	}
	err = syncDirFile(d)
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// abort removes the temp file.
func (a *atomicFile) abort() {
	a.f.Close()
	a.root.Remove(a.tmp)
}

// removeTemps removes the temp files of killed runs from DST. It does not
// enter skip, the path of SRC when SRC lies inside DST, and follows no
// symlink.
func removeTemps(root *os.Root, skip string) error {
	return fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p == skip {
			return fs.SkipDir
		}
		if d.Type().IsRegular() && tempName.MatchString(d.Name()) {
			return root.Remove(p)
		}
		return nil
	})
}
