package batch

import (
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

// createTemp creates a new temp file in dir, a folder of root.
func createTemp(root *os.Root, dir string) (*os.File, string, error) {
	for {
		name := path.Join(dir, tempFileName())
		f, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
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
	f, tmp, err := createTemp(root, path.Dir(name))
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil && sync {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = root.Rename(tmp, name)
	}
	if err != nil {
		root.Remove(tmp)
		return err
	}
	if !sync {
		return nil
	}
	d, err := root.Open(path.Dir(name))
	if err != nil {
		return err
	}
	err = syncDirFile(d)
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
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
