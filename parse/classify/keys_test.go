package classify

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/khabar/khabar/parse/lexicon"
)

// TestHitList checks that the rules' questions answered from a line's
// hits get the answers the lexicon gives from its tokens.
func TestHitList(t *testing.T) {
	lex := lexicon.Builtin()
	lines := []string{
		"مصدر الصورة، رويترز/ أ ف ب - اقرأ أيضا",
		"سياح في البتراء. صورة أرشيفية (أ.ف.ب)",
		"AFP via Getty Images / Reuters / AFP",
		"وكالة فرانس برس ووكالة الأنباء الفرنسية",
		"Image copyright AFP Image caption Crowds at the stadium",
		"(Reporting by Jane Doe; Editing by John Smith)",
		"الجمعة 29 يونيو 2012",
		"",
	}
	for _, s := range lines {
		toks := lexicon.MakeKey(s)
		var buf [8]lexicon.Match
		hits := scan(buf[:], toks, lex)
		check := func(what string, got, want any) {
			t.Helper()
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%q: %s = %v, want %v", s, what, got, want)
			}
		}
		check("agencies", hits.agencies(), lex.AgenciesInKey(toks))
		for _, k := range lexicon.Kinds {
			for i := range toks.Len() + 1 {
				m, ok := hits.at(k, i)
				m2, ok2 := lex.AtKey(k, toks, i)
				check(fmt.Sprintf("at(%s, %d)", k, i), fmt.Sprint(m, ok), fmt.Sprint(m2, ok2))
			}
			check("find("+string(k)+")", hits.find(k), lex.FindKey(k, toks))
			check("has("+string(k)+")", hits.has(k), lex.ContainsKey(k, toks))
		}
	}
}
