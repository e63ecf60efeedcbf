package lexicon

// Match is a run of key tokens matched by one entry.
type Match struct {
	Entry      Entry
	Start, End int // token indexes in the searched slice, End exclusive
}

// The methods over []string tokens are those over a Key made of them
// (JoinKey); the classifier, which keys every line of a document, calls the
// Key forms.

// At returns the longest entry of kind k whose key tokens equal toks[i:i+n].
func (l *Lexicon) At(k Kind, toks []string, i int) (Match, bool) { return l.AtKey(k, JoinKey(toks), i) }

// AtKey is At over the tokens of key.
func (l *Lexicon) AtKey(k Kind, key Key, i int) (Match, bool) {
	if i < 0 || i >= key.Len() {
		return Match{}, false
	}
	t := key.At(i)
	if !l.mayStart(t) {
		return Match{}, false
	}
	for _, idx := range l.first[t] {
		e := &l.entries[idx]
		if e.Kind != k || !l.goesOn(idx, key, i) {
			continue
		}
		return Match{Entry: *e, Start: i, End: i + len(l.keys[idx])}, true
	}
	return Match{}, false
}

// goesOn reports whether the tokens of entry idx after its first equal
// those of key after token i.
func (l *Lexicon) goesOn(idx int32, key Key, i int) bool {
	e := l.keys[idx]
	if len(e) > key.Len()-i {
		return false
	}
	for j := 1; j < len(e); j++ {
		if e[j] != key.At(i+j) {
			return false
		}
	}
	return true
}

// Whole returns the furniture entry whose key is the whole of key.
func (l *Lexicon) Whole(key Key) (Entry, bool) {
	if len(l.whole) == 0 || key.n == 0 {
		return Entry{}, false
	}
	i, ok := l.whole[key.joined()]
	if !ok {
		return Entry{}, false
	}
	return l.entries[i], true
}

// HasFurniture reports whether l holds any furniture entry.
func (l *Lexicon) HasFurniture() bool { return len(l.whole) > 0 }

// Prefix returns the longest entry of kind k that opens toks.
func (l *Lexicon) Prefix(k Kind, toks []string) (Match, bool) { return l.AtKey(k, JoinKey(toks), 0) }

// PrefixKey is Prefix over the tokens of key.
func (l *Lexicon) PrefixKey(k Kind, key Key) (Match, bool) { return l.AtKey(k, key, 0) }

// Suffix returns the longest entry of kind k that closes toks.
func (l *Lexicon) Suffix(k Kind, toks []string) (Match, bool) { return l.SuffixKey(k, JoinKey(toks)) }

// SuffixKey is Suffix over the tokens of key.
func (l *Lexicon) SuffixKey(k Kind, key Key) (Match, bool) {
	var best Match
	found := false
	n := key.Len()
	for i := n - 1; i >= 0 && i >= n-8; i-- {
		if m, ok := l.AtKey(k, key, i); ok && m.End == n {
			best, found = m, true
		}
	}
	return best, found
}

// Find returns the leftmost-longest, non-overlapping matches of kind k.
func (l *Lexicon) Find(k Kind, toks []string) []Match { return l.FindKey(k, JoinKey(toks)) }

// FindKey is Find over the tokens of key.
func (l *Lexicon) FindKey(k Kind, key Key) []Match {
	var out []Match
	for i := 0; i < key.Len(); {
		if m, ok := l.AtKey(k, key, i); ok {
			out = append(out, m)
			i = m.End
			continue
		}
		i++
	}
	return out
}

// Contains reports whether some entry of kind k matches in toks.
func (l *Lexicon) Contains(k Kind, toks []string) bool { return l.ContainsKey(k, JoinKey(toks)) }

// ContainsKey is Contains over the tokens of key.
func (l *Lexicon) ContainsKey(k Kind, key Key) bool {
	for i := range key.Len() {
		if _, ok := l.AtKey(k, key, i); ok {
			return true
		}
	}
	return false
}

// Agencies returns the canonical names of the agencies named in s (a line
// or its match key), unique, in order of first appearance.
func (l *Lexicon) Agencies(s string) []string {
	return l.AgenciesInKey(MakeKey(s))
}

// AgenciesIn is Agencies over key tokens.
func (l *Lexicon) AgenciesIn(toks []string) []string { return l.AgenciesInKey(JoinKey(toks)) }

// AgenciesInKey is Agencies over the tokens of key.
func (l *Lexicon) AgenciesInKey(key Key) []string {
	var out []string
	for _, m := range l.FindKey(Agency, key) {
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
	return l.AppendScanKey(nil, JoinKey(toks))
}

// AppendScan appends what Scan returns to dst.
func (l *Lexicon) AppendScan(dst []Match, toks []string) []Match {
	return l.AppendScanKey(dst, JoinKey(toks))
}

// AppendScanKey is AppendScan over the tokens of key.
func (l *Lexicon) AppendScanKey(dst []Match, key Key) []Match {
	for i, sp := range key.spans() {
		t := key.s[sp[0]:sp[1]]
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
			if seen&bit != 0 || !l.goesOn(idx, key, i) {
				continue
			}
			seen |= bit
			dst = append(dst, Match{Entry: l.entries[idx], Start: i, End: i + len(l.keys[idx])})
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
