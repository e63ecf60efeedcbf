package batch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchArchive writes n small dumps of the seed article's size into a
// folder tree and returns its path and total size.
func benchArchive(b *testing.B, n int) (string, int64) {
	b.Helper()
	src := b.TempDir()
	para := strings.Repeat("قال وزير الخارجية إن المحادثات مع الجانب الآخر كانت بناءة وإن الطرفين اتفقا على مواصلة الحوار. ", 6)
	var total int64
	for i := range n {
		doc := fmt.Sprintf("عنوان الخبر رقم %d\n\n%s\n\n%s\n\nمصدر الصورة\nGetty Images\n\n%s\n", i, para, para, para)
		p := filepath.Join(src, fmt.Sprintf("%02d", i%20), fmt.Sprintf("%04d.txt", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(doc), 0o666); err != nil {
			b.Fatal(err)
		}
		total += int64(len(doc))
	}
	return src, total
}

// BenchmarkRunForce converts 500 small dumps with the real parser, every
// output replaced each time (--force): parse, encode, temp file, rename
// over the old output.
func BenchmarkRunForce(b *testing.B) {
	src, total := benchArchive(b, 500)
	dst := b.TempDir()
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Run(context.Background(), src, dst, Options{Force: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRunUpToDate is the cost of a rerun that finds every output
// current: walk, hash each source, stat each output.
func BenchmarkRunUpToDate(b *testing.B) {
	src, total := benchArchive(b, 500)
	dst := b.TempDir()
	if _, err := Run(context.Background(), src, dst, Options{}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		sum, err := Run(context.Background(), src, dst, Options{})
		if err != nil || sum.UpToDate != 500 {
			b.Fatalf("%v, %d up to date", err, sum.UpToDate)
		}
	}
}

// BenchmarkRun converts 500 small dumps with the real parser into a new
// DST each time.
func BenchmarkRun(b *testing.B) {
	src, total := benchArchive(b, 500)
	base := b.TempDir()
	b.SetBytes(total)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if _, err := Run(context.Background(), src, filepath.Join(base, fmt.Sprint(i)), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
