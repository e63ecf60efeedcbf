package batch

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khabar/khabar/parse"
	"github.com/khabar/khabar/parse/lexicon"
)

// disclaimer is the line that repeats under the articles of furnitureTree.
const disclaimer = "الآراء الواردة في هذا الموقع تعبر عن وجهة نظر كتابها ولا تعكس بالضرورة موقف الجريدة."

// furnitureTree returns n small articles, each with its own title and
// paragraphs; the first withLine of them end with the disclaimer.
func furnitureTree(n, withLine int) map[string]string {
	files := map[string]string{}
	for i := range n {
		text := fmt.Sprintf("خبر رقم %d عن المدينة\n\n"+
			"قال مسؤولون اليوم إن المشروع رقم %d سيكتمل خلال العام المقبل بكلفة كبيرة.\n\n"+
			"وأضافوا أن العمل في المرحلة %d يسير وفق الخطة الموضوعة منذ سنوات.\n", i, i, i)
		if i < withLine {
			text += "\n" + disclaimer + "\n"
		}
		files[fmt.Sprintf("d/%02d.txt", i)] = text
	}
	return files
}

// runParsed runs batch with the real parser, which furniture needs: it
// learns from the kind of each line.
func runParsed(t *testing.T, src, dst string, opts Options) *Summary {
	t.Helper()
	sum, err := Run(context.Background(), src, dst, opts)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return sum
}

func TestFurniture(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, furnitureTree(8, 5))
	opts := Options{Furniture: true, Jobs: 3}

	sum := runParsed(t, src, dst, opts)
	if sum.Converted != 8 || sum.Furniture != FurnitureMissing {
		t.Fatalf("first run: %d converted, furniture %q; want 8 and missing", sum.Converted, sum.Furniture)
	}
	tree := readTree(t, dst)
	lex := tree[FurnitureFile]
	if !strings.Contains(lex, "furniture\t"+disclaimer+"\t5\n") {
		t.Errorf("%s does not hold the disclaimer in 5 documents:\n%s", FurnitureFile, lex)
	}
	if !strings.Contains(tree["d/00.json"], `"rule": "learned-furniture"`) || strings.Contains(tree["d/07.json"], "learned-furniture") {
		t.Errorf("the disclaimer is not removed where it is, or removed where it is not")
	}
	learned, err := lexicon.Parse(strings.NewReader(lex), FurnitureFile)
	must(t, err)
	if learned.Len() != 1 {
		t.Errorf("%d entries learned, want 1:\n%s", learned.Len(), lex)
	}

	// The same tree: nothing is converted, nothing is written.
	sum = runParsed(t, src, dst, opts)
	if sum.Converted != 0 || sum.UpToDate != 8 || sum.Furniture != FurnitureCurrent {
		t.Errorf("rerun: %d converted, %d up to date, furniture %q; want 0, 8, current", sum.Converted, sum.UpToDate, sum.Furniture)
	}
	if after := readTree(t, dst); !maps.Equal(tree, after) {
		t.Errorf("rerun changed DST")
	}
	sum = runParsed(t, src, dst, Options{Furniture: true, Check: true})
	if sum.Missing+sum.Stale != 0 || sum.Furniture != FurnitureCurrent {
		t.Errorf("check of a current tree: %d missing, %d stale, furniture %q", sum.Missing, sum.Stale, sum.Furniture)
	}

	// The disclaimer under two more articles: what is learned changes, so
	// the learned file and every output are stale.
	writeTree(t, src, furnitureTree(8, 7))
	before := readTree(t, dst)
	sum = runParsed(t, src, dst, Options{Furniture: true, Check: true})
	if sum.Stale != 8 || sum.Furniture != FurnitureStale {
		t.Errorf("check after an edit: %d stale, furniture %q; want 8 and stale", sum.Stale, sum.Furniture)
	}
	if after := readTree(t, dst); !maps.Equal(before, after) {
		t.Errorf("check wrote into DST")
	}
	sum = runParsed(t, src, dst, opts)
	if sum.Converted != 8 || sum.Furniture != FurnitureStale {
		t.Errorf("run after an edit: %d converted, furniture %q; want 8 and stale", sum.Converted, sum.Furniture)
	}
	if lex := readTree(t, dst)[FurnitureFile]; !strings.Contains(lex, "\t7\n") {
		t.Errorf("%s not rewritten:\n%s", FurnitureFile, lex)
	}

	// Check of a DST that does not exist.
	sum = runParsed(t, src, filepath.Join(t.TempDir(), "none"), Options{Furniture: true, Check: true})
	if sum.Missing != 8 || sum.Furniture != FurnitureMissing {
		t.Errorf("check of no DST: %d missing, furniture %q", sum.Missing, sum.Furniture)
	}
	// Without Furniture, Summary.Furniture says nothing.
	if sum := runParsed(t, src, dst, Options{Check: true}); sum.Furniture != "" {
		t.Errorf("without Furniture: furniture %q", sum.Furniture)
	}
}

