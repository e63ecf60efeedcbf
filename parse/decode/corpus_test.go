package decode

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

const corpusDir = "../../../shared/corpus"

// TestCorpus decodes every file of the shared corpus and checks the
// decision against the encoding FILES.tsv records for it.
func TestCorpus(t *testing.T) {
	f, err := os.Open(filepath.Join(corpusDir, "FILES.tsv"))
	if err != nil {
		t.Skip("shared corpus not available")
	}
	defer f.Close()
	want := map[string]string{
		"utf-8":        "utf-8",
		"ascii":        "utf-8",
		"windows-1256": "windows-1256",
		// Arabic already lost to "?", with a few Windows-1256 bytes left.
		`mangled: Arabic letters lost to "?"/ASCII (unrecoverable) + a few cp1256 bytes`: "windows-1256",
		// ASCII and one Latin-1 £ byte, which is £ in Windows-1256 too.
		"utf-8 with stray latin-1 byte(s)": "windows-1256",
	}
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	n := 0
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		path, recorded := cols[0], cols[7]
		expect, ok := want[recorded]
		if !ok {
			t.Errorf("%s: no expectation for encoding %q", path, recorded)
			continue
		}
		in, err := os.ReadFile(filepath.Join(corpusDir, path))
		if err != nil {
			t.Fatal(err)
		}
		out, res, err := Bytes(in, Auto)
		if err != nil || res.Encoding != expect || res.Replaced != 0 {
			t.Errorf("%s: %+v, %v; want %s without replacements", path, res, err, expect)
		}
		if !utf8.Valid(out) || bytes.ContainsRune(out, utf8.RuneError) {
			t.Errorf("%s: output has U+FFFD or is invalid", path)
		}
		rout, err := io.ReadAll(NewReader(iotest.HalfReader(bytes.NewReader(in)), Auto))
		if err != nil || !bytes.Equal(out, rout) {
			t.Errorf("%s: Reader differs from Bytes (%v)", path, err)
		}
		if recorded == "windows-1256" && !bytes.Contains(out, []byte("ال")) {
			t.Errorf("%s: decoded text has no Arabic article ال", path)
		}
		n++
	}
	if n < 280 {
		t.Errorf("checked %d files, FILES.tsv lists 288", n)
	}
}
