package decode

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Arabic text with letters that only Windows-1256 has outside ISO-8859-6
// (غ ف ق ك), and one that ISO-8859-6 can hold but that has ق ه و ي.
const (
	news    = "غزة (رويترز) - قال مسؤولون فلسطينيون إن الوفد وصل القاهرة، اليوم."
	isoNews = "قال الوزير إن الحكومة ستوافق على الميزانية"
	persian = "پژوهشگران گفتند"
)

func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding %q: %v", s, err)
	}
	return b
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

var (
	le    = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	be    = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	bomLE = []byte{0xff, 0xfe}
	bomBE = []byte{0xfe, 0xff}
	bom8  = []byte{0xef, 0xbb, 0xbf}
)

type decodeCase struct {
	name    string
	in      []byte
	enc     Encoding
	want    string
	res     Result
	errAt   int64 // offset of the *Error, or -1
	wantErr Encoding
}

func decodeCases(t testing.TB) []decodeCase {
	ok := func(name string, in []byte, e Encoding, want, encoding, source string, replaced int, first int64) decodeCase {
		return decodeCase{name, in, e, want, Result{encoding, source, replaced, first}, -1, ""}
	}
	fail := func(name string, in []byte, e Encoding, want string, at int64) decodeCase {
		return decodeCase{name: name, in: in, enc: e, want: want, errAt: at, wantErr: e}
	}
	long := strings.Repeat(news+"\n", 1200) // 90 KB, past the prefix
	return []decodeCase{
		ok("empty", nil, Auto, "", "utf-8", "detected", 0, -1),
		ok("one ascii byte", []byte("a"), Auto, "a", "utf-8", "detected", 0, -1),
		ok("one cp1256 alef", []byte{0xc7}, Auto, "ا", "windows-1256", "detected", 0, -1),
		ok("one byte 0xff", []byte{0xff}, Auto, "ے", "windows-1256", "detected", 0, -1),
		ok("nul bytes pass", []byte("a\x00b\x00"), Auto, "a\x00b\x00", "utf-8", "detected", 0, -1),
		ok("utf-8", []byte(news), Auto, news, "utf-8", "detected", 0, -1),
		ok("utf-8 bom", cat(bom8, []byte(news)), Auto, news, "utf-8", "bom", 0, -1),
		ok("utf-8 bom only", bom8, Auto, "", "utf-8", "bom", 0, -1),
		ok("utf-8 genuine U+FFFD", []byte("a\uFFFDb"), Auto, "a\uFFFDb", "utf-8", "detected", 0, -1),
		ok("utf-16le bom", cat(bomLE, encode(t, le, news)), Auto, news, "utf-16le", "bom", 0, -1),
		ok("utf-16be bom", cat(bomBE, encode(t, be, news)), Auto, news, "utf-16be", "bom", 0, -1),
		ok("windows-1256", encode(t, charmap.Windows1256, news), Auto, news, "windows-1256", "detected", 0, -1),
		ok("windows-1256 persian", encode(t, charmap.Windows1256, persian), Auto, persian, "windows-1256", "detected", 0, -1),
		ok("iso-8859-6", encode(t, charmap.ISO8859_6, isoNews), Auto, isoNews, "iso-8859-6", "detected", 0, -1),
		// كل in ISO-8859-6 is the same bytes as من in Windows-1256: with
		// neither rule's bytes present, Windows-1256 wins.
		ok("ambiguous bytes", encode(t, charmap.ISO8859_6, "كل"), Auto, "من", "windows-1256", "detected", 0, -1),
		// A stray Latin-1 pound sign in ASCII is £ in Windows-1256 too.
		ok("latin-1 byte in ascii", []byte("cost \xa35"), Auto, "cost £5", "windows-1256", "detected", 0, -1),
		ok("utf-8 with stray byte", []byte(news[:10]+"\xff"+news[10:]), Auto,
			news[:10]+"\uFFFD"+news[10:], "utf-8", "detected", 1, 10),
		ok("utf-8 bom then bad bytes", cat(bom8, []byte("ab\xc3(\xed\xa0\x80")), Auto,
			"ab\uFFFD(\uFFFD\uFFFD\uFFFD", "utf-8", "bom", 4, 5),
		ok("utf-8 cut at the end", []byte(news+"\xd8"), Auto, news+"\uFFFD", "utf-8", "detected", 1, int64(len(news))),
		ok("utf-8 invalid after the prefix", []byte(long+"\xff!"), Auto, long+"\uFFFD!", "utf-8", "detected", 1, int64(len(long))),
		ok("iso-8859-6 undefined after the prefix",
			cat(encode(t, charmap.ISO8859_6, strings.Repeat(isoNews+"\n", 1600)), []byte{0xff}), Auto,
			strings.Repeat(isoNews+"\n", 1600)+"\uFFFD", "iso-8859-6", "detected", 1, int64(1600*(len([]rune(isoNews))+1))),
		ok("utf-16le unpaired surrogates", cat(bomLE, []byte{'a', 0, 0x00, 0xdc, 0x00, 0xd8, 'b', 0, 'c'}), Auto,
			"a\uFFFD\uFFFDb\uFFFD", "utf-16le", "bom", 3, 4),
		ok("utf-16be pair", cat(bomBE, encode(t, be, "😀")), Auto, "😀", "utf-16be", "bom", 0, -1),

		ok("forced utf-8 strips bom", cat(bom8, []byte("x")), UTF8, "x", "utf-8", "flag", 0, -1),
		fail("forced utf-8 on bad byte", []byte("abc\xa3d"), UTF8, "abc", 3),
		fail("forced utf-8 after bom", cat(bom8, []byte("ab\xff")), UTF8, "ab", 5),
		ok("forced utf-16 little-endian by nul", encode(t, le, "Hi "+news), UTF16, "Hi "+news, "utf-16le", "flag", 0, -1),
		ok("forced utf-16 big-endian by nul", encode(t, be, "Hi "+news), UTF16, "Hi "+news, "utf-16be", "flag", 0, -1),
		ok("forced utf-16 with bom", cat(bomBE, encode(t, be, "x")), UTF16, "x", "utf-16be", "flag", 0, -1),
		fail("forced utf-16 odd length", []byte{'a', 0, 'b'}, UTF16, "a", 2),
		ok("forced windows-1256 on utf-8", []byte("é"), Windows1256, "أ©", "windows-1256", "flag", 0, -1),
		ok("forced windows-1256 keeps a bom", bom8, Windows1256, "ï»؟", "windows-1256", "flag", 0, -1),
		ok("forced iso-8859-6", encode(t, charmap.ISO8859_6, news[:0]+isoNews), ISO88596, isoNews, "iso-8859-6", "flag", 0, -1),
		fail("forced iso-8859-6 on undefined", []byte{0xc7, 0x90}, ISO88596, "ا", 1),
	}
}

