package main

import (
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/khabar/khabar/parse"
	"github.com/khabar/khabar/parse/lexicon"
)

// defaultTimeout is the per-document time budget unless --timeout says
// otherwise: generous enough for a document of --max-bytes on a slow
// machine, short enough that a runaway document does not hold a batch.
const defaultTimeout = 2 * time.Minute

// docFlags are the flags that say how to read and parse a document:
// parse, explain and batch share them.
type docFlags struct {
	encoding  *encodingFlag
	normalize *normalizeFlags
	split     string
	lexicon   string
	maxBytes  string
	timeout   time.Duration
}

func addDocFlags(cmd *cobra.Command, split string) *docFlags {
	d := &docFlags{
		encoding:  addEncodingFlag(cmd),
		normalize: addNormalizeFlags(cmd),
	}
	f := cmd.Flags()
	f.StringVar(&d.split, "split", split, "split inputs into documents: none|auto|nul|formfeed|regex:RE")
	f.StringVar(&d.lexicon, "lexicon", "", "extend the built-in lexicon with `FILE`")
	f.StringVar(&d.maxBytes, "max-bytes", "64MiB", "largest document to parse, in bytes (suffixes KiB, MiB, GiB, KB, MB, GB)")
	f.DurationVar(&d.timeout, "timeout", defaultTimeout, "give up on a document after `D` (0: no limit)")
	return d
}

// options turns the flags into parse.Options; errors are usage errors.
func (d *docFlags) options() (parse.Options, error) {
	var po parse.Options
	var err error
	if po.Encoding, err = d.encoding.encoding(); err != nil {
		return po, err
	}
	if po.Profile, po.With, po.Without, err = d.normalize.values(); err != nil {
		return po, err
	}
	if err := parse.CheckSplit(d.split); err != nil {
		return po, usageErrorf("--split: %v", err)
	}
	po.Split = d.split
	if po.MaxBytes, err = parse.ParseSize(d.maxBytes); err != nil {
		return po, usageErrorf("--max-bytes: %v", err)
	}
	if d.timeout < 0 {
		return po, usageErrorf("--timeout: negative duration %v", d.timeout)
	}
	po.Timeout = d.timeout
	if d.lexicon != "" {
		if po.Lexicon, err = loadLexicon(d.lexicon); err != nil {
			return po, usageErrorf("--lexicon: %v", err)
		}
	}
	return po, nil
}

// loadLexicon returns the built-in lexicon extended with the file's.
func loadLexicon(name string) (*lexicon.Lexicon, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	more, err := lexicon.Parse(f, name)
	if err != nil {
		return nil, err
	}
	return lexicon.Builtin().Extend(more), nil
}
