package main

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/khabar/khabar/parse/arabic"
	"github.com/khabar/khabar/parse/decode"
)

func flagsCmd(t *testing.T, args ...string) (*encodingFlag, *normalizeFlags) {
	t.Helper()
	cmd := &cobra.Command{Use: "x"}
	enc, norm := addEncodingFlag(cmd), addNormalizeFlags(cmd)
	if err := cmd.ParseFlags(args); err != nil {
		t.Fatal(err)
	}
	return enc, norm
}

func TestNormalizeFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want arabic.Options
	}{
		{nil, arabic.Default},
		{[]string{"--normalize", "none"}, arabic.None},
		{[]string{"--normalize", "search"}, arabic.Search},
		{[]string{"--with", "diacritics"}, arabic.Default.With(arabic.Diacritics)},
		{[]string{"--with", " alef , yeh ,"}, arabic.Default.With(arabic.Alef, arabic.Yeh)},
		{[]string{"--normalize", "search", "--without", "teh_marbuta,digits"}, arabic.Search.Without(arabic.TehMarbuta, arabic.Digits)},
		{[]string{"--normalize=none", "--with=nfc", "--without=newlines"}, arabic.None.With(arabic.NFC).Without(arabic.Newlines)},
	} {
		_, norm := flagsCmd(t, c.args...)
		got, err := norm.options()
		if err != nil || got != c.want {
			t.Errorf("%q: %v, %v; want %v", c.args, got.Names(), err, c.want.Names())
		}
	}
}

func TestFlagErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--encoding", "latin1"}, "--encoding: unknown encoding \"latin1\" (allowed: auto, utf-8, utf-16, windows-1256, iso-8859-6)"},
		{[]string{"--normalize", "full"}, "--normalize: unknown normalization profile \"full\" (allowed: none, default, search)"},
		{[]string{"--with", "nfc,nfkc"}, "--with: unknown normalization op \"nfkc\" (allowed: newlines, nfc,"},
		{[]string{"--without", "x"}, "--without: unknown normalization op \"x\""},
		{[]string{"--with", "yeh", "--without", "alef,yeh"}, "op yeh is in both --with and --without"},
	} {
		enc, norm := flagsCmd(t, c.args...)
		_, err := enc.encoding()
		if err == nil {
			_, err = norm.options()
		}
		var e *exitErr
		if !errors.As(err, &e) || e.code != exitUsage || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: error %v, want usage error starting %q", c.args, err, c.want)
		}
	}
}

func TestEncodingFlag(t *testing.T) {
	enc, _ := flagsCmd(t, "--encoding", "CP1256")
	if got, err := enc.encoding(); got != decode.Windows1256 || err != nil {
		t.Errorf("got %q, %v", got, err)
	}
	enc, _ = flagsCmd(t)
	if got, err := enc.encoding(); got != decode.Auto || err != nil {
		t.Errorf("default: got %q, %v", got, err)
	}
}

func TestCompleteOps(t *testing.T) {
	for in, want := range map[string][]string{
		"te":          {"teh_marbuta"},
		"nfc,d":       {"nfc,diacritics", "nfc,digits"},
		"alef,yeh,a":  nil, // alef is already named
		"alef,yeh,pe": {"alef,yeh,persian"},
	} {
		got, _ := completeOps(nil, nil, in)
		if !slices.Equal(got, want) {
			t.Errorf("completeOps(%q) = %q, want %q", in, got, want)
		}
	}
	if got, _ := completeOps(nil, nil, ""); len(got) != len(arabic.Ops()) {
		t.Errorf("completeOps(\"\") gives %d names, want %d", len(got), len(arabic.Ops()))
	}
}

// TestQuietShort: every command that has --quiet takes -q for it.
func TestQuietShort(t *testing.T) {
	n := 0
	for _, cmd := range newRootCmd().Commands() {
		f := cmd.Flags().Lookup("quiet")
		if f == nil {
			continue
		}
		n++
		if f.Shorthand != "q" {
			t.Errorf("khabar %s: --quiet has no -q", cmd.Name())
		}
	}
	if n < 4 {
		t.Errorf("%d commands have --quiet, want parse, explain, furniture and batch at least", n)
	}
}
