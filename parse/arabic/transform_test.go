package arabic

import (
	"bytes"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/transform"
)

// transformCases are inputs that exercise every piece of state: pending
// letters before marks, pending spaces before line ends, CRLF, kashidas,
// clusters, presentation forms and invalid bytes.
var transformCases = []string{
	"",
	"a",
	"العـــربية  مرحبا\r\nﻷ ﻻ  \r",
	"أيضاً ا\u0653 ﷼ ﷺ \u200fبـ15 القاهرة ـ\n\n  x  \n",
	"\u0627\u200f\u200f\u0654 ة ى \u0661\u0662٫٥ ، ؛ ؟\t\u00a0\u2003y\u2028z\r",
	"\uFE70\uFE71 ب\uFE7Cـ\u064eـل \u0651\u064e e\u0301 \u0958 \u2126\xff\xd8\xe2\x80",
	"ـــــ\u0651 \u064e ل\u0640\u064e\u0640م \u06dd\u06e5ـب",
	"\r\n\r\r\n\u2029 \u200b \n",
	strings.Repeat("كلمة \u00a0", 700) + strings.Repeat("ـ", 300) + "ب" + strings.Repeat("\u064e", 40) + "\u0654",
}

// drive runs n over chunks of src (cut at the given offsets) with a dst of
// dstSize bytes, as transform.Reader would, and returns the output. A call
// that makes no progress with a full dst is retried with a bigger one; with
// 4 KiB it must never happen.
func drive(t *testing.T, n *Normalizer, src []byte, cuts []int, dstSize int) string {
	t.Helper()
	n.Reset()
	var out bytes.Buffer
	var pending []byte
	prev := 0
	cuts = append(cuts, len(src))
	for ci, cut := range cuts {
		pending = append(pending, src[prev:cut]...)
		prev = cut
		atEOF := ci == len(cuts)-1
		for {
			size := dstSize
			var nDst, nSrc int
			var err error
			for {
				dst := make([]byte, size)
				nDst, nSrc, err = n.Transform(dst, pending, atEOF)
				out.Write(dst[:nDst])
				if err != transform.ErrShortDst || nDst > 0 || nSrc > 0 {
					break
				}
				if size >= 4096 {
					t.Fatalf("no progress with a %d-byte dst at %q", size, pending)
				}
				size *= 2
			}
			pending = pending[nSrc:]
			switch err {
			case nil:
				if len(pending) != 0 {
					t.Fatalf("nil error with %d bytes unread", len(pending))
				}
			case transform.ErrShortDst:
				continue
			case transform.ErrShortSrc:
				if atEOF {
					t.Fatalf("ErrShortSrc at EOF on %q", pending)
				}
			default:
				t.Fatal(err)
			}
			break
		}
	}
	return out.String()
}

func TestTransformDstSizes(t *testing.T) {
	for name, o := range optionSets {
		n := New(o)
		for _, s := range transformCases {
			want := reference(o, s)
			for _, size := range []int{1, 2, 3, 4096} {
				if got := drive(t, n, []byte(s), nil, size); got != want {
					t.Errorf("%s dst %d: %+q\n got %+q\nwant %+q", name, size, s, got, want)
				}
			}
		}
	}
}

func TestTransformSplitEveryByte(t *testing.T) {
	for _, name := range []string{"none", "default", "search", "search-spaces"} {
		o := optionSets[name]
		n := New(o)
		for _, s := range transformCases[:8] {
			want := reference(o, s)
			for cut := 0; cut <= len(s); cut++ {
				for _, size := range []int{3, 4096} {
					if got := drive(t, n, []byte(s), []int{cut}, size); got != want {
						t.Fatalf("%s cut %d dst %d: %+q\n got %+q\nwant %+q", name, cut, size, s, got, want)
					}
				}
			}
		}
	}
}

func TestTransformEveryByteAlone(t *testing.T) {
	for _, name := range []string{"default", "search"} {
		o := optionSets[name]
		n := New(o)
		for _, s := range transformCases {
			cuts := make([]int, len(s))
			for i := range cuts {
				cuts[i] = i
			}
			if got, want := drive(t, n, []byte(s), cuts, 4096), reference(o, s); got != want {
				t.Errorf("%s: %+q\n got %+q\nwant %+q", name, s, got, want)
			}
		}
	}
}

func TestTransformReader(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for name, o := range optionSets {
		for _, s := range transformCases {
			want := reference(o, s)
			readers := map[string]io.Reader{
				"one byte": iotest.OneByteReader(strings.NewReader(s)),
				"half":     iotest.HalfReader(strings.NewReader(s)),
				"random":   &chunkReader{s: s, rng: rng},
			}
			for rn, r := range readers {
				got, err := io.ReadAll(transform.NewReader(r, New(o)))
				if err != nil {
					t.Fatalf("%s %s: %v", name, rn, err)
				}
				if string(got) != want {
					t.Errorf("%s %s: %+q\n got %+q\nwant %+q", name, rn, s, got, want)
				}
			}
		}
	}
}

