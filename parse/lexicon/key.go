package lexicon

import (
	"strings"
	"unsafe"
)

// Key is a match key with where each of its tokens lies in it: the tokens
// Tokens returns, without a []string of them. A caller keying many lines
// can fold them all into one buffer with AppendKeySpans and hand each line
// a Key over it, so that no token is stored as a string of its own.
type Key struct {
	s string
	// The spans as a pointer to the first and a count, not a slice: four
	// words are what the compiler keeps in registers, where a fifth would
	// make it copy the Key through memory at every method call.
	first *[2]int32
	n     int
}

// MakeKey returns the Key of s: its tokens are those of Tokens(s).
func MakeKey(s string) Key {
	buf, spans := AppendKeySpans(make([]byte, 0, len(s)), nil, s)
	return KeyOf(string(buf), spans)
}

// KeyOf returns the Key whose tokens are key[sp[0]:sp[1]] for each sp of
// spans, in order, as AppendKeySpans notes them. key and spans are shared,
// not copied.
func KeyOf(key string, spans [][2]int32) Key {
	return Key{key, unsafe.SliceData(spans), len(spans)}
}

// JoinKey returns the Key whose tokens are toks.
func JoinKey(toks []string) Key {
	spans := make([][2]int32, len(toks))
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		spans[i] = [2]int32{int32(b.Len()), int32(b.Len() + len(t))}
		b.WriteString(t)
	}
	return KeyOf(b.String(), spans)
}

// spans returns where the tokens lie in k.s.
func (k Key) spans() [][2]int32 { return unsafe.Slice(k.first, k.n) }

// String returns the tokens joined by single spaces.
func (k Key) String() string { return k.joined() }

// joined returns the tokens joined by single spaces: a part of k.s when
// they lie there so (as AppendKeySpans writes them), else a new string.
func (k Key) joined() string {
	if k.n == 0 {
		return ""
	}
	sp := k.spans()
	s := k.s[sp[0][0]:sp[k.n-1][1]]
	if len(s) == total(sp) {
		return s
	}
	return strings.Join(k.Tokens(), " ")
}

// total is the length of the tokens of sp joined by single spaces.
func total(sp [][2]int32) int {
	n := len(sp) - 1
	for _, t := range sp {
		n += int(t[1] - t[0])
	}
	return n
}

// Len returns the number of tokens.
func (k Key) Len() int { return k.n }

// At returns token i.
func (k Key) At(i int) string {
	sp := k.spans()[i]
	return k.s[sp[0]:sp[1]]
}

// Slice returns the Key of tokens i to j, j exclusive.
func (k Key) Slice(i, j int) Key { return KeyOf(k.s, k.spans()[i:j]) }

// Tokens returns the tokens as strings sharing the key's memory.
func (k Key) Tokens() []string {
	toks := make([]string, k.n)
	for i := range k.n {
		toks[i] = k.At(i)
	}
	return toks
}

// Equal reports whether k and o have the same tokens.
func (k Key) Equal(o Key) bool {
	if k.n != o.n {
		return false
	}
	for i := range k.n {
		if k.At(i) != o.At(i) {
			return false
		}
	}
	return true
}

// IndexToken returns the index of the first token from i on that is t,
// or -1. Tokens of another length are passed over without being read.
func (k Key) IndexToken(t string, i int) int {
	sp := k.spans()
	for ; i < len(sp); i++ {
		if int(sp[i][1]-sp[i][0]) == len(t) && k.s[sp[i][0]:sp[i][1]] == t {
			return i
		}
	}
	return -1
}

// Index returns the index of the first run of k's tokens equal to sub's,
// or -1.
func (k Key) Index(sub Key) int {
	for i := 0; i+sub.Len() <= k.Len(); i++ {
		if k.Slice(i, i+sub.Len()).Equal(sub) {
			return i
		}
	}
	return -1
}
