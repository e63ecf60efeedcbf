package batch

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/khabar/khabar/parse"
)

// results lists the problems of a summary as "state path output".
func results(sum *Summary) []string {
	var got []string
	for _, p := range sum.Problems {
		got = append(got, strings.TrimSpace(p.State.String()+" "+p.Path+" "+p.Output))
	}
	return got
}

// An output whose source is gone or now excluded is an orphan: Check
// lists it, a run keeps it, Prune removes it and nothing else.
func TestOrphans(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, map[string]string{"a.txt": "a", "b.txt": "b", "c/d.txt": "d\n---\nd2", "c/e.txt": "e"})
	run(t, src, dst, Options{})
	must(t, os.Remove(filepath.Join(src, "b.txt")))
	// Files of DST that no manifest entry names: never touched.
	writeTree(t, dst, map[string]string{"notes.txt": "mine", "c/extra.json": "{}", "b.jsonl": "not khabar's"})
	opts := Options{Exclude: []string{"c/d.txt"}}

	check := opts
	check.Check = true
	before := readTree(t, dst)
	sum := run(t, src, dst, check)
	want := []string{"orphan b.txt b.json", "orphan c/d.txt c/d.jsonl"}
	if got := results(sum); !slices.Equal(got, want) || sum.Orphans != 2 || sum.UpToDate != 2 {
		t.Fatalf("check: %q, %d orphans, %d up to date; want %q, 2, 2", got, sum.Orphans, sum.UpToDate, want)
	}
	if !maps.Equal(readTree(t, dst), before) {
		t.Errorf("check wrote into DST")
	}

	// A run without Prune keeps them, and their entries.
	sum = run(t, src, dst, opts)
	if got := results(sum); !slices.Equal(got, want) || sum.Orphans != 2 {
		t.Errorf("run: %q, want %q", got, want)
	}
	if !maps.Equal(readTree(t, dst), before) {
		t.Errorf("a run without Prune changed DST")
	}

	prune := opts
	prune.Prune = true
	sum = run(t, src, dst, prune)
	want = []string{"pruned b.txt b.json", "pruned c/d.txt c/d.jsonl"}
	if got := results(sum); !slices.Equal(got, want) || sum.Pruned != 2 || sum.Orphans != 0 {
		t.Errorf("prune: %q, %d pruned; want %q, 2", got, sum.Pruned, want)
	}
	after := readTree(t, dst)
	for name := range before {
		_, kept := after[name]
		if gone := name == "b.json" || name == "c/d.jsonl"; kept == gone && name != manifestName {
			t.Errorf("%s: kept %v after Prune", name, kept)
		}
	}
	m, err := readManifestFile(dst)
	must(t, err)
	if got := slices.Sorted(maps.Keys(m)); !slices.Equal(got, []string{"a.txt", "c/e.txt"}) {
		t.Errorf("manifest after Prune: %q", got)
	}
	if sum := run(t, src, dst, check); sum.Orphans != 0 || len(sum.Problems) != 0 {
		t.Errorf("check after Prune: %q", results(sum))
	}
}

// Only a file the manifest records, with the size it records, is
// removed: an output replaced by the user, or one that another source
// has now, is not an orphan.
func TestOrphanNotOurs(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, map[string]string{"a.txt": "a", "b.txt": "b", "c.txt": "c"})
	run(t, src, dst, Options{})
	must(t, os.Remove(filepath.Join(src, "a.txt")))
	must(t, os.Remove(filepath.Join(src, "b.txt")))
	writeTree(t, src, map[string]string{"b.md": "b from markdown"})
	writeTree(t, dst, map[string]string{"a.json": "replaced by hand"})

	sum := run(t, src, dst, Options{Include: []string{"*.txt", "*.md"}, Prune: true})
	if sum.Pruned != 0 || sum.Orphans != 0 || sum.Converted != 1 {
		t.Errorf("%q: %d pruned, %d converted; want none pruned, 1 converted", results(sum), sum.Pruned, sum.Converted)
	}
	tree := readTree(t, dst)
	if tree["a.json"] != "replaced by hand" {
		t.Errorf("a file the user put in place of an output was removed")
	}
	if !strings.Contains(tree["b.json"], "b from markdown") {
		t.Errorf("b.json is not b.md's: %q", tree["b.json"])
	}
	m, err := readManifestFile(dst)
	must(t, err)
	if got := slices.Sorted(maps.Keys(m)); !slices.Equal(got, []string{"b.md", "c.txt"}) {
		t.Errorf("manifest: %q, want the entries of b.md and c.txt only", got)
	}
}

