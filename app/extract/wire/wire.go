// Package wire is the message protocol between app.wasm and its worker
// (web/extract-worker.js running wasm/extract), which reads web pages and
// Markdown and builds long articles' entities and search index. Each
// request is one string: a line of JSON (the header) then the payload as
// is, so a page of megabytes crosses without being escaped. A request's
// payload is the source to read or the text to build; a reply's is the
// text found, or for a build the bytes of entity.EncodeBuild, posted
// beside the reply's header line.
//
// It imports no extraction library: app.wasm links it.
package wire

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"gloss/app/text"
)

// KindBuild asks the worker to build Src's entities and search index.
// KindWarm asks it to get ready for a long build (no reply): V8 runs a
// function in its baseline code until it has been called often enough, and
// a long build alone would run almost all in it.
// A long build is shared between two workers (build.go's StartShared,
// Share, FinishShared): KindBuild with Share set, to the worker that
// answers it, which hands what it found in the text over to the helper
// (entity.EncodeHandOver, on a MessageChannel the page gives both);
// KindShare, with the text, to the helper, which reads the text's words
// while the worker finds the names (ReadAhead), then types its share from
// that hand-over in pieces (KindHelp, each posted to the worker), while the
// worker types it from the other end (KindSteal) and takes the pieces
// (KindTake), until every entity is typed (share.go); KindPart with Drop,
// from the page, drops it.
// KindStart, to the helper, only loads the word lists when asked (it
// needs no warm-up: V8 gives a module's optimised code to every worker of
// the page that runs it).
// KindVisible asks it for all the visible text of Src, HTML a person
// copied (extract.Visible): the reply's text.
// KindConvert asks it to run a package convert call: Src is the call
// (convert.EncodeCall), the reply's text its result (convert.Serve).
const (
	KindConvert = "convert"
	KindVisible = "visible"
	KindBuild   = "build"
	KindWarm    = "warm"
	KindShare   = "share"
	KindPart    = "part"
	KindStart   = "start"
	KindHelp    = "help"
	KindSteal   = "steal"
	KindTake    = "take"
)

// Request asks the worker to read Src as Kind (text.KindHTML or
// text.KindMarkdown), or to build it (KindBuild) with the options that
// follow. ID pairs the reply with it.
type Request struct {
	ID   int
	Kind string
	Src  string
	// A build's options: the gazetteer and the memory as JSON ("" for
	// none), and whether the worker uses the built-in lexicon.
	Gazetteer string
	Memory    string
	Lexicon   bool
	// Share is the split of a shared build's typing (a fraction of its
	// cost): the worker answering the build types 0..Share, the helper
	// Share..1. 0 for a build not shared.
	Share float64
	// Drop: a KindPart that ends the shared build (the page no longer
	// wants it) rather than complete it.
	Drop bool
}

// Reply is the worker's answer to the request of the same ID: the page
// found, or Err. Reply 0 (no request has it) is the worker's script saying
// its module runs. NoText marks text.ErrNoText and Unavailable
// text.ErrUnavailable (the worker could not load its module), so the
// errors read the same as from the native extractor.
type Reply struct {
	ID          int
	Page        text.Page
	Err         string
	NoText      bool
	Unavailable bool
}

// The request header's id, kind and lexicon are also read by
// web/extract-worker.js.
type requestHeader struct {
	ID        int             `json:"id"`
	Kind      string          `json:"kind"`
	Gazetteer json.RawMessage `json:"gazetteer,omitempty"`
	Memory    json.RawMessage `json:"memory,omitempty"`
	Lexicon   bool            `json:"lexicon,omitempty"`
	Share     float64         `json:"share,omitempty"`
	Drop      bool            `json:"drop,omitempty"`
}

// The reply header's names are also written by web/extract-worker.js
// (id, err, unavailable) when the module cannot be loaded.
type replyHeader struct {
	ID          int    `json:"id"`
	Title       string `json:"title,omitempty"`
	Byline      string `json:"byline,omitempty"`
	Published   string `json:"published,omitempty"`
	Site        string `json:"site,omitempty"`
	Whole       bool   `json:"whole,omitempty"`
	Err         string `json:"err,omitempty"`
	NoText      bool   `json:"noText,omitempty"`
	Unavailable bool   `json:"unavailable,omitempty"`
}

