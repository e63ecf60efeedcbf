// Package arabic normalizes Arabic text as a golang.org/x/text transformer.
//
// A Normalizer applies a fixed sequence of ops chosen by Options (newlines,
// nfc, presentation, controls, spaces, tatweel, diacritics, quranic, alef,
// yeh, teh_marbuta, hamza, persian, digits, punctuation). It streams, keeps
// at most a rune or two of state, and is idempotent. Key folds a string to
// the search profile for matching.
//
//	t := arabic.New(arabic.Default)
//	r := transform.NewReader(src, t)
package arabic
