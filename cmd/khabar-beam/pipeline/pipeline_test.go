package pipeline

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/khabar/khabar/parse"
	"github.com/khabar/khabar/parse/arabic"
	"github.com/khabar/khabar/parse/furniture"
	"github.com/khabar/khabar/parse/lexicon"
)

func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init()
	os.Exit(m.Run())
}

// The repository's test data, from this package's folder.
const testdata = "../../../testdata"

// run runs the pipeline of c on prism and returns its counters.
func run(t *testing.T, c Config) map[string]int64 {
	t.Helper()
	ctx := context.Background()
	p, err := Build(ctx, c)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	start := time.Now()
	res, err := beam.Run(ctx, "prism", p)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	t.Logf("pipeline ran in %v", time.Since(start).Round(time.Millisecond))
	counters := map[string]int64{}
	for _, c := range Counters(res) {
		counters[c.Name] = c.Value
	}
	return counters
}

// shards returns the lines of the shards of prefix, sorted, and the
// shards' names.
func shards(t *testing.T, prefix string) ([]string, []string) {
	t.Helper()
	names, err := filepath.Glob(prefix + "-*-of-*.jsonl")
	if err != nil || len(names) == 0 {
		t.Fatalf("no shard %s-*-of-*.jsonl (%v)", prefix, err)
	}
	var lines []string
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, splitLines(string(b))...)
	}
	slices.Sort(lines)
	return lines, names
}

func splitLines(s string) []string {
	var out []string
	for l := range strings.Lines(s) {
		out = append(out, l)
	}
	return out
}

// want is what khabar parse writes for each file: the records of
// parse.Parse, encoded as the CLI encodes them (parse.Marshal, one a
// line), those of status error apart; both sorted.
type want struct {
	ok, bad  []string
	counters map[string]int64
}

func expect(t *testing.T, paths []string, opts parse.Options) want {
	t.Helper()
	w := want{counters: map[string]int64{}}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		for a := range parse.Parse(f, p, opts) {
			b, err := parse.Marshal(a, false)
			if err != nil {
				t.Fatal(err)
			}
			w.counters["documents"]++
			w.counters["images"] += int64(len(a.Images))
			for _, c := range a.Credits {
				for _, ag := range c.Agencies {
					w.counters["credits."+ag]++
				}
			}
			if a.Status == parse.StatusError {
				w.bad = append(w.bad, string(b))
				w.counters["errors."+a.Error.Code]++
			} else {
				w.ok = append(w.ok, string(b))
			}
		}
		f.Close()
	}
	w.counters["files"] = int64(len(paths))
	if w.counters["images"] == 0 {
		delete(w.counters, "images")
	}
	slices.Sort(w.ok)
	slices.Sort(w.bad)
	return w
}

// check compares what the pipeline wrote with w.
func check(t *testing.T, c Config, counters map[string]int64, w want) {
	t.Helper()
	ok, _ := shards(t, c.Output)
	bad, _ := shards(t, c.Errors)
	compare(t, "records", ok, w.ok)
	compare(t, "error records", bad, w.bad)
	for name, n := range w.counters {
		if counters[name] != n {
			t.Errorf("counter %s = %d, want %d", name, counters[name], n)
		}
	}
	for name, n := range counters {
		if _, ok := w.counters[name]; !ok {
			t.Errorf("counter %s = %d, want none", name, n)
		}
	}
}

func compare(t *testing.T, what string, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d lines, want %d", what, len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			t.Errorf("%s differ, first at sorted line %d:\n got %.300s\nwant %.300s", what, i, got[i], want[i])
			return
		}
	}
}

// realDumps returns the labelled real dumps, in walk order.
func realDumps(t *testing.T) []string {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(testdata+"/real/dumps", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil || len(paths) == 0 {
		t.Fatalf("no real dump (%v)", err)
	}
	return paths
}

// dumps writes, in dir, a dump of several documents cut by NUL lines
// (Windows-1256 newspapers), one cut by form feeds (UTF-8 pages), and a
// binary file; it returns their paths.
func dumps(t *testing.T, dir string, real []string) []string {
	t.Helper()
	var cp1256, utf8 [][]byte
	for _, p := range real {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case strings.Contains(p, "cp1256") && len(cp1256) < 6:
			cp1256 = append(cp1256, b)
		case strings.Contains(p, "bbc") && len(utf8) < 6:
			utf8 = append(utf8, b)
		}
	}
	binary := make([]byte, 3000)
	for i := range binary {
		binary[i] = byte(i * 7 % 256)
	}
	files := map[string][]byte{
		"multi-nul.txt":      bytes.Join(cp1256, []byte("\n\x00\n")),
		"multi-formfeed.txt": bytes.Join(utf8, []byte("\n\f\n")),
		"image.png":          binary,
	}
	var paths []string
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	slices.Sort(paths)
	return paths
}

