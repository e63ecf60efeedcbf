package arabic

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// An entry says what the normalizer does with one code point under one set
// of options. It packs a kind, a letter flag, the op to count, and the
// target of a one-rune map.
type entry uint32

// Kinds of code points. kCopy and kMap are "simple": a starter that never
// combines with a neighbour under NFC, whose output depends on nothing
// around it. Every other kind needs the state machine or a cluster.
const (
	kCopy    = iota // output unchanged
	kMap            // output is the one rune target()
	kSpace          // a space: mapped to U+0020, collapsed and trimmed
	kLF             // U+000A
	kCR             // U+000D under newlines
	kNL             // U+2028, U+2029 under newlines
	kDel            // deleted by controls, diacritics or quranic
	kTatweel        // U+0640 under tatweel
	kPres           // a presentation form with an expansion
	kMark           // a combining mark, or anything NFC may change
)

const (
	kindMask    = 0xF
	letterBit   = 1 << 4
	opShift     = 5
	opMask      = 0xF << opShift
	boundBit    = 1 << 9  // the rune starts an NFC segment
	markBit     = 1 << 10 // the rune is a combining mark
	targetShift = 11
)

func (e entry) kind() int      { return int(e & kindMask) }
func (e entry) letter() bool   { return e&letterBit != 0 }
func (e entry) op() Op         { return Op((e & opMask) >> opShift) }
func (e entry) target() rune   { return rune(e >> targetShift) }
func (e entry) boundary() bool { return e&boundBit != 0 }
func (e entry) mark() bool     { return e&markBit != 0 }

func mkEntry(kind int, op Op, target rune, r rune) entry {
	e := entry(kind) | entry(op)<<opShift | entry(target)<<targetShift
	if isLetter(r) {
		e |= letterBit
	}
	if boundaryBefore(r) {
		e |= boundBit
	}
	if isMark(r) {
		e |= markBit
	}
	return e
}

// isLetter reports whether r counts as a letter for the tatweel op: any
// Unicode letter except the tatweel itself (category Lm).
func isLetter(r rune) bool { return r != tatweel && unicode.IsLetter(r) }

// isMark reports whether r is a combining mark; the tatweel op looks past
// marks to find the letters on each side of a kashida.
func isMark(r rune) bool { return unicode.Is(unicode.M, r) }

// boundaryBefore reports whether r starts a new NFC segment.
func boundaryBefore(r rune) bool {
	var b [utf8.UTFMax]byte
	p := norm.NFC.Properties(b[:utf8.EncodeRune(b[:], r)])
	return p.BoundaryBefore() && p.CCC() == 0
}

const tatweel = 0x0640

// The code point sets of the ops, exactly as the package documentation
// lists them.

// IsControl reports whether the controls op deletes r: an invisible
// control (a bidi mark, embedding or isolate, a zero-width space, a soft
// hyphen, a byte order mark, a C0 control but TAB and LF). ZWNJ and ZWJ
// are not.
func IsControl(r rune) bool { return inControls(r) }

func inControls(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n'
	case r == 0x00AD, r == 0x061C, r == 0x200B, r == 0x200E, r == 0x200F,
		r == 0x2060, r == 0xFEFF:
		return true
	case 0x202A <= r && r <= 0x202E, 0x2066 <= r && r <= 0x2069:
		return true
	}
	return false
}

func inSpaces(r rune) bool {
	switch {
	case r == ' ', r == '\t', r == 0x00A0, r == 0x1680, r == 0x202F, r == 0x205F, r == 0x3000:
		return true
	case 0x2000 <= r && r <= 0x200A:
		return true
	}
	return false
}

func inDiacritics(r rune) bool { return 0x064B <= r && r <= 0x0652 || r == 0x0670 }

func inQuranic(r rune) bool {
	return 0x0610 <= r && r <= 0x061A || 0x06D6 <= r && r <= 0x06ED || 0x08D3 <= r && r <= 0x08FF
}

func inPresentation(r rune) bool {
	return 0xFB50 <= r && r <= 0xFDFF || 0xFE70 <= r && r <= 0xFEFF
}

// letterFold returns the target of the one-rune folds (alef … punctuation)
// for r, and the op that folds it; ok is false when no op on in o folds r.
func letterFold(o Options, r rune) (rune, Op, bool) {
	type fold struct {
		op     Op
		target rune
	}
	var f fold
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		f = fold{Alef, 'ا'}
	case 'ى':
		f = fold{Yeh, 'ي'}
	case 'ة':
		f = fold{TehMarbuta, 'ه'}
	case 'ؤ':
		f = fold{Hamza, 'و'}
	case 'ئ':
		f = fold{Hamza, 'ي'}
	case 'ک':
		f = fold{Persian, 'ك'}
	case 'ی', 'ے':
		f = fold{Persian, 'ي'}
	case 'ۀ', 'ہ':
		f = fold{Persian, 'ه'}
	case '،', '٬':
		f = fold{Punctuation, ','}
	case '؛':
		f = fold{Punctuation, ';'}
	case '؟':
		f = fold{Punctuation, '?'}
	case '٪':
		f = fold{Punctuation, '%'}
	case '٫':
		f = fold{Punctuation, '.'}
	default:
		switch {
		case 0x0660 <= r && r <= 0x0669:
			f = fold{Digits, '0' + r - 0x0660}
		case 0x06F0 <= r && r <= 0x06F9:
			f = fold{Digits, '0' + r - 0x06F0}
		default:
			return r, 0, false
		}
	}
	if !o.Has(f.op) {
		return r, 0, false
	}
	return f.target, f.op, true
}

