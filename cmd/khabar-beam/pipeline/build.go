package pipeline

import (
	"context"
	"fmt"
	"reflect"
	"sort"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	// The DoFns are registered as types, called through reflection: the
	// generic registration of a DoFn costs its package about ten seconds
	// of compiling, and a DoFn here is called once a file; what is called
	// once an element (the functions, combiners, emitters and iterators)
	// is registered without reflection.
	for _, fn := range []any{&matchFn{}, &parseFn{}, &parseLearnedFn{}, &writeFn{}, &finalizeFn{},
		&learnFn{}, &thresholdFn{}, &textFn{}, &learnedFn{}, &writeFileFn{}} {
		beam.RegisterType(reflect.TypeOf(fn).Elem())
	}
	for _, t := range []any{docLines{}, occurrence{}, lineCount{}, learnedLine{}, keptLine{}, Learned{}} {
		beam.RegisterType(reflect.TypeOf(t))
	}
	register.Function2x1(branch)
	register.Function3x0(keyByTitle)
	register.Function2x1(firstDoc)
	register.Function1x1(one)
	register.Function2x1(sum)
	register.Function2x0(lineOccurrences)
	register.Combiner2[lineCount, occurrence](&lineCountFn{})
	register.Emitter1[string]()
	register.Emitter2[int, string]()
	register.Emitter1[[]byte]()
	register.Emitter1[docLines]()
	register.Emitter2[string, docLines]()
	register.Emitter2[string, occurrence]()
	register.Emitter1[learnedLine]()
	register.Emitter2[string, keptLine]()
	register.Iter1[keptLine]()
	register.Iter1[string]()
	register.Iter1[learnedLine]()
}

// Build checks c and returns the pipeline it asks for. A *UsageError says
// which flag is wrong; another error is a local glob that matches no
// file.
func Build(ctx context.Context, c Config) (*beam.Pipeline, error) {
	switch {
	case len(c.Inputs) == 0:
		return nil, usagef("--input: want a glob of the files to read")
	case c.Output == "":
		return nil, usagef("--output: want the prefix of the records' files")
	case c.Errors == "":
		return nil, usagef("--errors: want the prefix of the error records' files")
	case c.Output == c.Errors:
		return nil, usagef("--output and --errors: want two prefixes, got %s twice", c.Output)
	}
	for _, name := range append(append([]string{}, c.Inputs...), c.Output, c.Errors, c.FurnitureOut) {
		if name == "" {
			continue
		}
		fs, err := newFS(ctx, name)
		if err != nil {
			return nil, usagef("%v", err)
		}
		fs.Close()
	}
	doc, err := c.docOptions(ctx)
	if err != nil {
		return nil, err
	}
	fo, err := c.furnitureOptions()
	if err != nil {
		return nil, err
	}
	// A local glob that matches nothing is told now; others when the job
	// lists them.
	for _, glob := range c.Inputs {
		if isLocal(glob) {
			if paths, err := match(ctx, glob); err != nil {
				return nil, err
			} else if len(paths) == 0 {
				return nil, fmt.Errorf("--input %s: no file matches", glob)
			}
		}
	}

	p, s := beam.NewPipelineWithRoot()
	globs := beam.CreateList(s, c.Inputs)
	// A glob is one element: the reshuffle spreads its files over the
	// workers.
	keyed := beam.Reshuffle(s, beam.ParDo(s, &matchFn{Branches: c.Branches}, globs))
	var branches []beam.PCollection
	if c.Branches > 1 {
		branches = beam.Partition(s, c.Branches, branch, keyed)
	} else {
		branches = []beam.PCollection{keyed}
	}
	var learned beam.PCollection
	if c.Furniture || c.FurnitureOut != "" {
		var paths []beam.PCollection
		for _, b := range branches {
			paths = append(paths, beam.DropKey(s, b))
		}
		learned = learn(s, paths, doc, fo, c.FurnitureOut)
	}
	runID := randomID()
	var oks, bads []beam.PCollection
	for i, b := range branches {
		s := s.Scope(fmt.Sprintf("Branch%d", i))
		paths := beam.DropKey(s, b)
		var ok, bad beam.PCollection
		if learned.IsValid() {
			ok, bad = beam.ParDo2(s, &parseLearnedFn{parseFn: parseFn{fileParser{Doc: doc}}}, paths, beam.SideInput{Input: learned})
		} else {
			ok, bad = beam.ParDo2(s, &parseFn{fileParser{Doc: doc}}, paths)
		}
		oks, bads = append(oks, ok), append(bads, bad)
	}
	writeShards(s.Scope("Records"), c.Output, runID, oks...)
	writeShards(s.Scope("Errors"), c.Errors, runID, bads...)
	return p, nil
}

// Counter is the value of one of the pipeline's counters.
type Counter struct {
	Name  string
	Value int64
}

// Counters returns the pipeline's counters from the result of a run,
// by name.
func Counters(r beam.PipelineResult) []Counter {
	if r == nil {
		return nil
	}
	sums := map[string]int64{}
	for _, c := range r.Metrics().AllMetrics().Counters() {
		if c.Namespace() == Namespace {
			sums[c.Name()] += c.Result()
		}
	}
	var out []Counter
	for name, v := range sums {
		out = append(out, Counter{name, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
