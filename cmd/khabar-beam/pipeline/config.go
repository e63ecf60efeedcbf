// Package pipeline builds the Apache Beam pipeline of khabar-beam: khabar's
// parse, run on Beam's runners (prism on one machine; Dataflow, Flink and
// Spark on clusters).
//
// The pipeline matches the input globs, spreads the files over the
// workers, parses each file with parse.Parse and writes each document's
// record, the bytes `khabar parse --split auto --jsonl PATH` writes, to
// the output (status ok and empty) or to the errors (status error). With
// Furniture, a first stage learns the lines that repeat across the
// documents, as `khabar furniture` does, and the parse removes them.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/khabar/khabar/parse"
	"github.com/khabar/khabar/parse/arabic"
	"github.com/khabar/khabar/parse/decode"
	"github.com/khabar/khabar/parse/furniture"
	"github.com/khabar/khabar/parse/lexicon"
)

// DefaultTimeout is the per-document time budget of khabar parse.
const DefaultTimeout = 2 * time.Minute

// Config is what the pipeline is asked to do: the flags of khabar-beam.
type Config struct {
	Inputs      []string // globs of the files to read
	InputFormat string   // "text" (dumps) or "jsonl" (lines of {"id", "text"} objects)
	Output      string   // prefix of the shards of records of status ok and empty
	Errors      string   // prefix of the shards of records of status error

	Split     string        // as khabar parse --split; "" is auto for text, none for jsonl
	Encoding  string        // as --encoding; "" is auto
	Normalize string        // as --normalize; "" is default
	With      string        // as --with: ops, comma-separated
	Without   string        // as --without
	MaxBytes  string        // as --max-bytes; "" is 64MiB
	Timeout   time.Duration // as --timeout; 0 is no limit
	Lexicon   string        // as --lexicon: a lexicon file, read when the pipeline is built

	// Branches deals the files among this many copies of the parse
	// stage. The local runner runs a stage as one bundle, on one CPU; it
	// runs branches at once. Other runners spread a stage's elements
	// themselves and need one.
	Branches int

	Furniture    bool    // learn the furniture first, and remove it
	FurnitureOut string  // and write the learned lexicon there ("" for not)
	MinDocs      int     // as khabar furniture --min-docs; 0 is its default
	MinShare     float64 // as --min-share; 0 is none, as for khabar furniture
}

// UsageError is a flag that cannot be used.
type UsageError struct{ msg string }

func (e *UsageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &UsageError{fmt.Sprintf(format, args...)}
}

// docOptions is what a worker needs to parse a document: the flags, and
// the text of the lexicon file, so that workers need no access to it.
type docOptions struct {
	Split       string
	Encoding    string
	Profile     string
	With        string
	Without     string
	MaxBytes    int64
	Timeout     time.Duration
	JSONL       bool
	Explain     bool
	LexiconName string
	LexiconText string
}

// docOptions checks the flags that say how to parse, reading the lexicon
// file; errors are usage errors.
func (c *Config) docOptions(ctx context.Context) (docOptions, error) {
	d := docOptions{Encoding: c.Encoding, Profile: c.Normalize, With: c.With, Without: c.Without,
		Timeout: c.Timeout, Split: c.Split}
	switch c.InputFormat {
	case "", "text":
		if d.Split == "" {
			d.Split = "auto"
		}
	case "jsonl":
		d.JSONL = true
		if d.Split != "" && d.Split != "none" {
			return d, usagef("--split %s: JSON Lines input is one document a line and is not split", d.Split)
		}
		d.Split = "none"
	default:
		return d, usagef("--input-format: unknown format %q (allowed: text, jsonl)", c.InputFormat)
	}
	if d.Encoding == "" {
		d.Encoding = string(decode.Auto)
	}
	if d.Profile == "" {
		d.Profile = "default"
	}
	maxBytes := c.MaxBytes
	if maxBytes == "" {
		maxBytes = "64MiB"
	}
	var err error
	if d.MaxBytes, err = parse.ParseSize(maxBytes); err != nil {
		return d, usagef("--max-bytes: %v", err)
	}
	if d.Timeout < 0 {
		return d, usagef("--timeout: negative duration %v", d.Timeout)
	}
	if c.Lexicon != "" {
		text, err := readFile(ctx, c.Lexicon)
		if err != nil {
			return d, usagef("--lexicon: %v", err)
		}
		d.LexiconName, d.LexiconText = c.Lexicon, string(text)
	}
	if _, err := d.options(); err != nil {
		return d, &UsageError{err.Error()}
	}
	return d, nil
}

// options returns the parse.Options of d.
func (d docOptions) options() (parse.Options, error) {
	var o parse.Options
	var err error
	if o.Encoding, err = decode.ParseEncoding(d.Encoding); err != nil {
		return o, fmt.Errorf("--encoding: %v", err)
	}
	if _, err := arabic.Profile(d.Profile); err != nil {
		return o, fmt.Errorf("--normalize: %v", err)
	}
	o.Profile = d.Profile
	if o.With, err = arabic.ParseOps(d.With); err != nil {
		return o, fmt.Errorf("--with: %v", err)
	}
	if o.Without, err = arabic.ParseOps(d.Without); err != nil {
		return o, fmt.Errorf("--without: %v", err)
	}
	for _, op := range o.With {
		if slices.Contains(o.Without, op) {
			return o, fmt.Errorf("op %s is in both --with and --without", op)
		}
	}
	if err := parse.CheckSplit(d.Split); err != nil {
		return o, fmt.Errorf("--split: %v", err)
	}
	o.Split, o.JSONL, o.Explain = d.Split, d.JSONL, d.Explain
	o.MaxBytes, o.Timeout = d.MaxBytes, d.Timeout
	if d.LexiconName != "" {
		more, err := lexicon.Parse(strings.NewReader(d.LexiconText), d.LexiconName)
		if err != nil {
			return o, fmt.Errorf("--lexicon: %v", err)
		}
		o.Lexicon = lexicon.Builtin().Extend(more)
	}
	if err := o.Check(); err != nil {
		return o, err
	}
	return o, nil
}

// furnitureOptions returns the thresholds of the furniture stage.
func (c *Config) furnitureOptions() (furniture.Options, error) {
	o := furniture.Options{MinDocs: c.MinDocs, MinShare: c.MinShare}
	switch {
	case c.MinDocs < 0:
		return o, usagef("--min-docs: want 1 or more, got %d", c.MinDocs)
	case c.MinShare < 0 || c.MinShare > 1:
		return o, usagef("--min-share: want a share from 0 to 1, got %g", c.MinShare)
	}
	if o.MinShare == 0 {
		o.MinShare = -1 // none, where the library's 0 is its default
	}
	return o, nil
}

// readFile reads a whole file through Beam's filesystems, so that a
// lexicon may be local or in cloud storage.
func readFile(ctx context.Context, name string) ([]byte, error) {
	fs, err := newFS(ctx, name)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	r, err := fs.OpenRead(ctx, name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// newFS returns the filesystem of a path, turning the panic-free error of
// an unknown scheme into an error.
func newFS(ctx context.Context, path string) (filesystem.Interface, error) {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, errors.New(firstLine(err.Error()))
	}
	return fs, nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
