package classify

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestEvalFile prints every labelled line of the dumps whose path contains
// $KHABAR_EVAL_FILE with the label, the kind given and the rule, for
// working on the rules. It is skipped unless the variable is set.
func TestEvalFile(t *testing.T) {
	sub := os.Getenv("KHABAR_EVAL_FILE")
	if sub == "" {
		t.Skip("set KHABAR_EVAL_FILE to a part of a labelled dump's path")
	}
	for _, p := range evalPairs(t, sharedDir(t)) {
		if !strings.Contains(p.text, sub) {
			continue
		}
		want := readLabels(t, p.labels)
		_, res := labelFile(t, p.text)
		var ns []int
		for n := range res {
			ns = append(ns, n)
		}
		for n := range want {
			if _, ok := res[n]; !ok {
				ns = append(ns, n)
			}
		}
		sort.Ints(ns)
		var b strings.Builder
		for _, n := range ns {
			mark := " "
			if want[n] != res[n].Kind {
				mark = "X"
			}
			fmt.Fprintf(&b, "%s %3d %-14s %-14s %-22s %d %.80q\n", mark, n, want[n], res[n].Kind, res[n].Rule, res[n].Image, res[n].Text)
		}
		t.Logf("%s\n%s", p.text, b.String())
	}
}
