// Package parse turns plain-text news dumps into structured records.
//
// Parse reads an input one document at a time and yields one Article per
// document, errors included:
//
//	bytes ─ split (Options.Split) ─ decode (package decode, once per input)
//	      ─ classify.SplitLines ─ classify.Classify (one kind a line)
//	      ─ assemble: title, sections, images, credits, removed lines…
//	      ─ normalize the text fields (package arabic) ─ Article
//
// Encode writes an Article as JSON with the keys in the record's order and
// raw UTF-8; Schema returns the JSON Schema the records follow.
//
//	for a := range parse.Parse(r, "dump.txt", parse.Options{Split: "auto"}) {
//		parse.Encode(os.Stdout, a, false)
//	}
package parse
