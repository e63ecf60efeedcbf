package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/khabar/khabar/parse"
	"github.com/khabar/khabar/parse/arabic"
)

// TestDocsCommandLines finds every khabar command line in the README, the
// reference topics and CONTRIBUTING.md and checks that it parses: the
// command exists, its flags exist, and a flag's value is valid where khabar
// checks it before reading anything. A renamed flag breaks the build, not
// the docs.
func TestDocsCommandLines(t *testing.T) {
	root := filepath.Join("..", "..")
	files := []string{filepath.Join(root, "README.md"), filepath.Join(root, "CONTRIBUTING.md")}
	topics, _ := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	files = append(files, topics...)
	checked := 0
	for _, name := range files {
		b, err := os.ReadFile(name)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range commandLines(string(b)) {
			checked++
			if err := checkCommandLine(c.args); err != nil {
				t.Errorf("%s:%d: %q: %v", filepath.Base(name), c.line, strings.Join(c.args, " "), err)
			}
		}
	}
	if checked < 20 {
		t.Errorf("found %d khabar command lines in the docs, want 20 or more: is the extraction broken?", checked)
	}
}

// TestDocsCheckerCatchesMistakes holds the checker to finding what it is
// for: an unknown command, an unknown or renamed flag, a bad value.
func TestDocsCheckerCatchesMistakes(t *testing.T) {
	for _, bad := range []string{
		"khabar parsee x.txt",
		"khabar parse --jsonl --explainn x.txt",
		"khabar batch src -o dst --furnitur auto",
		"khabar parse --split sometimes x.txt",
		"khabar normalize --normalize loud x.txt",
		"khabar parse --with nosuchop x.txt",
		"khabar parse -j many x.txt",
		"khabar help nosuchtopic",
	} {
		cs := commandLines("```\n" + bad + "\n```\n")
		if len(cs) != 1 {
			t.Errorf("%q: found %d command lines, want 1", bad, len(cs))
			continue
		}
		if err := checkCommandLine(cs[0].args); err == nil {
			t.Errorf("%q: accepted", bad)
		}
	}
	for _, good := range []string{
		"khabar parse --split auto --lexicon FILE dump.txt | jq .text",
		"$ khabar batch SRC -o DST [flags]",
		"khabar furniture --min-docs N --min-share 0.01 archive/",
		"khabar help record",
		"khabar parse --help",
	} {
		cs := commandLines("```\n" + good + "\n```\n")
		if len(cs) != 1 {
			t.Errorf("%q: found %d command lines, want 1", good, len(cs))
			continue
		}
		if err := checkCommandLine(cs[0].args); err != nil {
			t.Errorf("%q: %v", good, err)
		}
	}
}

type commandLine struct {
	line int
	args []string // after "khabar"
}

var inlineCode = regexp.MustCompile("`([^`]+)`")

// commandLines returns the khabar command lines of a Markdown text: the
// lines of code blocks (a leading "$ " is a prompt) and inline code spans
// where a shell segment starts with khabar. Output lines such as
// "khabar batch: 289 files" are not commands.
func commandLines(text string) []commandLine {
	var out []commandLine
	inBlock := false
	for i, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			inBlock = !inBlock
			continue
		}
		var spans []string
		if inBlock {
			spans = []string{strings.TrimPrefix(strings.TrimSpace(line), "$ ")}
		} else {
			for _, m := range inlineCode.FindAllStringSubmatch(line, -1) {
				spans = append(spans, m[1])
			}
		}
		for _, s := range spans {
			if strings.HasPrefix(strings.TrimSpace(s), "#") {
				continue // a comment
			}
			for _, seg := range segments(s) {
				words := shellWords(seg)
				if len(words) == 0 || filepath.Base(words[0]) != "khabar" {
					continue
				}
				if len(words) > 1 && strings.HasSuffix(words[1], ":") {
					continue // output: "khabar batch: 289 files …"
				}
				out = append(out, commandLine{line: i + 1, args: words[1:]})
			}
		}
	}
	return out
}

// segments cuts a shell line at pipes, ;, && and || and $( ), so that
// "cat x | khabar parse" yields "khabar parse".
func segments(s string) []string {
	s = strings.NewReplacer("$(", "|", "&&", "|", "||", "|", ";", "|", "(", "|", ")", "|").Replace(s)
	return strings.Split(s, "|")
}

