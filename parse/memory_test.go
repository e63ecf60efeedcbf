package parse

import (
	"io"
	"runtime"
	"strings"
	"testing"
)

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// parseAll parses doc, read through r, and encodes its records.
func parseAll(t testing.TB, r io.Reader, pretty bool) {
	for a := range Parse(r, "big.txt", Options{MaxBytes: 1 << 30}) {
		if a.Error != nil {
			t.Fatal(a.Error.Message)
		}
		if err := Encode(io.Discard, a, pretty); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBigDocumentAllocs holds what the parse of a large document
// allocates, garbage included, to a few times its size: a document of one
// huge line, read whole or piece by piece, normal or not, and one of very
// many short lines, in both forms of output. (Peak memory follows: what
// is not allocated cannot be held.)
func TestBigDocumentAllocs(t *testing.T) {
	if testing.Short() {
		t.Skip("parses documents of tens of megabytes")
	}
	const size = 8 << 20
	words := strings.Repeat("قال الرئيس في بيان إن الحكومة ستعمل على تحسين الوضع ", size/96)
	odd := strings.Repeat("قال الرئيس  في بيان إن الحكومـــة ستعمل على تحسين الوضع ", size/96)
	var short strings.Builder
	for i := 0; short.Len() < size/8; i++ {
		short.WriteString([]string{"في\n", "من ذلك\n", "قال\n", "هو\n"}[i%4])
	}
	lines := strings.Count(short.String(), "\n")
	for _, c := range []struct {
		name  string
		doc   string
		sized bool
		limit float64 // bytes allocated per byte of the document, at most
	}{
		{"one line", words, true, 1.1},
		{"one line, unsized", words, false, 2.3},
		{"one line to normalize", odd, true, 2.2},
		{"short lines", short.String(), true, 40}, // some 230 bytes a line of 7
	} {
		for _, pretty := range []bool{false, true} {
			got := allocated(func() {
				var r io.Reader = strings.NewReader(c.doc)
				if !c.sized {
					r = io.MultiReader(r)
				}
				parseAll(t, r, pretty)
			})
			if want := c.limit*float64(len(c.doc)) + 4<<20; float64(got) > want {
				t.Errorf("%s (pretty %v): %d bytes allocated for %d, want at most %.0f", c.name, pretty, got, len(c.doc), want)
			}
			t.Logf("%s (pretty %v): %.2f bytes allocated a byte (%d lines)", c.name, pretty, float64(got)/float64(len(c.doc)), lines)
		}
	}
}

// TestGather writes a document in pieces of every size across chunks and
// reads it back whole; and splits an input whose documents span chunks.
func TestGather(t *testing.T) {
	var want []byte
	var g gather
	for i := 0; len(want) < 3*gatherChunk+12345; i++ {
		p := []byte(strings.Repeat(string(rune('a'+i%26)), i*997%(70<<10)))
		want = append(want, p...)
		g.write(p)
		if g.len() != len(want) {
			t.Fatalf("%d bytes gathered, want %d", g.len(), len(want))
		}
	}
	if got := g.bytes(); string(got) != string(want) || len(g.full) != 0 {
		t.Fatal("the gathered document differs")
	}
	doc := strings.Repeat("سطر من خبر طويل.\n", 3*gatherChunk/30)
	input := doc + "\x00\n" + doc[:gatherChunk+7] + "\n\x00\nخبر\n"
	var got []string
	for a := range Parse(strings.NewReader(input), "dump.txt", Options{Split: "nul", MaxBytes: 1 << 30}) {
		got = append(got, a.Text)
	}
	if len(got) != 3 || got[2] != "خبر" || !strings.HasPrefix(got[0], "سطر من خبر طويل.\n\nسطر") {
		t.Fatalf("%d documents", len(got))
	}
	var whole []string
	for _, d := range []string{doc, doc[:gatherChunk+7] + "\n"} {
		for a := range Parse(strings.NewReader(d), "doc.txt", Options{MaxBytes: 1 << 30}) {
			whole = append(whole, a.Text)
		}
	}
	if got[0] != whole[0] || got[1] != whole[1] {
		t.Error("a document split off an input differs from the document alone")
	}
}
