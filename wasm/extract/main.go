//go:build js && wasm

// Command extract is Gloss's worker: built with GOOS=js GOARCH=wasm into
// web/extract.wasm and run by web/extract-worker.js in a dedicated Web
// Worker. It reads web pages and Markdown with package extract for
// app.wasm, which does not link those libraries, and builds long articles'
// entities and search index off the page's thread, over the messages of
// package wire.
package main

import (
	"fmt"
	"syscall/js"

	"gloss/app/entity"
	"gloss/app/extract"
	"gloss/app/extract/wire"
	"gloss/app/text"
)

// lexicon is the built-in lexicon once the worker's script has passed it
// (glossLexicon); nil before, and when it could not be parsed.
var lexicon *entity.Lexicon

// warm: a build was warmed up for (wire.WarmUp).
var warm bool

func main() {
	// The worker's script calls glossExtract(message) for each request and
	// posts back the reply it returns: a string ("" for none: a warm-up),
	// or for a build an object {reply, data} whose data (a Uint8Array) it
	// transfers. One request runs at a time.
	js.Global().Set("glossExtract", js.FuncOf(func(this js.Value, args []js.Value) any {
		return answer(args[0].String())
	}))
	// glossLexicon(text) gives it web/lexicon.txt, fetched by the script
	// before the first build that asks for it; it returns an error's text,
	// or "".
	js.Global().Set("glossLexicon", js.FuncOf(func(this js.Value, args []js.Value) any {
		l, err := entity.ParseLexicon([]byte(args[0].String()))
		if err != nil {
			return err.Error()
		}
		lexicon = l
		return ""
	}))
	select {}
}

func answer(msg string) (reply any) {
	req, err := wire.DecodeRequest(msg)
	defer func() {
		// A panic would end the worker's Go program and every later request.
		if r := recover(); r != nil {
			what := "the page could not be read"
			if req.Kind == wire.KindBuild {
				what = "the article's names could not be found"
			}
			reply = wire.EncodeReply(wire.ReplyTo(req.ID, text.Page{}, fmt.Errorf("%s: %v", what, r)))
		}
	}()
	if err != nil {
		return wire.EncodeReply(wire.ReplyTo(req.ID, text.Page{}, err))
	}
	var p text.Page
	switch req.Kind {
	case text.KindHTML:
		p, err = extract.HTML(req.Src)
	case text.KindMarkdown:
		p.Title, p.Text = extract.Markdown(req.Src)
	case wire.KindBuild:
		return build(req)
	case wire.KindWarm:
		// Answered, so the page knows the worker is ready for a long
		// build (its perf mark, and the memory it holds idle).
		err = warmUp(req)
		return map[string]any{"reply": wire.EncodeReply(wire.ReplyTo(req.ID, text.Page{}, err))}
	}
	return wire.EncodeReply(wire.ReplyTo(req.ID, p, err))
}

// warmUp warms up for a long build, once; the error of the one that ran.
// The idle worker then holds what the warm-up grew its memory to: 48 MB
// in node, the same with the collector's target at 20 % as at Go's 100 %.
func warmUp(req wire.Request) error {
	if warm {
		return nil
	}
	warm = true
	err := wire.WarmUp(req, lexicon)
	if err != nil {
		warm = false // the next one tries again (the word lists may come)
		println("worker: warm-up:", err.Error())
	}
	return err
}

// build answers a build request with the encoded result beside its reply,
// and whether it had to warm up first (it had not been warmed up before).
func build(req wire.Request) any {
	cold := !warm
	if len(req.Src) >= wire.WarmUpAt {
		_ = warmUp(req) // not asked for before; the build says what failed
	}
	msg, err := wire.Build(req, lexicon)
	if err != nil {
		return wire.EncodeReply(wire.ReplyTo(req.ID, text.Page{}, err))
	}
	data := js.Global().Get("Uint8Array").New(len(msg))
	js.CopyBytesToJS(data, msg)
	return map[string]any{"reply": wire.EncodeReply(wire.Reply{ID: req.ID}), "data": data, "warmedUp": cold && warm}
}
