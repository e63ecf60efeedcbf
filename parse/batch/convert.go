package batch

import (
	"fmt"
	"runtime/debug"

	"github.com/khabar/khabar/internal/steady"
	"github.com/khabar/khabar/parse"
)

// parseFunc is parse.Parse; tests replace it to drive the batch logic
// with records of their choosing.
var parseFunc = parse.Parse

// do runs one job. The error is fatal to the run (an output cannot be
// written); a file that fails is an outcome.
func (r *runner) do(j *job) (o outcome, err error) {
	if j.res != nil {
		return outcome{res: *j.res, drop: true}, nil
	}
	o.res = FileResult{Path: j.f.rel, Bytes: max(j.f.size, 0)}
	current := j.prev != nil && !r.opts.Force && r.current(j.prev)
	if r.opts.Check && !current {
		// No need to read the source to know its output must be made.
		o.res.State = Missing
		if j.prev != nil && r.outputThere(j.prev) {
			o.res.State = Stale
		}
		return o, nil
	}
	src, err := openSource(j.f)
	if err != nil {
		return r.fail(j, o.res, "cannot read: "+pathErr(err))
	}
	defer src.close()
	o.res.Bytes = src.size
	if current {
		sum, err := src.sum()
		if err != nil {
			return r.fail(j, o.res, "cannot read: "+pathErr(err))
		}
		if sum == j.prev.SHA256 {
			o.res.State, o.res.Output = UpToDate, j.prev.Out
			return o, nil
		}
		if r.opts.Check {
			o.res.State = Stale
			return o, nil
		}
	}
	return r.convert(j, src, o.res)
}

// current reports whether e was written with this run's schema and
// options and its output is still there, whole.
func (r *runner) current(e *entry) bool {
	return e.Schema == parse.SchemaVersion && e.Options == r.optsHash && r.outputThere(e)
}

func (r *runner) outputThere(e *entry) bool {
	if r.root == nil {
		return false
	}
	dir, base := split(e.Out)
	od, err := r.dirs.acquire(dir, false)
	if od == nil || err != nil {
		return false
	}
	defer r.dirs.release(od)
	fi, err := od.Lstat(base)
	return err == nil && fi.Mode().IsRegular() && fi.Size() == e.OutBytes
}

// convert parses the file and writes its output. The hash recorded is that
// of the bytes parsed, read once.
func (r *runner) convert(j *job, src *source, res FileResult) (o outcome, fatal error) {
	w := &recordWriter{dirs: &r.dirs, stem: j.stem}
	defer func() {
		if p := recover(); p != nil {
			w.abort()
			reason := fmt.Sprintf("%s: internal error: %v", parse.ErrInternal, p)
			if r.opts.Parse.Debug {
				reason += "\n" + string(debug.Stack())
			}
			o, fatal = r.fail(j, res, reason)
		}
	}()
	in, sum := src.hashing()
	var last *parse.Article
	for a := range parseFunc(steady.Reader{Reader: in}, j.f.rel, r.opts.Parse) {
		last = a
		tally(&res, a)
		if a.Status == parse.StatusError {
			break
		}
		if err := w.add(a); err != nil {
			w.abort()
			return o, r.writeErr(j, err)
		}
	}
	if len(res.Errors) > 0 {
		w.abort()
		e := res.Errors[0]
		return r.fail(j, res, fmt.Sprintf("document %d: %s: %s", e.Index, e.Code, e.Message))
	}
	hash := ""
	if w.n == 1 {
		hash = src.idHash(last)
	}
	if hash == "" {
		var err error
		if hash, err = sum(); err != nil {
			w.abort()
			return r.fail(j, res, "cannot read: "+pathErr(err))
		}
	}
	out, size, err := w.finish()
	if err != nil {
		return o, r.writeErr(j, err)
	}
	res.State, res.Output = Converted, out
	return outcome{res: res, record: &entry{
		Src: j.f.rel, Out: out, SHA256: hash, OutBytes: size,
		Schema: parse.SchemaVersion, Options: r.optsHash,
	}}, nil
}

// fail ends a job that failed: the file gets no output, so any output it
// had is removed. The error is fatal: that output cannot be removed.
func (r *runner) fail(j *job, res FileResult, reason string) (outcome, error) {
	res.State, res.Reason = Failed, reason
	res.Docs, res.Images, res.Credits, res.Agencies, res.Pages = 0, 0, 0, nil, nil
	if r.opts.Check {
		return outcome{res: res}, nil
	}
	dir, base := split(j.stem)
	od, err := r.dirs.acquire(dir, false)
	if err != nil {
		return outcome{}, r.writeErr(j, err)
	}
	if od != nil {
		defer r.dirs.release(od)
		for _, ext := range outputExts {
			if err := od.removeStale(base + ext); err != nil {
				return outcome{}, r.writeErr(j, err)
			}
		}
	}
	return outcome{res: res, drop: true}, nil
}

// writeErr is a fatal error writing the output of j.
func (r *runner) writeErr(j *job, err error) error {
	return fmt.Errorf("%s: cannot write its output in %s: %s", j.f.rel, r.dstArg, pathErr(err))
}

// tally counts a record into its file's result.
func tally(res *FileResult, a *parse.Article) {
	for _, w := range a.Warnings {
		res.Warnings = append(res.Warnings, Problem{Index: a.Source.Index, Code: w.Code, Message: w.Message, Line: w.Line})
	}
	if a.Status == parse.StatusError {
		p := Problem{Index: a.Source.Index, Code: parse.ErrInternal, Message: "error record without an error"}
		if a.Error != nil {
			p.Code, p.Message = a.Error.Code, a.Error.Message
		}
		res.Errors = append(res.Errors, p)
		return
	}
	res.Docs++
	if a.Page != "" {
		if res.Pages == nil {
			res.Pages = map[string]int{}
		}
		res.Pages[string(a.Page)]++
	}
	res.Images += len(a.Images)
	res.Credits += len(a.Credits)
	for _, c := range a.Credits {
		for _, name := range c.Agencies {
			if res.Agencies == nil {
				res.Agencies = map[string]int{}
			}
			res.Agencies[name]++
		}
	}
}