func TestBytes(t *testing.T) {
	for _, c := range decodeCases(t) {
		t.Run(c.name, func(t *testing.T) {
			out, res, err := Bytes(c.in, c.enc)
			check(t, c, out, res, err)
		})
	}
}

func TestDetect(t *testing.T) {
	for _, c := range decodeCases(t) {
		t.Run(c.name, func(t *testing.T) {
			_, res, _ := Bytes(c.in, c.enc)
			got := Detect(c.in, c.enc)
			if got.Encoding != res.Encoding || got.Source != res.Source {
				t.Errorf("Detect: %s (%s), Bytes: %s (%s)", got.Encoding, got.Source, res.Encoding, res.Source)
			}
		})
	}
}

func TestReader(t *testing.T) {
	readers := map[string]func(io.Reader) io.Reader{
		"whole":    func(r io.Reader) io.Reader { return r },
		"one byte": iotest.OneByteReader,
		"half":     iotest.HalfReader,
		"data+eof": iotest.DataErrReader,
	}
	for _, c := range decodeCases(t) {
		for name, wrap := range readers {
			t.Run(c.name+"/"+name, func(t *testing.T) {
				r := NewReader(wrap(bytes.NewReader(c.in)), c.enc)
				out, err := io.ReadAll(r)
				check(t, c, out, r.Result(), err)
			})
		}
	}
}

func check(t *testing.T, c decodeCase, out []byte, res Result, err error) {
	t.Helper()
	if string(out) != c.want {
		t.Errorf("output %q, want %q", trunc(out), trunc([]byte(c.want)))
	}
	if c.errAt >= 0 {
		var de *Error
		if !errors.As(err, &de) || de.Offset != c.errAt || de.Encoding != c.wantErr {
			t.Fatalf("error %v, want *Error for %s at %d", err, c.wantErr, c.errAt)
		}
		return
	}
	if err != nil {
		t.Fatalf("error %v", err)
	}
	if res != c.res {
		t.Errorf("result %+v, want %+v", res, c.res)
	}
}

func trunc(b []byte) []byte {
	if len(b) > 80 {
		return append(b[:40:40], "…"+string(b[len(b)-40:])...)
	}
	return b
}

