package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// input is one file (or stdin) to parse.
type input struct {
	name  string // source.path: as given, relative to the folder walked, or "-"
	path  string // what to open; "" for stdin
	stdin bool
}

// open returns the input's bytes.
func (in input) open(stdin io.Reader) (io.ReadCloser, error) {
	if in.stdin {
		return io.NopCloser(stdin), nil
	}
	return os.Open(in.path)
}

// walkOptions says which files of a folder are parsed.
type walkOptions struct {
	include []string // globs on the file name; any must match
	exclude []string // globs on the name or the relative path; none may match
}

func (w walkOptions) check() error {
	for _, g := range append(append([]string{}, w.include...), w.exclude...) {
		if _, err := path.Match(g, ""); err != nil {
			return fmt.Errorf("bad glob %q", g)
		}
	}
	return nil
}

func (w walkOptions) excluded(rel string) bool {
	base := path.Base(rel)
	for _, g := range w.exclude {
		if m, _ := path.Match(g, base); m {
			return true
		}
		if m, _ := path.Match(g, rel); m {
			return true
		}
	}
	return false
}

func (w walkOptions) included(rel string) bool {
	if w.excluded(rel) {
		return false
	}
	base := path.Base(rel)
	for _, g := range w.include {
		if m, _ := path.Match(g, base); m {
			return true
		}
	}
	return len(w.include) == 0
}

// collectInputs expands the command line into inputs, in order: "-" is
// stdin, a folder is walked in lexical order, a file is taken as is
// (whatever its name). A path that does not exist is fatal.
func collectInputs(args []string, w walkOptions) ([]input, bool, error) {
	var ins []input
	walked := false
	for _, arg := range args {
		if arg == "-" {
			ins = append(ins, input{name: "-", stdin: true})
			continue
		}
		fi, err := os.Stat(arg)
		if err != nil {
			return nil, false, fatalErrorf("%s: %v", arg, pathError(err))
		}
		if !fi.IsDir() {
			ins = append(ins, input{name: arg, path: arg})
			continue
		}
		walked = true
		found, err := walkFolder(arg, w)
		if err != nil {
			return nil, false, err
		}
		ins = append(ins, found...)
	}
	return ins, walked, nil
}

// walkFolder lists the files of root that w selects. Symbolic links to
// files are followed; links to folders are not.
func walkFolder(root string, w walkOptions) ([]input, error) {
	var ins []input
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fatalErrorf("%s: %v", p, pathError(err))
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." && w.excluded(rel) {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			if err != nil || !fi.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		if w.included(rel) {
			ins = append(ins, input{name: rel, path: p})
		}
		return nil
	})
	return ins, err
}

// readFilesFrom reads one path a line; blank lines are skipped.
func readFilesFrom(r io.Reader) ([]string, error) {
	var paths []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		p := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(p) != "" {
			paths = append(paths, p)
		}
	}
	return paths, sc.Err()
}

// pathError drops the operation and path that *fs.PathError repeats.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
