// Command khabar-beam runs khabar's parse as an Apache Beam pipeline: on
// this machine with Beam's prism runner, or on Dataflow, Flink or Spark.
//
//	khabar-beam --input 'archive/**/*.txt' --output out/records --errors out/errors
//
// For every file the input globs match, the records it writes are the
// records `khabar parse --split auto --jsonl PATH` writes for that file
// with the same flags: status ok and empty in the shards of --output,
// status error in those of --errors. See khabar help pipelines.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners"

	// Code specialized for common element types, in place of reflection.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/core/runtime/exec/optimized"

	// Filesystems: local paths, gs:// and s3://.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"

	// Runners: --runner prism (the default), dataflow, flink, spark,
	// universal.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/dataflow"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/flink"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/spark"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/universal"

	"github.com/khabar/khabar/cmd/khabar-beam/pipeline"
	"github.com/khabar/khabar/parse/furniture"
)

// globs is --input, which may be given more than once.
type globs []string

func (g *globs) String() string     { return strings.Join(*g, ",") }
func (g *globs) Set(s string) error { *g = append(*g, s); return nil }

func main() {
	var c pipeline.Config
	var inputs globs
	flag.Var(&inputs, "input", "read the files `GLOB` matches (repeatable); ** matches any folders, on local paths and gs://")
	flag.StringVar(&c.InputFormat, "input-format", "text", "input format `F`: text|jsonl (one {\"id\", \"text\"} object a line)")
	flag.StringVar(&c.Output, "output", "", "write the records of status ok and empty as `PREFIX`-SSSSS-of-NNNNN.jsonl")
	flag.StringVar(&c.Errors, "errors", "", "write the records of status error as `PREFIX`-SSSSS-of-NNNNN.jsonl")
	flag.StringVar(&c.Split, "split", "", "split inputs into documents by `MODE`: none|auto|nul|formfeed|regex:RE (default auto; none for jsonl)")
	flag.StringVar(&c.Encoding, "encoding", "auto", "input `ENCODING`: auto|utf-8|utf-16|windows-1256|iso-8859-6")
	flag.StringVar(&c.Normalize, "normalize", "default", "normalization `PROFILE`: none|default|search")
	flag.StringVar(&c.With, "with", "", "normalization `OPS` to add to the profile (comma-separated)")
	flag.StringVar(&c.Without, "without", "", "normalization `OPS` to drop from the profile (comma-separated)")
	flag.StringVar(&c.MaxBytes, "max-bytes", "64MiB", "largest document to parse, `N` bytes (suffixes KiB, MiB, GiB, KB, MB, GB)")
	flag.DurationVar(&c.Timeout, "timeout", pipeline.DefaultTimeout, "give up on a document after `D` (0: no limit)")
	flag.StringVar(&c.Lexicon, "lexicon", "", "extend the built-in lexicon with `FILE` (read when the job starts)")
	flag.BoolVar(&c.Furniture, "furniture", false, "first learn the lines that repeat across the documents, as khabar furniture does, and remove them")
	flag.StringVar(&c.FurnitureOut, "furniture-out", "", "write the learned lexicon to `FILE` (implies --furniture)")
	flag.IntVar(&c.MinDocs, "min-docs", furniture.DefaultMinDocs, "with --furniture: learn a line found in at least `N` documents")
	flag.Float64Var(&c.MinShare, "min-share", furniture.DefaultMinShare, "with --furniture: and in at least this `SHARE` of them (0.002 is 0.2%)")
	flag.Lookup("runner").Usage = "run on `RUNNER`: prism (this machine, the default), dataflow, flink, spark, universal"
	flag.Usage = usage
	flag.Parse()
	runner := *runners.Runner
	if runner == "" {
		runner = "prism"
	}
	local := runner == "prism" || runner == "PrismRunner"
	if w := flag.Lookup("worker"); w != nil && w.Value.String() == "true" {
		local = false // a worker of a cluster's job, which names no runner
	}
	if local {
		// prism's progress messages; warnings and errors still show.
		beamlog.LogLevel = "warn"
	}
	// A worker started by a runner runs its part of the job here and
	// never returns.
	beam.Init()

	c.Inputs = inputs
	if flag.NArg() > 0 {
		fail(2, "unexpected argument %q: give the files with --input", flag.Arg(0))
	}
	if c.MinDocs < 1 {
		fail(2, "--min-docs: want 1 or more, got %d", c.MinDocs)
	}
	if local {
		// prism runs a stage as one bundle on one CPU: one branch a CPU.
		c.Branches = runtime.NumCPU()
	}
	ctx := context.Background()
	p, err := pipeline.Build(ctx, c)
	if err != nil {
		var u *pipeline.UsageError
		if errors.As(err, &u) {
			fail(2, "%v", err)
		}
		fail(3, "%v", err)
	}
	start := time.Now()
	res, err := beam.Run(ctx, runner, p)
	if err != nil {
		fail(3, "%v", err)
	}
	if counters := pipeline.Counters(res); len(counters) > 0 {
		fmt.Fprintf(os.Stderr, "khabar-beam: done in %v\n", time.Since(start).Round(time.Millisecond))
		for _, c := range counters {
			fmt.Fprintf(os.Stderr, "  %-24s %d\n", c.Name, c.Value)
		}
	}
}

func fail(status int, format string, args ...any) {
	fmt.Fprintf(os.Stderr, "khabar-beam: "+format+"\n", args...)
	os.Exit(status)
}

// usage lists khabar-beam's own flags first; Beam's runner flags follow.
func usage() {
	w := flag.CommandLine.Output()
	fmt.Fprintf(w, `Usage: khabar-beam --input GLOB --output PREFIX --errors PREFIX [flags] [--runner R runner flags]

Parse dumps into JSON records with Apache Beam: on this machine (--runner prism, the
default) or on Dataflow, Flink or Spark. Each file's records are those of
khabar parse --split auto --jsonl PATH with the same flags.

khabar-beam flags:
`)
	own := map[string]bool{}
	for _, n := range []string{"input", "input-format", "output", "errors", "split", "encoding", "normalize", "with", "without",
		"max-bytes", "timeout", "lexicon", "furniture", "furniture-out", "min-docs", "min-share", "runner"} {
		own[n] = true
	}
	print := func(mine bool) {
		flag.VisitAll(func(f *flag.Flag) {
			if own[f.Name] != mine {
				return
			}
			name, text := flag.UnquoteUsage(f)
			fmt.Fprintf(w, "  --%s %s\n    \t%s", f.Name, name, text)
			if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
				fmt.Fprintf(w, " (default %s)", f.DefValue)
			}
			fmt.Fprintln(w)
		})
	}
	print(true)
	fmt.Fprintf(w, "\nBeam flags (--runner dataflow|flink|spark|universal and theirs):\n")
	print(false)
}
