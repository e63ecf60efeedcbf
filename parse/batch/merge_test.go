package batch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/khabar/khabar/parse"
)

// TestComparePathsIsWalkOrder walks a tree whose names sort differently
// by path and by name ('-' and '.' come before '/'): the walk meets them
// in the order of comparePaths, the order the manifest is written in.
func TestComparePathsIsWalkOrder(t *testing.T) {
	src := t.TempDir()
	names := []string{"a/1.txt", "a/b/2.txt", "a-b/3.txt", "a.d/4.txt", "a.txt", "a0.txt", "sp ace/5.txt", "\xc7\xe1.txt", "b.txt", "a/b.txt"}
	files := map[string]string{}
	for _, n := range names {
		files[n] = n
	}
	writeTree(t, src, files)
	fi, err := os.Stat(src)
	must(t, err)
	w := &walker{include: []string{"*.txt"}}
	var got []string
	for wi := range w.all(src, fi) {
		got = append(got, wi.file.rel)
	}
	want := slices.SortedFunc(slices.Values(names), comparePaths)
	if !slices.Equal(got, want) {
		t.Errorf("walk order %q\nwant %q", got, want)
	}
	if slices.IsSortedFunc(got, strings.Compare) {
		t.Errorf("the names sort the same by bytes: the test does not tell the orders apart")
	}
}

// manifestLines writes entries as manifest lines; an entry with no Out is
// a drop line.
func manifestLines(entries ...entry) []byte {
	var b []byte
	for i := range entries {
		b = appendEntry(b, &entries[i])
	}
	return b
}

func ent(src, sha string) entry {
	return entry{Src: src, Out: stem(src) + ".json", SHA256: sha, OutBytes: 1, Schema: "1", Options: "o"}
}

// An old manifest, in byte order, with lines appended by killed runs:
// overrides, drops, a line that does not parse and a torn last line.
func oldManifest() []byte {
	b := manifestLines(ent("a-b/1.txt", "1"), ent("a.txt", "1"), ent("a/1.txt", "1"), ent("b.txt", "1"), ent("c.txt", "1"))
	b = append(b, manifestLines(ent("a.txt", "2"), entry{Src: "b.txt"}, ent("d.txt", "1"), entry{Src: "d.txt"}, ent("d.txt", "3"))...)
	b = append(b, "not json\n"...)
	b = append(b, manifestLines(entry{Src: "c.txt"}, ent("c.txt", "4"), ent("a/1.txt", "5"))...)
	torn := manifestLines(ent("e.txt", "1"))
	return append(b, torn[:len(torn)-3]...)
}

// TestSortManifest resolves the old manifest as a run reads it, in one
// piece and in many, merged two at a time.
func TestSortManifest(t *testing.T) {
	want := string(manifestLines(ent("a/1.txt", "5"), ent("a-b/1.txt", "1"), ent("a.txt", "2"), ent("c.txt", "4"), ent("d.txt", "3")))
	for _, c := range []struct{ chunk, ways int }{{4 << 20, 64}, {1, 2}, {300, 3}} {
		t.Run(fmt.Sprint(c.chunk, c.ways), func(t *testing.T) {
			defer func(chunk, ways int) { sortChunk, mergeWays = chunk, ways }(sortChunk, mergeWays)
			sortChunk, mergeWays = c.chunk, c.ways
			var out bytes.Buffer
			n := 0
			scratch := func() (*os.File, func(), error) {
				n++
				f, err := os.CreateTemp(t.TempDir(), "run-*")
				return f, func() { f.Close(); os.Remove(f.Name()) }, err
			}
			must(t, sortManifest(bytes.NewReader(oldManifest()), &out, scratch))
			if out.String() != want {
				t.Errorf("sorted:\n%s\nwant:\n%s", out.String(), want)
			}
			if c.chunk == 1 && n < 10 {
				t.Errorf("%d scratch files: the pieces were not merged in levels", n)
			}
			sorted, err := isSorted(bytes.NewReader(out.Bytes()))
			must(t, err)
			if !sorted {
				t.Errorf("isSorted(sorted) = false")
			}
		})
	}
	for _, b := range [][]byte{
		oldManifest(),
		manifestLines(ent("a.txt", "1"), ent("a/b.txt", "1")), // byte order
		manifestLines(ent("a.txt", "1"), ent("a.txt", "2")),
		manifestLines(ent("a.txt", "1"), entry{Src: "b.txt"}),
	} {
		if sorted, err := isSorted(bytes.NewReader(b)); sorted || err != nil {
			t.Errorf("isSorted(%s) = %v, %v", b, sorted, err)
		}
	}
}

