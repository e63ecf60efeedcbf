package arabic

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// Key folds s for matching lines against the lexicon: the search profile,
// then every letter lowercased, every punctuation mark, symbol, space, line
// break and free-standing tatweel (a dash, once kashidas are gone) turned
// into a space, and spaces collapsed and trimmed.
//
// Key is called on every line the classifier sees, so it runs in one pass
// over s with a table; only a line with a mark, a tatweel or a presentation
// form takes the full normalizer.
func Key(s string) string {
	kt := keyTables()
	bp := keyBufs.Get().(*[]byte)
	b := (*bp)[:0]
	space := false
	for i := 0; i < len(s); {
		var r rune
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			r = rune(c)
			i++
		case c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r = rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			i += 2
		default:
			var size int
			r, size = utf8.DecodeRuneInString(s[i:])
			i += size
		}
		var k int32
		if r < rune(len(kt.low)) {
			k = kt.low[r]
		} else {
			k = keyClass(kt.t, r)
		}
		if k < 0 {
			switch k {
			case keySpace:
				space = len(b) > 0
				continue
			case keyComplex:
				keyBufs.Put(bp)
				return keySlow(s)
			}
			continue // keyDel
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		switch {
		case k < utf8.RuneSelf:
			b = append(b, byte(k))
		case k < 0x800:
			b = append(b, 0xC0|byte(k>>6), 0x80|byte(k)&0x3F)
		default:
			b = utf8.AppendRune(b, k)
		}
	}
	out := s
	if string(b) != s {
		out = string(b)
	}
	*bp = b
	keyBufs.Put(bp)
	return out
}

const (
	keyDel     = -1
	keySpace   = -2
	keyComplex = -3
)

var keyBufs = sync.Pool{New: func() any { b := make([]byte, 0, 256); return &b }}

type keyTable struct {
	once sync.Once
	t    *tables
	low  [0x800]int32
}

var keyTab keyTable

func keyTables() *keyTable {
	keyTab.once.Do(func() {
		keyTab.t = tablesFor(Search)
		for r := range rune(len(keyTab.low)) {
			keyTab.low[r] = keyClass(keyTab.t, r)
		}
	})
	return &keyTab
}

// keyClass is what Key does with r: keyDel, keySpace, keyComplex, or the
// rune to write.
func keyClass(t *tables, r rune) int32 {
	e := t.lookup(r)
	switch e.kind() {
	case kCopy, kMap:
		if x := keyRune(t.fold(r, e)); x != ' ' {
			return x
		}
		return keySpace
	case kSpace, kLF, kCR, kNL:
		return keySpace
	case kDel:
		return keyDel
	}
	return keyComplex
}

func (t *tables) fold(r rune, e entry) rune {
	if e.kind() == kMap {
		return e.target()
	}
	return r
}

// keyRune is the last fold of Key, on normalized text.
func keyRune(r rune) rune {
	if r == tatweel || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r) {
		return ' '
	}
	return unicode.ToLower(r)
}

// keySlow is Key for a line the tables cannot fold alone.
func keySlow(s string) string {
	s = String(Search, s)
	b := make([]byte, 0, len(s))
	space := false
	for _, r := range s {
		if r = keyRune(r); r == ' ' {
			space = len(b) > 0
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}
