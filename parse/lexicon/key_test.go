package lexicon

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
)

// TestKey checks that a Key has the tokens Tokens cuts, that JoinKey keeps
// any tokens as they are (even empty ones or ones with spaces), and that
// Slice, Equal and Index see tokens, not bytes.
func TestKey(t *testing.T) {
	for _, s := range []string{"", " ،", "مصدر الصورة، رويترز/ أ.ف.ب", "Reuters/Carlos Barria", "ﻻ تعليق (AP)"} {
		if got, want := MakeKey(s).Tokens(), Tokens(s); !slices.Equal(got, want) {
			t.Errorf("MakeKey(%q) = %q, Tokens %q", s, got, want)
		}
	}
	toks := []string{"a", "", "b c", "d"}
	k := JoinKey(toks)
	if got := k.Tokens(); !slices.Equal(got, toks) || k.Len() != 4 || k.At(2) != "b c" {
		t.Errorf("JoinKey(%q) = %q", toks, got)
	}
	if got := k.Slice(1, 3).Tokens(); !slices.Equal(got, toks[1:3]) {
		t.Errorf("Slice(1, 3) = %q", got)
	}
	ab, a := MakeKey("ab cd ab"), MakeKey("ab")
	if ab.Equal(MakeKey("abcd ab")) || !ab.Equal(MakeKey("(AB) - CD, ab")) {
		t.Error("Equal compares bytes, not tokens")
	}
	if ab.Index(a) != 0 || ab.Slice(1, 3).Index(a) != 1 || ab.Index(MakeKey("b")) != -1 || a.Index(ab) != -1 {
		t.Error("Index of a token run")
	}
}

// TestKeyMethods checks that a Key cut out of a longer key, as the
// classifier keys a document, matches as one made of its tokens alone
// (the methods over []string go through JoinKey), from every token of lines
// where entries of many kinds start.
func TestKeyMethods(t *testing.T) {
	lex := Builtin()
	lines := []string{
		"مصدر الصورة، رويترز/ أ ف ب - اقرأ أيضا",
		"سياح في البتراء. صورة أرشيفية",
		"AFP via Getty Images",
		"وكالة فرانس برس (أ.ف.ب) الجمعة 29 يونيو",
		"Image copyright AFP Image caption Crowds",
	}
	for _, s := range lines {
		toks := Tokens(s)
		buf, spans := AppendKeySpans(nil, nil, "قبل")
		from := len(spans)
		buf, spans = AppendKeySpans(append(buf, ' '), spans, s)
		to := len(spans)
		buf, spans = AppendKeySpans(append(buf, ' '), spans, "بعد")
		key := KeyOf(string(buf), spans[from:to])
		if !slices.Equal(key.Tokens(), toks) {
			t.Fatalf("%q: key %q, Tokens %q", s, key.Tokens(), toks)
		}
		check := func(what string, got, want any) {
			t.Helper()
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%q: %s = %v, want %v", s, what, got, want)
			}
		}
		for i := range len(toks) + 1 {
			want := slices.Index(toks[min(i, len(toks)):], toks[i%len(toks)])
			if want >= 0 {
				want += i
			}
			check("IndexToken", key.IndexToken(toks[i%len(toks)], i), want)
		}
		check("IndexToken of the last", key.IndexToken(toks[len(toks)-1], 0), slices.Index(toks, toks[len(toks)-1]))
		check("IndexToken of none", key.IndexToken("لاشيء", 0), -1)
		check("AppendScanKey", lex.AppendScanKey(nil, key), lex.Scan(toks))
		check("AgenciesInKey", lex.AgenciesInKey(key), lex.AgenciesIn(toks))
		for _, k := range Kinds {
			for i := -1; i <= len(toks); i++ {
				m, ok := lex.AtKey(k, key, i)
				m2, ok2 := lex.At(k, toks, i)
				check(fmt.Sprintf("AtKey(%s, %d)", k, i), fmt.Sprint(m, ok), fmt.Sprint(m2, ok2))
			}
			m, ok := lex.PrefixKey(k, key)
			m2, ok2 := lex.Prefix(k, toks)
			check("PrefixKey("+string(k)+")", fmt.Sprint(m, ok), fmt.Sprint(m2, ok2))
			m, ok = lex.SuffixKey(k, key)
			m2, ok2 = lex.Suffix(k, toks)
			check("SuffixKey("+string(k)+")", fmt.Sprint(m, ok), fmt.Sprint(m2, ok2))
			check("FindKey("+string(k)+")", lex.FindKey(k, key), lex.Find(k, toks))
			check("ContainsKey("+string(k)+")", lex.ContainsKey(k, key), lex.Contains(k, toks))
		}
	}
}
