package arabic

import "strings"

// Key folds s for matching: the search profile, Latin lowercased,
// punctuation folded to spaces and spaces collapsed.
func Key(s string) string {
	return strings.Join(strings.Fields(String(Search, s)), " ")
}
