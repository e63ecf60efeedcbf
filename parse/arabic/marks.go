package arabic

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A cluster of marks has no length limit in the text, but the caller's
// buffer has one. NFC itself bounds a run of marks: after 30 non-starters
// it inserts a combining grapheme joiner U+034F (the Stream-Safe Text
// Format), which starts a new segment. cutMarks finds that point in a run
// of marks cut short by the end of src, so the normalizer can write the
// closed part and go on; without NFC any point between two marks will do.

const (
	graphemeJoiner = 0x034F
	maxNonStarters = 30
)

// cutMarks returns where in src the cluster of marks starting at src[i:]
// can be cut, and whether NFC puts a grapheme joiner there; ok is false if
// it cannot be cut (a tatweel or presentation form, a mark NFC counts
// otherwise, or fewer marks than NFC lets through).
func (n *Normalizer) cutMarks(src []byte, i int) (cut int, cgj, ok bool) {
	nfc := n.opts.Has(NFC)
	ss := 0
	if n.st.pend >= 0 {
		ss = trailingNonStarters(n.st.pend)
	}
	start, last := i, i
	for i < len(src) && utf8.FullRune(src[i:]) {
		r, size := utf8.DecodeRune(src[i:])
		switch e := n.lookup(r); e.kind() {
		case kDel:
		case kMark:
			if !simpleNonStarter(r) {
				return 0, false, false
			}
			if !nfc {
				if last = i; i-start >= maxCluster/2 {
					return i, false, true
				}
			} else if ss++; ss > maxNonStarters {
				return i, true, true
			}
		case kPres: // a mark's presentation form: its marks count
			k := 0
			for _, x := range presentationForm(r) {
				if xe := n.lookup(x); xe.kind() == kDel {
					continue
				} else if xe.kind() != kMark || !simpleNonStarter(x) {
					return 0, false, false
				}
				k++
			}
			if !nfc {
				if last = i; i-start >= maxCluster/2 {
					return i, false, true
				}
			} else if ss += k; ss > maxNonStarters {
				if ss-k == maxNonStarters {
					return i, true, true // the joiner goes before the form
				}
				return 0, false, false // it would split the form
			}
		default:
			return 0, false, false
		}
		i += size
	}
	if last > start {
		return last, false, true
	}
	return 0, false, false
}

// simpleNonStarter reports whether NFC counts r as one non-starter: a
// mark with a non-zero combining class and no decomposition.
func simpleNonStarter(r rune) bool {
	var b [utf8.UTFMax]byte
	p := norm.NFC.Properties(b[:utf8.EncodeRune(b[:], r)])
	return p.CCC() != 0 && p.Decomposition() == nil
}

// trailingNonStarters counts the non-starters that end the compatibility
// decomposition of r (1 for أ, which is ا + U+0654; 1 for the isolated
// fatha U+FE76, which is a space + U+064E): the Stream-Safe Text Format
// counts them in NFKD, and so does NFC when it inserts its joiner.
func trailingNonStarters(r rune) int {
	d := norm.NFKD.String(string(r))
	k := 0
	for d != "" {
		_, size := utf8.DecodeLastRuneInString(d)
		if norm.NFKD.PropertiesString(d[len(d)-size:]).CCC() == 0 {
			break
		}
		k++
		d = d[:len(d)-size]
	}
	return k
}
