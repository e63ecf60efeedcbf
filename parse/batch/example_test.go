package batch_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/khabar/khabar/parse/batch"
)

// A first run converts the archive; a second finds every output up to
// date; Check lists what a rerun would write, and writes nothing.
func ExampleRun() {
	dir, _ := os.MkdirTemp("", "khabar-example")
	defer os.RemoveAll(dir)
	archive, out := filepath.Join(dir, "archive"), filepath.Join(dir, "json")
	os.MkdirAll(filepath.Join(archive, "2024"), 0o777)
	os.WriteFile(filepath.Join(archive, "2024", "a.txt"), []byte("عنوان\n\nنص الخبر.\n"), 0o666)
	os.WriteFile(filepath.Join(archive, "b.txt"), []byte("خبر أول\n\f\nخبر ثان\n"), 0o666)

	ctx := context.Background()
	sum, _ := batch.Run(ctx, archive, out, batch.Options{})
	fmt.Println(sum.Converted, "converted,", sum.UpToDate, "up to date")
	sum, _ = batch.Run(ctx, archive, out, batch.Options{})
	fmt.Println(sum.Converted, "converted,", sum.UpToDate, "up to date")

	os.WriteFile(filepath.Join(archive, "b.txt"), []byte("خبر معدل\n"), 0o666)
	sum, _ = batch.Run(ctx, archive, out, batch.Options{Check: true})
	for _, p := range sum.Problems {
		fmt.Println(p.State, p.Path)
	}
	// Output:
	// 2 converted, 0 up to date
	// 0 converted, 2 up to date
	// stale b.txt
}
