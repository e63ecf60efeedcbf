package batch

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestQueue takes jobs for workers in random turns, after a first turn
// in which each worker takes the first job of its share: each job comes
// out once.
func TestQueue(t *testing.T) {
	for _, c := range []struct{ n, workers int }{{0, 1}, {1, 3}, {10, 1}, {10, 2}, {7, 3}, {1000, 4}} {
		q := newQueue(c.n, c.workers)
		var got []int
		if c.n >= c.workers {
			for w := range c.workers {
				i, ok := q.take(w)
				if want := c.n * w / c.workers; !ok || i != want {
					t.Errorf("n %d: worker %d began at %d, want %d", c.n, w, i, want)
				}
				got = append(got, i)
			}
		}
		done := make([]bool, c.workers)
		for left := c.workers; left > 0; {
			w := rand.IntN(c.workers)
			if done[w] {
				continue
			}
			i, ok := q.take(w)
			if !ok {
				done[w] = true
				left--
				continue
			}
			got = append(got, i)
		}
		slices.Sort(got)
		if len(got) != c.n {
			t.Fatalf("n %d, %d workers: %d jobs taken", c.n, c.workers, len(got))
		}
		for i, j := range got {
			if i != j {
				t.Fatalf("n %d, %d workers: jobs taken %v", c.n, c.workers, got)
			}
		}
	}
}