// chunkReader returns s in chunks of random length.
type chunkReader struct {
	s   string
	rng *rand.Rand
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if r.s == "" {
		return 0, io.EOF
	}
	k := min(1+r.rng.IntN(9), len(p), len(r.s))
	copy(p, r.s[:k])
	r.s = r.s[k:]
	return k, nil
}

func TestTransformLongRuns(t *testing.T) {
	// Runs far longer than transform.Reader's 4 KiB buffer of what the state
	// holds (spaces, deleted controls after a letter, tatweels) or of marks
	// must stream, with a 4 KiB dst and with a tiny one.
	for _, s := range []string{
		"a" + strings.Repeat(" ", 10000) + "b",
		"ا" + strings.Repeat("\u200f", 5000) + "\u0654",
		strings.Repeat("\u00a0\t", 5000) + "\n" + strings.Repeat("\u200b", 5000),
		strings.Repeat("ﻻ", 3000),
		"ب" + strings.Repeat("ـ", 5000) + "ب",
		"ب" + strings.Repeat("ـ\u200f", 3000) + " ب",
		"\n" + strings.Repeat("ـ", 5000) + "\n",
		"ب" + strings.Repeat("ـ", 3000) + "\u064e\u0651ب" + strings.Repeat("ـ", 3000),
		"أ" + strings.Repeat("\u0651\u064e\u0653\u200f", 1500) + "ب",
		"a" + strings.Repeat("\u0301\u0323", 2000) + " " + strings.Repeat("\u0670", 3000),
		"ب" + strings.Repeat("\uFE76\u0651\uFC5E", 1000) + "ب",
	} {
		for _, o := range []Options{Default, Search, Search.Without(NFC)} {
			got, err := io.ReadAll(transform.NewReader(strings.NewReader(s), New(o)))
			if err != nil {
				t.Fatalf("%s: %v on %.40q…", o.Names(), err, s)
			}
			want := reference(o, s)
			if string(got) != want {
				t.Errorf("%.40q…: got %.40q…, want %.40q…", s, got, want)
			}
			for _, cuts := range [][]int{nil, {len(s) / 3, len(s) / 2}} {
				if got := drive(t, New(o), []byte(s), cuts, 3); got != want {
					t.Errorf("%.40q… with a 3-byte dst, cut at %v: got %.40q…", s, cuts, got)
				}
			}
		}
	}
}

func TestSpan(t *testing.T) {
	for _, name := range []string{"none", "default", "search"} {
		o := optionSets[name]
		n := New(o)
		for _, s := range append(transformCases, "كلمة أخرى\nسطر", reference(o, transformCases[3])) {
			want := reference(o, s)
			for cut := 0; cut <= len(s); cut++ {
				n.Reset()
				k, err := n.Span([]byte(s[:cut]), cut == len(s))
				if err == nil && k != cut {
					t.Fatalf("Span returned nil error with n=%d of %d", k, cut)
				}
				if s[:k] != want[:min(k, len(want))] {
					t.Fatalf("%s: Span(%+q) = %d, but the output differs there: %+q", name, s[:cut], k, want)
				}
				rest := drive2(t, n, []byte(s[k:]))
				if got := s[:k] + rest; got != want {
					t.Fatalf("%s: Span %d then Transform on %+q\n got %+q\nwant %+q", name, k, s, got, want)
				}
			}
		}
		plain := "كلمه اخري, 12 (سطر)\nسطر ثان\n"
		n.Reset()
		if k, err := n.Span([]byte(plain), true); k != len(plain) || err != nil {
			t.Errorf("%s: Span on normal text stops at %d of %d: %v", name, k, len(plain), err)
		}
	}
}

// drive2 transforms src to the end without resetting n.
func drive2(t *testing.T, n *Normalizer, src []byte) string {
	var out bytes.Buffer
	dst := make([]byte, 4096)
	for {
		nDst, nSrc, err := n.Transform(dst, src, true)
		out.Write(dst[:nDst])
		src = src[nSrc:]
		if err == nil {
			return out.String()
		}
		if err != transform.ErrShortDst {
			t.Fatal(err)
		}
	}
}

// TestTransformLongRandom streams long generated texts, heavy in marks,
// tatweels and controls, through transform.Reader (whose 4 KiB buffer cuts
// the long runs) and compares with the reference.
func TestTransformLongRandom(t *testing.T) {
	heavy := []string{"\u064e", "\u0651", "\u0653", "\u0654", "\u0301", "\u0323", "\u0670", "\u06d6",
		"ـ", "\u200f", "ب", "ا", " ", "\n", "ﻻ", "\uFE70"}
	rng := rand.New(rand.NewPCG(7, 8))
	n := 20
	if testing.Short() {
		n = 4
	}
	for range n {
		var b strings.Builder
		for b.Len() < 9000 {
			piece := heavy[rng.IntN(len(heavy))]
			b.WriteString(strings.Repeat(piece, 1+rng.IntN(400)*rng.IntN(2)))
		}
		s := b.String()
		for _, o := range []Options{Default, Search, Search.Without(NFC)} {
			got, err := io.ReadAll(transform.NewReader(&chunkReader{s: s, rng: rng}, New(o)))
			if err != nil {
				t.Fatalf("%v on %.60q…", err, s)
			}
			if want := reference(o, s); string(got) != want {
				t.Fatalf("%s: output differs from the reference on a %d-byte text", o.Names(), len(s))
			}
		}
	}
}