// TestOldManifest runs over a tree whose manifest an older khabar wrote,
// in byte order, with lines appended: the outputs it records are up to
// date, and the run writes it back in walk order.
func TestOldManifest(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, map[string]string{"a/1.txt": "1", "a-b/2.txt": "2", "a.txt": "3", "b.txt": "4"})
	run(t, src, dst, Options{})
	m := filepath.Join(dst, manifestName)
	walkOrder, err := os.ReadFile(m)
	must(t, err)
	lines := strings.SplitAfter(string(walkOrder), "\n")
	lines = lines[:len(lines)-1]
	byteOrder := slices.Sorted(slices.Values(lines))
	if slices.Equal(lines, byteOrder) {
		t.Fatalf("the manifest is in byte order already:\n%s", walkOrder)
	}
	// A killed run appended: b.txt converted again, then dropped, then
	// converted again; a torn line.
	old := strings.Join(byteOrder, "") + lines[3] + string(manifestLines(entry{Src: "b.txt"})) + lines[3] + lines[0][:10]
	must(t, os.WriteFile(m, []byte(old), 0o666))
	if sum := run(t, src, dst, Options{}); sum.UpToDate != 4 {
		t.Errorf("%d up to date, want 4", sum.UpToDate)
	}
	got, err := os.ReadFile(m)
	must(t, err)
	if !bytes.Equal(got, walkOrder) {
		t.Errorf("manifest:\n%s\nwant:\n%s", got, walkOrder)
	}
	// With Check, it is read as well, and left as it is.
	must(t, os.WriteFile(m, []byte(old), 0o666))
	if sum := run(t, src, dst, Options{Check: true}); sum.UpToDate != 4 || len(sum.Problems) != 0 {
		t.Errorf("check: %d up to date, %q", sum.UpToDate, results(sum))
	}
	if got, _ := os.ReadFile(m); string(got) != old {
		t.Errorf("check rewrote the manifest")
	}
}

// TestRerunAfterInterrupt stops a run after a few files, and then reruns:
// the outputs recorded by the journal are up to date, the rest
// converted, and the manifest is that of a run never stopped.
func TestRerunAfterInterrupt(t *testing.T) {
	src, dst, clean := t.TempDir(), t.TempDir(), t.TempDir()
	files := map[string]string{}
	for i := range 40 {
		files[fmt.Sprintf("%d/%d.txt", i%3, i)] = fmt.Sprint(i)
	}
	writeTree(t, src, files)
	run(t, src, clean, Options{})

	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	parseFunc = fakeParse
	_, err := Run(ctx, src, dst, Options{Jobs: 2, Progress: func(e Event) {
		if n++; n == 10 {
			cancel()
		}
	}})
	parseFunc = parse.Parse
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted run: %v", err)
	}
	sum := run(t, src, dst, Options{})
	if sum.UpToDate < 9 || sum.UpToDate+sum.Converted != 40 {
		t.Errorf("rerun: %d up to date, %d converted; want 9 or more up to date of 40", sum.UpToDate, sum.Converted)
	}
	got, err := os.ReadFile(filepath.Join(dst, manifestName))
	must(t, err)
	want, err := os.ReadFile(filepath.Join(clean, manifestName))
	must(t, err)
	if !bytes.Equal(got, want) {
		t.Errorf("manifest after the rerun:\n%s\nwant:\n%s", got, want)
	}
}

// TestOutputTakenOver: a file's output is taken by another of its folder
// (a.md's by a.txt, once *.md is no longer included): the old entry is
// dropped, not an orphan, whether the walk meets the new owner before or
// after the entry.
func TestOutputTakenOver(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, map[string]string{"x/a.md": "md", "x/a/1.txt": "1", "x/b.txt": "b", "x/b.ab": "ab"})
	run(t, src, dst, Options{Include: []string{"*.md", "*.txt", "*.ab"}})
	writeTree(t, src, map[string]string{"x/a.txt": "txt"})
	must(t, os.Remove(filepath.Join(src, "x/a.md")))
	// x/a.md comes after x/a/1.txt and before x/a.txt, its new owner;
	// x/b.ab comes before x/b.txt, which has had its output all along.
	sum := run(t, src, dst, Options{Include: []string{"*.txt"}, Prune: true})
	// x/b.txt failed in the first run: x/b.ab had its output.
	if len(sum.Problems) != 0 || sum.Converted != 2 || sum.UpToDate != 1 {
		t.Errorf("%q, %d converted, %d up to date; want no orphan", results(sum), sum.Converted, sum.UpToDate)
	}
	m, err := readManifestFile(dst)
	must(t, err)
	if got := slices.Sorted(func(yield func(string) bool) {
		for k := range m {
			yield(k)
		}
	}); !slices.Equal(got, []string{"x/a.txt", "x/a/1.txt", "x/b.txt"}) {
		t.Errorf("manifest holds %q", got)
	}
}

// TestProblemCallback: Options.Problem takes what Summary.Problems would
// hold, in the same order, orphans last.
func TestProblemCallback(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, map[string]string{"a.txt": "a", "c/e.txt": "e", "f.txt": "f"})
	run(t, src, dst, Options{})
	must(t, os.Remove(filepath.Join(src, "a.txt")))
	must(t, os.Remove(filepath.Join(src, "c/e.txt")))
	writeTree(t, src, map[string]string{"b.txt": "BROKEN", "c/d.txt": "WARN"})
	var got []FileResult
	sum := run(t, src, dst, Options{Problem: func(p FileResult) { got = append(got, p) }})
	want := run(t, src, dst, Options{Force: true}).Problems
	if len(sum.Problems) != 0 {
		t.Errorf("Summary.Problems holds %d with Problem set", len(sum.Problems))
	}
	if len(got) != 4 || len(got) != len(want) {
		t.Fatalf("Problem: %d, Summary.Problems: %d; want 4", len(got), len(want))
	}
	wantOrder := []string{"b.txt", "c/d.txt", "a.txt", "c/e.txt"}
	for i := range got {
		if got[i].Path != want[i].Path || got[i].State != want[i].State || got[i].Path != wantOrder[i] {
			t.Errorf("%d: Problem %s %s, Summary.Problems %s %s, want %s", i, got[i].State, got[i].Path, want[i].State, want[i].Path, wantOrder[i])
		}
	}
}
