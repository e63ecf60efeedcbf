package main

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/khabar/khabar/parse/arabic"
	"github.com/khabar/khabar/parse/decode"
)

// Flags that several commands share. Each add function registers the
// flags and their completions on a command and returns the place their
// values land; the methods check the values once cobra has parsed them and
// turn a bad one into a usage error that lists the allowed values.

// encodingFlag is --encoding.
type encodingFlag struct{ value string }

func addEncodingFlag(cmd *cobra.Command) *encodingFlag {
	f := &encodingFlag{}
	cmd.Flags().StringVar(&f.value, "encoding", string(decode.Auto),
		"input `ENCODING`: "+strings.Join(decode.Names(), "|")+" (auto: BOM, else UTF-8, else Windows-1256 or ISO-8859-6)")
	_ = cmd.RegisterFlagCompletionFunc("encoding", cobra.FixedCompletions(decode.Names(), cobra.ShellCompDirectiveNoFileComp))
	return f
}

// encoding returns the chosen encoding.
func (f *encodingFlag) encoding() (decode.Encoding, error) {
	e, err := decode.ParseEncoding(f.value)
	if err != nil {
		return "", usageErrorf("--encoding: %v", err)
	}
	return e, nil
}

// normalizeFlags are --normalize, --with and --without.
type normalizeFlags struct{ profile, with, without string }

func addNormalizeFlags(cmd *cobra.Command) *normalizeFlags {
	f := &normalizeFlags{}
	fs := cmd.Flags()
	fs.StringVar(&f.profile, "normalize", "default", "normalization `PROFILE`: "+strings.Join(arabic.ProfileNames(), "|"))
	fs.StringVar(&f.with, "with", "", "normalization `OPS` to add to the profile (comma-separated)")
	fs.StringVar(&f.without, "without", "", "normalization `OPS` to drop from the profile (comma-separated)")
	_ = cmd.RegisterFlagCompletionFunc("normalize", cobra.FixedCompletions(arabic.ProfileNames(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("with", completeOps)
	_ = cmd.RegisterFlagCompletionFunc("without", completeOps)
	return f
}

// values returns the profile name and the ops to add and to drop. An op
// named in both --with and --without is a usage error: neither can win
// without surprising someone.
func (f *normalizeFlags) values() (profile string, with, without []arabic.Op, err error) {
	if _, err := arabic.Profile(f.profile); err != nil {
		return "", nil, nil, usageErrorf("--normalize: %v", err)
	}
	if with, err = arabic.ParseOps(f.with); err != nil {
		return "", nil, nil, usageErrorf("--with: %v", err)
	}
	if without, err = arabic.ParseOps(f.without); err != nil {
		return "", nil, nil, usageErrorf("--without: %v", err)
	}
	for _, op := range with {
		if slices.Contains(without, op) {
			return "", nil, nil, usageErrorf("op %s is in both --with and --without", op)
		}
	}
	return f.profile, with, without, nil
}

// options returns the profile with the --with ops added and the --without
// ops dropped.
func (f *normalizeFlags) options() (arabic.Options, error) {
	profile, with, without, err := f.values()
	if err != nil {
		return arabic.Options{}, err
	}
	o, _ := arabic.Profile(profile)
	return o.With(with...).Without(without...), nil
}

// completeOps completes the last name of a comma-separated op list.
func completeOps(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	done, last := "", toComplete
	if i := strings.LastIndexByte(toComplete, ','); i >= 0 {
		done, last = toComplete[:i+1], toComplete[i+1:]
	}
	named := strings.Split(done, ",")
	var out []string
	for _, op := range arabic.Ops() {
		name := op.String()
		if strings.HasPrefix(name, last) && !slices.Contains(named, name) {
			out = append(out, done+name)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
}
