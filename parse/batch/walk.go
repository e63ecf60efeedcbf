package batch

import (
	"errors"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// srcFile is a file of SRC to convert.
type srcFile struct {
	rel  string // slash-separated, relative to SRC
	abs  string
	size int64 // -1 when the walk did not ask (walker.sizes)
}

// walkItem is what the walk meets: a file, or a problem (a folder that
// cannot be read, a symlink loop), and the folder it is in.
type walkItem struct {
	file    srcFile // when problem is nil
	problem *FileResult
	dir     *walkDir
}

// walkDir is a folder of SRC the walk is in.
type walkDir struct {
	rel    string // "" for SRC
	parent *walkDir
	// owners maps the stem of a file's name to the first file of the
	// folder with that stem, whose output it is: the whole folder is
	// known before its first file is yielded, so the merge with the
	// manifest can ask about a name the walk has not reached yet.
	owners map[string]string
}

// owner returns the file of this folder whose output has the stem of
// name, if any; none for a nil folder.
func (d *walkDir) owner(name string) (string, bool) {
	if d == nil {
		return "", false
	}
	o, ok := d.owners[stem(name)]
	return o, ok
}

// walker lists the files of SRC in a fixed order, without keeping them:
// names sorted within each folder, depth first; that is the order of
// comparePaths. Only the folders from SRC down to the one being listed
// are held.
type walker struct {
	include, exclude []string
	follow           bool
	sizes            bool          // stat each file for its size
	skip             []fs.FileInfo // folders not to enter (DST)
}

// all yields what the walk of src, whose FileInfo is info, meets.
func (w *walker) all(src string, info fs.FileInfo) iter.Seq[walkItem] {
	return func(yield func(walkItem) bool) {
		w.walk(src, &walkDir{}, []fs.FileInfo{info}, yield)
	}
}

// found is an entry of a folder, resolved: a file, a folder to enter, or
// a problem.
type found struct {
	name, rel, abs string
	kind           foundKind
	size           int64
	info           fs.FileInfo // a folder's
	state          State       // a problem's
	reason         string
}

type foundKind uint8

const (
	foundFile foundKind = iota
	foundDir
	foundProblem
)

// walk lists dir, whose folder is d, and yields what it meets; ancestors
// are the folders above it, itself included, to detect symlink loops. It
// reports whether to go on.
func (w *walker) walk(dir string, d *walkDir, ancestors []fs.FileInfo, yield func(walkItem) bool) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		p := &FileResult{Path: d.rel, State: Failed, Reason: "cannot read folder: " + pathErr(err)}
		if !yield(walkItem{problem: p, dir: d.parentOr()}) {
			return false
		}
	}
	list := make([]found, 0, len(entries))
	for _, e := range entries {
		if f, ok := w.resolve(dir, d.rel, e, ancestors); ok {
			list = append(list, f)
		}
	}
	entries = nil
	for _, f := range list {
		if f.kind != foundFile {
			continue
		}
		if d.owners == nil {
			d.owners = map[string]string{}
		}
		if s := stem(f.name); d.owners[s] == "" {
			d.owners[s] = f.rel
		}
	}
	for _, f := range list {
		switch f.kind {
		case foundFile:
			if !yield(walkItem{file: srcFile{rel: f.rel, abs: f.abs, size: f.size}, dir: d}) {
				return false
			}
		case foundProblem:
			p := &FileResult{Path: f.rel, State: f.state, Reason: f.reason}
			if !yield(walkItem{problem: p, dir: d}) {
				return false
			}
		case foundDir:
			sub := &walkDir{rel: f.rel, parent: d}
			if !w.walk(f.abs, sub, append(ancestors[:len(ancestors):len(ancestors)], f.info), yield) {
				return false
			}
		}
	}
	return true
}

// parentOr is the folder above d, or d for SRC.
func (d *walkDir) parentOr() *walkDir {
	if d.parent != nil {
		return d.parent
	}
	return d
}