// EncodeRequest writes r as a message.
func EncodeRequest(r Request) string {
	h := requestHeader{ID: r.ID, Kind: r.Kind, Lexicon: r.Lexicon, Share: r.Share, Drop: r.Drop}
	if r.Gazetteer != "" {
		h.Gazetteer = json.RawMessage(r.Gazetteer)
	}
	if r.Memory != "" {
		h.Memory = json.RawMessage(r.Memory)
	}
	return encode(h, r.Src)
}

// DecodeRequest reads a message written by EncodeRequest.
func DecodeRequest(msg string) (Request, error) {
	var h requestHeader
	src, err := decode(msg, &h)
	if err != nil {
		return Request{}, err
	}
	switch h.Kind {
	case text.KindHTML, text.KindMarkdown, KindVisible, KindConvert, KindBuild, KindWarm, KindShare, KindPart, KindStart, KindHelp, KindSteal, KindTake:
	default:
		return Request{ID: h.ID}, fmt.Errorf("wire: request %d: unknown kind %q", h.ID, h.Kind)
	}
	return Request{ID: h.ID, Kind: h.Kind, Src: src, Gazetteer: string(h.Gazetteer), Memory: string(h.Memory), Lexicon: h.Lexicon, Share: h.Share, Drop: h.Drop}, nil
}

// EncodeReply writes r as a message.
func EncodeReply(r Reply) string {
	p := r.Page
	return encode(replyHeader{ID: r.ID, Title: p.Title, Byline: p.Byline, Published: p.Published,
		Site: p.Site, Whole: p.Whole, Err: r.Err, NoText: r.NoText, Unavailable: r.Unavailable}, p.Text)
}

// DecodeReply reads a message written by EncodeReply (or by the worker's
// script when its module failed to load).
func DecodeReply(msg string) (Reply, error) {
	var h replyHeader
	body, err := decode(msg, &h)
	if err != nil {
		return Reply{}, err
	}
	return Reply{
		ID:          h.ID,
		Page:        text.Page{Title: h.Title, Byline: h.Byline, Published: h.Published, Site: h.Site, Whole: h.Whole, Text: body},
		Err:         h.Err,
		NoText:      h.NoText,
		Unavailable: h.Unavailable,
	}, nil
}

// ReplyTo answers request id with what an extraction returned.
func ReplyTo(id int, p text.Page, err error) Reply {
	r := Reply{ID: id, Page: p}
	if err != nil {
		r.Page = text.Page{}
		r.Err = err.Error()
		r.NoText = errors.Is(err, text.ErrNoText)
		r.Unavailable = errors.Is(err, text.ErrUnavailable)
	}
	return r
}

// Error returns the reply's error, wrapping text.ErrNoText or
// text.ErrUnavailable as the worker's was; nil when it has none.
func (r Reply) Error() error {
	switch {
	case r.Err == "" && !r.NoText && !r.Unavailable:
		return nil
	case r.NoText:
		return text.ErrNoText
	case r.Unavailable:
		return fmt.Errorf("%w (%s)", text.ErrUnavailable, r.Err)
	}
	return errors.New(r.Err)
}

func encode(header any, payload string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b) // ends the header with its "\n"
	enc.SetEscapeHTML(false)
	if err := enc.Encode(header); err != nil {
		panic(err) // plain strings, ints and bools always encode
	}
	b.WriteString(payload)
	return b.String()
}

func decode(msg string, header any) (payload string, err error) {
	line, payload, ok := strings.Cut(msg, "\n")
	if !ok {
		return "", errors.New("wire: a message without its header line")
	}
	if err := json.Unmarshal([]byte(line), header); err != nil {
		return "", fmt.Errorf("wire: bad header: %v", err)
	}
	return payload, nil
}
