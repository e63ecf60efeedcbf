package batch

import "sync"

// queue hands out the jobs 0..n-1 to workers. Each worker starts on its
// own share of the list, in walk order, so that workers mostly write in
// different folders of DST: two files created in one folder at once wait
// on that folder's lock. A worker done with its share takes the second
// half of what remains of the largest other share.
type queue struct {
	mu    sync.Mutex
	spans []span // per worker
}

type span struct{ next, end int }

func newQueue(n, workers int) *queue {
	q := &queue{spans: make([]span, workers)}
	for w := range q.spans {
		q.spans[w] = span{n * w / workers, n * (w + 1) / workers}
	}
	return q
}

// take returns the next job of worker w, or false when none is left.
func (q *queue) take(w int) (int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	s := &q.spans[w]
	if s.next == s.end {
		largest := -1
		for v := range q.spans {
			if r := q.spans[v].end - q.spans[v].next; r > 0 && (largest < 0 || r > q.spans[largest].end-q.spans[largest].next) {
				largest = v
			}
		}
		if largest < 0 {
			return 0, false
		}
		l := &q.spans[largest]
		mid := l.next + (l.end-l.next)/2
		s.next, s.end, l.end = mid, l.end, mid
	}
	s.next++
	return s.next - 1, true
}
