package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/khabar/khabar/parse"
)

// explainOptions is what `khabar explain` was asked to do.
type explainOptions struct {
	parseOptions
	color string // auto, always or never
	env   func(string) string
}

func newExplainCmd() *cobra.Command {
	o := &explainOptions{env: os.Getenv}
	cmd := &cobra.Command{
		Use:   "explain PATH",
		Short: "Show each line of a dump with its kind in a gutter",
		Long: `Show the dump as khabar sees it: every line with its number and kind in a left gutter,
images and sections marked, then a summary of the record. Colours are used only when stdout
is a terminal, and never when NO_COLOR is set. PATH - reads stdin.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			o.stdin, o.stdout, o.stderr = cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runExplain(o)
		},
	}
	f := cmd.Flags()
	o.doc = addDocFlags(cmd, "none")
	f.StringVar(&o.color, "color", "auto", "colour the gutter: auto|always|never (NO_COLOR turns it off)")
	o.inputFormat = "text"
	return cmd
}

func runExplain(o *explainOptions) error {
	o.explain = true
	po, err := o.libOptions()
	if err != nil {
		return err
	}
	switch o.color {
	case "auto", "always", "never":
	default:
		return usageErrorf("--color: unknown value %q (allowed: auto, always, never)", o.color)
	}
	in := input{name: "-", stdin: true}
	if arg := o.paths[0]; arg != "-" {
		fi, err := os.Stat(arg)
		switch {
		case err != nil:
			return fatalErrorf("%s: %v", arg, pathError(err))
		case fi.IsDir():
			return usageErrorf("%s: is a folder (explain shows one file)", arg)
		}
		in = input{name: arg, path: arg}
	}
	rc, err := in.open(o.stdin)
	if err != nil {
		return fatalErrorf("%s: %v", in.name, pathError(err))
	}
	defer rc.Close()

	w := bufio.NewWriter(o.stdout)
	ex := explainer{w: w, color: o.useColor()}
	failed := false
	n := 0
	for a := range parse.Parse(rc, in.name, po) {
		if n > 0 {
			fmt.Fprintln(w)
		}
		if n > 0 || o.doc.split != "none" {
			fmt.Fprintln(w, ex.paint(styleMark, fmt.Sprintf("══ document %d ══", a.Source.Index)))
		}
		n++
		ex.article(a)
		if a.Error != nil {
			failed = true
			if !o.quiet {
				fmt.Fprintf(o.stderr, "khabar: %s: %s: %s\n", a.Source.Path, a.Error.Code, firstLine(a.Error.Message))
			}
		}
	}
	if err := w.Flush(); err != nil {
		return fatalErrorf("write: %v", pathError(err))
	}
	if failed {
		return errSomeFailed
	}
	return nil
}

// useColor decides on colours: a terminal and no NO_COLOR, or "always"
// (NO_COLOR still wins).
func (o *explainOptions) useColor() bool {
	if o.env("NO_COLOR") != "" || o.color == "never" {
		return false
	}
	if o.color == "always" {
		return true
	}
	f, ok := o.stdout.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// explainer writes the gutter view of records.
type explainer struct {
	w     io.Writer
	color bool
}

const (
	styleMark = "1;36"
	styleDim  = "2"
)

var kindStyle = map[string]string{
	"title":          "1;37",
	"heading":        "1;36",
	"paragraph":      "",
	"caption":        "33",
	"caption_repeat": "2;33",
	"credit":         "35",
	"meta":           "34",
	"boilerplate":    "2",
}

func (e explainer) paint(style, s string) string {
	if !e.color || style == "" {
		return s
	}
	return "\x1b[" + style + "m" + s + "\x1b[0m"
}

// article writes every line of a with its kind, then a summary.
func (e explainer) article(a *parse.Article) {
	if a.Error != nil {
		fmt.Fprintf(e.w, "%s %s: %s\n", e.paint("1;31", "error"), a.Error.Code, a.Error.Message)
		return
	}
	byLine := map[int]parse.LineKind{}
	for _, l := range a.Lines {
		byLine[l.N] = l
	}
	width := len(fmt.Sprint(a.Source.Lines[1]))
	for n := a.Source.Lines[0]; n <= a.Source.Lines[1] && a.Stats.Lines > 0; n++ {
		l, ok := byLine[n]
		if !ok {
			fmt.Fprintf(e.w, "%*d %-14s %-5s │\n", width, n, "", "")
			continue
		}
		mark := ""
		switch {
		case l.Image >= 0:
			mark = fmt.Sprintf("img%d", l.Image)
		case l.Kind == "heading" && l.Section >= 0:
			mark = fmt.Sprintf("§%d", l.Section)
		case l.Paragraph >= 0:
			mark = fmt.Sprintf("¶%d", l.Paragraph)
		}
		text := l.Text
		if l.Kind == "boilerplate" || l.Kind == "caption_repeat" {
			text = e.paint(styleDim, text)
		}
		fmt.Fprintf(e.w, "%*d %s %-5s │ %s\n", width, n, e.paint(kindStyle[l.Kind], fmt.Sprintf("%-14s", l.Kind)), mark, text)
	}
	e.summary(a)
}

// summary writes what the record holds in a few lines.
func (e explainer) summary(a *parse.Article) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s status %s · page %s · language %s · sections %d · paragraphs %d · images %d · credits %d\n",
		e.paint(styleMark, "──"), a.Status, a.Page, a.Language.Code, len(a.Sections), a.Stats.Paragraphs, a.Stats.Images, a.Stats.Credits)
	if a.Title != nil {
		fmt.Fprintf(&b, "   title (line %d): %s\n", a.Title.Line, a.Title.Text)
	}
	for _, img := range a.Images {
		caption, credit := "-", "-"
		if img.Caption != nil {
			caption = fmt.Sprintf("%s (lines %s)", img.Caption.Text, joinInts(img.Caption.Lines))
		}
		if img.Credit != nil {
			credit = fmt.Sprintf("%s (line %d)", img.Credit.Text, img.Credit.Line)
		}
		fmt.Fprintf(&b, "   img%d after paragraph %d: %s; credit %s\n", img.Index, img.AfterParagraph, caption, credit)
	}
	for i, s := range a.Sections {
		if s.Heading != nil {
			fmt.Fprintf(&b, "   §%d (line %d, paragraphs %d): %s\n", i, s.Heading.Line, len(s.Paragraphs), s.Heading.Text)
		}
	}
	if len(a.Agencies) > 0 {
		fmt.Fprintf(&b, "   agencies: %s\n", strings.Join(a.Agencies, ", "))
	}
	for _, f := range metadataLines(a) {
		fmt.Fprintf(&b, "   %s (line %d): %s\n", f.name, f.line, f.value)
	}
	for _, r := range a.Removed {
		if r.Learned != nil {
			fmt.Fprintf(&b, "   line %d: learned furniture, in %d documents: %s\n", r.Line, r.Learned.Documents, r.Learned.Text)
		}
	}
	for _, w := range a.Warnings {
		fmt.Fprintf(&b, "   %s %s\n", e.paint("33", w.Code), w.Message)
	}
	io.WriteString(e.w, b.String())
}

func joinInts(v []int) string {
	s := make([]string, len(v))
	for i, n := range v {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, ", ")
}

// metadataField is a field of the record's metadata and the line it was
// taken from, for the summary.
type metadataField struct {
	name  string
	line  int
	value string
}

// metadataLines lists the metadata fields of a that are set, in the order
// of their lines.
func metadataLines(a *parse.Article) []metadataField {
	var out []metadataField
	add := func(name, value string) {
		if line, ok := a.Sources[name]; ok {
			out = append(out, metadataField{name, line, value})
		}
	}
	if p := a.Published; p != nil {
		v := p.Text
		if p.ISO != nil {
			v = *p.ISO + " (" + p.Text + ")"
		} else {
			v += " (" + p.Calendar + ")"
		}
		add("published", v)
	}
	if len(a.Authors) > 0 {
		add("authors", strings.Join(a.Authors, ", "))
	}
	for _, f := range []struct {
		name string
		v    *string
	}{{"url", a.URL}, {"site", a.Site}, {"category", a.Category}, {"doc_id", a.DocID}} {
		if f.v != nil {
			add(f.name, *f.v)
		}
	}
	if a.Dateline != nil {
		add("dateline", a.Dateline.Text)
	}
	if a.Summary != nil {
		add("summary", a.Summary.Text)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].line < out[j].line })
	return out
}
