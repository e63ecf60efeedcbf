package batch

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"sync"
)

// maxOpenDirs bounds the folders of DST held open at once. The walk goes
// folder by folder, so few are in use at a time.
const maxOpenDirs = 64

// outDir is a folder of DST held open, so that a name in it resolves with
// one system call instead of one per path component.
type outDir struct {
	*os.Root
	dir   *os.File        // the folder itself, for the calls made by descriptor
	fd    int             // dir's descriptor
	had   map[string]bool // names there when the folder was opened
	refs  int
	dirty bool // Sync: an output was renamed into it since it was last synced
}

// dirs opens the folders of DST, each once while in use.
type dirs struct {
	root  *os.Root
	sync  bool // sync outputs and their folders (Options.Sync)
	mu    sync.Mutex
	open  map[string]*outDir
	dirty []*outDir // Sync: folders an output was renamed into, not yet synced
}

// acquire returns the folder dir of DST, creating it if create is set; nil
// if it does not exist and create is not set. Release it after use.
func (d *dirs) acquire(dir string, create bool) (*outDir, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if od := d.open[dir]; od != nil {
		od.refs++
		return od, nil
	}
	if create && dir != "." {
		_, err := d.root.Lstat(dir)
		if err := d.root.MkdirAll(dir, 0o777); err != nil {
			return nil, err
		}
		if d.sync && errors.Is(err, fs.ErrNotExist) {
			// New folders: their names in the folders above must be
			// durable too.
			if err := d.syncParents(dir); err != nil {
				return nil, err
			}
		}
	}
	r, err := d.root.OpenRoot(dir)
	if errors.Is(err, fs.ErrNotExist) && !create {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	od, err := openOutDir(r)
	if err != nil {
		r.Close()
		return nil, err
	}
	if d.open == nil {
		d.open = map[string]*outDir{}
	}
	if len(d.open) >= maxOpenDirs {
		for name, od := range d.open {
			if od.refs == 0 && !od.dirty {
				od.close()
				delete(d.open, name)
			}
		}
	}
	d.open[dir] = od
	return od, nil
}

func (d *dirs) release(od *outDir) {
	d.mu.Lock()
	od.refs--
	d.mu.Unlock()
}

// syncParents syncs the folders above dir, up to DST itself.
func (d *dirs) syncParents(dir string) error {
	for dir != "." {
		dir = path.Dir(dir)
		f, err := d.root.Open(dir)
		if err != nil {
			return err
		}
		err = syncDirFile(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// renamed notes, with Sync, that an output was renamed into od: syncDirty
// syncs od before the manifest records that output.
func (d *dirs) renamed(od *outDir) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !od.dirty {
		od.dirty = true
		od.refs++ // kept open until synced
		d.dirty = append(d.dirty, od)
	}
}

// syncDirty syncs the folders outputs were renamed into since the last
// call: one sync a folder for many outputs.
func (d *dirs) syncDirty() error {
	d.mu.Lock()
	list := d.dirty
	d.dirty = nil
	for _, od := range list {
		od.dirty = false
	}
	d.mu.Unlock()
	var first error
	for _, od := range list {
		if err := od.syncDir(); err != nil && first == nil {
			first = err
		}
		d.release(od)
	}
	return first
}

func (d *dirs) closeAll() {
	for _, od := range d.open {
		od.close()
	}
	d.open = nil
}

// openOutDir opens the folder of r and reads what it holds before this
// run touches it, which tells the stale outputs there are to remove
// without a failed unlink for each file.
func openOutDir(r *os.Root) (*outDir, error) {
	f, err := r.Open(".")
	if err != nil {
		return nil, err
	}
	list, err := f.Readdirnames(-1)
	if err != nil {
		f.Close()
		return nil, err
	}
	od := &outDir{Root: r, dir: f, had: make(map[string]bool, len(list)), refs: 1}
	for _, n := range list {
		od.had[n] = true
	}
	if od.fd, err = dirFD(f); err != nil {
		f.Close()
		return nil, err
	}
	return od, nil
}

func (od *outDir) close() {
	od.dir.Close()
	od.Root.Close()
}

// removeStale removes base from od if it was there before this run; a
// name this run wrote is never passed here.
func (od *outDir) removeStale(base string) error {
	if !od.had[base] {
		return nil
	}
	err := od.Remove(base)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// split cuts an output path of DST into its folder and name.
func split(p string) (dir, base string) {
	return path.Dir(p), path.Base(p)
}
