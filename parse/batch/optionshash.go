package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/khabar/khabar/parse"
	"github.com/khabar/khabar/parse/arabic"
	"github.com/khabar/khabar/parse/decode"
)

// optionsHash names the options that shape an output's bytes: the same
// source parsed with options of the same hash gives the same record. The
// manifest keeps it beside each output, as "options". The size limit, the
// timeout and --debug are left out: they only decide whether a document
// fails, and a file that fails has no output.
func optionsHash(o parse.Options) (string, error) {
	enc := o.Encoding
	if enc == "" {
		enc = decode.Auto
	}
	profile := o.Profile
	if profile == "" {
		profile = "default"
	}
	ops, err := arabic.Profile(profile)
	if err != nil {
		return "", err
	}
	ops = ops.With(o.With...).Without(o.Without...)
	h := sha256.New()
	fmt.Fprintf(h, "encoding=%s\nprofile=%s\nops=%s\nsplit=%s\nexplain=%t\n",
		enc, profile, strings.Join(ops.Names(), ","), o.Split, o.Explain)
	if o.Lexicon != nil {
		// The lexicon in its written form: a different --lexicon file with
		// the same entries makes the same hash.
		h.Write([]byte("lexicon\n"))
		if _, err := o.Lexicon.WriteTo(h); err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:12]), nil
}
