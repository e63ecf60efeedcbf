package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Only the head and tail of a line longer than keyLimit bytes go through
// the match key: such a line is prose, and the rules read only its opening
// (labels, datelines, related links) and its end (glued credits).
const (
	keyLimit  = 160
	keyHead   = 96
	keyTail   = 64
	longLimit = 600 // a line longer than this is a paragraph whatever it says
)

// feat is what the rules look at for one non-blank line. Its tokens and
// lexicon hits are the document's (see keyArena): a feat holds no pointer
// but its text. A document holds one for each of its non-blank lines
// while it is classified: the fields are laid out to take 72 bytes.
type feat struct {
	text     string   // the line trimmed of spaces and invisible characters
	ws       wordScan // words of text, counted as far as a rule asked (see wordCount)
	idx      int32    // index in the document's lines
	tokRange [2]int32 // match-key tokens, [from, to) in keyArena.spans (head and tail only when partial)
	hitRange [2]int32 // lexicon entries found in them, [from, to) in keyArena.hits
	end      byte     // final punctuation class, see endClass
	digits   bool     // text opens with a digit
	letters  bool     // text has a letter of some script
	partial  bool     // toks cover only the head and tail of text
	long     bool     // text is longer than longLimit
}

// Final punctuation classes.
const (
	endNone     byte = iota // a letter, digit, closing bracket …
	endStop                 // . ! or …
	endQuestion             // ? or ؟
	endColon                // :
	endComma                // , ، ; ؛ or a dash
)

// read sets f from line idx of the document, raw; keyArena.add gives it
// its tokens. It sets every field one by one: a whole feat stored at once
// (*f = feat{…}) goes through the write barrier as a block.
func (f *feat) read(idx int, raw string) {
	text := trimInvisible(raw)
	f.idx, f.text, f.ws = int32(idx), text, wordScan{}
	f.tokRange, f.hitRange = [2]int32{}, [2]int32{}
	f.end, f.long = endClass(text), len(text) > longLimit
	f.letters = hasLetter(text)
	f.digits = text != "" && text[0] >= '0' && text[0] <= '9'
	f.partial = len(text) > keyLimit
}

// hasLetter reports a letter of any script in s.
func hasLetter(s string) bool {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				return true
			}
		case r >= 0x600 && r <= 0x6ff && arabicClass[r-0x600] == arLetter, unicode.IsLetter(r):
			return true
		}
	}
	return false
}

// maxWords caps the word count: no rule looks further, and a paragraph
// need not be read to its end.
const maxWords = 48

// scanWords counts the words of s (up to maxWords) and its Latin and
// Arabic letters in one pass.
func scanWords(s string) (words, latin, arabic int) {
	var w wordScan
	w.scan(s, maxWords)
	return int(w.words), int(w.latin), int(w.arabic)
}

// wordScan counts the words of a text and its Latin and Arabic letters up
// to a number of words, and can go on from there: most rules ask only
// whether a line has a few words, and a paragraph need not be read to its
// 48th word for them.
type wordScan struct {
	pos                   int // bytes read
	words, latin, arabic  int32
	in, counted, finished bool // in a chunk; the chunk holds a word rune; the text or maxWords reached
}

// scan reads s on from where it stopped until it has counted limit words
// (at most maxWords) or read all of s.
func (w *wordScan) scan(s string, limit int) {
	limit = min(limit, maxWords)
	in, counted := w.in, w.counted
	words, latin, arabic := int(w.words), int(w.latin), int(w.arabic)
	i := w.pos
	for i < len(s) && words < limit {
		c := s[i]
		var word, run bool // run: c opens an Arabic letter
		switch {
		case c < utf8.RuneSelf:
			i++
			if c <= ' ' {
				in = false
				continue
			}
			word = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
			if word && c >= 'A' {
				latin++
			}
		case c >= 0xd8 && c <= 0xdb && i+1 < len(s):
			// The Arabic block, U+0600–U+06FF, from a table.
			class := arabicClass[int(c&3)<<6|int(s[i+1]&0x3f)]
			i += 2
			if class == arInvisible {
				in = false
				continue
			}
			word = class != arPunct
			if class == arLetter {
				arabic++
				run = true
			}
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			i += n
			if invisible(r) {
				in = false
				continue
			}
			word = isWordRune(r)
			if word && r < 0x250 && unicode.IsLetter(r) {
				latin++
			}
		}
		if !in {
			in, counted = true, false
		}
		if word && !counted {
			counted = true
			words++
		}
		if run { // the letters and words that follow, at a quicker pace
			n, letters, opened := arabicRun(s[i:], limit-words)
			i, arabic, words = i+n, arabic+letters, words+opened
		}
	}
	*w = wordScan{pos: i, words: int32(words), latin: int32(latin), arabic: int32(arabic), in: in, counted: counted,
		finished: i >= len(s) || words >= maxWords}
}

// arabicRun returns the length of the run at the start of s, within a
// counted word, of Arabic letters and of single spaces each followed by
// one (opening a word), with the letters and words in it. It stops when
// room words are opened, as scan would. It is not inlined: its loop
// alone has the registers it needs, which scan's lacks.
//
//go:noinline
func arabicRun(s string, room int) (size, letters, words int) {
	i := 0
	for words < room {
		// The two bytes, less 0xD800: below 0x400 for a lead byte D8–DB.
		for ; i < len(s)-1; i += 2 {
			if x := (uint(s[i])<<8 | uint(s[i+1])) - 0xD800; x >= 0x400 || !letterPair[x] {
				break
			}
		}
		if i >= len(s)-2 || s[i] != ' ' {
			break
		}
		if x := (uint(s[i+1])<<8 | uint(s[i+2])) - 0xD800; x >= 0x400 || !letterPair[x] {
			break
		}
		i += 3
		words++
	}
	return i, (i - words) / 2, words
}

