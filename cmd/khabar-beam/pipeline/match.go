package pipeline

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
)

// matchFn lists the files a glob matches, each as a path to read, keyed
// by the branch of the pipeline that reads it (dealt in turn among
// Branches). A glob that matches no file fails the pipeline, as a missing
// PATH stops khabar parse: it is a mistake on the command line, not a bad
// file.
type matchFn struct{ Branches int }

func (f *matchFn) ProcessElement(ctx context.Context, glob string, emit func(int, string)) error {
	paths, err := match(ctx, glob)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fmt.Errorf("--input %s: no file matches", glob)
	}
	for i, p := range paths {
		emit(i%max(f.Branches, 1), p)
	}
	return nil
}

// branch is the branch of a keyed path.
func branch(b int, _ string) int { return b }

// match returns the files glob matches, in the order of their paths.
// Local globs take ** for any number of folders, as gs:// globs do; a
// local folder that a glob matches is left out.
func match(ctx context.Context, glob string) ([]string, error) {
	if !isLocal(glob) {
		fsys, err := newFS(ctx, glob)
		if err != nil {
			return nil, err
		}
		defer fsys.Close()
		return fsys.List(ctx, glob)
	}
	var paths []string
	if strings.Contains(glob, "**") {
		var err error
		if paths, err = walkGlob(glob); err != nil {
			return nil, err
		}
	} else {
		var err error
		if paths, err = filepath.Glob(glob); err != nil {
			return nil, fmt.Errorf("--input %s: %v", glob, err)
		}
	}
	files := paths[:0]
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			continue
		}
		files = append(files, p)
	}
	return files, nil
}

// isLocal reports whether path is on the local filesystem.
func isLocal(path string) bool { return !strings.Contains(path, "://") }

// walkGlob matches a local glob with **: the folders before the first
// metacharacter are walked, in lexical order, and each file's path is
// matched against the glob, where ** matches any run of characters, /
// included, **/ any run of whole folders, and *, ? and [...] stay within
// one name.
func walkGlob(glob string) ([]string, error) {
	re, err := globRegexp(filepath.ToSlash(glob))
	if err != nil {
		return nil, fmt.Errorf("--input %s: %v", glob, err)
	}
	root := glob[:strings.IndexAny(glob, "*?[")]
	if i := strings.LastIndexByte(root, '/'); i >= 0 {
		root = root[:i+1]
	} else {
		root = ""
	}
	walkRoot := root
	if walkRoot == "" {
		walkRoot = "."
	}
	var out []string
	err = filepath.WalkDir(walkRoot, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == walkRoot && os.IsNotExist(err) {
				return fs.SkipAll
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(walkRoot, p)
		if err != nil {
			return err
		}
		// The path as the glob spells its folders.
		if p = root + filepath.ToSlash(rel); re.MatchString(p) {
			out = append(out, filepath.FromSlash(p))
		}
		return nil
	})
	return out, err
}

// globRegexp turns a glob with ** into a regular expression on paths.
func globRegexp(glob string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(glob); i++ {
		switch c := glob[i]; c {
		case '*':
			switch {
			case strings.HasPrefix(glob[i:], "**/"):
				b.WriteString("(?:.*/)?")
				i += 2
			case strings.HasPrefix(glob[i:], "**"):
				b.WriteString(".*")
				i++
			default:
				b.WriteString("[^/]*")
			}
		case '?':
			b.WriteString("[^/]")
		case '[':
			j := strings.IndexByte(glob[i+1:], ']')
			if j < 0 {
				return nil, fmt.Errorf("unclosed [ in %q", glob)
			}
			class := glob[i+1 : i+1+j]
			if strings.HasPrefix(class, "!") {
				class = "^" + class[1:]
			}
			b.WriteString("[" + class + "]")
			i += j + 1
		case '\\':
			if i+1 < len(glob) {
				i++
			}
			b.WriteString(regexp.QuoteMeta(glob[i : i+1]))
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}

// exists reports whether a file exists.
func exists(ctx context.Context, fsys filesystem.Interface, name string) bool {
	_, err := fsys.Size(ctx, name)
	return err == nil
}