// shellWords splits a segment into words, honouring quotes, and stops at a
// redirection.
func shellWords(s string) []string {
	var words []string
	var cur strings.Builder
	quote := rune(0)
	in := false
	flush := func() {
		if in {
			words = append(words, cur.String())
		}
		cur.Reset()
		in = false
	}
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, in = r, true
		case r == ' ' || r == '\t':
			flush()
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	flush()
	for i, w := range words {
		if strings.HasPrefix(w, ">") || strings.HasPrefix(w, "<") || strings.HasPrefix(w, "2>") || w == "\\" {
			return words[:i]
		}
	}
	return words
}

// placeholder reports a word that stands for a value in a usage line:
// FILE, N, SRC, [flags], PATH..., <dir>.
func placeholder(w string) bool {
	if strings.HasPrefix(w, "[") || strings.HasSuffix(w, "]") || strings.HasPrefix(w, "<") || strings.Contains(w, "...") || strings.Contains(w, "…") {
		return true
	}
	return regexp.MustCompile(`^[A-Z][A-Z0-9_-]*$`).MatchString(w)
}

// checkCommandLine parses args as khabar would, without running anything.
func checkCommandLine(args []string) error {
	root := newRootCmd()
	root.InitDefaultHelpCmd() // cobra adds "help" when it runs; the checker does not run
	cmd, rest, err := root.Find(args)
	if err != nil {
		return err
	}
	if cmd == root {
		if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
			return fmt.Errorf("unknown command %q", rest[0])
		}
		return nil
	}
	if cmd.Name() == "help" {
		if len(rest) > 0 && !placeholder(rest[0]) {
			if c, _, err := root.Find(rest[:1]); err != nil || c == root {
				return fmt.Errorf("no help topic %q", rest[0])
			}
		}
		return nil
	}
	// Unwrap optional flags ("[--min-docs N]"); drop placeholders, and the
	// flags whose value is one.
	for i, w := range rest {
		if inner := strings.Trim(w, "[]"); inner != w && strings.HasPrefix(inner, "-") {
			rest[i] = inner
		}
	}
	var kept []string
	for i := 0; i < len(rest); i++ {
		w := rest[i]
		if placeholder(w) {
			continue
		}
		if strings.HasPrefix(w, "-") && !strings.Contains(w, "=") && i+1 < len(rest) && placeholder(rest[i+1]) {
			if f := lookupFlag(cmd.Flags(), w); f != nil && f.Value.Type() != "bool" {
				i++
				continue
			}
		}
		if name, value, ok := strings.Cut(w, "="); ok && strings.HasPrefix(name, "-") && placeholder(value) {
			continue
		}
		kept = append(kept, w)
	}
	if err := cmd.ParseFlags(kept); err != nil && !errors.Is(err, pflag.ErrHelp) {
		return err
	}
	return checkValues(cmd.Flags())
}

// lookupFlag returns the flag w names, "--name" or "-n", or nil.
func lookupFlag(fs *pflag.FlagSet, w string) *pflag.Flag {
	name := strings.TrimLeft(w, "-")
	if len(name) == 1 {
		return fs.ShorthandLookup(name)
	}
	return fs.Lookup(name)
}

// checkValues checks the values khabar checks before reading any input.
func checkValues(fs *pflag.FlagSet) error {
	value := func(name string) (string, bool) {
		if !fs.Changed(name) {
			return "", false
		}
		return fs.Lookup(name).Value.String(), true
	}
	if v, ok := value("split"); ok {
		if err := parse.CheckSplit(v); err != nil {
			return fmt.Errorf("--split: %v", err)
		}
	}
	if v, ok := value("normalize"); ok {
		if _, err := arabic.Profile(v); err != nil {
			return fmt.Errorf("--normalize: %v", err)
		}
	}
	for _, name := range []string{"with", "without"} {
		if v, ok := value(name); ok {
			if _, err := arabic.ParseOps(v); err != nil {
				return fmt.Errorf("--%s: %v", name, err)
			}
		}
	}
	if v, ok := value("max-bytes"); ok {
		if _, err := parse.ParseSize(v); err != nil {
			return fmt.Errorf("--max-bytes: %v", err)
		}
	}
	for name, allowed := range map[string][]string{
		"input-format": {"text", "jsonl"},
		"color":        {"auto", "always", "never"},
		"furniture":    {"auto", "none"},
	} {
		if v, ok := value(name); ok && !contains(allowed, v) {
			return fmt.Errorf("--%s: %q is not one of %v", name, v, allowed)
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
