package arabic

import (
	"bufio"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// optionSets are the profiles and some --with/--without combinations.
var optionSets = map[string]Options{
	"none":                      None,
	"default":                   Default,
	"search":                    Search,
	"default+alef":              Default.With(Alef),
	"default+diacritics":        Default.With(Diacritics),
	"search-nfc":                Search.Without(NFC),
	"search-spaces":             Search.Without(Spaces),
	"search-tatweel":            Search.Without(Tatweel),
	"search-controls-newlines":  Search.Without(Controls, Newlines),
	"default-presentation":      Default.Without(Presentation),
	"none+tatweel+controls":     None.With(Tatweel, Controls),
	"search-alef-hamza-persian": Search.Without(Alef, Hamza, Persian),
	"zero":                      {},
}

func checkReference(t *testing.T, name string, o Options, s string) {
	t.Helper()
	want := reference(o, s)
	if got := String(o, s); got != want {
		t.Errorf("%s: %s\n input %+q\n   got %+q\n  want %+q", name, o.Names(), s, got, want)
	}
}

func TestReferenceGenerated(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := 1500
	if testing.Short() {
		n = 300
	}
	for name, o := range optionSets {
		for range n {
			s := randomText(rng, 1+rng.IntN(12))
			checkReference(t, name, o, s)
			r := transform.NewReader(&chunkReader{s: s, rng: rng}, New(o))
			if got, err := io.ReadAll(r); err != nil || string(got) != String(o, s) {
				t.Errorf("%s: chunked reads of %+q give %+q, %v", name, s, got, err)
			}
			if t.Failed() {
				return
			}
		}
	}
}

// controlClusters are clusters of marks holding long runs of invisible
// controls, longer than transform.Reader's buffer: one pass must give
// the reference's output, as if the controls were not there.
var controlClusters = []string{
	"ب\u0651" + strings.Repeat("\u200e", 5000) + "\u064e",
	"ب\u0651" + strings.Repeat("\u200f\u200e", 2000) + "\u064e" + strings.Repeat("\u200f", 2000) + "\u0650 نص",
	"ا" + strings.Repeat("\u200b", 3000) + "\u0653" + strings.Repeat("\u2067", 2000) + "\u0654",
	"بـ" + strings.Repeat("\u200e", 2000) + "\u0651" + strings.Repeat("\u200e", 2000) + "ـب",
	"\uFE76" + strings.Repeat("\u202b", 2000) + "\u0651\u064b",
	"e\u0301" + strings.Repeat("\u00ad", 3000) + "\u0323",
}

func TestReferenceControlsInClusters(t *testing.T) {
	for name, o := range optionSets {
		for _, s := range controlClusters {
			want, got := reference(o, s), String(o, s)
			if got != want {
				t.Errorf("%s: %.24q…: got %+.60q, want %+.60q", name, s, got, want)
			}
			if String(o, got) != got {
				t.Errorf("%s: not idempotent on %.24q…", name, s)
			}
		}
	}
}

func TestReferenceTestdata(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no ../../testdata/*.txt")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for name, o := range optionSets {
			checkReference(t, f+" "+name, o, string(b))
		}
	}
}

// TestReferenceCorpus runs the reference check on every file of the shared
// corpus, decoded as its FILES.tsv says.
func TestReferenceCorpus(t *testing.T) {
	count := 0
	forCorpus(t, func(name string, text []byte) {
		for _, p := range []string{"none", "default", "search"} {
			checkReference(t, name+" "+p, optionSets[p], string(text))
		}
		count++
	})
	t.Logf("%d files", count)
}

// forCorpus calls f with each file of the shared corpus, decoded, or skips
// the test when the corpus is absent.
func forCorpus(tb testing.TB, f func(name string, text []byte)) {
	const dir = "../../../shared/corpus"
	list, err := os.Open(filepath.Join(dir, "FILES.tsv"))
	if err != nil {
		tb.Skip("shared corpus absent")
	}
	defer list.Close()
	sc := bufio.NewScanner(list)
	count := 0
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 8 || cols[0] == "file" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, cols[0]))
		if err != nil {
			tb.Fatal(err)
		}
		if cols[7] == "windows-1256" {
			if b, err = charmap.Windows1256.NewDecoder().Bytes(b); err != nil {
				tb.Fatal(err)
			}
		}
		f(cols[0], b)
		count++
	}
	if count == 0 {
		tb.Fatal("FILES.tsv lists no file")
	}
}
