// Package batch converts an archive folder of dumps into a mirrored tree of
// records: SRC/a/b.txt becomes DST/a/b.json, or DST/a/b.jsonl when the file
// holds several documents. Each output holds exactly the bytes khabar parse
// prints for that file, with source.path relative to SRC.
//
//	walk SRC ─▶ up to date? ─▶ parse.Parse ─▶ temp file in the output's folder ─▶ rename ─▶ manifest
//
// A run is resumable and may be killed at any moment. Outputs appear only by
// rename, and the manifest (DST/.khabar-batch.manifest) records an output
// only after its rename, so a partial file is never taken for a finished one;
// temp files left by a killed run are removed by the next. An output is up to
// date when the manifest holds it with the source's SHA-256, the record's
// schema version and the same output-shaping options, and the file is there
// with the size recorded.
//
// With Options.Furniture, a run first learns the page furniture of SRC (the
// lines that repeat across its documents, see package furniture), keeps it
// in DST/.khabar-furniture.lex and removes it from the outputs; what is
// learned is part of the options, so outputs are stale when it changes.
//
// An output whose source is gone from SRC, or no longer chosen, is an
// orphan: Check reports it, and Options.Prune removes it, only ever a file
// the manifest records. One run at a time writes a DST: a run holds a lock
// on it (DST/.khabar-batch.lock), and Options.Sync makes what the manifest
// records durable against a power loss.
//
// A run holds neither the list of SRC nor the manifest: it walks SRC in walk
// order (names sorted in each folder, depth first) beside the manifest,
// which is kept sorted the same way, so its memory does not grow with the
// number of files.
//
// Nothing under SRC is written. Every write goes through an os.Root opened on
// DST, so no name or symlink can lead a write outside DST. DST is skipped
// while walking when it lies inside SRC.
//
// The package never prints: Run reports through Options.Progress and
// returns a Summary.
package batch
