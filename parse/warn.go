package parse

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khabar/khabar/parse/classify"
)

// addWarnings tells what a user should know about a document that parsed.
func (p *parser) addWarnings(a *Article, pd *prepared, lines []classify.Line, as *assembler) {
	if n := pd.res.Replaced; n > 0 {
		var line *int
		if off := pd.res.FirstBad; off >= 0 && off <= int64(len(pd.d.raw)) {
			l := pd.d.first + countLineEnds(pd.d.raw[:off])
			line = &l
		}
		a.Warnings = append(a.Warnings, Warning{
			Code:    WarnReplacedBytes,
			Message: fmt.Sprintf("%d undecodable bytes replaced by U+FFFD", n),
			Line:    line,
		})
	}
	if n, first := mojibake(lines); n > 0 {
		a.Warnings = append(a.Warnings, Warning{
			Code:    WarnMojibake,
			Message: fmt.Sprintf("%d lines hold text already destroyed into '?'", n),
			Line:    &first,
		})
	}
	for _, i := range as.unpaired {
		c := a.Credits[i]
		if as.lastPara > 0 && c.Line > as.lastPara {
			continue // an article-source line after the body credits the story, not a picture
		}
		line := c.Line
		a.Warnings = append(a.Warnings, Warning{
			Code:    WarnUnpairedCredit,
			Message: fmt.Sprintf("credit %q belongs to no caption", c.Text),
			Line:    &line,
		})
	}
	if as.paras == 0 && nonBlank(lines) > 0 {
		a.Warnings = append(a.Warnings, Warning{Code: WarnNoBody, Message: "no body text found"})
	}
}

func nonBlank(lines []classify.Line) int {
	n := 0
	for _, l := range lines {
		if !l.Blank {
			n++
		}
	}
	return n
}

// countLineEnds counts LF, CRLF and lone CR line ends.
func countLineEnds(b []byte) int {
	return bytes.Count(b, []byte{'\n'}) + bytes.Count(b, []byte{'\r'}) - bytes.Count(b, []byte("\r\n"))
}

// mojibake counts the lines whose letters were already replaced by '?'
// before the dump was saved (a lossy code page conversion): a line is
// destroyed when at least 5 question marks sit inside words, next to a
// letter or another question mark on the side where a question mark never
// sits in a sentence, and they are at least a tenth of its letters.
func mojibake(lines []classify.Line) (n, first int) {
	for _, l := range lines {
		if l.Blank || !strings.Contains(l.Raw, "?") {
			continue
		}
		if destroyed(l.Raw) {
			if n == 0 {
				first = l.N
			}
			n++
		}
	}
	return n, first
}

func destroyed(s string) bool {
	inner, letters := 0, 0
	prev := ' '
	for i, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
		if r == '?' {
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			if next == '?' || unicode.IsLetter(next) || unicode.IsDigit(next) || (prev == ' ' && next == ' ') {
				inner++
			}
		}
		prev = r
	}
	return inner >= 5 && inner*10 >= letters
}