// entryOf computes the entry of r under o. The order of the cases is the
// order in which the ops see a code point.
func entryOf(o Options, r rune) entry {
	switch {
	case r == '\n':
		return mkEntry(kLF, 0, 0, r)
	case o.Has(Newlines) && r == '\r':
		return mkEntry(kCR, Newlines, 0, r)
	case o.Has(Newlines) && (r == 0x2028 || r == 0x2029):
		return mkEntry(kNL, Newlines, 0, r)
	case o.Has(Presentation) && presentationForm(r) != "":
		if op, ok := deletedForm(o, presentationForm(r)); ok {
			// A form of marks the ops delete anyway: as if deleted.
			return mkEntry(kDel, op, 0, r)
		}
		return mkEntry(kPres, Presentation, 0, r)
	case o.Has(Controls) && inControls(r):
		return mkEntry(kDel, Controls, 0, r)
	case o.Has(Spaces) && inSpaces(r):
		return mkEntry(kSpace, Spaces, 0, r)
	case o.Has(Diacritics) && inDiacritics(r):
		return mkEntry(kDel, Diacritics, 0, r)
	case o.Has(Quranic) && inQuranic(r):
		return mkEntry(kDel, Quranic, 0, r)
	case o.Has(Tatweel) && r == tatweel:
		return mkEntry(kTatweel, Tatweel, 0, r)
	}
	if isMark(r) || !boundaryBefore(r) || o.Has(NFC) && !norm.NFC.IsNormalString(string(r)) {
		return mkEntry(kMark, 0, 0, r)
	}
	if t, op, ok := letterFold(o, r); ok {
		return mkEntry(kMap, op, t, r)
	}
	return mkEntry(kCopy, 0, 0, r)
}

// deletedForm reports whether every rune of a presentation form's
// expansion is deleted under o, and by which op the first one is.
func deletedForm(o Options, form string) (Op, bool) {
	var first Op
	for i, x := range []rune(form) {
		e := entryOf(o, x)
		if e.kind() != kDel {
			return 0, false
		}
		if i == 0 {
			first = e.op()
		}
	}
	return first, true
}

// tables holds the entries of one set of options: every code point below
// U+0800 (ASCII, Latin, Arabic) and the General Punctuation block, where
// news text has its quotes, dashes and invisible controls.
type tables struct {
	opts  Options
	low   [0x800]entry
	punct [0x70]entry // U+2000–U+206F
	// keptLetter marks the two bytes of UTF-8 0xD800+i that are a code
	// point U+0600–U+06FF staying as it is and an Arabic letter: most of a
	// news text, which plainCount reads two bytes at a time.
	keptLetter [0x400]bool
}

const punctBase = 0x2000

var tableCache sync.Map // Options → *tables

func tablesFor(o Options) *tables {
	if t, ok := tableCache.Load(o); ok {
		return t.(*tables)
	}
	t := &tables{opts: o}
	for r := range rune(len(t.low)) {
		t.low[r] = entryOf(o, r)
	}
	for i := range t.punct {
		t.punct[i] = entryOf(o, punctBase+rune(i))
	}
	for i := range t.keptLetter {
		if c := i & 0xFF; c >= 0x80 && c < 0xC0 { // a continuation byte
			r := 0x600 + rune(i>>8)<<6 + rune(c&0x3F)
			t.keptLetter[i] = t.low[r].kind() == kCopy && letterClass[r] == classLetter|classArabic
		}
	}
	got, _ := tableCache.LoadOrStore(o, t)
	return got.(*tables)
}

// lookup returns the entry of r.
func (t *tables) lookup(r rune) entry {
	switch {
	case r < rune(len(t.low)):
		return t.low[r]
	case punctBase <= r && r < punctBase+rune(len(t.punct)):
		return t.punct[r-punctBase]
	}
	return entryOf(t.opts, r)
}

// hiCache remembers the entries of the last code points above the tables
// a Normalizer met (CJK, emoji, symbols), which entryOf computes slowly.
type hiCache [64]struct {
	r rune
	e entry
}

// lookup returns the entry of r, through n's cache.
func (n *Normalizer) lookup(r rune) entry {
	t := n.t
	switch {
	case r < rune(len(t.low)):
		return t.low[r]
	case punctBase <= r && r < punctBase+rune(len(t.punct)):
		return t.punct[r-punctBase]
	}
	c := &n.hi[r&63]
	if c.r != r {
		c.r, c.e = r, entryOf(n.opts, r)
	}
	return c.e
}