// TestTransformJoinerCut splits, at every byte, runs of marks around the
// 30 after which NFC inserts U+034F, after letters whose decomposition
// ends in a mark or not.
func TestTransformJoinerCut(t *testing.T) {
	for _, base := range []string{"أ", "ب", "ǖ", ""} {
		for k := 28; k <= 33; k++ {
			s := base + strings.Repeat("\u064e", k-2) + "\u0651\u0653ب"
			for _, o := range []Options{Default, Default.With(Alef, Hamza)} {
				want := reference(o, s)
				for cut := 0; cut <= len(s); cut++ {
					if got := drive(t, New(o), []byte(s), []int{cut}, 4096); got != want {
						t.Fatalf("%s cut %d: %+q\n got %+q\nwant %+q", o.Names(), cut, s, got, want)
					}
				}
			}
		}
	}
}

// TestTransformLongControlRun streams clusters holding more deleted
// controls, or more marks NFC cannot cut, than transform.Reader's 4 KiB
// can hold at once: the stream never stops, and gives in one pass the
// reference's output, which a second pass leaves as it is.
func TestTransformLongControlRun(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, s := range []string{
		"ب\u064e" + strings.Repeat("\u200f", 3000) + "\u064eب",
		"ب\u064e" + strings.Repeat("\u061c", 5000) + "\u0651 نص",
		"ب" + strings.Repeat("\u064e\u200f", 3000) + "ب",
		"ب" + strings.Repeat("\uFE76\u200f", 1500),
		strings.Repeat("ـ\u200e", 4000) + "ب",
		"ب\u0651" + strings.Repeat("\u200e", 5000) + "\u064e",
		"ب\u0651" + strings.Repeat("\u200e\u200f", 3000) + "\u064e\u200f\u0650ب",
		"ا" + strings.Repeat("\u200f", 5000) + "\u0653\u200f" + strings.Repeat("\u200e", 3000) + "\u0654",
		"بـ\u064e" + strings.Repeat("\u200f", 3000) + "\u0651ب",
		"ب" + strings.Repeat("\u0651\u200e", 40) + strings.Repeat("\u200e", 4000) + "\u064e ب",
		"لـ" + strings.Repeat("\u0651", 3000) + "ل",
		"ب" + strings.Repeat("\u0f73", 3000) + "ل",
	} {
		for _, o := range []Options{Default, Search, None.With(Controls), Search.Without(NFC)} {
			want := reference(o, s)
			if got := New(o).String(s); got != want {
				t.Fatalf("%s: String differs from the reference on %.40q…:\n got %+.80q\nwant %+.80q", o.Names(), s, got, want)
			}
			if again := String(o, want); again != want {
				t.Fatalf("%s: not idempotent on %.40q…", o.Names(), s)
			}
			for range 3 {
				got, err := io.ReadAll(transform.NewReader(&chunkReader{s: s, rng: rng}, New(o)))
				if err != nil {
					t.Fatalf("%s: %v on %.40q…", o.Names(), err, s)
				}
				if string(got) != want {
					t.Fatalf("%s: streamed output differs from the reference on %.40q…", o.Names(), s)
				}
			}
			got, err := io.ReadAll(transform.NewReader(strings.NewReader(s), New(o)))
			if err != nil || string(got) != want {
				t.Fatalf("%s: read in 4 KiB: %v, output right %v, on %.40q…", o.Names(), err, string(got) == want, s)
			}
			if got := drive(t, New(o), []byte(s), []int{len(s) / 3, len(s) / 2}, 3); got != want {
				t.Fatalf("%s: with a 3-byte dst: output differs on %.40q…", o.Names(), s)
			}
		}
	}
}

// TestControlsBetweenMarks is the normalizer case of thousands of
// invisible controls between the marks of one letter: the marks come out
// in canonical order in one pass, and every control is counted.
func TestControlsBetweenMarks(t *testing.T) {
	s := "ب\u0651" + strings.Repeat("\u200e\u200f", 2500) + "\u064e"
	n := New(Default)
	got := n.String(s)
	if want := "ب\u064e\u0651"; got != want {
		t.Fatalf("got %+q, want %+q (fatha, then shadda)", got, want)
	}
	if c := n.Changes()[Controls]; c != 5000 {
		t.Errorf("%d controls counted, want 5000", c)
	}
	if again := String(Default, got); again != got {
		t.Errorf("a second pass changes %+q into %+q", got, again)
	}
	streamed, err := io.ReadAll(transform.NewReader(strings.NewReader(s), New(Default)))
	if err != nil || string(streamed) != got {
		t.Errorf("streamed: %+q, %v; want %+q", streamed, err, got)
	}
}
