package arabic

import (
	"fmt"
	"strings"
)

// Op names one normalization operation of the table in the package
// documentation. Ops are listed in the order of that table; the order in
// which they act is fixed too (see the package documentation), whatever
// order they are named in.
type Op uint8

const (
	Newlines Op = iota
	NFC
	Presentation
	Controls
	Spaces
	Tatweel
	Diacritics
	Quranic
	Alef
	Yeh
	TehMarbuta
	Hamza
	Persian
	Digits
	Punctuation
	numOps
)

var opNames = [numOps]string{
	"newlines", "nfc", "presentation", "controls", "spaces", "tatweel",
	"diacritics", "quranic", "alef", "yeh", "teh_marbuta", "hamza",
	"persian", "digits", "punctuation",
}

// String returns the op's name as the command line and the record spell it.
func (op Op) String() string {
	if op < numOps {
		return opNames[op]
	}
	return fmt.Sprintf("Op(%d)", uint8(op))
}

// Ops lists every op in table order.
func Ops() []Op {
	ops := make([]Op, numOps)
	for i := range ops {
		ops[i] = Op(i)
	}
	return ops
}

// ParseOp returns the op with the given name.
func ParseOp(name string) (Op, error) {
	for i, n := range opNames {
		if n == name {
			return Op(i), nil
		}
	}
	return 0, fmt.Errorf("unknown normalization op %q (allowed: %s)", name, strings.Join(opNames[:], ", "))
}

// Options is the set of ops a normalizer applies. The zero value applies
// none; start from a profile (Default, Search) and add or drop ops.
type Options struct {
	set uint32
}

// Profiles.
var (
	// None does only the newline fold (decoding is the reader's job).
	None = Options{}.With(Newlines)
	// Default is lossless for a reader: newlines, NFC, presentation forms,
	// invisible controls, spaces and kashida.
	Default = None.With(NFC, Presentation, Controls, Spaces, Tatweel)
	// Search adds every lossy fold; it is what Key uses for matching.
	Search = Default.With(Diacritics, Quranic, Alef, Yeh, TehMarbuta, Hamza, Persian, Digits, Punctuation)
)

var profiles = []struct {
	name string
	opts *Options
}{{"none", &None}, {"default", &Default}, {"search", &Search}}

// ProfileNames lists the profile names Profile accepts.
func ProfileNames() []string {
	names := make([]string, len(profiles))
	for i, p := range profiles {
		names[i] = p.name
	}
	return names
}

// Profile returns the options of a named profile.
func Profile(name string) (Options, error) {
	for _, p := range profiles {
		if p.name == name {
			return *p.opts, nil
		}
	}
	return Options{}, fmt.Errorf("unknown normalization profile %q (allowed: %s)", name, strings.Join(ProfileNames(), ", "))
}

// Has reports whether op is on.
func (o Options) Has(op Op) bool { return o.set&(1<<op) != 0 }

// With returns o with the ops turned on.
func (o Options) With(ops ...Op) Options {
	for _, op := range ops {
		o.set |= 1 << op
	}
	return o
}

// Without returns o with the ops turned off.
func (o Options) Without(ops ...Op) Options {
	for _, op := range ops {
		o.set &^= 1 << op
	}
	return o
}

// Ops lists the ops that are on, in table order.
func (o Options) Ops() []Op {
	var ops []Op
	for op := range numOps {
		if o.Has(op) {
			ops = append(ops, op)
		}
	}
	return ops
}

// Names lists the names of the ops that are on, in table order.
func (o Options) Names() []string {
	ops := o.Ops()
	names := make([]string, 0, len(ops))
	for _, op := range ops {
		names = append(names, op.String())
	}
	return names
}

// ParseOps parses a comma-separated list of op names, as --with and
// --without take them.
func ParseOps(list string) ([]Op, error) {
	var ops []Op
	for name := range strings.SplitSeq(list, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		op, err := ParseOp(name)
		if err != nil {
			return nil, err
		}
		ops = append(ops, op)
	}
	return ops, nil
}

// Changes counts, per op, what an op changed: see Normalizer.Changes for
// what a count means.
type Changes [numOps]int

// Map returns the non-zero counts keyed by op name, as the record's
// normalization.changes holds them.
func (c *Changes) Map() map[string]int {
	m := map[string]int{}
	for op, n := range c {
		if n != 0 {
			m[Op(op).String()] = n
		}
	}
	return m
}

// Add adds the counts of d to c.
func (c *Changes) Add(d *Changes) {
	for i := range c {
		c[i] += d[i]
	}
}
