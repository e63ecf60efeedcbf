package batch

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestAppendEntry holds the hand-written manifest line to what
// encoding/json writes for the entry, and reads it back.
func TestAppendEntry(t *testing.T) {
	names := []string{"a/b.txt", "خبر عاجل.txt", "q\"uote\\.txt", "tab\t\x01.txt", "\xff\xfe.txt", "<&>.txt", "\u2028.txt", ""}
	for _, src := range names {
		for _, out := range names {
			for _, n := range []int64{0, 1, 1 << 40} {
				e := entry{Src: src, Out: out, SHA256: "ab12", OutBytes: n, Schema: "1", Options: "x"}
				if src == "" {
					e = entry{Out: out}
				}
				got := appendEntry(nil, &e)
				want := stdEntry(t, e)
				if !bytes.Equal(got, want) {
					t.Fatalf("%+v:\n got %s\nwant %s", e, got, want)
				}
				var back entry
				if err := json.Unmarshal(got, &back); err != nil {
					t.Fatal(err)
				}
				back.restoreNames()
				if back.Src != e.Src || back.Out != e.Out || back.OutBytes != e.OutBytes || back.SHA256 != e.SHA256 {
					t.Errorf("read back %+v, want %+v", back, e)
				}
			}
		}
	}
}

// stdEntry is the line encoding/json writes for e.
func stdEntry(t *testing.T, e entry) []byte {
	if !utf8.ValidString(e.Src) {
		e.SrcBytes = []byte(e.Src)
	}
	if !utf8.ValidString(e.Out) {
		e.OutName = []byte(e.Out)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(e); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkSortManifest measures the sort of a manifest of 10,000
// entries in no order, as a killed run leaves it: the cost of the first
// rerun.
func BenchmarkSortManifest(b *testing.B) {
	var lines []byte
	for _, i := range rand.Perm(10000) {
		e := entry{Src: fmt.Sprintf("%d/%d.txt", i/100, i), Out: fmt.Sprintf("%d/%d.json", i/100, i), SHA256: strings.Repeat("0123456789abcdef", 4),
			OutBytes: 12183, Schema: "1", Options: "0123456789abcdef01234567"}
		lines = appendEntry(lines, &e)
	}
	b.SetBytes(int64(len(lines)))
	b.ReportAllocs()
	for b.Loop() {
		if err := sortManifest(bytes.NewReader(lines), io.Discard, nil); err != nil {
			b.Fatal(err)
		}
	}
}