// What is learned, and so every output, does not depend on Jobs.
func TestFurnitureJobs(t *testing.T) {
	src := t.TempDir()
	writeTree(t, src, furnitureTree(12, 6))
	one, many := t.TempDir(), t.TempDir()
	runParsed(t, src, one, Options{Furniture: true, Jobs: 1})
	runParsed(t, src, many, Options{Furniture: true, Jobs: 8})
	a, b := readTree(t, one), readTree(t, many)
	delete(a, manifestName)
	delete(b, manifestName)
	if !maps.Equal(a, b) {
		t.Errorf("-j 1 and -j 8 give different trees")
	}
}

// When nothing is learned, the lexicon is as without Furniture: the
// outputs are the same bytes and stay up to date.
func TestFurnitureNothingLearned(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, furnitureTree(6, 2))
	runParsed(t, src, dst, Options{})
	sum := runParsed(t, src, dst, Options{Furniture: true})
	if sum.UpToDate != 6 || sum.Furniture != FurnitureMissing {
		t.Errorf("%d up to date, furniture %q; want 6 and missing", sum.UpToDate, sum.Furniture)
	}
	if lex := readTree(t, dst)[FurnitureFile]; !strings.Contains(lex, "# entries: 0\n") {
		t.Errorf("%s:\n%s", FurnitureFile, lex)
	}
}

// The learned entries extend the lexicon of Options.Parse, whose own
// entries still apply.
func TestFurnitureExtendsLexicon(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	files := furnitureTree(8, 5)
	writeTree(t, src, files)
	own := "وأضافوا أن العمل في المرحلة 7 يسير وفق الخطة الموضوعة منذ سنوات."
	lex := lexicon.Builtin().Extend(lexicon.New([]lexicon.Entry{{Kind: lexicon.Furniture, Text: own, Documents: 1}}))
	runParsed(t, src, dst, Options{Furniture: true, Parse: parse.Options{Lexicon: lex}})
	tree := readTree(t, dst)
	if !strings.Contains(tree["d/07.json"], `"documents": 1`) || !strings.Contains(tree["d/00.json"], `"documents": 5`) {
		t.Errorf("the lexicon's own entry or the learned one is not applied:\n%s\n%s", tree["d/07.json"], tree["d/00.json"])
	}
}

// The learned file is never taken for a source, even when DST lies inside
// SRC and every name is included.
func TestFurnitureFileNotASource(t *testing.T) {
	src := t.TempDir()
	writeTree(t, src, furnitureTree(6, 5))
	dst := filepath.Join(src, "out")
	opts := Options{Furniture: true, Include: []string{"*"}}
	runParsed(t, src, dst, opts)
	if _, err := os.Stat(filepath.Join(dst, FurnitureFile)); err != nil {
		t.Fatal(err)
	}
	sum := runParsed(t, src, dst, opts)
	if sum.Files != 6 || sum.UpToDate != 6 {
		t.Errorf("rerun: %d files, %d up to date; want 6 and 6", sum.Files, sum.UpToDate)
	}
}

// A run interrupted while it learns stops there: nothing is converted and
// no learned file is written.
func TestFurnitureInterrupted(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, furnitureTree(8, 5))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	sum, err := Run(ctx, src, dst, Options{Furniture: true})
	if !errors.Is(err, context.Canceled) || sum != nil {
		t.Errorf("Run: %v, %v; want context.Canceled and no summary", sum, err)
	}
	if _, ok := readTree(t, dst)[FurnitureFile]; ok {
		t.Errorf("%s written by an interrupted run", FurnitureFile)
	}
}

func TestSummaryPages(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	writeTree(t, src, map[string]string{
		"a.txt": "story",
		"b.txt": "front\npage: index\n---\nstory",
		"c.txt": "gone\npage: error",
		"d.txt": "video\npage: media\n---\nBROKEN", // fails: its pages are not counted
	})
	sum := run(t, src, dst, Options{})
	want := map[string]int{"article": 2, "index": 1, "error": 1}
	if !maps.Equal(sum.Pages, want) {
		t.Errorf("pages %v, want %v", sum.Pages, want)
	}
	// Files up to date write no document.
	if sum := run(t, src, dst, Options{}); len(sum.Pages) != 0 {
		t.Errorf("rerun: pages %v, want none", sum.Pages)
	}
}
