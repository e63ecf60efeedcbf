package batch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/khabar/khabar/parse"
)

// fakeParse stands in for parse.Parse so these tests pin the batch logic
// whatever the parser does: documents are separated by a line "---"; a
// document holding BROKEN is an error record, one holding WARN has a
// warning, each line "credit: NAME" is a credit of agency NAME, and a
// line "page: KIND" makes its page KIND instead of an article.
func fakeParse(r io.Reader, name string, _ parse.Options) iter.Seq[*parse.Article] {
	return func(yield func(*parse.Article) bool) {
		b, err := io.ReadAll(r)
		if err != nil {
			yield(&parse.Article{Status: parse.StatusError, Error: &parse.Error{Code: parse.ErrIO, Message: err.Error()}})
			return
		}
		for i, doc := range strings.Split(string(b), "\n---\n") {
			sum := sha256.Sum256([]byte(doc))
			a := &parse.Article{
				SchemaVersion: parse.SchemaVersion, ID: "sha256:" + hex.EncodeToString(sum[:]),
				Status: parse.StatusOK, Source: parse.Source{Path: name, Index: i}, Page: parse.PageArticle, Text: doc,
				Images: []parse.Image{}, Credits: []parse.Credit{}, Warnings: []parse.Warning{},
			}
			for line := range strings.SplitSeq(doc, "\n") {
				if agency, ok := strings.CutPrefix(line, "credit: "); ok {
					a.Credits = append(a.Credits, parse.Credit{Text: line, Agencies: []string{agency}})
				}
				if kind, ok := strings.CutPrefix(line, "page: "); ok {
					a.Page = parse.PageKind(kind)
				}
			}
			if strings.Contains(doc, "BROKEN") {
				a.Status, a.Error = parse.StatusError, &parse.Error{Code: parse.ErrBinary, Message: "not text"}
			}
			if strings.Contains(doc, "WARN") {
				a.Warnings = append(a.Warnings, parse.Warning{Code: parse.WarnMojibake, Message: "text destroyed into ?"})
			}
			if !yield(a) {
				return
			}
		}
	}
}

func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
}

