package arabic

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

func FuzzNormalizeNone(f *testing.F)    { fuzzNormalize(f, None) }
func FuzzNormalizeDefault(f *testing.F) { fuzzNormalize(f, Default) }
func FuzzNormalizeSearch(f *testing.F)  { fuzzNormalize(f, Search) }

// fuzzNormalize checks, for one profile, that the output is valid UTF-8,
// a fixed point, the same however the input is chunked, equal to the
// reference, and missing no code point that no op may remove.
func fuzzNormalize(f *testing.F, o Options) {
	for i, s := range transformCases {
		if len(s) < 1000 {
			f.Add(uint64(i), s)
		}
	}
	for i, c := range opCases {
		f.Add(uint64(i), c.in)
	}
	f.Fuzz(func(t *testing.T, seed uint64, s string) {
		tm := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("hang on %+q", s)) })
		defer tm.Stop()
		out, _, err := transform.String(New(o), s)
		if err != nil {
			t.Fatal(err)
		}
		if got := String(o, s); got != out {
			t.Fatalf("String and Transform differ on %+q:\n%+q\n%+q", s, got, out)
		}
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of %+q: %+q", s, out)
		}
		if again := String(o, out); again != out {
			t.Fatalf("not idempotent on %+q:\n once %+q\ntwice %+q", s, out, again)
		}
		r := transform.NewReader(&chunkReader{s: s, rng: rand.New(rand.NewPCG(seed, 0))}, New(o))
		chunked, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		if string(chunked) != out {
			t.Fatalf("chunking changes the output of %+q:\n%+q\n%+q", s, out, chunked)
		}
		if want := reference(o, s); out != want {
			t.Fatalf("%+q\n got %+q\nwant %+q", s, out, want)
		}
		checkKept(t, o, s, out)
	})
}

// FuzzNormalizeClusters checks idempotence, the reference and streaming
// on texts rich in marks and in long runs of invisible controls, built
// from the fuzzer's bytes by clusterText: the runs of controls are far
// longer than the strings the fuzzer tries on its own.
func FuzzNormalizeClusters(f *testing.F) {
	f.Add([]byte{0, 0, 5, 0, 19, 200, 6, 0}, uint64(1)) // ب, shadda, 4,801 LRMs, fatha
	f.Add([]byte{0, 0, 1, 0, 12, 200, 2, 0}, uint64(1))
	f.Add([]byte{5, 1, 1, 0, 13, 255, 3, 1, 14, 90, 6, 2, 0, 0}, uint64(2))
	f.Add([]byte{9, 0, 4, 0, 15, 40, 4, 3, 16, 120, 1, 1, 11, 0}, uint64(3))
	f.Fuzz(func(t *testing.T, prog []byte, seed uint64) {
		s := clusterText(prog)
		tm := time.AfterFunc(20*time.Second, func() { panic(fmt.Sprintf("hang on %d bytes from %v", len(s), prog)) })
		defer tm.Stop()
		for _, o := range []Options{Default, Search, Search.Without(NFC), None.With(Controls, NFC)} {
			out := String(o, s)
			if again := String(o, out); again != out {
				t.Fatalf("%s: not idempotent on %v:\n once %+.200q\ntwice %+.200q", o.Names(), prog, out, again)
			}
			if want := reference(o, s); out != want {
				t.Fatalf("%s: differs from the reference on %v:\n got %+.200q\nwant %+.200q", o.Names(), prog, out, want)
			}
			r := transform.NewReader(&chunkReader{s: s, rng: rand.New(rand.NewPCG(seed, 1))}, New(o))
			streamed, err := io.ReadAll(r)
			if err != nil {
				t.Fatalf("%s: %v on %v", o.Names(), err, prog)
			}
			if string(streamed) != out {
				t.Fatalf("%s: streamed output differs on %v", o.Names(), prog)
			}
		}
	})
}

// clusterPieces are what clusterText builds texts of: letters, marks
// (simple ones, ones that compose, one with a decomposition), a tatweel,
// a presentation form of a mark, spaces and a line feed, then the
// invisible controls the ops delete, which it repeats by the hundred.
var clusterPieces = []string{
	"ب", "ا", "و", "ل", "a", "\u0651", "\u064e", "\u0650", "\u0653", "\u0654", "\u0655", "\u0670",
	"ـ", "\uFE76", " ", "\n", "\u0f73", "\u0301", "\u06d6",
}

var clusterControls = []string{"\u200e", "\u200f", "\u061c", "\u202b", "\u2067", "\u200b", "\u00ad", "\ufeff"}

// clusterText reads prog two bytes at a time: the first picks a piece,
// the second says how many times: up to 3 for a piece, up to 255 × 24
// for a control.
func clusterText(prog []byte) string {
	var b strings.Builder
	for i := 0; i+1 < len(prog) && b.Len() < 1<<16; i += 2 {
		k := int(prog[i]) % (len(clusterPieces) + len(clusterControls))
		if k < len(clusterPieces) {
			b.WriteString(strings.Repeat(clusterPieces[k], 1+int(prog[i+1])%3))
			continue
		}
		b.WriteString(strings.Repeat(clusterControls[k-len(clusterPieces)], 1+int(prog[i+1])*24))
	}
	return b.String()
}

// checkKept fails if out has fewer of some code point than s, when that
// code point is one no op of o deletes, maps or composes.
func checkKept(t *testing.T, o Options, s, out string) {
	t.Helper()
	tab := tablesFor(o)
	in := map[rune]int{}
	for _, r := range s {
		if tab.lookup(r).kind() == kCopy && !composes(r) {
			in[r]++
		}
	}
	for _, r := range out {
		if _, ok := in[r]; ok {
			in[r]--
		}
	}
	for r, n := range in {
		if n > 0 {
			t.Fatalf("%U lost from %+q: %+q", r, s, out)
		}
	}
}

var composesCache sync.Map // rune → bool

// composes reports whether NFC may merge r with a following mark.
func composes(r rune) bool {
	if v, ok := composesCache.Load(r); ok {
		return v.(bool)
	}
	v := composesUncached(r)
	composesCache.Store(r, v)
	return v
}

func composesUncached(r rune) bool {
	for _, rg := range [][2]rune{{0x300, 0x36F}, {0x483, 0x487}, {0x591, 0x5C7}, {0x610, 0x61A}, {0x64B, 0x65F},
		{0x670, 0x670}, {0x6D6, 0x6ED}, {0x711, 0x711}, {0x730, 0x74A}, {0x93C, 0x93C}, {0x9BE, 0x9BE}, {0x3099, 0x309A}} {
		for m := rg[0]; m <= rg[1]; m++ {
			if s := string(r) + string(m); norm.NFC.String(s) != s {
				return true
			}
		}
	}
	return strings.ContainsRune("\u0B47\u0BC6\u0BC7\u0C46\u0CC6\u0D46\u0D47\u0DD9\u1025\u1B05", r) || 0x1100 <= r && r <= 0x11FF || 0xAC00 <= r && r <= 0xD7A3
}
