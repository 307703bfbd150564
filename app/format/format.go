// Package format imports and exports annotations: brat standoff, W3C Web
// Annotation JSON-LD, JSONL as doccano and spaCy write it, CoNLL with IOB2 or
// BILOU tags, and CSV.
//
// Every offset in a Doc is a code point index into Doc.Text (0-based, end
// excluded). On import the offset unit of the file (code points, UTF-16 units
// or UTF-8 bytes) is detected by checking the spans against the text, and
// offsets are converted; a file that fits no unit is refused whole.
//
// The package never touches the DOM, storage or the clock.
package format

import (
	"fmt"
	"path"
	"strings"

	"gloss/app/annot"
	gtext "gloss/app/text"
)

// Doc is what moves between formats: the article text and its annotations,
// plus what Gloss does not model itself.
type Doc struct {
	Title       string
	Text        string
	Annotations []annot.Annotation
	// Brat holds the brat lines Gloss does not model (R, E, A/M, N, *, #
	// notes not attached to a T, discontinuous fragments…) kept verbatim to
	// write back; nil for other formats.
	Brat *BratExtra `json:",omitempty"`
	// Source is the IRI of the article used as the W3C target source; when
	// empty, W3C export derives a stable urn:gloss: IRI from the text.
	Source string `json:",omitempty"`
}

// Format is one import/export format.
type Format interface {
	// Name is the short name used in menus and on the command line.
	Name() string
	// Ext is the file extension for export, with its dot.
	Ext() string
	// Encode writes d in this format.
	Encode(d Doc) ([]byte, error)
	// Decode reads a file. text is the article text for formats that do
	// not carry it (brat .ann, CSV, W3C, CoNLL when aligning); formats that
	// carry their own text (JSONL) use it to pick the matching line.
	Decode(data []byte, text string) (Doc, Report, error)
}

// Report says how an import was read.
type Report struct {
	// Unit is the offset unit detected: UnitCodePoints, UnitUTF16 or
	// UnitBytes; empty for formats without offsets (CoNLL).
	Unit string
	// Notes are remarks for the user, e.g. "12 relations and 3 events
	// kept unchanged for export".
	Notes []string
}

// Offset units a file may use.
const (
	UnitCodePoints = "code points"
	UnitUTF16      = "UTF-16 units"
	UnitBytes      = "bytes"
)

// MaxSize is the largest file Decode accepts, in bytes.
const MaxSize = 50 << 20

// MaxDepth is the deepest JSON nesting Decode accepts.
const MaxDepth = 64

// The formats, ready to use: format.Brat.Encode(d).
var (
	Brat  Format = bratFormat{}
	W3C   Format = w3cFormat{}
	JSONL Format = jsonlFormat{spacy: false}
	Spacy Format = jsonlFormat{spacy: true}
	CoNLL Format = conllFormat{bilou: false}
	BILOU Format = conllFormat{bilou: true}
	CSV   Format = csvFormat{}
)

// All returns the formats in menu order.
func All() []Format {
	return []Format{Brat, W3C, JSONL, Spacy, CoNLL, BILOU, CSV}
}

// ByName returns the format with the given name ("brat", "w3c", "jsonl",
// "spacy", "conll", "bilou", "csv"), ignoring case.
func ByName(name string) (Format, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	switch name {
	case "iob", "iob2", "bio":
		name = "conll"
	case "biluo", "bioes":
		name = "bilou"
	case "doccano":
		name = "jsonl"
	case "jsonld", "json-ld", "webanno":
		name = "w3c"
	}
	for _, f := range All() {
		if f.Name() == name {
			return f, true
		}
	}
	return nil, false
}

// DecodeAll reads every article a file holds: one per line for JSONL and
// spaCy, one per -DOCSTART- document for CoNLL when no text is given (with
// a text, the file is aligned to it as one article), one for the others.
func DecodeAll(f Format, data []byte, text string) ([]Doc, Report, error) {
	if c, ok := f.(conllFormat); ok && text == "" {
		return c.decodeDocs(data)
	}
	if m, ok := f.(interface {
		decodeAll(data []byte) ([]Doc, Report, error)
	}); ok {
		return m.decodeAll(data)
	}
	d, r, err := f.Decode(data, text)
	if err != nil {
		return nil, r, err
	}
	return []Doc{d}, r, nil
}

// EncodeAll writes several articles: one per line for JSONL and spaCy, one
// -DOCSTART- document each for CoNLL; the other formats hold one article a
// file and refuse more.
func EncodeAll(f Format, docs []Doc) ([]byte, error) {
	if m, ok := f.(interface {
		encodeAll(docs []Doc) ([]byte, error)
	}); ok {
		return m.encodeAll(docs)
	}
	if len(docs) != 1 {
		return nil, errorf(f.Name(), "a file holds one article, not %d; nothing exported", len(docs))
	}
	return f.Encode(docs[0])
}

// Detect guesses the format of a file from its name and its first bytes.
func Detect(filename string, data []byte) (Format, bool) {
	head := data
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	s := strings.TrimPrefix(string(head), "\ufeff")
	switch strings.ToLower(path.Ext(strings.ReplaceAll(filename, `\`, "/"))) {
	case ".ann":
		return Brat, true
	case ".jsonld":
		return W3C, true
	case ".csv":
		return CSV, true
	case ".json", ".jsonl", ".ndjson":
		return sniffJSON(s), true
	case ".conll", ".iob", ".iob2", ".bio", ".conllu":
		return sniffTags(s), true
	case ".bilou", ".biluo", ".bioes":
		return BILOU, true
	}
	t := strings.TrimSpace(s)
	switch {
	case t == "":
		return nil, false
	case t[0] == '{' || t[0] == '[':
		return sniffJSON(t), true
	case bratLineStart(t):
		return Brat, true
	case strings.HasPrefix(strings.ToLower(t), "start,end"):
		return CSV, true
	case looksLikeConll(t):
		return sniffTags(t), true
	}
	return nil, false
}

func sniffJSON(s string) Format {
	switch {
	case strings.Contains(s, `"@context"`) || strings.Contains(s, `"Annotation"`) ||
		strings.Contains(s, `"AnnotationCollection"`) || strings.Contains(s, `"AnnotationPage"`):
		return W3C
	case strings.Contains(s, `"spans"`) || strings.Contains(s, `"ents"`):
		return Spacy
	}
	return JSONL
}

// errorf formats an import or export error prefixed with the format name.
func errorf(name, format string, args ...any) error {
	return fmt.Errorf(name+": "+format, args...)
}

// checkSize refuses files over MaxSize.
func checkSize(name string, data []byte) error {
	if len(data) > MaxSize {
		return errorf(name, "file is %.1f MB, over the %d MB limit; nothing imported",
			float64(len(data))/(1<<20), MaxSize>>20)
	}
	return nil
}

// fillIDs gives every annotation without an ID a new one, so that the
// result can go straight into an annot.Set.
func fillIDs(as []annot.Annotation) {
	for i := range as {
		if as[i].ID == "" {
			as[i].ID = annot.NewID()
		}
	}
}

// sorted returns a sorted copy of as.
func sorted(as []annot.Annotation) []annot.Annotation {
	out := append([]annot.Annotation(nil), as...)
	annot.Sort(out)
	return out
}

// checkAnnotations verifies that every annotation fits the text before an
// export, so that no format writes offsets that point nowhere.
func checkAnnotations(name string, idx *gtext.Offsets, as []annot.Annotation) error {
	for _, a := range as {
		if err := a.Valid(idx.Len()); err != nil {
			return errorf(name, "annotation %s: %v; nothing exported", a.ID, err)
		}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
