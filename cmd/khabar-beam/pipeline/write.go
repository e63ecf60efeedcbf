package pipeline

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
)

// writeShards writes the records of col as JSON Lines shards
// PREFIX-SSSSS-of-NNNNN.jsonl. Each bundle of records is written where it
// is made, to a temporary file of its own, so records cross no shuffle;
// once every bundle is done, one step names the temporary files as
// shards. A bundle that fails and is retried leaves a temporary file that
// no shard names, and that step removes it. A run with no record writes
// one empty shard.
func writeShards(s beam.Scope, prefix, runID string, cols ...beam.PCollection) {
	s = s.Scope("WriteShards")
	// "" so that the group of names is there when no record is.
	temps := []beam.PCollection{beam.Create(s, "")}
	for _, col := range cols {
		temps = append(temps, beam.ParDo(s, &writeFn{Prefix: prefix, RunID: runID}, col))
	}
	// One group holds every temporary file's name.
	all := beam.GroupByKey(s, beam.AddFixedKey(s, beam.Flatten(s, temps...)))
	beam.ParDo0(s, &finalizeFn{Prefix: prefix, RunID: runID}, all)
}

// tempPrefix is the start of the names of a run's temporary files.
func tempPrefix(prefix, runID string) string { return prefix + ".tmp-" + runID + "-" }

// shardName is the name of shard i of n.
func shardName(prefix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.jsonl", prefix, i, n)
}

// writeFn writes the records of a bundle to a temporary file, and emits
// its name when the bundle ends.
type writeFn struct {
	Prefix string
	RunID  string

	fsys fileSystems
	name string
	w    io.WriteCloser
	bw   *bufio.Writer
}

func (f *writeFn) Teardown() { f.fsys.close() }

func (f *writeFn) StartBundle(_ func(string)) { f.w, f.bw, f.name = nil, nil, "" }

func (f *writeFn) ProcessElement(ctx context.Context, rec []byte, _ func(string)) error {
	if f.w == nil {
		fs, err := f.fsys.get(ctx, f.Prefix)
		if err != nil {
			return err
		}
		f.name = tempPrefix(f.Prefix, f.RunID) + randomID()
		if f.w, err = fs.OpenWrite(ctx, f.name); err != nil {
			return err
		}
		if f.bw == nil {
			f.bw = bufio.NewWriterSize(f.w, 1<<20)
		} else {
			f.bw.Reset(f.w)
		}
	}
	_, err := f.bw.Write(rec)
	return err
}

func (f *writeFn) FinishBundle(emit func(string)) error {
	if f.w == nil {
		return nil
	}
	err := f.bw.Flush()
	if cerr := f.w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %v", f.name, err)
	}
	emit(f.name)
	f.w = nil
	return nil
}

// finalizeFn names the temporary files of the bundles that succeeded as
// the shards of the output, in the order of their names, removes the
// shards of an earlier run with the same prefix that this run does not
// replace, and the temporary files of failed bundles. It can run again
// after a failure: a file already moved is left as it is.
type finalizeFn struct {
	Prefix string
	RunID  string
}

func (f *finalizeFn) ProcessElement(ctx context.Context, _ int, temps func(*string) bool) error {
	var names []string
	var name string
	for temps(&name) {
		if name != "" {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	names = slices.Compact(names)
	fs, err := newFS(ctx, f.Prefix)
	if err != nil {
		return err
	}
	defer fs.Close()
	n := max(len(names), 1)
	shards := map[string]bool{}
	for i := range n {
		shards[shardName(f.Prefix, i, n)] = true
	}
	// Shards of an earlier run that this run does not overwrite.
	if !hasMeta(f.Prefix) {
		old, _ := fs.List(ctx, f.Prefix+"-?????-of-?????.jsonl")
		for _, o := range old {
			if !shards[o] {
				if err := remove(ctx, fs, o); err != nil {
					return fmt.Errorf("remove %s: %v", o, err)
				}
			}
		}
	}
	if len(names) == 0 {
		w, err := fs.OpenWrite(ctx, shardName(f.Prefix, 0, 1))
		if err != nil {
			return err
		}
		return w.Close()
	}
	for i, src := range names {
		dst := shardName(f.Prefix, i, n)
		if err := move(ctx, fs, src, dst); err != nil {
			if !exists(ctx, fs, src) && exists(ctx, fs, dst) {
				continue // moved by an earlier attempt
			}
			return fmt.Errorf("move %s to %s: %v", src, dst, err)
		}
	}
	// Temporary files of bundles that failed and were retried.
	if !hasMeta(f.Prefix) {
		left, _ := fs.List(ctx, tempPrefix(f.Prefix, f.RunID)+"*")
		for _, l := range left {
			if err := remove(ctx, fs, l); err != nil {
				log.Warnf(ctx, "remove %s: %v", l, err)
			}
		}
	}
	log.Infof(ctx, "wrote %d shards %s", n, shardName(f.Prefix, 0, n))
	return nil
}

// move renames src to dst, or copies and removes it on a filesystem that
// cannot rename (s3).
func move(ctx context.Context, fs filesystem.Interface, src, dst string) error {
	if r, ok := fs.(filesystem.Renamer); ok {
		return r.Rename(ctx, src, dst)
	}
	if c, ok := fs.(filesystem.Copier); ok {
		if err := c.Copy(ctx, src, dst); err != nil {
			return err
		}
	} else {
		if err := copyFile(ctx, fs, src, dst); err != nil {
			return err
		}
	}
	return remove(ctx, fs, src)
}

func copyFile(ctx context.Context, fs filesystem.Interface, src, dst string) error {
	r, err := fs.OpenRead(ctx, src)
	if err != nil {
		return err
	}
	defer r.Close()
	w, err := fs.OpenWrite(ctx, dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, r); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

func remove(ctx context.Context, fs filesystem.Interface, name string) error {
	if r, ok := fs.(filesystem.Remover); ok {
		return r.Remove(ctx, name)
	}
	return fmt.Errorf("%T cannot remove files", fs)
}

// hasMeta reports whether a prefix holds a glob metacharacter, so that
// the names it starts cannot be listed with a glob.
func hasMeta(prefix string) bool { return strings.ContainsAny(prefix, "*?[]\\{}") }

// randomID returns 16 random hex digits.
func randomID() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