// resolve says what the entry e of dir is; false for what the walk does
// not take.
func (w *walker) resolve(dir, rel string, e fs.DirEntry, ancestors []fs.FileInfo) (found, bool) {
	f := found{name: e.Name(), rel: e.Name(), abs: joinName(dir, e.Name()), size: -1}
	if rel != "" {
		f.rel = rel + "/" + f.rel
	}
	problem := func(s State, reason string) (found, bool) {
		f.kind, f.state, f.reason = foundProblem, s, reason
		return f, true
	}
	switch t := e.Type(); {
	case t.IsDir():
		if w.excluded(f.name, f.rel) {
			return f, false
		}
		fi, err := e.Info()
		if err != nil {
			return problem(Failed, "cannot read folder: "+pathErr(err))
		}
		return w.dir(f, fi)
	case t&fs.ModeSymlink != 0:
		return w.symlink(f, ancestors)
	case t.IsRegular():
		if !w.wanted(f.name, f.rel) {
			return f, false
		}
		if w.sizes {
			fi, err := e.Info()
			if err != nil {
				return problem(Failed, "cannot read: "+pathErr(err))
			}
			f.size = fi.Size()
		}
		return f, true
	}
	// Other kinds (fifos, sockets, devices) are not dumps, and reading
	// a fifo would block.
	return f, false
}

// dir takes the folder f unless it is one not to enter.
func (w *walker) dir(f found, fi fs.FileInfo) (found, bool) {
	for _, s := range w.skip {
		if os.SameFile(fi, s) {
			return f, false
		}
	}
	f.kind, f.info = foundDir, fi
	return f, true
}

// symlink follows a link to a file always, and a link to a folder only
// with --follow, refusing a folder that is its own ancestor.
func (w *walker) symlink(f found, ancestors []fs.FileInfo) (found, bool) {
	fi, err := os.Stat(f.abs)
	switch {
	case err != nil:
		if w.wanted(f.name, f.rel) {
			f.kind, f.state, f.reason = foundProblem, Failed, "cannot read: "+pathErr(err)
			return f, true
		}
	case fi.IsDir():
		if !w.follow || w.excluded(f.name, f.rel) {
			return f, false
		}
		for _, a := range ancestors {
			if os.SameFile(fi, a) {
				f.kind, f.state, f.reason = foundProblem, Skipped, "symlink loop: not followed"
				return f, true
			}
		}
		return w.dir(f, fi)
	case fi.Mode().IsRegular():
		if w.wanted(f.name, f.rel) {
			f.size = fi.Size()
			return f, true
		}
	}
	return f, false
}

// joinName is filepath.Join(dir, name) for a clean dir and a name read
// from it, without cleaning again.
func joinName(dir, name string) string {
	if os.IsPathSeparator(dir[len(dir)-1]) {
		return dir + name
	}
	return dir + string(filepath.Separator) + name
}

// wanted reports whether a file matches an include pattern and no exclude
// pattern.
func (w *walker) wanted(name, rel string) bool {
	return matchAny(w.include, name, rel) && !w.excluded(name, rel)
}

func (w *walker) excluded(name, rel string) bool { return matchAny(w.exclude, name, rel) }

// matchAny matches a pattern holding a slash against the path from SRC,
// any other against the base name, as rsync and ripgrep do.
func matchAny(patterns []string, name, rel string) bool {
	for _, p := range patterns {
		subject := name
		if strings.Contains(p, "/") {
			subject = rel
		}
		if ok, _ := path.Match(p, subject); ok {
			return true
		}
	}
	return false
}

// CheckPattern reports whether p is a valid --include or --exclude glob.
func CheckPattern(p string) error {
	_, err := path.Match(p, "")
	return err
}

// pathErr is the reason of a file system error without the operations
// and paths it wraps, which the message already carries.
func pathErr(err error) string {
	var pe *fs.PathError
	for errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	return err.Error()
}
