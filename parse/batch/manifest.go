package batch

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/khabar/khabar/parse"
)

// manifestName is the manifest's name at the root of DST. Outputs end in
// .json or .jsonl, so no output can take this name.
const manifestName = ".khabar-batch.manifest"

// FurnitureFile is the name, beside the manifest, of the furniture learned
// from SRC (Options.Furniture), in the format lexicon.Parse reads. It is
// no output's name either.
const FurnitureFile = ".khabar-furniture.lex"

// entry records one finished output: a line of the manifest. A line with
// no Out drops the source's entry (its file failed, its output is gone).
type entry struct {
	Src      string `json:"src"`
	Out      string `json:"out,omitempty"`
	SHA256   string `json:"sha256,omitempty"`
	OutBytes int64  `json:"out_bytes,omitempty"`
	Schema   string `json:"schema,omitempty"`
	Options  string `json:"options,omitempty"` // optionsHash of the run
	// A name that is not UTF-8 (a Windows-1256 name on Linux, say) cannot
	// be a JSON string: it is written in base64 as well, to be read back
	// byte for byte.
	SrcBytes []byte `json:"src_bytes,omitempty"`
	OutName  []byte `json:"out_name_bytes,omitempty"`
}

// readManifest loads the manifest of DST; a missing one is empty. Later
// lines override earlier ones. A line that does not parse, such as the
// last line of a run killed while appending it, is ignored: its output
// will be redone.
func readManifest(root *os.Root) (map[string]entry, error) {
	m := map[string]entry{}
	if root == nil {
		return m, nil
	}
	f, err := root.Open(manifestName)
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	for {
		line, err := br.ReadBytes('\n')
		if err == io.EOF {
			return m, nil // a last line without its newline is torn
		}
		if err != nil {
			return nil, err
		}
		var e entry
		if json.Unmarshal(line, &e) != nil {
			continue
		}
		e.restoreNames()
		if e.Src == "" {
			continue
		}
		if e.Out == "" {
			delete(m, e.Src)
		} else {
			m[e.Src] = e
		}
	}
}

// writeManifest replaces the manifest with the entries, sorted by source,
// so the manifest of a finished tree does not depend on -j or on how often
// the run was interrupted; synced with sync.
func writeManifest(root *os.Root, m map[string]entry, sync bool) error {
	// Pointers are sorted, not the entries: swapping those was most of
	// the cost for a large tree.
	all := make([]entry, 0, len(m))
	size := 0
	for _, e := range m {
		all = append(all, e)
		size += len(e.Src) + len(e.Out) + len(e.SHA256) + len(e.Schema) + len(e.Options) + 96
	}
	entries := make([]*entry, len(all))
	for i := range all {
		entries[i] = &all[i]
	}
	slices.SortFunc(entries, func(a, b *entry) int { return strings.Compare(a.Src, b.Src) })
	buf := make([]byte, 0, size)
	for _, e := range entries {
		buf = appendEntry(buf, e)
	}
	return writeFileAtomic(root, manifestName, buf, sync)
}

// journal appends entries to the manifest as outputs are finished. It
// writes them in batches, every journalBatch entries or journalDelay: a
// run killed before a batch is written loses only the knowledge of those
// outputs, which the next run makes again.
type journal struct {
	f       *os.File
	buf     []byte
	pending int
	last    time.Time
	before  func() error // called before the entries are written, if set
}

const (
	journalBatch = 64
	journalDelay = time.Second
)

func openJournal(root *os.Root) (*journal, error) {
	f, err := root.OpenFile(manifestName, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return nil, err
	}
	return &journal{f: f, last: time.Now()}, nil
}

func (j *journal) record(e entry) error {
	j.buf = appendEntry(j.buf, &e)
	j.pending++
	if j.pending >= journalBatch || time.Since(j.last) >= journalDelay {
		return j.flush()
	}
	return nil
}

func (j *journal) flush() error {
	if j.before != nil && j.pending > 0 {
		if err := j.before(); err != nil {
			return err
		}
	}
	_, err := j.f.Write(j.buf)
	j.buf = j.buf[:0]
	j.pending, j.last = 0, time.Now()
	return err
}

func (j *journal) close() error {
	err := j.flush()
	if cerr := j.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// appendEntry appends e as a line of JSON, the bytes encoding/json
// writes for it without HTML escaping, by hand: reflection was the larger
// part of the manifest's cost.
func appendEntry(b []byte, e *entry) []byte {
	b = parse.AppendJSONString(append(b, `{"src":`...), e.Src)
	if e.Out != "" {
		b = parse.AppendJSONString(append(b, `,"out":`...), e.Out)
	}
	if e.SHA256 != "" {
		b = parse.AppendJSONString(append(b, `,"sha256":`...), e.SHA256)
	}
	if e.OutBytes != 0 {
		b = strconv.AppendInt(append(b, `,"out_bytes":`...), e.OutBytes, 10)
	}
	if e.Schema != "" {
		b = parse.AppendJSONString(append(b, `,"schema":`...), e.Schema)
	}
	if e.Options != "" {
		b = parse.AppendJSONString(append(b, `,"options":`...), e.Options)
	}
	if !utf8.ValidString(e.Src) {
		b = appendBase64(append(b, `,"src_bytes":`...), e.Src)
	}
	if !utf8.ValidString(e.Out) {
		b = appendBase64(append(b, `,"out_name_bytes":`...), e.Out)
	}
	return append(b, "}\n"...)
}

// appendBase64 appends s as encoding/json writes a []byte: a base64
// string.
func appendBase64(b []byte, s string) []byte {
	b = append(b, '"')
	b = base64.StdEncoding.AppendEncode(b, []byte(s))
	return append(b, '"')
}

// restoreNames puts back the names that are not UTF-8.
func (e *entry) restoreNames() {
	if e.SrcBytes != nil {
		e.Src, e.SrcBytes = string(e.SrcBytes), nil
	}
	if e.OutName != nil {
		e.Out, e.OutName = string(e.OutName), nil
	}
}
