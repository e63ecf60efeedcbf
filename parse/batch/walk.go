package batch

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// srcFile is a file of SRC to convert.
type srcFile struct {
	rel   string // slash-separated, relative to SRC
	abs   string
	size  int64 // -1 when the walk did not ask (walker.sizes)
	order int   // in the walk, shared with problems
}

// walker lists the files of SRC in a fixed order: names sorted within each
// folder, depth first.
type walker struct {
	include, exclude []string
	follow           bool
	sizes            bool          // stat each file for its size
	skip             []fs.FileInfo // folders not to enter (DST)
	files            []srcFile
	problems         []FileResult // folders that cannot be read, symlink loops
	n                int          // files and problems so far
}

// walk lists dir; rel is its path from SRC ("" for SRC), ancestors the
// folders above it, itself included, to detect symlink loops.
func (w *walker) walk(dir, rel string, ancestors []fs.FileInfo) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.problem(rel, Failed, "cannot read folder: "+pathErr(err))
	}
	for _, e := range entries {
		abs := joinName(dir, e.Name())
		r := e.Name()
		if rel != "" {
			r = rel + "/" + r
		}
		switch t := e.Type(); {
		case t.IsDir():
			if w.excluded(e.Name(), r) {
				continue
			}
			fi, err := e.Info()
			if err != nil {
				w.problem(r, Failed, "cannot read folder: "+pathErr(err))
				continue
			}
			w.dir(abs, r, fi, ancestors)
		case t&fs.ModeSymlink != 0:
			w.symlink(abs, r, e.Name(), ancestors)
		case t.IsRegular():
			if w.wanted(e.Name(), r) {
				w.file(abs, r, e)
			}
		}
		// Other kinds (fifos, sockets, devices) are not dumps, and reading
		// a fifo would block.
	}
}

func (w *walker) dir(abs, rel string, fi fs.FileInfo, ancestors []fs.FileInfo) {
	for _, s := range w.skip {
		if os.SameFile(fi, s) {
			return
		}
	}
	w.walk(abs, rel, append(ancestors[:len(ancestors):len(ancestors)], fi))
}

// symlink follows a link to a file always, and a link to a folder only
// with --follow, refusing a folder that is its own ancestor.
func (w *walker) symlink(abs, rel, name string, ancestors []fs.FileInfo) {
	fi, err := os.Stat(abs)
	switch {
	case err != nil:
		if w.wanted(name, rel) {
			w.problem(rel, Failed, "cannot read: "+pathErr(err))
		}
	case fi.IsDir():
		if !w.follow || w.excluded(name, rel) {
			return
		}
		for _, a := range ancestors {
			if os.SameFile(fi, a) {
				w.problem(rel, Skipped, "symlink loop: not followed")
				return
			}
		}
		w.dir(abs, rel, fi, ancestors)
	case fi.Mode().IsRegular():
		if w.wanted(name, rel) {
			w.add(srcFile{rel: rel, abs: abs, size: fi.Size()})
		}
	}
}

func (w *walker) file(abs, rel string, e fs.DirEntry) {
	if !w.sizes {
		w.add(srcFile{rel: rel, abs: abs, size: -1})
		return
	}
	fi, err := e.Info()
	if err != nil {
		w.problem(rel, Failed, "cannot read: "+pathErr(err))
		return
	}
	w.add(srcFile{rel: rel, abs: abs, size: fi.Size()})
}

func (w *walker) add(f srcFile) {
	f.order = w.n
	w.n++
	w.files = append(w.files, f)
}

func (w *walker) problem(rel string, s State, reason string) {
	w.problems = append(w.problems, FileResult{Path: rel, State: s, Reason: reason, index: w.n})
	w.n++
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