// A source below a folder the walk cannot read, or a symlink loop it
// does not follow, is not taken for gone.
func TestOrphanBelowProblem(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, map[string]string{"a.txt": "a", "d/loop/b.txt": "b", "locked/c.txt": "c"})
	run(t, src, dst, Options{Follow: true})
	must(t, os.RemoveAll(filepath.Join(src, "d", "loop")))
	must(t, os.Symlink(".", filepath.Join(src, "d", "loop")))
	want := 1
	if os.Geteuid() != 0 { // root reads any folder
		must(t, os.Chmod(filepath.Join(src, "locked"), 0))
		defer os.Chmod(filepath.Join(src, "locked"), 0o755)
		want = 2
	}
	sum := run(t, src, dst, Options{Follow: true, Prune: true})
	if sum.Pruned != 0 || sum.Failed+sum.Skipped != want {
		t.Errorf("%q: want nothing pruned", results(sum))
	}
	for _, out := range []string{"d/loop/b.json", "locked/c.json"} {
		if _, err := os.Stat(filepath.Join(dst, out)); err != nil {
			t.Errorf("%s was removed", out)
		}
	}
}

// After --split changes, a run leaves only the outputs of the new kind.
func TestPruneAfterSplitChange(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, map[string]string{"a.txt": "خبر أول\n\f\nخبر ثان\n", "b.txt": "خبر\n"})
	writeTree(t, dst, map[string]string{"keep.jsonl": "mine"})
	runParsed(t, src, dst, Options{})
	if got := outputs(readTree(t, dst)); !slices.Equal(got, []string{"a.jsonl", "b.json", "keep.jsonl"}) {
		t.Fatalf("outputs: %q", got)
	}
	split := Options{Prune: true}
	split.Parse.Split = "none"
	runParsed(t, src, dst, split)
	if got := outputs(readTree(t, dst)); !slices.Equal(got, []string{"a.json", "b.json", "keep.jsonl"}) {
		t.Errorf("outputs after --split none: %q", got)
	}
}

// A second run on the same DST fails at once while the first holds it,
// naming the process; Check goes ahead. The lock file goes with the run.
func TestLock(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, map[string]string{"a.txt": "a"})
	root, err := os.OpenRoot(dst)
	must(t, err)
	defer root.Close()
	l, err := lockDst(root, dst)
	must(t, err)
	if l == nil {
		t.Skip("no file lock here")
	}
	parseFunc = fakeParse
	defer func() { parseFunc = parse.Parse }()
	_, err = Run(context.Background(), src, dst, Options{})
	var le *LockedError
	if !errors.As(err, &le) || le.PID != os.Getpid() || !strings.Contains(err.Error(), dst) {
		t.Fatalf("second run: %v, want a *LockedError naming %s and process %d", err, dst, os.Getpid())
	}
	if _, err := os.Stat(filepath.Join(dst, manifestName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the refused run wrote the manifest")
	}
	if sum := run(t, src, dst, Options{Check: true}); sum.Missing != 1 {
		t.Errorf("check while locked: %d missing, want 1", sum.Missing)
	}
	l.release()
	if sum := run(t, src, dst, Options{}); sum.Converted != 1 {
		t.Errorf("run after the lock is released: %d converted, want 1", sum.Converted)
	}
	if _, err := os.Stat(filepath.Join(dst, LockName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock file is left after the run: %v", err)
	}
}

// Sync changes nothing in what is written: outputs written in one go,
// streamed, or already there, the manifest and the learned furniture.
func TestSync(t *testing.T) {
	src, plain, synced := t.TempDir(), t.TempDir(), t.TempDir()
	var many []string
	for i := range 2000 {
		many = append(many, strings.Repeat("x", 40)+string(rune('a'+i%26)))
	}
	writeTree(t, src, map[string]string{"a.txt": "a", "b/c.txt": "c\n---\nc2", "big.txt": strings.Join(many, "\n---\n")})
	run(t, src, plain, Options{})
	sum := run(t, src, synced, Options{Sync: true})
	if sum.Converted != 3 {
		t.Fatalf("%d converted, want 3", sum.Converted)
	}
	if !maps.Equal(readTree(t, plain), readTree(t, synced)) {
		t.Errorf("Sync changes the tree")
	}
	if sum := run(t, src, synced, Options{Sync: true, Force: true}); sum.Converted != 3 {
		t.Errorf("Force with Sync: %d converted, want 3", sum.Converted)
	}
	if !maps.Equal(readTree(t, plain), readTree(t, synced)) {
		t.Errorf("Sync over outputs already there changes the tree")
	}
}