func TestErrorMessage(t *testing.T) {
	_, _, err := Bytes([]byte("ab\xff"), UTF8)
	if got, want := err.Error(), "invalid utf-8 at byte offset 2"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestReaderReadError(t *testing.T) {
	boom := errors.New("boom")
	r := NewReader(iotest.ErrReader(boom), Auto)
	if _, err := io.ReadAll(r); err != boom {
		t.Fatalf("got %v, want %v", err, boom)
	}
	if res := r.Result(); res.FirstBad != -1 {
		t.Errorf("result before decision: %+v", res)
	}
}

// A forced code page must not wait for a prefix: a co-process sends a line
// and reads the answer before it sends more.
func TestReaderForcedDoesNotWait(t *testing.T) {
	for _, e := range []Encoding{UTF8, Windows1256, ISO88596} {
		pr, pw := io.Pipe()
		r := NewReader(pr, e)
		go pw.Write([]byte("abc\n"))
		p := make([]byte, 16)
		n, err := r.Read(p)
		if err != nil || string(p[:n]) != "abc\n" {
			t.Errorf("%s: read %q, %v", e, p[:n], err)
		}
		pw.Close()
	}
}

func TestParseEncoding(t *testing.T) {
	for in, want := range map[string]Encoding{
		"": Auto, "auto": Auto, "UTF-8": UTF8, "utf8": UTF8, "utf-16": UTF16,
		"Windows-1256": Windows1256, "cp1256": Windows1256, "iso-8859-6": ISO88596,
	} {
		if got, err := ParseEncoding(in); got != want || err != nil {
			t.Errorf("ParseEncoding(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	_, err := ParseEncoding("latin1")
	if err == nil || !strings.Contains(err.Error(), strings.Join(Names(), ", ")) {
		t.Errorf("ParseEncoding(latin1) error %v does not list the names", err)
	}
}

// The byte rule leans on x/text's tables: Windows-1256 defines every byte,
// ISO-8859-6 leaves exactly the bytes deps.md lists undefined.
func TestCodePageTables(t *testing.T) {
	for b := range 256 {
		if charmap.Windows1256.DecodeByte(byte(b)) == '\uFFFD' {
			t.Errorf("windows-1256 leaves %#x undefined", b)
		}
	}
	var want [256]bool
	for _, r := range [][2]int{{0x80, 0x9f}, {0xa1, 0xa3}, {0xa5, 0xab}, {0xae, 0xba}, {0xbc, 0xbe}, {0xc0, 0xc0}, {0xdb, 0xdf}, {0xf3, 0xff}} {
		for b := r[0]; b <= r[1]; b++ {
			want[b] = true
		}
	}
	if isoUndefined != want {
		t.Errorf("iso-8859-6 undefined bytes differ from the documented set")
	}
}

// TestDecoderContract drives the transformer by hand, as x/text's own tests
// do: destinations of 4 to 16 bytes (4 holds any rune, so progress is
// always possible), sources fed a few bytes at a time, atEOF only at the
// end. The output must be what Bytes gives.
func TestDecoderContract(t *testing.T) {
	for _, c := range decodeCases(t) {
		want, _, wantErr := Bytes(c.in, c.enc)
		d := decide(c.in[:min(len(c.in), Prefix)], len(c.in) < Prefix, c.enc)
		for _, dstSize := range []int{4, 5, 7, 16} {
			for _, chunk := range []int{1, 2, 3, 5} {
				got, err := drive(t, newDecoder(d), c.in[d.skip:], dstSize, chunk)
				if string(got) != string(want) || !sameErr(err, wantErr) {
					t.Errorf("%s, dst %d, chunks of %d: %q, %v; want %q, %v", c.name, dstSize, chunk, trunc(got), err, trunc(want), wantErr)
				}
			}
		}
	}
}

func drive(t *testing.T, tr transform.Transformer, in []byte, dstSize, chunk int) ([]byte, error) {
	var out, src []byte
	dst := make([]byte, dstSize)
	for pos := 0; ; {
		end := min(pos+chunk, len(in))
		src, pos = append(src, in[pos:end]...), end
		atEOF := pos == len(in)
		for {
			nDst, nSrc, err := tr.Transform(dst, src, atEOF)
			out, src = append(out, dst[:nDst]...), src[nSrc:]
			switch {
			case err == transform.ErrShortDst && nDst+nSrc == 0:
				t.Fatalf("no progress with a %d-byte destination", dstSize)
			case err == transform.ErrShortDst:
				continue
			case err == transform.ErrShortSrc && atEOF:
				t.Fatal("ErrShortSrc at EOF")
			case err == transform.ErrShortSrc:
			case err != nil:
				return out, err
			case len(src) != 0:
				t.Fatalf("nil error with %d source bytes left", len(src))
			case atEOF:
				return out, nil
			}
			break
		}
	}
}
