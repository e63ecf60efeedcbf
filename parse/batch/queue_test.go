package batch

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestQueue takes jobs for workers in random turns: each job comes out
// once, each worker's first jobs are its own share in order.
func TestQueue(t *testing.T) {
	for _, c := range []struct{ n, workers int }{{0, 1}, {1, 3}, {10, 1}, {10, 2}, {7, 3}, {1000, 4}} {
		q := newQueue(c.n, c.workers)
		var got []int
		done := make([]bool, c.workers)
		first := make([][]int, c.workers)
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
			first[w] = append(first[w], i)
		}
		slices.Sort(got)
		for i, j := range got {
			if i != j {
				t.Fatalf("n %d, %d workers: jobs taken %v", c.n, c.workers, got)
			}
		}
		if len(got) != c.n {
			t.Fatalf("n %d, %d workers: %d jobs taken", c.n, c.workers, len(got))
		}
		if c.n >= c.workers {
			for w := range c.workers {
				if first[w][0] != c.n*w/c.workers {
					t.Errorf("n %d: worker %d began at %d", c.n, w, first[w][0])
				}
			}
		}
	}
}
