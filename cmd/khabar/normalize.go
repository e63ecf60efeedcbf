package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/text/transform"

	"github.com/khabar/khabar/parse/arabic"
	"github.com/khabar/khabar/parse/decode"
)

// normalizeOptions is what `khabar normalize` was asked to do.
type normalizeOptions struct {
	paths    []string // "-" is stdin; none means stdin
	encoding decode.Encoding
	opts     arabic.Options

	stdin          io.Reader
	stdout, stderr io.Writer
}

func newNormalizeCmd() *cobra.Command {
	o := &normalizeOptions{}
	var enc *encodingFlag
	var norm *normalizeFlags
	cmd := &cobra.Command{
		Use:   "normalize [PATH...]",
		Short: "Write decoded, normalized UTF-8 text to stdout",
		Long: `Decode each file (or stdin: no PATH, or -) and write its text, normalized, to stdout
as UTF-8, in constant memory. Inputs are written one after the other, like cat.

Bytes that do not decode become U+FFFD, with one warning per input on stderr; with a
forced --encoding they are an error instead. A file that cannot be read is reported and
skipped. Exit status: 0 all inputs written, 1 an input did not fit the forced encoding,
2 usage error, 3 an input could not be read or stdout could not be written (the worst wins).

With --encoding auto, up to 64 KiB are read before the first output to decide the
encoding; force one (e.g. --encoding utf-8) to use khabar as a line-by-line co-process.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if o.encoding, err = enc.encoding(); err != nil {
				return err
			}
			if o.opts, err = norm.options(); err != nil {
				return err
			}
			o.paths = args
			o.stdin, o.stdout, o.stderr = cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runNormalize(o)
		},
	}
	enc = addEncodingFlag(cmd)
	norm = addNormalizeFlags(cmd)
	return cmd
}

func runNormalize(o *normalizeOptions) error {
	paths := o.paths
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	out := &flusher{w: bufio.NewWriterSize(o.stdout, 64<<10), buf: make([]byte, 32<<10), br: bufio.NewReaderSize(nil, 64<<10)}
	norm := arabic.New(o.opts)
	status := exitOK
	for _, path := range paths {
		code, err := o.one(out, norm, path)
		if err != nil {
			return fatalErrorf("stdout: %v", unwrapPath(err))
		}
		status = max(status, code)
	}
	if status != exitOK {
		return &exitErr{status, errors.New("")}
	}
	return nil
}

// one copies one input, normalized, to out, reports on stderr what went
// wrong with it, and returns its exit status. The error is a write error,
// which ends the run.
func (o *normalizeOptions) one(out *flusher, norm transform.Transformer, path string) (int, error) {
	in := &shortReads{r: o.stdin}
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintf(o.stderr, "khabar: %s: %v\n", path, unwrapPath(err))
			return exitFatal, nil
		}
		defer f.Close()
		in.r = f
	}
	out.src = in
	out.br.Reset(in)
	dec := decode.NewReader(out.br, o.encoding)
	readErr, err := out.copyFrom(transform.NewReader(dec, norm))
	if err != nil {
		return 0, err
	}
	if err := out.w.Flush(); err != nil {
		return 0, err
	}
	var de *decode.Error
	switch {
	case errors.As(readErr, &de):
		fmt.Fprintf(o.stderr, "khabar: %s: %v\n", path, de)
		return exitError, nil
	case readErr != nil:
		fmt.Fprintf(o.stderr, "khabar: %s: %v\n", path, unwrapPath(readErr))
		return exitFatal, nil
	}
	if res := dec.Result(); res.Replaced > 0 {
		unit := "bytes"
		if res.Replaced == 1 {
			unit = "byte"
		}
		fmt.Fprintf(o.stderr, "khabar: %s: %d invalid %s replaced, first at byte offset %d\n", path, res.Replaced, unit, res.FirstBad)
	}
	return exitOK, nil
}

// flusher is buffered stdout that is flushed whenever the input had no
// more bytes ready (a short read: a pipe or a terminal), so that a line
// sent in comes out without waiting for the buffer to fill.
type flusher struct {
	w   *bufio.Writer
	src *shortReads
	buf []byte        // copy buffer
	br  *bufio.Reader // reused for each input
}

// copyFrom copies r to the writer. It returns r's error (a read or decode
// error; nil at EOF) and the write error apart.
func (f *flusher) copyFrom(r io.Reader) (readErr, writeErr error) {
	for {
		n, err := r.Read(f.buf)
		if n > 0 {
			if _, werr := f.w.Write(f.buf[:n]); werr != nil {
				return nil, werr
			}
			if f.src.short {
				f.src.short = false
				if werr := f.w.Flush(); werr != nil {
					return nil, werr
				}
			}
		}
		if err == io.EOF {
			return nil, nil
		}
		if err != nil {
			return err, nil
		}
	}
}

// shortReads notes when a read returns less than asked for.
type shortReads struct {
	r     io.Reader
	short bool
}

func (s *shortReads) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if n < len(p) && err == nil {
		s.short = true
	}
	return n, err
}

// unwrapPath drops the operation and path that *fs.PathError repeats
// (the message already starts with the path).
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
