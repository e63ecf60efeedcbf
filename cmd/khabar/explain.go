package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/khabar/khabar/parse"
	"github.com/khabar/khabar/parse/view"
)

// explainOptions is what `khabar explain` was asked to do.
type explainOptions struct {
	parseOptions
	color string // auto, always or never
	html  bool
	env   func(string) string
}

func newExplainCmd() *cobra.Command {
	o := &explainOptions{env: os.Getenv}
	cmd := &cobra.Command{
		Use:   "explain PATH | --html [PATH...]",
		Short: "Show each line of a dump with its kind in a gutter, or on a page",
		Long: `Show the dump as khabar sees it: every line with its number and kind in a left gutter,
images and sections marked, then a summary of the record. Colours are used only when stdout
is a terminal, and never when NO_COLOR is set. PATH - reads stdin.

--html writes one self-contained HTML page instead, laid out right to left as an Arabic
reader reads: it takes files, folders, --files-from or stdin (no PATH, or -) as parse does,
and shows every document on one page, with a table of contents when there are several.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			o.stdin, o.stdout, o.stderr = cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runExplain(o)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.html, "html", false, "write an HTML page of every document instead of the gutter view")
	f.StringVarP(&o.output, "output", "o", "", "write to `FILE` instead of stdout")
	o.addInputFlags(cmd)
	f.StringVar(&o.inputFormat, "input-format", "text", "input format: text|jsonl (one {\"id\", \"text\"} object a line)")
	f.StringVar(&o.color, "color", "auto", "colour the gutter: auto|always|never (NO_COLOR turns it off)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print no message for failed documents")
	f.BoolVar(&o.debug, "debug", false, "add a short stack to E_INTERNAL messages")
	return cmd
}

func runExplain(o *explainOptions) error {
	o.explain = true
	switch o.color {
	case "auto", "always", "never":
	default:
		return usageErrorf("--color: unknown value %q (allowed: auto, always, never)", o.color)
	}
	if o.html {
		return runExplainHTML(o)
	}
	if len(o.paths) != 1 {
		return usageErrorf("want one PATH, got %d (--html shows any number)", len(o.paths))
	}
	if o.filesFrom != "" {
		return usageErrorf("--files-from: only with --html")
	}
	po, err := o.libOptions()
	if err != nil {
		return err
	}
	in := input{name: "-", stdin: true}
	if arg := o.paths[0]; arg != "-" {
		fi, err := os.Stat(arg)
		switch {
		case err != nil:
			return fatalErrorf("%s: %v", arg, pathError(err))
		case fi.IsDir():
			return usageErrorf("%s: is a folder (explain shows one file; --html shows folders)", arg)
		}
		in = input{name: arg, path: arg}
	}
	rc, err := in.open(o.stdin)
	if err != nil {
		return fatalErrorf("%s: %v", in.name, pathError(err))
	}
	defer rc.Close()

	out, closeOut, err := o.create()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(out)
	ex := explainer{w: w, color: o.useColor(out)}
	failed := false
	n := 0
	for a := range parse.Parse(rc, in.name, po) {
		if n > 0 {
			fmt.Fprintln(w)
		}
		if n > 0 || o.doc.split != "none" || po.JSONL {
			fmt.Fprintln(w, ex.paint(styleMark, fmt.Sprintf("══ document %d ══", a.Source.Index)))
		}
		n++
		ex.article(view.New(a))
		if a.Error != nil {
			failed = true
			if !o.quiet {
				fmt.Fprintf(o.stderr, "khabar: %s: %s: %s\n", a.Source.Path, a.Error.Code, firstLine(a.Error.Message))
			}
		}
	}
	err = w.Flush()
	return endExplain(err, closeOut, failed)
}

// endExplain closes the output and gives explain's result: a write or
// close error is fatal, else a document that failed exits 1.
func endExplain(err error, closeOut func() error, failed bool) error {
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	if err != nil {
		return fatalErrorf("write: %v", pathError(err))
	}
	if failed {
		return errSomeFailed
	}
	return nil
}

// create opens the output: -o FILE, else stdout. close closes a file and
// reports its error.
func (o *explainOptions) create() (w io.Writer, close func() error, err error) {
	if o.output == "" || o.output == "-" {
		return o.stdout, func() error { return nil }, nil
	}
	f, err := os.Create(o.output)
	if err != nil {
		return nil, nil, fatalErrorf("%v", err)
	}
	return f, f.Close, nil
}

// useColor decides on colours: a terminal and no NO_COLOR, or "always"
// (NO_COLOR still wins).
func (o *explainOptions) useColor(out io.Writer) bool {
	if o.env("NO_COLOR") != "" || o.color == "never" {
		return false
	}
	if o.color == "always" {
		return true
	}
	f, ok := out.(*os.File)
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

// article writes every line of d with its kind, then a summary.
func (e explainer) article(d *view.Document) {
	if d.Error != nil {
		fmt.Fprintf(e.w, "%s %s: %s\n", e.paint("1;31", "error"), d.Error.Code, d.Error.Message)
		return
	}
	width := 1
	if n := len(d.Lines); n > 0 {
		width = len(fmt.Sprint(d.Lines[n-1].N))
	}
	for i := range d.Lines {
		l := &d.Lines[i]
		if l.Blank {
			fmt.Fprintf(e.w, "%*d %-14s %-5s │\n", width, l.N, "", "")
			continue
		}
		text := l.Text
		if l.Faded {
			text = e.paint(styleDim, text)
		}
		fmt.Fprintf(e.w, "%*d %s %-5s │ %s\n", width, l.N, e.paint(kindStyle[l.Kind], fmt.Sprintf("%-14s", l.Kind)), l.Mark(), text)
	}
	e.summary(d)
}

// summary writes what the record holds in a few lines.
func (e explainer) summary(d *view.Document) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s status %s · page %s · language %s · sections %d · paragraphs %d · images %d · credits %d\n",
		e.paint(styleMark, "──"), d.Status, d.Page, d.Language.Code, d.Sections, d.Counts.Paragraphs, d.Counts.Images, d.Counts.Credits)
	if d.Title != nil {
		fmt.Fprintf(&b, "   title (line %d): %s\n", d.Title.Line, d.Title.Text)
	}
	for _, img := range d.Images {
		caption, credit := "-", "-"
		if img.Caption != nil {
			caption = fmt.Sprintf("%s (lines %s)", img.Caption.Text, joinInts(img.Caption.Lines))
		}
		if img.Credit != nil {
			credit = fmt.Sprintf("%s (line %d)", img.Credit.Text, img.Credit.Line)
		}
		fmt.Fprintf(&b, "   img%d after paragraph %d: %s; credit %s\n", img.Index, img.AfterParagraph, caption, credit)
	}
	for _, h := range d.Headings {
		fmt.Fprintf(&b, "   §%d (line %d, paragraphs %d): %s\n", h.Section, h.Line, h.Paragraphs, h.Text)
	}
	if len(d.Agencies) > 0 {
		fmt.Fprintf(&b, "   agencies: %s\n", strings.Join(d.Agencies, ", "))
	}
	for _, f := range d.Fields {
		fmt.Fprintf(&b, "   %s (line %d): %s\n", f.Name, f.Line, f.Text())
	}
	for _, l := range d.Learned() {
		fmt.Fprintf(&b, "   line %d: learned furniture, in %d documents: %s\n", l.N, l.Learned.Documents, l.Learned.Text)
	}
	for _, w := range d.Warnings {
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
