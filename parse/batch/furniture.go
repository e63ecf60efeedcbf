package batch

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"sync"

	"github.com/khabar/khabar/internal/steady"
	"github.com/khabar/khabar/parse"
	"github.com/khabar/khabar/parse/furniture"
	"github.com/khabar/khabar/parse/lexicon"
)

// States of the learned furniture file, in Summary.Furniture.
const (
	FurnitureCurrent = "current" // it holds what was learned
	FurnitureMissing = "missing" // there is none
	FurnitureStale   = "stale"   // it holds something else
)

// learnFurniture learns the furniture of the walked files and makes the
// conversion remove it: the learned entries extend the run's lexicon, and
// the options hash, which covers the lexicon, changes with them. Unless
// Check, the learned file is written into DST when it is not there
// already with the same bytes. It returns the state the learned file was
// found in.
func (r *runner) learnFurniture(ctx context.Context, walk iter.Seq[walkItem]) (string, error) {
	l, err := r.learn(ctx, walk)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if _, err := l.WriteTo(&buf); err != nil {
		return "", err
	}
	state := r.furnitureState(buf.Bytes())
	if !r.opts.Check && state != FurnitureCurrent {
		if err := writeFileAtomic(r.root, FurnitureFile, buf.Bytes(), r.opts.Sync); err != nil {
			return "", fmt.Errorf("%s: %s", filepath.Join(r.dstArg, FurnitureFile), pathErr(err))
		}
	}
	// Nothing learned leaves the lexicon as it was: the outputs are the
	// same bytes, so they stay up to date.
	if learned := l.Lexicon(); learned.Len() > 0 {
		base := r.opts.Parse.Lexicon
		if base == nil {
			base = lexicon.Builtin()
		}
		r.opts.Parse.Lexicon = base.Extend(learned)
		if r.optsHash, err = optionsHash(r.opts.Parse); err != nil {
			return "", err
		}
	}
	return state, nil
}

// furnitureState compares the learned file in DST with data.
func (r *runner) furnitureState(data []byte) string {
	if r.root == nil {
		return FurnitureMissing
	}
	old, err := r.root.ReadFile(FurnitureFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return FurnitureMissing
	case err != nil || !bytes.Equal(old, data):
		return FurnitureStale
	}
	return FurnitureCurrent
}

// learn parses every file with the run's options and Explain, and counts
// the lines of its documents. Files are parsed on Options.Jobs goroutines,
// a window of files ahead at most, and their documents are added in walk
// order, so what is learned does not depend on Jobs.
func (r *runner) learn(ctx context.Context, walk iter.Seq[walkItem]) (*furniture.Learner, error) {
	l := furniture.NewLearner(r.opts.FurnitureOptions)
	po := r.opts.Parse
	po.Explain = true
	type learning struct {
		f    srcFile
		docs chan []furniture.Doc
	}
	ctx, cancel := context.WithCancel(ctx)
	files := make(chan *learning, window) // to the workers
	order := make(chan *learning, window) // to this goroutine, in walk order
	var wg sync.WaitGroup
	defer func() {
		cancel()
		wg.Wait()
	}()
	wg.Go(func() {
		defer close(order)
		defer close(files)
		for wi := range walk {
			if wi.problem != nil {
				continue
			}
			f := &learning{f: wi.file, docs: make(chan []furniture.Doc, 1)}
			select {
			case files <- f:
			case <-ctx.Done():
				return
			}
			select {
			case order <- f:
			case <-ctx.Done():
				return
			}
		}
	})
	for range r.opts.Jobs {
		wg.Go(func() {
			for f := range files {
				if ctx.Err() != nil {
					f.docs <- nil
					continue
				}
				f.docs <- learnFile(f.f, po)
			}
		})
	}
	for f := range order {
		select {
		case d := <-f.docs:
			for _, doc := range d {
				l.Add(doc)
			}
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return l, nil
}

// learnFile returns what the documents of one file give the count. A
// document with status error gives nothing, and neither does a file that
// cannot be read: the conversion reports them.
func learnFile(f srcFile, po parse.Options) (docs []furniture.Doc) {
	fh, err := os.Open(f.abs)
	if err != nil {
		return nil
	}
	defer fh.Close()
	br := readers.Get().(*bufio.Reader)
	br.Reset(fh)
	defer func() {
		br.Reset(nil)
		readers.Put(br)
	}()
	defer func() {
		if recover() != nil {
			docs = nil // the conversion fails the file with the reason
		}
	}()
	for a := range parseFunc(steady.Reader{Reader: br}, f.rel, po) {
		if a.Status != parse.StatusError {
			docs = append(docs, furniture.Lines(a))
		}
	}
	return docs
}
