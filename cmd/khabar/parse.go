package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"github.com/spf13/cobra"

	"github.com/khabar/khabar/parse"
)

// parseOptions is what `khabar parse` was asked to do.
type parseOptions struct {
	paths       []string
	filesFrom   string
	walk        walkOptions
	output      string
	jobs        int
	doc         *docFlags
	inputFormat string
	explain     bool
	jsonl       bool
	quiet       bool
	debug       bool

	stdin          io.Reader
	stdout, stderr io.Writer
}

func newParseCmd() *cobra.Command {
	o := &parseOptions{}
	cmd := &cobra.Command{
		Use:   "parse [PATH...]",
		Short: "Parse dumps into JSON records",
		Long: `Parse files, folders (walked recursively) or stdin (no PATH, or -) into JSON records.
One document gives one pretty JSON object; several inputs, a folder, --files-from, --split
or --input-format jsonl give JSON Lines, one record per document, in input order whatever -j is.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			o.stdin, o.stdout, o.stderr = cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runParse(o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.output, "output", "o", "", "write to `FILE` instead of stdout")
	o.addInputFlags(cmd)
	f.StringVar(&o.inputFormat, "input-format", "text", "input format: text|jsonl (one {\"id\", \"text\"} object a line)")
	f.BoolVar(&o.explain, "explain", false, "add the kind of every line to each record (lines)")
	f.BoolVar(&o.jsonl, "jsonl", false, "write JSON Lines even for one document")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print no message for failed documents")
	f.BoolVar(&o.debug, "debug", false, "add a short stack to E_INTERNAL messages")
	return cmd
}

// addInputFlags adds the flags that say what to read and how to parse it:
// parse and furniture share them.
func (o *parseOptions) addInputFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.IntVarP(&o.jobs, "jobs", "j", runtime.NumCPU(), "parse `N` files at a time")
	o.doc = addDocFlags(cmd, "none")
	f.StringVar(&o.filesFrom, "files-from", "", "read the paths to parse from `FILE` (- for stdin), one a line")
	f.StringSliceVar(&o.walk.include, "include", []string{"*.txt"}, "in folders, parse files whose name matches `GLOB`")
	f.StringSliceVar(&o.walk.exclude, "exclude", nil, "in folders, skip files and folders matching `GLOB`")
}

// libOptions turns the flags into parse.Options; errors are usage errors.
func (o *parseOptions) libOptions() (parse.Options, error) {
	po, err := o.doc.options()
	if err != nil {
		return po, err
	}
	switch o.inputFormat {
	case "text":
	case "jsonl":
		po.JSONL = true
	default:
		return po, usageErrorf("--input-format: unknown format %q (allowed: text, jsonl)", o.inputFormat)
	}
	po.Explain, po.Debug = o.explain, o.debug
	if err := po.Check(); err != nil {
		return po, usageErrorf("%v", err)
	}
	return po, nil
}

// runParse parses every input and writes the records in input order.
func runParse(o *parseOptions) error {
	po, ins, walked, err := o.prepare()
	if err != nil {
		return err
	}
	pretty := !o.jsonl && !walked && o.filesFrom == "" && len(ins) == 1 && !po.JSONL &&
		(po.Split == "" || po.Split == "none")

	var out io.Writer = o.stdout
	if o.output != "" && o.output != "-" {
		f, err := os.Create(o.output)
		if err != nil {
			return fatalErrorf("%v", err)
		}
		defer f.Close()
		out = f
	}
	rw := newRecordWriter(out)
	failed := false
	err = ordered(len(ins), min(o.jobs, max(len(ins), 1)),
		func(i int, out chan<- record, stop <-chan struct{}) {
			parseInput(ins[i], o.stdin, po, pretty, out, stop)
		},
		func(rec record) error {
			if rec.failure != "" {
				failed = true
				if !o.quiet {
					fmt.Fprintf(o.stderr, "khabar: %s\n", rec.failure)
				}
			}
			return rw.writeRecord(rec, pretty)
		})
	if err == nil {
		err = rw.flush()
	}
	if err != nil {
		return fatalErrorf("write: %v", pathError(err))
	}
	if o.output != "" && o.output != "-" {
		if err := out.(*os.File).Close(); err != nil {
			return fatalErrorf("write: %v", pathError(err))
		}
	}
	if failed {
		return errSomeFailed
	}
	return nil
}

// prepare checks the flags and lists the inputs: the parse options, the
// inputs, and whether a folder was walked. Errors carry the exit status.
func (o *parseOptions) prepare() (parse.Options, []input, bool, error) {
	po, err := o.libOptions()
	if err != nil {
		return po, nil, false, err
	}
	if o.jobs < 0 {
		return po, nil, false, usageErrorf("-j: negative number of jobs %d", o.jobs)
	}
	if o.jobs == 0 {
		o.jobs = runtime.NumCPU()
	}
	if err := o.walk.check(); err != nil {
		return po, nil, false, usageErrorf("%v", err)
	}
	ins, walked, err := o.inputs()
	return po, ins, walked, err
}

// inputs lists what to parse: the PATH arguments and --files-from, or stdin.
func (o *parseOptions) inputs() ([]input, bool, error) {
	args := o.paths
	if o.filesFrom != "" {
		var r io.Reader = o.stdin
		if o.filesFrom != "-" {
			f, err := os.Open(o.filesFrom)
			if err != nil {
				return nil, false, fatalErrorf("--files-from: %v", err)
			}
			defer f.Close()
			r = f
		}
		more, err := readFilesFrom(r)
		if err != nil {
			return nil, false, fatalErrorf("--files-from: %v", err)
		}
		args = append(append([]string{}, args...), more...)
	} else if len(args) == 0 {
		args = []string{"-"}
	}
	return collectInputs(args, o.walk)
}

// record is an encoded record on its way to the output, with the message
// that goes to stderr when its document failed.
type record struct {
	json    []byte
	article *parse.Article // instead of json, for a large record (see encodeRecord)
	failure string
}

// parseInput sends the encoded records of one input to out.
func parseInput(in input, stdin io.Reader, po parse.Options, pretty bool, out chan<- record, stop <-chan struct{}) {
	r, done := in.reader(stdin)
	defer done()
	for a := range parse.Parse(r, in.name, po) {
		var rec record
		var err error
		rec.json, rec.article, err = encodeRecord(a, pretty)
		switch {
		case err != nil:
			rec.failure = fmt.Sprintf("%s: cannot encode record: %v", in.name, err)
		case a.Error != nil:
			where := a.Source.Path
			if a.Source.Index > 0 || a.Source.RecordID != nil {
				where = fmt.Sprintf("%s: document %d", where, a.Source.Index)
			}
			rec.failure = fmt.Sprintf("%s: %s: %s", where, a.Error.Code, firstLine(a.Error.Message))
		}
		select {
		case out <- rec:
		case <-stop:
			return
		}
	}
}

// reader opens in for Parse, which turns an input that cannot be opened
// into an E_IO record; done closes it.
func (in input) reader(stdin io.Reader) (r io.Reader, done func()) {
	rc, err := in.open(stdin)
	if err != nil {
		return errReader{err}, func() {}
	}
	return rc, func() { rc.Close() }
}

// errReader is an input that cannot be read: parse turns it into an
// E_IO record.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