// The records are those of parse.Parse for each matched file, byte for
// byte, whatever the shards; a binary file is an error record; a
// multi-document dump gives a record a document. A second run with other
// flags into the same prefixes replaces the first run's shards.
func TestRecordsAreParseRecords(t *testing.T) {
	real := realDumps(t)
	dir := t.TempDir()
	made := dumps(t, filepath.Join(dir), real)
	out := t.TempDir()
	c := Config{
		Inputs:  []string{testdata + "/real/dumps/**/*.txt", testdata + "/seed.txt", dir + "/*"},
		Output:  out + "/records",
		Errors:  out + "/errors",
		Timeout: DefaultTimeout,
		// Two branches, as on a machine of two CPUs: two shards.
		Branches: 2,
	}
	paths := append(append(append([]string{}, real...), testdata+"/seed.txt"), made...)
	w := expect(t, paths, parse.Options{Split: "auto", Timeout: DefaultTimeout})
	if n := len(w.ok) + len(w.bad); n < len(paths)+10 {
		t.Fatalf("%d records for %d files: the multi-document dumps did not split", n, len(paths))
	}
	if len(w.bad) != 1 || !strings.Contains(w.bad[0], `"code":"E_BINARY"`) || !strings.Contains(w.bad[0], "image.png") {
		t.Fatalf("want the binary file's record alone in error, got %d: %.300q", len(w.bad), w.bad)
	}
	counters := run(t, c)
	check(t, c, counters, w)
	if _, names := shards(t, c.Output); len(names) != 2 {
		t.Errorf("shards %v, want 2", names)
	}

	// Other flags, the same prefixes, one branch.
	c.Inputs = []string{dir + "/multi-*.txt"}
	c.Split, c.MaxBytes, c.Normalize, c.Without, c.Branches = "nul", "8KiB", "search", "nfc", 1
	opts := parse.Options{Split: "nul", MaxBytes: 8 << 10, Profile: "search", Timeout: DefaultTimeout}
	var err error
	if opts.Without, err = arabic.ParseOps("nfc"); err != nil {
		t.Fatal(err)
	}
	w = expect(t, made[1:], opts)
	if !slices.ContainsFunc(w.bad, func(s string) bool { return strings.Contains(s, "E_TOO_LARGE") }) {
		t.Fatalf("want a document over --max-bytes; errors %.300q", w.bad)
	}
	counters = run(t, c)
	check(t, c, counters, w)
	if _, names := shards(t, c.Output); len(names) != 1 || !strings.HasSuffix(names[0], "-00000-of-00001.jsonl") {
		t.Errorf("after a run of one shard: shards %v, want the one", names)
	}
}

// JSON Lines input: one record a line, a malformed line an E_DECODE error
// record.
func TestJSONLInput(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile(testdata + "/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i := range 3 {
		fmt.Fprintf(&b, "{\"id\": \"doc-%d\", \"text\": %s}\n", i, parse.AppendJSONString(nil, string(seed)))
	}
	b.WriteString("{\"id\": \"broken\", \"text\": \n")
	p := filepath.Join(dir, "docs.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	c := Config{Inputs: []string{p}, InputFormat: "jsonl", Output: out + "/records", Errors: out + "/errors"}
	w := expect(t, []string{p}, parse.Options{JSONL: true})
	if len(w.ok) != 3 || len(w.bad) != 1 || !strings.Contains(w.bad[0], "E_DECODE") {
		t.Fatalf("want 3 records and an E_DECODE, got %d and %.300q", len(w.ok), w.bad)
	}
	check(t, c, run(t, c), w)
}

// --furniture learns what furniture.Learner learns from the same files in
// input order, writes the same file, and the records are those of a parse
// with the learned lexicon.
func TestFurnitureMatchesLearner(t *testing.T) {
	dir := t.TempDir()
	const promo = "يمكنكم متابعة آخر الأخبار عبر تطبيقنا الجديد على الهواتف الذكية"
	variant := strings.ReplaceAll(promo, "آخر", "اخر") // the same match key, other text
	if lexicon.MakeKey(variant).String() != lexicon.MakeKey(promo).String() {
		t.Fatal("the variant has another key")
	}
	const more = "وكانت المدينة قد شهدت مشروعات مماثلة في الأعوام الماضية دون أن تكتمل."
	story := func(i int, tail ...string) string {
		lines := []string{
			fmt.Sprintf("العنوان رقم %d عن حدث مختلف في المدينة", i),
			"القاهرة - رويترز",
			fmt.Sprintf("أعلنت السلطات المحلية اليوم عن افتتاح المشروع رقم %d في وسط المدينة بعد سنوات من الانتظار.", i),
			fmt.Sprintf("وقال مسؤول في البلدية إن الأعمال رقم %d ستستمر حتى نهاية الشهر المقبل بحسب الخطة.", i),
		}
		return strings.Join(append(lines, tail...), "\n") + "\n"
	}
	// Input order: a.txt, b/c.txt (a dump of three), b-d.txt, z.txt.
	// Story 1 comes twice (the second does not count); the promo's text
	// in the file is that of the second document that holds it.
	files := map[string]string{
		"a.txt":   story(0, variant, more),
		"b/c.txt": story(1, promo) + "\x00\n" + story(2, variant, promo) + "\x00\n" + story(1, more, more),
		"b-d.txt": story(3, more, promo),
		"z.txt":   story(4, variant),
	}
	order := []string{"a.txt", "b/c.txt", "b-d.txt", "z.txt"}
	for name, text := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var paths []string
	for _, name := range order {
		paths = append(paths, dir+"/"+name)
	}
	paths = append(paths, realDumps(t)...)
	out := t.TempDir()
	c := Config{
		Inputs:       []string{dir + "/**", testdata + "/real/dumps/**/*.txt"},
		Output:       out + "/records",
		Errors:       out + "/errors",
		Furniture:    true,
		FurnitureOut: out + "/learned.lex",
		MinDocs:      2,
		MinShare:     0.002,
		Branches:     2,
	}
	// What khabar furniture --min-docs 2 --split auto learns, reading the
	// files in this order.
	slices.SortStableFunc(paths, func(a, b string) int { return compareOrder(a, 0, b, 0) })
	l, wantFile := learnLocally(t, paths, furniture.Options{MinDocs: 2, MinShare: 0.002})
	for _, s := range []string{"furniture\t" + promo + "\t5\n", "furniture\t" + more + "\t2\n", "1 repeat a title"} {
		if !strings.Contains(wantFile.String(), s) {
			t.Fatalf("the learner's file lacks %q: the test's archive is not what it says:\n%s", s, wantFile.String())
		}
	}
	w := expect(t, paths, parse.Options{Split: "auto", Lexicon: lexicon.Builtin().Extend(l.Lexicon())})
	counters := run(t, c)
	got, err := os.ReadFile(c.FurnitureOut)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != wantFile.String() {
		t.Errorf("learned file:\n%s\nwant (furniture.Learner):\n%s", got, wantFile.String())
	}
	check(t, c, counters, w)
}

// Over all of the real dumps, the furniture that khabar furniture learns
// by default is learned too. Skipped with -short.
func TestFurnitureDefaults(t *testing.T) {
	if testing.Short() {
		t.Skip("a whole archive")
	}
	archive := os.Getenv("KHABAR_ARCHIVES")
	if archive == "" {
		archive = testdata + "/real/dumps"
	}
	var paths []string
	filepath.WalkDir(archive, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			paths = append(paths, p)
		}
		return err
	})
	l, wantFile := learnLocally(t, paths, furniture.Options{})
	out := t.TempDir()
	c := Config{Inputs: []string{archive + "/**/*.txt"}, Output: out + "/records", Errors: out + "/errors",
		FurnitureOut: out + "/learned.lex", MinShare: furniture.DefaultMinShare, Branches: 2}
	w := expect(t, paths, parse.Options{Split: "auto", Lexicon: lexicon.Builtin().Extend(l.Lexicon())})
	counters := run(t, c)
	if got, _ := os.ReadFile(c.FurnitureOut); string(got) != wantFile.String() {
		t.Errorf("learned file:\n%s\nwant (furniture.Learner):\n%s", got, wantFile.String())
	}
	check(t, c, counters, w)
}