// readTree returns every regular file under dir by slash path, symlinks
// as "-> target".
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := os.Readlink(p)
			tree[filepath.ToSlash(rel)] = "-> " + target
			return err
		}
		b, err := os.ReadFile(p)
		tree[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

func run(t *testing.T, src, dst string, opts Options) *Summary {
	t.Helper()
	if opts.Jobs == 0 {
		opts.Jobs = 3
	}
	parseFunc = fakeParse
	defer func() { parseFunc = parse.Parse }()
	sum, err := Run(context.Background(), src, dst, opts)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return sum
}

func outputs(tree map[string]string) []string {
	var names []string
	for name := range tree {
		if name != manifestName {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

func TestMirroredTree(t *testing.T) {
	src, dst := t.TempDir(), filepath.Join(t.TempDir(), "out")
	writeTree(t, src, map[string]string{
		"a/b.txt":       "one\ncredit: Reuters",
		"a/deep/c.txt":  "first\n---\nsecond\ncredit: AFP\ncredit: Reuters",
		"notes.md":      "not included",
		"top.txt":       "WARN",
		"خبر عاجل.txt":  "عربي",
		"-dash.txt":     "dash",
		"empty/x.jsonl": "not a dump",
	})
	sum := run(t, src, dst, Options{})
	tree := readTree(t, dst)
	want := []string{"-dash.json", "a/b.json", "a/deep/c.jsonl", "top.json", "خبر عاجل.json"}
	if got := outputs(tree); !slices.Equal(got, want) {
		t.Fatalf("outputs %q, want %q", got, want)
	}
	if got := tree["a/b.json"]; !strings.HasPrefix(got, "{\n  \"schema_version\": \"1.1\",\n") || !strings.HasSuffix(got, "}\n") {
		t.Errorf("a/b.json is not one pretty record:\n%s", got)
	}
	if !strings.Contains(tree["a/b.json"], `"path": "a/b.txt"`) {
		t.Errorf("a/b.json: source.path is not relative to SRC:\n%s", tree["a/b.json"])
	}
	lines := strings.Split(strings.TrimSuffix(tree["a/deep/c.jsonl"], "\n"), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"text":"first"`) || !strings.Contains(lines[1], `"index":1`) {
		t.Errorf("a/deep/c.jsonl is not two compact records in order:\n%s", tree["a/deep/c.jsonl"])
	}
	if sum.Files != 5 || sum.Converted != 5 || sum.Docs != 6 || sum.Credits != 3 || sum.Warnings != 1 {
		t.Errorf("summary %+v", sum)
	}
	if got := sum.TopAgencies(5); !slices.Equal(got, []AgencyCount{{"Reuters", 2}, {"AFP", 1}}) {
		t.Errorf("agencies %v", got)
	}
	if len(sum.Problems) != 1 || sum.Problems[0].Path != "top.txt" || sum.Problems[0].Warnings[0].Code != parse.WarnMojibake {
		t.Errorf("problems %+v", sum.Problems)
	}
}

func TestResumeAndForce(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, map[string]string{"a.txt": "a", "b/c.txt": "c", "b/d.txt": "d\n---\nd2"})
	run(t, src, dst, Options{})
	before := readTree(t, dst)

	sum := run(t, src, dst, Options{})
	if sum.Converted != 0 || sum.UpToDate != 3 {
		t.Errorf("second run: %d converted, %d up to date; want 0 and 3", sum.Converted, sum.UpToDate)
	}
	if after := readTree(t, dst); !maps.Equal(before, after) {
		t.Errorf("second run changed DST")
	}

	// An edited source is redone; one that becomes several documents
	// changes kind, and its .json goes.
	writeTree(t, src, map[string]string{"a.txt": "a\n---\nmore"})
	sum = run(t, src, dst, Options{})
	if sum.Converted != 1 || sum.UpToDate != 2 {
		t.Errorf("after an edit: %d converted, %d up to date; want 1 and 2", sum.Converted, sum.UpToDate)
	}
	tree := readTree(t, dst)
	if _, ok := tree["a.json"]; ok {
		t.Errorf("stale a.json left beside a.jsonl")
	}
	if _, ok := tree["a.jsonl"]; !ok {
		t.Errorf("a.jsonl missing")
	}

	// A deleted or altered output is redone.
	os.Remove(filepath.Join(dst, "b", "c.json"))
	os.WriteFile(filepath.Join(dst, "b", "d.jsonl"), []byte("x\n"), 0o666)
	sum = run(t, src, dst, Options{})
	if sum.Converted != 2 {
		t.Errorf("after deleting and truncating outputs: %d converted, want 2", sum.Converted)
	}

	sum = run(t, src, dst, Options{Force: true})
	if sum.Converted != 3 || sum.UpToDate != 0 {
		t.Errorf("--force: %d converted, %d up to date; want 3 and 0", sum.Converted, sum.UpToDate)
	}

	// Other options shaping the output make every output stale.
	sum = run(t, src, dst, Options{Parse: parse.Options{Profile: "search"}})
	if sum.Converted != 3 {
		t.Errorf("other profile: %d converted, want 3", sum.Converted)
	}
	// The size limit does not shape outputs.
	sum = run(t, src, dst, Options{Parse: parse.Options{Profile: "search", MaxBytes: 1 << 20}})
	if sum.UpToDate != 3 {
		t.Errorf("other --max-bytes: %d up to date, want 3", sum.UpToDate)
	}
}

// Rewriting an output with the bytes it already has leaves it alone: a
// --force run, or a rerun after a kill, does not touch identical outputs.
func TestIdenticalOutputUntouched(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, map[string]string{"a.txt": "a", "b.txt": "b\n---\nb2", "c.txt": "c"})
	run(t, src, dst, Options{})
	past := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	for _, name := range []string{"a.json", "b.jsonl", "c.json"} {
		must(t, os.Chtimes(filepath.Join(dst, name), past, past))
	}
	writeTree(t, src, map[string]string{"c.txt": "c changed"})
	before := readTree(t, dst)
	if sum := run(t, src, dst, Options{Force: true}); sum.Converted != 3 {
		t.Fatalf("--force: %d converted, want 3", sum.Converted)
	}
	for name, wantOld := range map[string]bool{"a.json": true, "b.jsonl": true, "c.json": false} {
		fi, err := os.Stat(filepath.Join(dst, name))
		must(t, err)
		if old := fi.ModTime().Equal(past); old != wantOld {
			t.Errorf("%s: modification time kept = %v, want %v", name, old, wantOld)
		}
	}
	after := readTree(t, dst)
	if before["a.json"] != after["a.json"] || before["c.json"] == after["c.json"] {
		t.Errorf("outputs wrong after --force")
	}
}

func TestCheck(t *testing.T) {
	src, dst := t.TempDir(), filepath.Join(t.TempDir(), "out")
	writeTree(t, src, map[string]string{"a.txt": "a", "b.txt": "b", "c.txt": "c"})

	sum := run(t, src, dst, Options{Check: true})
	if sum.Missing != 3 {
		t.Errorf("check before any run: %d missing, want 3", sum.Missing)
	}
	if _, err := os.Stat(dst); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("check created DST")
	}

	run(t, src, dst, Options{})
	sum = run(t, src, dst, Options{Check: true})
	if sum.Missing+sum.Stale != 0 || sum.UpToDate != 3 || len(sum.Problems) != 0 {
		t.Errorf("check of a clean tree: %+v", sum)
	}

	writeTree(t, src, map[string]string{"b.txt": "edited"})
	os.Remove(filepath.Join(dst, "c.json"))
	before := readTree(t, dst)
	sum = run(t, src, dst, Options{Check: true})
	if sum.Stale != 1 || sum.Missing != 1 || sum.UpToDate != 1 {
		t.Errorf("check: %d stale, %d missing, %d up to date; want 1, 1, 1", sum.Stale, sum.Missing, sum.UpToDate)
	}
	var got []string
	for _, p := range sum.Problems {
		got = append(got, p.State.String()+" "+p.Path)
	}
	if want := []string{"stale b.txt", "missing c.txt"}; !slices.Equal(got, want) {
		t.Errorf("check lists %q, want %q", got, want)
	}
	if after := readTree(t, dst); !maps.Equal(before, after) {
		t.Errorf("check wrote into DST")
	}
}

func TestBrokenFile(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, map[string]string{"a.txt": "a", "b.txt": "ok", "c.txt": "c", "d.txt": "d\n---\nBROKEN"})
	run(t, src, dst, Options{})
	writeTree(t, src, map[string]string{"b.txt": "BROKEN"})
	sum := run(t, src, dst, Options{})
	if sum.Failed != 2 || sum.UpToDate != 2 {
		t.Errorf("%d failed, %d up to date; want 2 and 2", sum.Failed, sum.UpToDate)
	}
	tree := readTree(t, dst)
	if want := []string{"a.json", "c.json"}; !slices.Equal(outputs(tree), want) {
		t.Errorf("outputs %q, want %q: a failed file keeps no output", outputs(tree), want)
	}
	if len(sum.Problems) != 2 || sum.Problems[0].Path != "b.txt" || sum.Problems[1].Path != "d.txt" ||
		sum.Problems[1].Reason != "document 1: E_BINARY: not text" {
		t.Errorf("problems %+v", sum.Problems)
	}
	// A failed file is tried again on the next run.
	sum = run(t, src, dst, Options{})
	if sum.Failed != 2 {
		t.Errorf("rerun: %d failed, want 2", sum.Failed)
	}
}

func TestDstInsideSrc(t *testing.T) {
	src := t.TempDir()
	writeTree(t, src, map[string]string{"a.txt": "a", "sub/b.txt": "b"})
	dst := filepath.Join(src, "out")
	run(t, src, dst, Options{})
	srcBefore := readTree(t, src)
	sum := run(t, src, dst, Options{Force: true})
	if sum.Files != 2 {
		t.Errorf("%d files, want 2: DST was walked", sum.Files)
	}
	if got := outputs(readTree(t, dst)); !slices.Equal(got, []string{"a.json", "sub/b.json"}) {
		t.Errorf("outputs %q", got)
	}
	if !maps.Equal(srcBefore, readTree(t, src)) {
		t.Errorf("second run changed the tree")
	}
}

func TestSrcInsideDst(t *testing.T) {
	dst := t.TempDir()
	src := filepath.Join(dst, "in")
	writeTree(t, src, map[string]string{"a.txt": "a", "in/b.txt": "b", ".khabar-0123456789abcdef.tmp": "mine"})
	before := readTree(t, src)
	sum := run(t, src, dst, Options{})
	if sum.Converted != 1 || sum.Failed != 1 || sum.Problems[0].Path != "in/b.txt" {
		t.Errorf("summary %+v", sum)
	}
	if !maps.Equal(before, readTree(t, src)) {
		t.Errorf("SRC changed")
	}
}

func TestTempFilesRemoved(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, map[string]string{"a.txt": "a"})
	writeTree(t, dst, map[string]string{
		".khabar-0123456789abcdef.tmp":   "left by a killed run",
		"x/.khabar-fedcba9876543210.tmp": "left by a killed run",
		".khabar-notours.tmp":            "a user's",
	})
	run(t, src, dst, Options{})
	if got := outputs(readTree(t, dst)); !slices.Equal(got, []string{".khabar-notours.tmp", "a.json"}) {
		t.Errorf("DST holds %q", got)
	}
}

func TestSymlinks(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	outside := t.TempDir()
	writeTree(t, src, map[string]string{"a/x.txt": "x"})
	writeTree(t, outside, map[string]string{"y.txt": "y"})
	must(t, os.Symlink("..", filepath.Join(src, "a", "loop")))
	must(t, os.Symlink(outside, filepath.Join(src, "ext")))
	must(t, os.Symlink(filepath.Join(outside, "y.txt"), filepath.Join(src, "link.txt")))
	must(t, os.Symlink("nowhere.txt", filepath.Join(src, "dangling.txt")))

	sum := run(t, src, dst, Options{})
	if got := outputs(readTree(t, dst)); !slices.Equal(got, []string{"a/x.json", "link.json"}) {
		t.Errorf("without --follow: %q", got)
	}
	if sum.Failed != 1 || sum.Problems[0].Path != "dangling.txt" {
		t.Errorf("without --follow: %+v", sum.Problems)
	}

	sum = run(t, src, dst, Options{Follow: true})
	if got := outputs(readTree(t, dst)); !slices.Equal(got, []string{"a/x.json", "ext/y.json", "link.json"}) {
		t.Errorf("with --follow: %q", got)
	}
	var loops []string
	for _, p := range sum.Problems {
		if p.State == Skipped {
			loops = append(loops, p.Path)
		}
	}
	if !slices.Equal(loops, []string{"a/loop"}) {
		t.Errorf("loops %q, want [a/loop]", loops)
	}
}

func TestNoWriteOutsideDst(t *testing.T) {
	src, dst, outside := t.TempDir(), t.TempDir(), t.TempDir()
	writeTree(t, src, map[string]string{"a/b.txt": "b"})
	must(t, os.Symlink(outside, filepath.Join(dst, "a")))
	_, err := Run(context.Background(), src, dst, Options{})
	if err == nil {
		t.Errorf("a DST folder that is a symlink out of DST was written through")
	}
	if got := readTree(t, outside); len(got) != 0 {
		t.Errorf("written outside DST: %q", slices.Collect(maps.Keys(got)))
	}
}

func TestUnwritableDst(t *testing.T) {
	src, dir := t.TempDir(), t.TempDir()
	writeTree(t, src, map[string]string{"a.txt": "a"})
	writeTree(t, dir, map[string]string{"file": ""})
	_, err := Run(context.Background(), src, filepath.Join(dir, "file", "out"), Options{})
	var ue *UsageError
	if err == nil || errors.As(err, &ue) {
		t.Errorf("unwritable DST: err = %v, want a fatal error", err)
	}
}

func TestUsage(t *testing.T) {
	src := t.TempDir()
	writeTree(t, src, map[string]string{"a.txt": "a"})
	for name, tc := range map[string]struct {
		dst  string
		opts Options
	}{
		"same folder": {src, Options{}},
		"bad pattern": {t.TempDir(), Options{Include: []string{"[a"}}},
		"bad split":   {t.TempDir(), Options{Parse: parse.Options{Split: "regex:("}}},
		"jsonl input": {t.TempDir(), Options{Parse: parse.Options{JSONL: true}}},
		"src not dir": {t.TempDir(), Options{}},
	} {
		t.Run(name, func(t *testing.T) {
			s := src
			if name == "src not dir" {
				s = filepath.Join(src, "a.txt")
			}
			_, err := Run(context.Background(), s, tc.dst, tc.opts)
			var ue *UsageError
			if !errors.As(err, &ue) {
				t.Errorf("err = %v, want a usage error", err)
			}
		})
	}
}

func TestCollision(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, map[string]string{"a.md": "md", "a.txt": "txt"})
	sum := run(t, src, dst, Options{Include: []string{"*.txt", "*.md"}})
	if sum.Converted != 1 || sum.Failed != 1 || sum.Problems[0].Path != "a.txt" {
		t.Errorf("summary %+v", sum)
	}
	if !strings.Contains(readTree(t, dst)["a.json"], `"text": "md"`) {
		t.Errorf("a.json is not a.md's")
	}
}

func TestExclude(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, map[string]string{"a.txt": "a", "drafts/b.txt": "b", "c/d.txt": "d", "c/e.txt": "e"})
	run(t, src, dst, Options{Exclude: []string{"drafts", "c/e.txt"}})
	if got := outputs(readTree(t, dst)); !slices.Equal(got, []string{"a.json", "c/d.json"}) {
		t.Errorf("outputs %q", got)
	}
}

// A run over part of SRC keeps the manifest entries of the rest.
func TestPartialRunKeepsEntries(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, map[string]string{"a.txt": "a", "b.txt": "b"})
	run(t, src, dst, Options{})
	if sum := run(t, src, dst, Options{Exclude: []string{"b.txt"}, Force: true}); sum.Converted != 1 {
		t.Fatalf("--exclude b.txt: %d converted, want 1", sum.Converted)
	}
	if sum := run(t, src, dst, Options{}); sum.UpToDate != 2 {
		t.Errorf("full run after a partial one: %d up to date, want 2", sum.UpToDate)
	}
}

// A name that is not UTF-8 survives the manifest: the rerun finds its
// output up to date.
func TestNameNotUTF8(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	name := "\xc7\xe1\xce\xc8\xd1.txt" // الخبر in Windows-1256
	writeTree(t, src, map[string]string{name: "a", "b.txt": "b"})
	if sum := run(t, src, dst, Options{}); sum.Converted != 2 {
		t.Fatalf("%d converted, want 2", sum.Converted)
	}
	if _, err := os.Stat(filepath.Join(dst, "\xc7\xe1\xce\xc8\xd1.json")); err != nil {
		t.Errorf("output not named after the source's bytes: %v", err)
	}
	if sum := run(t, src, dst, Options{}); sum.UpToDate != 2 {
		t.Errorf("rerun: %d up to date, want 2", sum.UpToDate)
	}
}

func TestTornManifest(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, map[string]string{"a.txt": "a", "b.txt": "b"})
	run(t, src, dst, Options{})
	m := filepath.Join(dst, manifestName)
	b, err := os.ReadFile(m)
	must(t, err)
	// A run killed while appending its last line leaves it without a newline.
	must(t, os.WriteFile(m, b[:len(b)-5], 0o666))
	sum := run(t, src, dst, Options{})
	if sum.UpToDate != 1 || sum.Converted != 1 {
		t.Errorf("%d up to date, %d converted; want 1 and 1", sum.UpToDate, sum.Converted)
	}
	b2, err := os.ReadFile(m)
	must(t, err)
	if string(b2) != string(b) {
		t.Errorf("manifest after the rerun:\n%s\nwant:\n%s", b2, b)
	}
}

func TestProgress(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, map[string]string{"a.txt": "a", "b.txt": "bb"})
	var events []Event
	run(t, src, dst, Options{Progress: func(e Event) { events = append(events, e) }})
	if len(events) != 3 || !events[0].Walked || events[0].Files != 2 || events[0].Bytes != 3 {
		t.Fatalf("events %+v", events)
	}
	for _, e := range events[1:] {
		if e.File == nil || e.File.State != Converted {
			t.Errorf("event %+v", e)
		}
	}
}

// The bytes converted are counted whether the walk sized the files (for
// Progress) or not.
func TestSummaryBytes(t *testing.T) {
	src := t.TempDir()
	writeTree(t, src, map[string]string{"a.txt": "a", "b/c.txt": "bb"})
	for _, progress := range []func(Event){nil, func(Event) {}} {
		sum := run(t, src, t.TempDir(), Options{Progress: progress})
		if sum.Converted != 2 || sum.Bytes != 3 {
			t.Errorf("progress %v: %d converted, %d bytes, want 2 and 3", progress != nil, sum.Converted, sum.Bytes)
		}
	}
}

// The manifest holds the SHA-256 of each source's bytes, whether it was
// taken from the record's id (one document that is the whole file) or
// hashed apart: in every encoding, with a BOM or not, split or not.
func TestManifestHashIsFileHash(t *testing.T) {
	utf16 := func(bom bool, s string) string {
		var b []byte
		if bom {
			b = append(b, 0xFF, 0xFE)
		}
		for _, r := range s {
			b = append(b, byte(r), byte(r>>8))
		}
		return string(b)
	}
	files := map[string]string{
		"utf8.txt":     "عنوان\n\nنص الخبر هنا.\n",
		"bom.txt":      "\xef\xbb\xbfعنوان\n\nنص الخبر هنا.\n",
		"cp1256.txt":   "\xc7\xe1\xd3\xe1\xc7\xe3 \xda\xe1\xed\xdf\xe3\n\n\xe4\xd5\n",
		"utf16.txt":    utf16(true, "عنوان\n\nنص الخبر هنا.\n"),
		"utf16eq.txt":  utf16(true, "—عنوان—"), // as many bytes as its UTF-8
		"two.txt":      "الأول\n\f\nالثاني\n",
		"blank.txt":    "\n\n",
		"trailing.txt": "خبر\n\f\n",
	}
	if n := len(files["utf16eq.txt"]); n != len("—عنوان—") {
		t.Fatalf("utf16eq.txt has %d bytes, its UTF-8 %d", n, len("—عنوان—"))
	}
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, files)
	if _, err := Run(context.Background(), src, dst, Options{}); err != nil {
		t.Fatal(err)
	}
	m, err := readManifestFile(dst)
	must(t, err)
	for name, body := range files {
		sum := sha256.Sum256([]byte(body))
		if e, ok := m[name]; !ok {
			t.Errorf("%s: no manifest entry", name)
		} else if e.SHA256 != hex.EncodeToString(sum[:]) {
			t.Errorf("%s: manifest hash %s, want %x", name, e.SHA256, sum)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// A file over wholeFile is streamed and hashed on the way; its manifest
// entry must hold the same hash as a small file's would.
func TestLargeFileStreamed(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	big := strings.Repeat("سطر طويل من نص الخبر\n", wholeFile/20)
	writeTree(t, src, map[string]string{"big.txt": big, "small.txt": "s"})
	if len(big) <= wholeFile {
		t.Fatalf("big.txt has %d bytes, not over %d", len(big), wholeFile)
	}
	run(t, src, dst, Options{})
	m, err := readManifestFile(dst)
	must(t, err)
	sum := sha256.Sum256([]byte(big))
	if got := m["big.txt"].SHA256; got != hex.EncodeToString(sum[:]) {
		t.Errorf("manifest hash of big.txt %s, want %x", got, sum)
	}
	if sum := run(t, src, dst, Options{}); sum.UpToDate != 2 {
		t.Errorf("rerun: %d up to date, want 2", sum.UpToDate)
	}
	writeTree(t, src, map[string]string{"big.txt": big + "x"})
	if sum := run(t, src, dst, Options{}); sum.Converted != 1 {
		t.Errorf("after an edit: %d converted, want 1", sum.Converted)
	}
}

// readManifestFile returns the entries the manifest of dst comes to, as
// a run reads it.
func readManifestFile(dst string) (map[string]entry, error) {
	b, err := os.ReadFile(filepath.Join(dst, manifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]entry{}, nil
	}
	if err != nil {
		return nil, err
	}
	return resolveManifest(b, os.TempDir())
}

// resolveManifest sorts the manifest lines b with scratch files in dir
// and returns the entries by source.
func resolveManifest(b []byte, dir string) (map[string]entry, error) {
	var out bytes.Buffer
	scratch := func() (*os.File, func(), error) {
		f, err := os.CreateTemp(dir, "run-*")
		if err != nil {
			return nil, nil, err
		}
		return f, func() { f.Close(); os.Remove(f.Name()) }, nil
	}
	if err := sortManifest(bytes.NewReader(b), &out, scratch); err != nil {
		return nil, err
	}
	m := map[string]entry{}
	for line := range bytes.Lines(out.Bytes()) {
		e, ok := parseEntry(line)
		if !ok {
			return nil, fmt.Errorf("sorted manifest: bad line %q", line)
		}
		m[e.Src] = e
	}
	return m, nil
}
