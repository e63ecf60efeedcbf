// Package docs holds khabar's reference: one Markdown file a topic, which
// reads on its own on GitHub and is embedded in the binary, where
// `khabar help TOPIC` prints it. There is one source for both.
//
// Each file starts with a line "# TOPIC — what it covers"; TOPIC is the
// file's name without .md, and the rest of the line is the topic's short
// help.
package docs

import (
	"embed"
	"path"
	"sort"
	"strings"
)

//go:embed *.md
var files embed.FS

// Topic is one reference file.
type Topic struct {
	Name  string // the file's name without .md: "record"
	Short string // what the first line says the topic covers
	Text  string // the whole file
}

// Topics returns every topic, by name.
func Topics() []Topic {
	entries, err := files.ReadDir(".")
	if err != nil {
		panic("docs: " + err.Error()) // embedded: cannot fail
	}
	var out []Topic
	for _, e := range entries {
		b, err := files.ReadFile(e.Name())
		if err != nil {
			panic("docs: " + err.Error())
		}
		out = append(out, parseTopic(strings.TrimSuffix(path.Base(e.Name()), ".md"), string(b)))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// parseTopic reads the short help from the first line of text:
// "# name — short".
func parseTopic(name, text string) Topic {
	first, _, _ := strings.Cut(text, "\n")
	short := strings.TrimSpace(strings.TrimPrefix(first, "#"))
	if _, rest, ok := strings.Cut(short, "—"); ok {
		short = strings.TrimSpace(rest)
	}
	return Topic{Name: name, Short: short, Text: text}
}
