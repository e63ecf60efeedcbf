package parse

import "encoding/json"

// SchemaVersion is the version of the record this package writes.
const SchemaVersion = "1.1"

// Status of a document.
const (
	StatusOK    = "ok"
	StatusEmpty = "empty" // decoded fine, no body found
	StatusError = "error"
)

// Error codes of a record's error.
const (
	ErrIO       = "E_IO"
	ErrTooLarge = "E_TOO_LARGE"
	ErrBinary   = "E_BINARY"
	ErrDecode   = "E_DECODE"
	ErrInternal = "E_INTERNAL"
	ErrTimeout  = "E_TIMEOUT" // the document took longer than Options.Timeout
)

// PageKind is what kind of page a document is. A record of status
// "error" has none, and its page is null.
type PageKind string

// Kinds of page, in the record's page field.
const (
	PageArticle PageKind = "article" // a story
	PageIndex   PageKind = "index"   // a section front or listing: teasers of other stories
	PageError   PageKind = "error"   // a "page not found" or other error page
	PageMedia   PageKind = "media"   // a video or gallery: a title and captions, no running text
)

// MarshalJSON writes the kind, or null for none.
func (k PageKind) MarshalJSON() ([]byte, error) {
	if k == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(k))
}

// Warning codes.
const (
	WarnReplacedBytes  = "W_REPLACED_BYTES"
	WarnMojibake       = "W_MOJIBAKE"
	WarnUnpairedCredit = "W_UNPAIRED_CREDIT"
	WarnNoBody         = "W_NO_BODY"
)

// Article is one record: a document of a dump with its structure
// recovered. Field order is the JSON key order; slices are never nil once
// the record is complete, so they encode as [] and not null.
type Article struct {
	SchemaVersion string        `json:"schema_version"`
	ID            string        `json:"id"`
	Status        string        `json:"status"`
	Source        Source        `json:"source"`
	Language      Language      `json:"language"`
	Page          PageKind      `json:"page"`
	Title         *Title        `json:"title"`
	Dateline      *Dateline     `json:"dateline"`
	Published     *Published    `json:"published"`
	Authors       []string      `json:"authors"`
	URL           *string       `json:"url"`
	Site          *string       `json:"site"`
	Category      *string       `json:"category"`
	DocID         *string       `json:"doc_id"`
	Summary       *Summary      `json:"summary"`
	Meta          []Meta        `json:"meta"`
	Images        []Image       `json:"images"`
	Sections      []Section     `json:"sections"`
	Credits       []Credit      `json:"credits"`
	Agencies      []string      `json:"agencies"`
	Removed       []Removed     `json:"removed"`
	Text          string        `json:"text"`
	Normalization Normalization `json:"normalization"`
	Stats         Stats         `json:"stats"`
	Warnings      []Warning     `json:"warnings"`
	Error         *Error        `json:"error"`
	Lines         []LineKind    `json:"lines,omitzero"`

	// Sources gives, for each metadata field that is set (published,
	// authors, url, site, category, doc_id, summary, dateline), the line
	// it was taken from, for programs that show a dump (khabar explain).
	Sources map[string]int `json:"-"`
}

// Source says where a document came from.
type Source struct {
	Path           string  `json:"path"`      // as given, relative to the folder walked, or "-"
	Index          int     `json:"index"`     // 0-based document number within the input
	RecordID       *string `json:"record_id"` // the jsonl "id", else null
	Lines          [2]int  `json:"lines"`     // first and last line in the source file
	Bytes          int64   `json:"bytes"`
	Encoding       string  `json:"encoding"`
	EncodingSource string  `json:"encoding_source"` // "bom", "detected" or "flag"
	Replaced       int     `json:"replaced"`        // undecodable bytes turned into U+FFFD
}

// Language is the document's main language and direction.
type Language struct {
	Code        string  `json:"code"` // "ar", "en", "und", …
	Dir         string  `json:"dir"`  // "rtl", "ltr" or "mixed"
	ArabicRatio float64 `json:"arabic_ratio"`
}

// Title is the article's headline.
type Title struct {
	Text string `json:"text"`
	Line int    `json:"line"`
}

// Dateline is the «لندن (رويترز) -» opening the first paragraph; the
// paragraph keeps it in its text.
type Dateline struct {
	Text   string  `json:"text"`
	Place  *string `json:"place"`
	Agency *string `json:"agency"`
	Line   int     `json:"line"`
}

