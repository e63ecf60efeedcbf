package batch

import (
	"cmp"
	"slices"
	"time"
)

// State is what a run did with one file of SRC.
type State uint8

const (
	Converted State = iota // parsed and written
	UpToDate               // its output was already current
	Failed                 // unreadable, or a document with status error: no output
	Skipped                // not converted for a reason that is not an error (a symlink loop)
	Missing                // Check: no current output
	Stale                  // Check: an output from other bytes or options
	Orphan                 // an output whose source is gone or left out, kept
	Pruned                 // an orphaned output, removed (Options.Prune)
)

var stateNames = [...]string{"converted", "up to date", "failed", "skipped", "missing", "stale", "orphan", "pruned"}

func (s State) String() string { return stateNames[s] }

// Problem is an error or a warning of one document of a file.
type Problem struct {
	Index   int    `json:"index"` // document number within the file
	Code    string `json:"code"`
	Message string `json:"message"`
	Line    *int   `json:"line"`
}

// FileResult is what happened to one file of SRC, or for Orphan and
// Pruned, to an output whose source is no longer converted.
type FileResult struct {
	Path     string // relative to SRC, slash-separated
	Output   string // relative to DST, slash-separated; "" when there is none
	State    State
	Reason   string // why it failed or was skipped
	Bytes    int64  // size of the source
	Docs     int    // documents written
	Images   int
	Credits  int
	Agencies map[string]int // credits by canonical agency name
	Pages    map[string]int // documents by page kind (the record's page)
	Warnings []Problem
	Errors   []Problem
}

// Event reports progress: one Walked event, then one event per file, in
// walk order, as it is finished.
type Event struct {
	Walked bool        // the walk is over: Files and Bytes are the totals
	Files  int         // Walked: files to consider
	Bytes  int64       // Walked: their total size
	File   *FileResult // otherwise: the file just finished
}

// Summary totals a run. Problems lists, in walk order, every file that
// failed, was skipped, has warnings, or (with Check) is missing or stale,
// then the orphaned outputs in the walk order of their sources; it grows
// with them, unless Options.Problem takes them instead.
type Summary struct {
	Files     int // files considered
	Converted int
	UpToDate  int
	Failed    int
	Skipped   int
	Missing   int // Check only
	Stale     int // Check only
	Orphans   int // orphaned outputs kept
	Pruned    int // orphaned outputs removed (Options.Prune)
	Docs      int // documents written by this run
	Images    int
	Credits   int
	Warnings  int
	Errors    int
	Bytes     int64 // bytes of the sources converted
	Agencies  map[string]int
	Pages     map[string]int // documents written by page kind: article, index, error, media
	Elapsed   time.Duration
	Problems  []FileResult
	// Furniture is, with Options.Furniture, the state the learned file
	// was found in: FurnitureCurrent, FurnitureMissing or FurnitureStale
	// (written by this run unless Check); "" without.
	Furniture string
}

// add counts r into s, and reports whether Problems lists it.
func (s *Summary) add(r *FileResult) bool {
	switch r.State {
	case Converted:
		s.Converted++
		s.Bytes += r.Bytes
	case UpToDate:
		s.UpToDate++
	case Failed:
		s.Failed++
	case Skipped:
		s.Skipped++
	case Missing:
		s.Missing++
	case Stale:
		s.Stale++
	case Orphan:
		s.Orphans++
	case Pruned:
		s.Pruned++
	}
	s.Docs += r.Docs
	s.Images += r.Images
	s.Credits += r.Credits
	s.Warnings += len(r.Warnings)
	s.Errors += len(r.Errors)
	for name, n := range r.Agencies {
		s.Agencies[name] += n
	}
	for kind, n := range r.Pages {
		s.Pages[kind] += n
	}
	return r.State >= Failed || len(r.Warnings) > 0
}

// TopAgencies returns up to n agencies, most credited first, ties by name.
func (s *Summary) TopAgencies(n int) []AgencyCount {
	var all []AgencyCount
	for name, c := range s.Agencies {
		all = append(all, AgencyCount{name, c})
	}
	slices.SortFunc(all, func(a, b AgencyCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name))
	})
	return all[:min(n, len(all))]
}

// AgencyCount is a credited agency and how many credits name it.
type AgencyCount struct {
	Name  string
	Count int
}
