package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestBatchKill kills a real `khabar batch` with SIGKILL at several moments
// of a run over a few hundred files, reruns it, and checks that the tree
// is byte for byte that of a clean run, that no temp file remains, that
// every output seen after a kill was already whole, and that SRC did not
// change.
func TestBatchKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it a dozen times")
	}
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is a Unix signal")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "khabar")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	src := filepath.Join(dir, "src")
	writeArchive(t, src, 300)
	srcBefore := treeOf(t, src)

	clean := filepath.Join(dir, "clean")
	start := time.Now()
	batchToEnd(t, bin, src, clean)
	took := time.Since(start)
	want := treeOf(t, clean)
	if len(want) != 298+1 { // two sources fail; the manifest
		t.Fatalf("clean run wrote %d files, want 299", len(want))
	}
	t.Logf("clean run: %v, %d files", took, len(want))

	partial := 0
	for i, frac := range []float64{0, 0.1, 0.3, 0.6, 0.9} {
		dst := filepath.Join(dir, fmt.Sprintf("dst%d", i))
		delay := time.Duration(frac * float64(took))
		// Kill a first run, then a second one resuming it, then finish.
		for range 2 {
			killed := batchKilled(t, bin, src, dst, delay)
			if n := checkWhole(t, dst, want); killed && n > 0 && n < len(want)-1 {
				partial++
			}
		}
		batchToEnd(t, bin, src, dst)
		got := treeOf(t, dst)
		if !maps.Equal(got, want) {
			t.Errorf("kill after %v: the tree differs from a clean run's:\n%s", delay, treeDiff(got, want))
		}
	}
	if partial == 0 {
		t.Errorf("no kill landed in the middle of a run: the test proved nothing")
	}
	t.Logf("%d of 10 kills landed in the middle of a run", partial)
	interrupt(t, bin, src, filepath.Join(dir, "interrupted"), took/3, want)
	if !maps.Equal(treeOf(t, src), srcBefore) {
		t.Errorf("SRC changed")
	}
}

// interrupt sends SIGINT to a run after delay: the files in hand finish,
// the summary is printed, the exit status is 3, no temp file is left, and
// a rerun completes the tree.
func interrupt(t *testing.T, bin, src, dst string, delay time.Duration, want map[string]string) {
	t.Helper()
	cmd := exec.Command(bin, "batch", src, "-o", dst, "-j", "4")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(delay)
	cmd.Process.Signal(os.Interrupt)
	err := cmd.Wait()
	ee, ok := err.(*exec.ExitError)
	if ok && ee.ExitCode() == 1 {
		t.Logf("the run ended before the interrupt")
		return
	}
	if !ok || ee.ExitCode() != 3 || !strings.Contains(stderr.String(), "interrupted") ||
		!strings.Contains(stderr.String(), "khabar batch: ") {
		t.Fatalf("interrupted run: %v, want exit status 3, a summary and a message:\n%s", err, stderr.Bytes())
	}
	for name := range treeOf(t, dst) {
		if strings.HasSuffix(name, ".tmp") {
			t.Errorf("an interrupted run left %s", name)
		}
	}
	checkWhole(t, dst, want)
	batchToEnd(t, bin, src, dst)
	if got := treeOf(t, dst); !maps.Equal(got, want) {
		t.Errorf("after an interrupt, the tree differs from a clean run's:\n%s", treeDiff(got, want))
	}
}

// writeArchive writes n dumps in nested folders: most one article, some
// several separated by form feeds, two binary files that fail.
func writeArchive(t *testing.T, src string, n int) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("قال وزير الخارجية إن المحادثات مع الجانب الآخر كانت بناءة وإن الطرفين اتفقا على مواصلة الحوار خلال الأسابيع المقبلة في العاصمة")
	article := func() string {
		var b strings.Builder
		fmt.Fprintf(&b, "عنوان الخبر رقم %d\n\n", rng.IntN(1000))
		for range 2 + rng.IntN(30) {
			for range 20 + rng.IntN(60) {
				b.WriteString(words[rng.IntN(len(words))])
				b.WriteByte(' ')
			}
			b.WriteString(".\n\n")
		}
		if rng.IntN(4) == 0 {
			b.WriteString("مصدر الصورة\nGetty Images\n\n")
		}
		return b.String()
	}
	for i := range n {
		name := filepath.Join(src, fmt.Sprintf("y%d/m%02d/%03d.txt", i%3, i%12, i))
		var content string
		switch {
		case i == 17 || i == 211:
			content = strings.Repeat("\x00\x01\x02", 200)
		case i%5 == 0:
			content = article() + "\f\n" + article() + "\f\n" + article()
		default:
			content = article()
		}
		if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
}

// batchToEnd runs batch to its end; two files of the archive fail, so the
// exit status is 1.
func batchToEnd(t *testing.T, bin, src, dst string) {
	t.Helper()
	cmd := exec.Command(bin, "batch", src, "-o", dst, "-j", "4")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("khabar batch: %v, want exit status 1\n%s", err, stderr.Bytes())
	}
}

// batchKilled starts batch, kills it with SIGKILL after delay, and reports
// whether it was killed before it finished.
func batchKilled(t *testing.T, bin, src, dst string, delay time.Duration) bool {
	t.Helper()
	cmd := exec.Command(bin, "batch", src, "-o", dst, "-j", "4")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(delay)
	cmd.Process.Kill()
	err := cmd.Wait()
	ee, ok := err.(*exec.ExitError)
	return ok && !ee.Exited()
}

// checkWhole checks a killed run's tree: every output there, and every
// output the manifest names, is already the clean run's, byte for byte.
// It returns the number of outputs there.
func checkWhole(t *testing.T, dst string, want map[string]string) int {
	t.Helper()
	got := treeOf(t, dst)
	n := 0
	for name, content := range got {
		if strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".jsonl") {
			n++
			if content != want[name] {
				t.Errorf("after a kill, %s is not whole", name)
			}
		}
	}
	for line := range strings.SplitSeq(got[".khabar-batch.manifest"], "\n") {
		_, rest, ok := strings.Cut(line, `"out":"`)
		if !ok {
			continue
		}
		out, _, _ := strings.Cut(rest, `"`)
		if got[out] != want[out] {
			t.Errorf("after a kill, the manifest names %s, which is not whole", out)
		}
	}
	return n
}

// treeOf maps every file under dir to its SHA-256, or to its bytes for
// outputs, so diffs can name them.
func treeOf(t *testing.T, dir string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if strings.HasSuffix(rel, ".txt") {
			sum := sha256.Sum256(b)
			tree[rel] = fmt.Sprintf("%x", sum)
		} else {
			tree[rel] = string(b)
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return tree
}

func treeDiff(got, want map[string]string) string {
	var b strings.Builder
	for _, name := range slices.Sorted(maps.Keys(got)) {
		if w, ok := want[name]; !ok {
			fmt.Fprintf(&b, "  extra %s\n", name)
		} else if w != got[name] {
			fmt.Fprintf(&b, "  differs %s\n", name)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(want)) {
		if _, ok := got[name]; !ok {
			fmt.Fprintf(&b, "  missing %s\n", name)
		}
	}
	return b.String()
}
