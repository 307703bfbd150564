package text

import "errors"

// Extractor reads what app.wasm leaves to libraries it does not link: the
// article of a web page (Readability), the text of Markdown (goldmark) and
// the visible text of a clipboard's HTML (x/net/html, whose parser and
// entity table would otherwise be compiled and initialised at every
// start). Package extract is the one implementation; the command line
// links it, the browser runs it in a Web Worker and sets an
// Extractor that asks the worker (each call then waits for its answer, so
// the browser calls Load, FromPaste and FromPasteAs for those kinds, and
// FromClipboardHTML, off its UI goroutine).
type Extractor interface {
	// HTML finds the article of a web page (see package extract).
	HTML(src string) (Page, error)
	// Markdown returns a Markdown document's plain text and its first
	// heading as the title.
	Markdown(src string) (title, body string, err error)
	// Visible returns all the visible text of an HTML fragment, with its
	// paragraphs ("" for none): see FromClipboardHTML.
	Visible(src string) (string, error)
}

// Extract reads web pages and Markdown for Load, FromPaste and FromPasteAs,
// and a clipboard's HTML for FromClipboardHTML.
// Importing package extract sets it; nil makes those kinds fail with
// ErrUnavailable.
var Extract Extractor

// ErrUnavailable is (wrapped in) the error of content that needs Extract
// when there is none or it could not run (the browser's worker could not be
// loaded): nothing was read. FromPasteAs never takes such content for plain
// text.
var ErrUnavailable = errors.New("the reader for web pages and Markdown could not be loaded")

// NeedsExtractor reports whether content of kind is read by Extract.
func NeedsExtractor(kind string) bool { return kind == KindHTML || kind == KindMarkdown }

// extractor returns Extract, or one that fails with ErrUnavailable.
func extractor() Extractor {
	if Extract == nil {
		return unavailable{}
	}
	return Extract
}

type unavailable struct{}

func (unavailable) HTML(string) (Page, error) { return Page{}, ErrUnavailable }
func (unavailable) Markdown(string) (string, string, error) {
	return "", "", ErrUnavailable
}
func (unavailable) Visible(string) (string, error) { return "", ErrUnavailable }
