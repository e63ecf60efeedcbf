package lexicon

// Match is a run of key tokens matched by one entry.
type Match struct {
	Entry      Entry
	Start, End int // token indexes in the searched slice, End exclusive
}

// At returns the longest entry of kind k whose key tokens equal toks[i:i+n].
func (l *Lexicon) At(k Kind, toks []string, i int) (Match, bool) {
	if i < 0 || i >= len(toks) || !l.mayStart(toks[i]) {
		return Match{}, false
	}
	for _, idx := range l.first[toks[i]] {
		e := &l.entries[idx]
		if e.Kind != k {
			continue
		}
		key := l.keys[idx]
		if len(key) > len(toks)-i || !equal(key[1:], toks[i+1:i+len(key)]) {
			continue
		}
		return Match{Entry: *e, Start: i, End: i + len(key)}, true
	}
	return Match{}, false
}

func equal(a, b []string) bool {
	for j := range a {
		if a[j] != b[j] {
			return false
		}
	}
	return true
}

// Prefix returns the longest entry of kind k that opens toks.
func (l *Lexicon) Prefix(k Kind, toks []string) (Match, bool) { return l.At(k, toks, 0) }

// Suffix returns the longest entry of kind k that closes toks.
func (l *Lexicon) Suffix(k Kind, toks []string) (Match, bool) {
	var best Match
	found := false
	for i := len(toks) - 1; i >= 0 && i >= len(toks)-8; i-- {
		if m, ok := l.At(k, toks, i); ok && m.End == len(toks) {
			best, found = m, true
		}
	}
	return best, found
}

// Find returns the leftmost-longest, non-overlapping matches of kind k.
func (l *Lexicon) Find(k Kind, toks []string) []Match {
	var out []Match
	for i := 0; i < len(toks); {
		if m, ok := l.At(k, toks, i); ok {
			out = append(out, m)
			i = m.End
			continue
		}
		i++
	}
	return out
}

// Contains reports whether some entry of kind k matches in toks.
func (l *Lexicon) Contains(k Kind, toks []string) bool {
	for i := range toks {
		if _, ok := l.At(k, toks, i); ok {
			return true
		}
	}
	return false
}

// Agencies returns the canonical names of the agencies named in s (a line
// or its match key), unique, in order of first appearance.
func (l *Lexicon) Agencies(s string) []string {
	return l.AgenciesIn(Tokens(s))
}

// AgenciesIn is Agencies over key tokens.
func (l *Lexicon) AgenciesIn(toks []string) []string {
	var out []string
	for _, m := range l.Find(Agency, toks) {
		if !contains(out, m.Entry.Canonical) {
			out = append(out, m.Entry.Canonical)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// Scan returns, for every token of toks where entries start, the longest
// entry of each kind starting there, in token order. It looks each token
// up once, so a caller asking many questions of one line scans it once.
func (l *Lexicon) Scan(toks []string) []Match {
	return l.AppendScan(nil, toks)
}

// AppendScan appends what Scan returns to dst.
func (l *Lexicon) AppendScan(dst []Match, toks []string) []Match {
	for i, t := range toks {
		if !l.mayStart(t) {
			continue
		}
		b, ok := l.first[t]
		if !ok {
			continue
		}
		var seen uint32 // kinds already matched at i (bucket is longest first)
		for _, idx := range b {
			bit := uint32(1) << l.kinds[idx]
			if seen&bit != 0 {
				continue
			}
			key := l.keys[idx]
			if len(key) > len(toks)-i || !equal(key[1:], toks[i+1:i+len(key)]) {
				continue
			}
			seen |= bit
			dst = append(dst, Match{Entry: l.entries[idx], Start: i, End: i + len(key)})
		}
	}
	return dst
}

func kindIndex(k Kind) int {
	for i, v := range Kinds {
		if v == k {
			return i
		}
	}
	return len(Kinds)
}