func TestUsageErrors(t *testing.T) {
	ok := Config{Inputs: []string{"x"}, Output: "o", Errors: "e"}
	for _, tc := range []struct {
		edit func(*Config)
		want string
	}{
		{func(c *Config) { c.Inputs = nil }, "--input"},
		{func(c *Config) { c.Output = "" }, "--output"},
		{func(c *Config) { c.Errors = "o" }, "two prefixes"},
		{func(c *Config) { c.Split = "regex:(" }, "--split"},
		{func(c *Config) { c.Encoding = "latin-9" }, "--encoding"},
		{func(c *Config) { c.Normalize = "loud" }, "--normalize"},
		{func(c *Config) { c.With, c.Without = "nfc", "nfc" }, "both --with and --without"},
		{func(c *Config) { c.MaxBytes = "12XB" }, "--max-bytes"},
		{func(c *Config) { c.Timeout = -time.Second }, "--timeout"},
		{func(c *Config) { c.Lexicon = "/nonexistent/lex" }, "--lexicon"},
		{func(c *Config) { c.InputFormat = "xml" }, "--input-format"},
		{func(c *Config) { c.InputFormat, c.Split = "jsonl", "auto" }, "--split"},
		{func(c *Config) { c.Furniture, c.MinShare = true, 2 }, "--min-share"},
		{func(c *Config) { c.Output = "hdfs://nn/out" }, "hdfs"},
	} {
		c := ok
		tc.edit(&c)
		_, err := Build(context.Background(), c)
		var u *UsageError
		if !errors.As(err, &u) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: error %v, want a usage error about %s", c, err, tc.want)
		}
	}
	// A local glob that matches nothing stops the run before it starts.
	ok.Inputs = []string{t.TempDir() + "/*.txt"}
	_, err := Build(context.Background(), ok)
	var u *UsageError
	if err == nil || errors.As(err, &u) || !strings.Contains(err.Error(), "no file matches") {
		t.Errorf("a glob that matches nothing: error %v, want no file matches", err)
	}
}

func TestMatch(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b/c.txt", "b/d/e.txt", "b/d/f.md", "b-x/g.txt"} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, nil, 0o644)
	}
	for glob, want := range map[string][]string{
		"/**/*.txt":  {"a.txt", "b/c.txt", "b/d/e.txt", "b-x/g.txt"},
		"/b/**":      {"b/c.txt", "b/d/e.txt", "b/d/f.md"},
		"/*":         {"a.txt"},                // folders are left out
		"/b*/*.txt":  {"b/c.txt", "b-x/g.txt"}, // folder by folder
		"/**/[ef].*": {"b/d/e.txt", "b/d/f.md"},
	} {
		got, err := match(context.Background(), dir+glob)
		if err != nil {
			t.Fatalf("%s: %v", glob, err)
		}
		for i := range got {
			got[i] = strings.TrimPrefix(got[i], dir+"/")
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", glob, got, want)
		}
	}
}

func TestCompareOrder(t *testing.T) {
	// As a folder walk reads them: a/x before a-b/x, though '-' < '/'.
	in := []string{"a-b/x", "a/y", "a/x", "a/b/z", "b", "a"}
	slices.SortFunc(in, func(x, y string) int { return compareOrder(x, 0, y, 0) })
	if want := []string{"a", "a/b/z", "a/x", "a/y", "a-b/x", "b"}; !slices.Equal(in, want) {
		t.Errorf("order %q, want %q", in, want)
	}
	if compareOrder("a", 2, "a", 10) >= 0 {
		t.Error("document 2 of a file after document 10")
	}
}

// Counts merge in any order to the same count and the same first two
// documents.
func TestLineCountsMergeInAnyOrder(t *testing.T) {
	occ := []occurrence{{"b", 0}, {"a", 3}, {"a", 1}, {"c/d", 0}, {"a", 2}}
	fn := lineCountFn{}
	var want lineCount
	for _, order := range [][]int{{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {2, 0, 4, 1, 3}} {
		// Two accumulators, merged.
		a, b := fn.CreateAccumulator(), fn.CreateAccumulator()
		for i, j := range order {
			if i%2 == 0 {
				a = fn.AddInput(a, occ[j])
			} else {
				b = fn.AddInput(b, occ[j])
			}
		}
		got := fn.MergeAccumulators(b, a)
		if got.N != 5 || got.First != occ[2] || got.Second != occ[4] {
			t.Errorf("order %v: %+v, want 5 with a 1 then a 2", order, got)
		}
		if want.N != 0 && got != want {
			t.Errorf("order %v: %+v, want %+v", order, got, want)
		}
		want = got
	}
}

// learnLocally learns the furniture of paths, read in this order, with a
// furniture.Learner, as khabar furniture --split auto does, and returns
// it with the file it writes.
func learnLocally(t *testing.T, paths []string, o furniture.Options) (*furniture.Learner, *bytes.Buffer) {
	t.Helper()
	l := furniture.NewLearner(o)
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		for a := range parse.Parse(f, p, parse.Options{Split: "auto", Explain: true}) {
			if a.Error == nil {
				l.Add(furniture.Lines(a))
			}
		}
		f.Close()
	}
	var file bytes.Buffer
	l.WriteTo(&file)
	return l, &file
}
