package decode

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// chunkReader returns its data in reads of 1, 2, … n bytes, cycling.
type chunkReader struct {
	b    []byte
	n, i int
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	r.i = r.i%r.n + 1
	k := copy(p[:min(len(p), r.i)], r.b)
	r.b = r.b[k:]
	return k, nil
}

// FuzzDecode checks, for any bytes, forced encoding and chunking, with the
// real prefix and with a tiny one (so that decisions on a cut prefix and
// bad bytes after it are reached):
//   - the output is valid UTF-8;
//   - Bytes and Reader give the same output, Result and error;
//   - without error, the output is what a plain decoder of the decided
//     encoding gives (range over string for UTF-8, unicode/utf16 for
//     UTF-16, x/text's charmap for the code pages), and
//     count(U+FFFD in output) = count(U+FFFD the input encodes) + Replaced,
//     with FirstBad = -1 exactly when Replaced = 0;
//   - with an error, the encoding was forced and the output is the
//     reference decoding of the bytes before the offset.
func FuzzDecode(f *testing.F) {
	for _, c := range decodeCases(f) {
		for i := range names {
			f.Add(c.in, uint8(i), uint8(3))
		}
	}
	f.Fuzz(func(t *testing.T, in []byte, e, chunk uint8) {
		enc := names[int(e)%len(names)]
		for _, prefix := range []int{Prefix, 5} {
			out, res, err := decodeBytes(in, enc, prefix)
			r := NewReader(&chunkReader{b: in, n: int(chunk)%17 + 1}, enc)
			r.prefix = prefix
			rout, rerr := io.ReadAll(r)
			if !utf8.Valid(out) {
				t.Fatalf("prefix %d: invalid UTF-8 out: %q", prefix, out)
			}
			if !bytes.Equal(out, rout) || !sameErr(err, rerr) {
				t.Fatalf("prefix %d: Bytes %q, %v; Reader %q, %v", prefix, out, err, rout, rerr)
			}
			if err == nil && res != r.Result() {
				t.Fatalf("prefix %d: Bytes %+v, Reader %+v", prefix, res, r.Result())
			}
			if d := Detect(in, enc); prefix == Prefix && (d.Encoding != res.Encoding || d.Source != res.Source) {
				t.Fatalf("Detect %s (%s), Bytes %s (%s)", d.Encoding, d.Source, res.Encoding, res.Source)
			}
			checkAgainstReference(t, in, enc, out, res, err)
		}
	})
}

func sameErr(a, b error) bool {
	var x, y *Error
	if errors.As(a, &x) && errors.As(b, &y) {
		return *x == *y
	}
	return a == nil && b == nil
}

func checkAgainstReference(t *testing.T, in []byte, enc Encoding, out []byte, res Result, err error) {
	if err != nil {
		var de *Error
		if !errors.As(err, &de) || enc == Auto || de.Offset < 0 || de.Offset >= int64(len(in)) {
			t.Fatalf("%s: unexpected error %v", enc, err)
		}
		return // the Reader agreed; the offset is checked by the table tests
	}
	skip := 0 // the BOM the decision consumed
	switch {
	case res.Encoding == "utf-8" && res.Source != "detected" && bytes.HasPrefix(in, bom8):
		skip = 3
	case strings.HasPrefix(res.Encoding, "utf-16") && (bytes.HasPrefix(in, bomLE) || bytes.HasPrefix(in, bomBE)):
		skip = 2
	}
	want, genuine := reference(t, in[skip:], res.Encoding)
	if string(out) != want {
		t.Fatalf("%s: output %q, reference %q", res.Encoding, out, want)
	}
	if n := strings.Count(want, "\uFFFD"); n != genuine+res.Replaced {
		t.Fatalf("%d U+FFFD out, %d in the input, Replaced %d", n, genuine, res.Replaced)
	}
	if (res.FirstBad == -1) != (res.Replaced == 0) || res.FirstBad >= int64(len(in)) || res.FirstBad != -1 && res.FirstBad < int64(skip) {
		t.Fatalf("FirstBad %d with Replaced %d, input %d bytes", res.FirstBad, res.Replaced, len(in))
	}
}

// reference decodes b plainly and counts the U+FFFD that b encodes.
func reference(t *testing.T, b []byte, encoding string) (string, int) {
	var sb strings.Builder
	genuine := 0
	switch encoding {
	case "utf-8":
		for _, r := range string(b) {
			sb.WriteRune(r)
		}
		genuine = bytes.Count(b, []byte("\uFFFD"))
	case "utf-16le", "utf-16be":
		units := make([]uint16, len(b)/2)
		for i := range units {
			if encoding == "utf-16le" {
				units[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
			} else {
				units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
			}
			if units[i] == 0xfffd {
				genuine++
			}
		}
		sb.WriteString(string(utf16.Decode(units)))
		if len(b)%2 == 1 {
			sb.WriteRune(utf8.RuneError)
		}
	case "windows-1256", "iso-8859-6":
		m := charmap.Windows1256
		if encoding == "iso-8859-6" {
			m = charmap.ISO8859_6
		}
		d, err := m.NewDecoder().Bytes(b)
		if err != nil {
			t.Fatal(err)
		}
		sb.Write(d)
	default:
		t.Fatalf("unknown encoding %q", encoding)
	}
	return sb.String(), genuine
}