// Published is the article's publication date: the line's text and, when
// it is an exact Gregorian date, the date in ISO 8601.
type Published struct {
	Text     string  `json:"text"`
	ISO      *string `json:"iso"`      // "2018-08-18T13:22:51+00:00", "2012-05-01"; null for a Hijri date
	Calendar string  `json:"calendar"` // "gregorian" or "hijri"
	Line     int     `json:"line"`
}

// Summary is an abstract or lead block marked as such (<ABSTRACT>): kept
// apart from the body.
type Summary struct {
	Text  string `json:"text"`
	Lines [2]int `json:"lines"`
}

// Meta is a line about the article rather than of it.
type Meta struct {
	Kind string `json:"kind"` // "dateline", "byline", "date", "site" or "other"
	Text string `json:"text"`
	Line int    `json:"line"`
}

// Image is a picture the dump shows through its caption and credit.
type Image struct {
	Index          int          `json:"index"`
	Caption        *Caption     `json:"caption"`
	Credit         *ImageCredit `json:"credit"`
	Label          *string      `json:"label"` // e.g. "مصدر الصورة", "Image copyright"
	AfterParagraph int          `json:"after_paragraph"`
}

// Caption is an image's caption and every line that carries it.
type Caption struct {
	Text  string `json:"text"`
	Lines []int  `json:"lines"`
}

// ImageCredit is the credit line of an image.
type ImageCredit struct {
	Text     string   `json:"text"`
	Agencies []string `json:"agencies"`
	Line     int      `json:"line"`
}

// Section is a run of paragraphs, opened by a heading except perhaps the first.
type Section struct {
	Heading    *Heading    `json:"heading"`
	Paragraphs []Paragraph `json:"paragraphs"`
}

// Heading is a sub-heading inside the body.
type Heading struct {
	Text string `json:"text"`
	Line int    `json:"line"`
}

// Paragraph is body text.
type Paragraph struct {
	Text  string `json:"text"`
	Lines [2]int `json:"lines"`
}

// Credit is a credit line, tied to an image when it credits one.
type Credit struct {
	Text     string   `json:"text"`
	Agencies []string `json:"agencies"`
	Line     int      `json:"line"`
	Image    *int     `json:"image"`
}

// Removed is a line kept out of the body, and the rule that decided it.
type Removed struct {
	Kind    string   `json:"kind"` // "boilerplate" or "meta"
	Text    string   `json:"text"`
	Line    int      `json:"line"`
	Rule    string   `json:"rule"`
	Learned *Learned `json:"learned"` // rule "learned-furniture": the entry; else null
}

// Learned is the furniture entry, learned from an archive, that removed a
// line: its text as the lexicon file gives it, and in how many documents
// of the archive the line was found.
type Learned struct {
	Text      string `json:"text"`
	Documents int    `json:"documents"`
}

// Normalization reports the profile applied to text fields.
type Normalization struct {
	Profile string         `json:"profile"`
	Ops     []string       `json:"ops"`
	Changes map[string]int `json:"changes"`
}

// Stats counts what the record holds.
type Stats struct {
	Lines      int `json:"lines"`
	Paragraphs int `json:"paragraphs"`
	Headings   int `json:"headings"`
	Images     int `json:"images"`
	Credits    int `json:"credits"`
	Words      int `json:"words"`
	Chars      int `json:"chars"`
}

// Warning is something a user should know about a document that parsed.
type Warning struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Line    *int   `json:"line"`
}

// Error says why a document has status "error".
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// LineKind is the kind given to a non-blank line, with --explain. The
// fields that are not in the record serve programs that show a dump, such
// as khabar explain.
type LineKind struct {
	N    int    `json:"n"`
	Kind string `json:"kind"`

	Text      string   `json:"-"` // the decoded line, not normalized
	Rule      string   `json:"-"` // the rule that decided the kind
	Learned   *Learned `json:"-"` // the learned furniture entry that removed the line, or nil
	Image     int      `json:"-"` // index into images, or -1
	Paragraph int      `json:"-"` // index in the flattened paragraph list, or -1
	Section   int      `json:"-"` // index into sections of the section it belongs to, or -1
}
