package view_test

import (
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/khabar/khabar/parse"
	"github.com/khabar/khabar/parse/view"
)

// TestPageInChromium opens pages in headless Chromium and checks from a
// screenshot that each loaded and drew: a PNG of a fair size, not of one
// colour, with the ink of its heading on the right, as a right-to-left
// page sets it. It skips when chromium is not on PATH (.ci/run installs
// it) and under -short.
func TestPageInChromium(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not on PATH")
	}
	if testing.Short() {
		t.Skip("-short")
	}
	several := docs(t, seed(t)+"\n\x00\n"+tagged+"\x00\n"+hostile, "dump.txt", parse.Options{Split: "nul"})
	for _, c := range []struct {
		name string
		docs []*view.Document
	}{
		{"seed", docs(t, seed(t), "testdata/seed.txt", parse.Options{})},
		{"several", several},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			html := filepath.Join(dir, c.name+".html")
			if err := os.WriteFile(html, []byte(page(t, c.docs)), 0o644); err != nil {
				t.Fatal(err)
			}
			shot := filepath.Join(dir, c.name+".png")
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-dev-shm-usage", "--user-data-dir="+filepath.Join(dir, "profile"),
				"--screenshot="+shot, "--window-size=1000,1400", "file://"+html)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("chromium: %v\n%s", err, out)
			}
			fi, err := os.Stat(shot)
			if err != nil {
				t.Fatalf("no screenshot: %v\n%s", err, out)
			}
			if fi.Size() < 20<<10 {
				t.Errorf("screenshot of %d bytes: the page drew next to nothing", fi.Size())
			}
			f, err := os.Open(shot)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			img, err := png.Decode(f)
			if err != nil {
				t.Fatal(err)
			}
			checkDrawn(t, img)
		})
	}
}

// checkDrawn checks that img is not of one colour, has several, and that
// the ink of the page's top line lies on its right.
func checkDrawn(t *testing.T, img image.Image) {
	t.Helper()
	b := img.Bounds()
	bg := img.At(b.Min.X+2, b.Min.Y+2)
	colours := map[color.RGBA]bool{}
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			colours[color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)] = true
		}
	}
	if len(colours) < 16 {
		t.Fatalf("%d colours: the page did not draw", len(colours))
	}
	// The page's heading, in its first 60 pixels, starts on the right.
	left, right := b.Max.X, b.Min.X
	for y := b.Min.Y; y < b.Min.Y+60 && y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X-20; x++ { // the scroll bar aside
			if ink(img.At(x, y), bg) {
				left, right = min(left, x), max(right, x)
			}
		}
	}
	if right < left || left < b.Min.X+b.Dx()/3 || right < b.Min.X+b.Dx()*2/3 {
		t.Errorf("the heading's ink spans x %d to %d of %d: not set right to left", left, right, b.Dx())
	}
}

func ink(c, bg color.Color) bool {
	r1, g1, b1, _ := c.RGBA()
	r2, g2, b2, _ := bg.RGBA()
	d := func(a, b uint32) uint32 {
		if a > b {
			return a - b
		}
		return b - a
	}
	return d(r1, r2)+d(g1, g2)+d(b1, b2) > 3*0x4000
}
