package main

import (
	"bufio"
	"io"
	"os"
	"sync"

	"github.com/khabar/khabar/parse"
)

// recordWriter writes encoded records, flushing each one at once when the
// output is a pipe, a socket or a terminal, so khabar can serve as a
// co-process; into a regular file it buffers.
type recordWriter struct {
	bw        *bufio.Writer
	flushEach bool
	err       error
}

func newRecordWriter(w io.Writer) *recordWriter {
	rw := &recordWriter{bw: bufio.NewWriterSize(w, 64<<10)}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && !fi.Mode().IsRegular() {
			rw.flushEach = true
		}
	}
	return rw
}

// streamBytes is the size of a document whose record is not encoded in
// the worker but written as it is encoded (see parse.Encode): the record
// of a large document is several times its size, which the run would
// otherwise hold whole.
const streamBytes = 1 << 20

// encodeRecord encodes the record of a, or, when its document is large,
// returns a for writeRecord to write.
func encodeRecord(a *parse.Article, pretty bool) ([]byte, *parse.Article, error) {
	if a.Source.Bytes > streamBytes {
		return nil, a, nil
	}
	b, err := parse.Marshal(a, pretty)
	return b, nil, err
}

// writeRecord writes rec, encoding it as it goes if it is large.
func (rw *recordWriter) writeRecord(rec record, pretty bool) error {
	if rec.article == nil {
		return rw.write(rec.json)
	}
	if rw.err != nil {
		return rw.err
	}
	if rw.err = parse.Encode(rw.bw, rec.article, pretty); rw.err == nil && rw.flushEach {
		rw.err = rw.bw.Flush()
	}
	return rw.err
}

func (rw *recordWriter) write(b []byte) error {
	if rw.err != nil {
		return rw.err
	}
	if _, rw.err = rw.bw.Write(b); rw.err == nil && rw.flushEach {
		rw.err = rw.bw.Flush()
	}
	return rw.err
}

func (rw *recordWriter) flush() error {
	if rw.err != nil {
		return rw.err
	}
	rw.err = rw.bw.Flush()
	return rw.err
}

// ordered runs work over n items with j workers and hands the results of
// each item to emit in item order, whatever order the workers finish in.
// work sends its results for item i to out; emit returning an error stops
// the run. At most j items are in flight, each holding at most a few
// results, so memory stays bounded however many items there are.
func ordered[T any](n, j int, work func(i int, out chan<- T, stop <-chan struct{}), emit func(T) error) error {
	type job struct {
		i   int
		out chan T
	}
	jobs := make(chan job)
	queue := make(chan job, j)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range j {
		wg.Go(func() {
			for jb := range jobs {
				work(jb.i, jb.out, stop)
				close(jb.out)
			}
		})
	}
	go func() {
		defer close(jobs)
		defer close(queue)
		for i := range n {
			jb := job{i, make(chan T, 16)}
			select {
			case queue <- jb:
			case <-stop:
				return
			}
			select {
			case jobs <- jb:
			case <-stop:
				close(jb.out)
				return
			}
		}
	}()
	var err error
	for jb := range queue {
		for v := range jb.out {
			if err == nil {
				if err = emit(v); err != nil {
					close(stop)
				}
			}
		}
	}
	wg.Wait()
	return err
}
