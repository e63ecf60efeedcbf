package parse

import (
	"bytes"
	"encoding/json"
	"io"
)

// Encode writes a as JSON followed by a newline: keys in the record's
// order, UTF-8 as is (no \u escapes, no HTML escaping), indented by two
// spaces when pretty, else on one line (JSON Lines).
func Encode(w io.Writer, a *Article, pretty bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if pretty {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(a)
}

// Marshal returns what Encode writes.
func Marshal(a *Article, pretty bool) ([]byte, error) {
	var b bytes.Buffer
	if err := Encode(&b, a, pretty); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