// wordCount returns the number of words of the line, or n when it has n
// or more (n is at most maxWords), reading the line only as far as that
// takes.
func (f *feat) wordCount(n int) int {
	if int(f.ws.words) < n && !f.ws.finished {
		f.ws.scan(f.text, n)
	}
	return min(int(f.ws.words), n)
}

func (f *feat) wordsAtMost(n int) bool  { return f.wordCount(n+1) <= n }
func (f *feat) wordsAtLeast(n int) bool { return f.wordCount(n) >= n }
func (f *feat) wordsAre(n int) bool     { return f.wordCount(n+1) == n }

// isLatin reports more Latin than Arabic letters in the first maxWords
// words.
func (f *feat) isLatin() bool {
	f.wordCount(maxWords)
	return f.ws.latin > f.ws.arabic
}

// Classes of the Arabic block for scanWords.
const (
	arLetter byte = iota
	arOther       // digits and marks: part of a word, not letters
	arPunct
	arInvisible
)

var arabicClass = func() (t [256]byte) {
	for i := range t {
		switch r := rune(0x600 + i); {
		case r >= 0x621 && r <= 0x64a || r >= 0x671 && r <= 0x6d3:
			t[i] = arLetter
		case invisible(r):
			t[i] = arInvisible
		case isWordRune(r):
			t[i] = arOther
		default:
			t[i] = arPunct
		}
	}
	return t
}()

// letterPair marks the two bytes of UTF-8 0xD800+i that are a letter of
// the Arabic block (arLetter).
var letterPair = func() (t [0x400]bool) {
	for i := range t {
		if c := i & 0xFF; c >= 0x80 && c < 0xC0 {
			t[i] = arabicClass[i>>8<<6|c&0x3F] == arLetter
		}
	}
	return t
}()

// cut returns about the first h and last t bytes of s on rune boundaries.
func cut(s string, h, t int) (string, string) {
	h, i := min(h, len(s)), max(len(s)-t, 0)
	for h < len(s) && !utf8.RuneStart(s[h]) {
		h++
	}
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:h], s[i:]
}

func trimInvisible(s string) string {
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		if !invisible(r) {
			break
		}
		s = s[n:]
	}
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if !invisible(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// countWords counts the space-separated chunks of s that hold a letter or
// a digit (a lone ":" or "-" is not a word), up to maxWords.
func countWords(s string) int {
	n, _, _ := scanWords(s)
	return n
}

// endClass classifies the last significant character of s; closing quotes
// are looked through, so `… said."` ends with a stop.
func endClass(s string) byte {
	// Text that lost letters to "?" (a lossy code page) ends in noise;
	// counted at the first "?" met, since few lines end with one.
	full, lossy := s, -1
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if r == '?' && lossy < 0 {
			lossy = 0
			if strings.Count(full, "?") >= 3 {
				lossy = 1
			}
		}
		switch {
		case invisible(r) || closingQuote(r) || lossy == 1 && r == '?':
			s = s[:len(s)-n]
			continue
		case r == '…':
			return endNone
		case r == '.':
			if strings.HasSuffix(s, "..") {
				return endNone
			}
			return endStop
		case r == '!':
			return endStop
		case r == '?' || r == '؟':
			return endQuestion
		case r == ':':
			return endColon
		case r == ',' || r == '،' || r == ';' || r == '؛' || r == '-' || r == '–' || r == '—':
			return endComma
		}
		return endNone
	}
	return endNone
}

func closingQuote(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '“':
		return true
	}
	return false
}

// isSeparator reports whether s is a rule such as -----, ****, =====, ____.
func isSeparator(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case ruleRune(r):
			n++
		case invisible(r):
		default:
			return false
		}
	}
	return n >= 3
}

func ruleRune(r rune) bool {
	switch r {
	case '-', '_', '*', '=', '~', '—', '–', 'ـ', '•', '·', '#', '+', '.':
		return true
	}
	return false
}

// listMarker reports whether s opens like a list item: "1- ", "2) ",
// "أ) ", "- ", "• ".
func listMarker(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 {
		rest := strings.TrimLeft(s[i:], " ")
		if len(rest) > 1 && (rest[0] == '.' || rest[0] == ',') && rest[1] >= '0' && rest[1] <= '9' {
			return false // a decimal number: "67.3 مليار"
		}
		return rest != "" && strings.ContainsAny(rest[:1], "-).")
	}
	r, n := utf8.DecodeRuneInString(s)
	if r == '-' || r == '–' || r == '•' || r == '·' || r == '▪' {
		return true
	}
	if r >= 0x621 && r <= 0x64a && n < len(s) && s[n] == ')' {
		return true
	}
	return false
}

// dropTokens returns s without its first n tokens (runs of letters and
// digits, as the match key counts them) and the separators after them.
func dropTokens(s string, n int) (head, rest string) {
	i, seen := 0, 0
	in := false
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		w := isWordRune(r)
		if w && !in {
			if seen == n {
				break
			}
			seen++
		}
		in = w
		i += size
	}
	head = strings.TrimRightFunc(s[:i], func(r rune) bool { return !isWordRune(r) })
	return head, strings.TrimSpace(s[i:])
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	if invisible(r) {
		return false
	}
	return !unicode.IsPunct(r) && !unicode.IsSymbol(r) && !unicode.IsSpace(r)
}
