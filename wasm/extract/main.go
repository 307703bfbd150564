//go:build js && wasm

// Command extract is Gloss's extraction worker: built with GOOS=js
// GOARCH=wasm into web/extract.wasm and run by web/extract-worker.js in a
// dedicated Web Worker. It reads web pages and Markdown with package extract
// for app.wasm, which does not link those libraries, over the messages of
// package wire.
package main

import (
	"fmt"
	"syscall/js"

	"gloss/app/extract"
	"gloss/app/extract/wire"
	"gloss/app/text"
)

func main() {
	// The worker's script calls glossExtract(message) for each request and
	// posts back the reply it returns. One request runs at a time.
	js.Global().Set("glossExtract", js.FuncOf(func(this js.Value, args []js.Value) any {
		return answer(args[0].String())
	}))
	select {}
}

func answer(msg string) (reply string) {
	req, err := wire.DecodeRequest(msg)
	defer func() {
		// A panic would end the worker's Go program and every later request.
		if r := recover(); r != nil {
			reply = wire.EncodeReply(wire.ReplyTo(req.ID, text.Page{}, fmt.Errorf("the page could not be read: %v", r)))
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
	}
	return wire.EncodeReply(wire.ReplyTo(req.ID, p, err))
}
