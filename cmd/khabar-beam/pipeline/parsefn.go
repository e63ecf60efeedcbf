package pipeline

import (
	"context"
	"io"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/khabar/khabar/parse"
	"github.com/khabar/khabar/parse/lexicon"
)

// Namespace is the namespace of the pipeline's counters.
const Namespace = "khabar"

// Counters: documents, then one counter a code (errors.E_BINARY…), the
// images, and one counter an agency credited (credits.Reuters…). Files
// counts the files read.
var (
	documents = beam.NewCounter(Namespace, "documents")
	files     = beam.NewCounter(Namespace, "files")
	images    = beam.NewCounter(Namespace, "images")
)

// parseFn parses one file and emits the record of each of its documents,
// one element a document: status ok and empty to the first output, status
// error to the second. A file that cannot be read gives an E_IO record, as
// in khabar parse; nothing a file holds fails the pipeline. Parse holds
// one document in memory at a time (at most --max-bytes), and each record
// leaves as soon as it is written.
type parseFn struct{ fileParser }

// fileParser is what a DoFn that parses files holds: the flags, the
// parse.Options made from them where the DoFn runs, and its filesystems.
type fileParser struct {
	Doc docOptions

	opts parse.Options
	fsys fileSystems
}

func (f *fileParser) Setup() error {
	var err error
	f.opts, err = f.Doc.options()
	return err
}

func (f *fileParser) Teardown() { f.fsys.close() }

func (f *parseFn) ProcessElement(ctx context.Context, path string, ok, bad func([]byte)) {
	f.parse(ctx, path, f.opts, ok, bad)
}

func (f *parseFn) parse(ctx context.Context, path string, opts parse.Options, ok, bad func([]byte)) {
	files.Inc(ctx, 1)
	r, done := f.fsys.open(ctx, path)
	defer done()
	for a := range parse.Parse(r, path, opts) {
		rec, err := parse.Marshal(a, false)
		if err != nil {
			// khabar parse writes no record then, and reports it.
			beam.NewCounter(Namespace, "errors.encode").Inc(ctx, 1)
			continue
		}
		count(ctx, a)
		if a.Status == parse.StatusError {
			bad(rec)
		} else {
			ok(rec)
		}
	}
}

// parseLearnedFn is parseFn with the learned furniture, a side input,
// added to the lexicon as khabar batch --furniture auto adds it. A
// separate DoFn: a side input costs the local runner a busy loop for as
// long as the stage runs.
type parseLearnedFn struct {
	parseFn

	learnedID string
	learned   *lexicon.Lexicon // opts.Lexicon extended with the learned entries
}

func (f *parseLearnedFn) ProcessElement(ctx context.Context, path string, learned Learned, ok, bad func([]byte)) {
	opts := f.opts
	if len(learned.Lines) > 0 {
		if f.learned == nil || f.learnedID != learned.ID {
			base := f.opts.Lexicon
			if base == nil {
				base = lexicon.Builtin()
			}
			f.learned, f.learnedID = base.Extend(lexicon.New(learned.entries())), learned.ID
		}
		opts.Lexicon = f.learned
	}
	f.parse(ctx, path, opts, ok, bad)
}

// count adds a record to the counters.
func count(ctx context.Context, a *parse.Article) {
	documents.Inc(ctx, 1)
	if a.Error != nil {
		beam.NewCounter(Namespace, "errors."+a.Error.Code).Inc(ctx, 1)
	}
	if n := len(a.Images); n > 0 {
		images.Inc(ctx, int64(n))
	}
	for _, c := range a.Credits {
		for _, ag := range c.Agencies {
			beam.NewCounter(Namespace, "credits."+ag).Inc(ctx, 1)
		}
	}
}

// fileSystems keeps one filesystem a scheme for the life of a DoFn: a
// cloud storage client is costly to make for each file.
type fileSystems map[string]filesystem.Interface

func (m *fileSystems) get(ctx context.Context, path string) (filesystem.Interface, error) {
	scheme := "local"
	if i := strings.Index(path, "://"); i > 0 {
		scheme = path[:i]
	}
	if fs, ok := (*m)[scheme]; ok {
		return fs, nil
	}
	fs, err := newFS(ctx, path)
	if err != nil {
		return nil, err
	}
	if *m == nil {
		*m = fileSystems{}
	}
	(*m)[scheme] = fs
	return fs, nil
}

// open opens path for parse.Parse, which turns a file that cannot be
// read into an E_IO record; done closes it.
func (m *fileSystems) open(ctx context.Context, path string) (io.Reader, func()) {
	fs, err := m.get(ctx, path)
	if err != nil {
		return errReader{err}, func() {}
	}
	rc, err := fs.OpenRead(ctx, path)
	if err != nil {
		return errReader{err}, func() {}
	}
	return rc, func() { rc.Close() }
}

func (m fileSystems) close() {
	for _, fs := range m {
		fs.Close()
	}
}

// errReader is a file that cannot be read: parse turns it into an E_IO
// record.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }
