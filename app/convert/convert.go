// Package convert is the seam between the page and the file formats: the
// imports and exports in every format (package format's encoders and
// decoders), the corpus reader and writer (package corpus, with
// archive/zip) are work a person asks for now and then, not at start, so
// app.wasm does not link them. The page calls the functions here; they hand
// a Call to Use, which in the browser runs it in the worker's module
// (web/extract.wasm, or a second Go instance in the page where no worker
// can run), and elsewhere runs it in package local, which does the work.
// app.wasm does not import package local: the linker keeps only functions
// something reachable calls, so the formats' code stays out of it.
package convert

import (
	"encoding/json"
	"errors"
	"fmt"

	"gloss/app/corpus/batch"
	"gloss/app/format"
)

// Converter runs a Call.
type Converter interface {
	Do(Call) Result
}

// Use runs every call: the worker's client in app.wasm (set by package
// ui), package local's Converter elsewhere (importing it sets it).
var Use Converter

// ErrUnavailable: the converter could not run (in the browser: the
// worker's module could not be loaded, nor run in the page).
var ErrUnavailable = errors.New("the reader and writer of annotation files could not be loaded (it is fetched once, then kept for offline use): try again when online")

// The operations a Call names.
const (
	OpEncode = "encode" // Docs[0] in Format: Result.Data, Omitted
	OpWrite  = "write"  // Docs in Format with Labels, for a library: Export
	OpRead   = "read"   // Files (zips, folders, every format): Read
	OpDecode = "decode" // the file Name, Data (its format detected) with Text: Format, Docs, Report
	// OpImport is OpDecode without a text and, with Onto, the file placed
	// onto Text too unless it holds several articles of its own, read
	// whole: Format, Docs, Report and Onto, in one call.
	OpImport = "import"
)

// Call is one operation with its arguments; each uses the fields its Op
// names.
type Call struct {
	Op     string
	Format string       `json:",omitempty"`
	Name   string       `json:",omitempty"`
	Data   []byte       `json:",omitempty"`
	Text   string       `json:",omitempty"`
	Docs   []format.Doc `json:",omitempty"`
	Labels []string     `json:",omitempty"`
	Files  []batch.File `json:",omitempty"`
	Onto   bool         `json:",omitempty"`
}

// Result is what a Call gave: Err, the operation's error ("" for none),
// and the fields its Op names.
type Result struct {
	Err     string            `json:",omitempty"`
	Data    []byte            `json:",omitempty"`
	Omitted []format.Omission `json:",omitempty"`
	Export  *batch.Export     `json:",omitempty"`
	Read    *batch.Result     `json:",omitempty"`
	Format  string            `json:",omitempty"`
	Docs    []format.Doc      `json:",omitempty"`
	Report  format.Report
	Onto    *Placed `json:",omitempty"`
	// Unavailable: the call did not run (Err says why).
	Unavailable bool `json:",omitempty"`
}

// Placed is a file placed onto an article's text (format.DecodeOnto), and
// the error that gave, if any.
type Placed struct {
	Doc       format.Doc
	Placement format.Placement
	Report    format.Report
	Err       string `json:",omitempty"`
}

// err is the result's error: ErrUnavailable when the call did not run
// (the detail, in Err, is for the console).
func (r Result) err() error {
	switch {
	case r.Unavailable:
		return ErrUnavailable
	case r.Err != "":
		return errors.New(r.Err)
	}
	return nil
}

// Failed is the result of a call that could not run.
func Failed(err error) Result {
	return Result{Err: err.Error(), Unavailable: true}
}

func run(c Call) Result {
	if Use == nil {
		return Failed(errors.New("no converter"))
	}
	return Use.Do(c)
}

// Encode writes d in the named format (format.ByName): the file's bytes and
// the annotations the format cannot hold, with why.
func Encode(name string, d format.Doc) ([]byte, []format.Omission, error) {
	r := run(Call{Op: OpEncode, Format: name, Docs: []format.Doc{d}})
	return r.Data, r.Omitted, r.err()
}

// Write is corpus.Write: docs in the named format, for a library.
func Write(name string, docs []format.Doc, labels []string) (*batch.Export, error) {
	r := run(Call{Op: OpWrite, Format: name, Docs: docs, Labels: labels})
	if err := r.err(); err != nil {
		return nil, err
	}
	if r.Export == nil {
		return nil, errors.New("the converter wrote nothing")
	}
	return r.Export, nil
}

// Read is corpus.Read: every article the files hold.
func Read(files []batch.File) (*batch.Result, error) {
	r := run(Call{Op: OpRead, Files: files})
	if err := r.err(); err != nil {
		return nil, err
	}
	if r.Read == nil {
		return &batch.Result{}, nil
	}
	return r.Read, nil
}

// Decode detects the file's format (format.Detect) and reads every article
// it holds (format.DecodeAll with text). formatName is "" with a nil error
// when the file is in no format Gloss reads; err is the decoder's error
// (formatName set) or, formatName "", ErrUnavailable's.
func Decode(name string, data []byte, text string) (formatName string, docs []format.Doc, rep format.Report, err error) {
	r := run(Call{Op: OpDecode, Name: name, Data: data, Text: text})
	return r.Format, r.Docs, r.Report, r.err()
}

// Imported is a file read to import it (Import).
type Imported struct {
	Format string
	Docs   []format.Doc
	Report format.Report
	// Onto is the file placed onto the open article's text; nil without
	// one, or when the file holds several articles of its own, read whole.
	Onto *Placed
}

// Import reads a file to import: as Decode does without a text and, when
// onto (an article is open), placed onto text too unless the file holds
// several articles of its own, read whole; one call, one round trip to
// the worker. err is as Decode's.
func Import(name string, data []byte, text string, onto bool) (Imported, error) {
	c := Call{Op: OpImport, Name: name, Data: data}
	if onto {
		c.Text, c.Onto = text, true
	}
	r := run(c)
	return Imported{Format: r.Format, Docs: r.Docs, Report: r.Report, Onto: r.Onto}, r.err()
}

// EncodeCall writes c as JSON for the worker.
func EncodeCall(c Call) (string, error) {
	b, err := json.Marshal(c)
	return string(b), err
}

// DecodeResult reads a result written by local.Serve; an unreadable one is a
// result that did not run.
func DecodeResult(s string) Result {
	var r Result
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		return Failed(fmt.Errorf("convert: a bad result: %v", err))
	}
	return r
}

// Wire is a Converter over a transport: each call is written for
// local.Serve and handed to the function, whose answer is read back. The
// transport's error says the call did not run (the result is Unavailable:
// ErrUnavailable to the caller, the error for the console), unless it is a
// *Ran: the far side took the call and failed on it (a panic there), the
// caller's error then.
type Wire func(call string) (result string, err error)

// Ran is a transport's error for a call the far side took and failed on.
type Ran struct{ Err string }

func (e *Ran) Error() string { return e.Err }

// Do sends c through w.
func (w Wire) Do(c Call) Result {
	msg, err := EncodeCall(c)
	if err != nil {
		return Result{Err: err.Error()}
	}
	s, err := w(msg)
	if ran := (*Ran)(nil); errors.As(err, &ran) {
		return Result{Err: ran.Err}
	}
	if err != nil {
		return Failed(err)
	}
	return DecodeResult(s)
}
