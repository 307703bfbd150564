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

	"gloss/app/convert/local"
	"gloss/app/entity"
	"gloss/app/extract"
	"gloss/app/extract/wire"
	"gloss/app/text"
)

// lexicon is the built-in lexicon once the worker's script has passed it
// (glossLexicon); nil before, and when it could not be parsed.
var lexicon *entity.Lexicon

// warm: a build was warmed up for (wire.WarmUpStep); warmSteps: the steps of
// it done.
var (
	warm      bool
	warmSteps int
)

func main() {
	perf := js.Global().Get("performance")
	wire.Mark = func(step string) { perf.Call("mark", "gloss-worker-"+step) }
	// The worker's script calls glossExtract(message[, bytes[, handOver]])
	// for each request (bytes: a Uint8Array, a shared build's part or, for
	// the helper's share, the worker's hand-over; handOver(bytes) or
	// handOver(undefined, error), for a shared build, passes its hand-over
	// to the helper) and posts back
	// the reply it returns: a string ("" for none: a shared build waiting
	// for its part), or an object {reply, data} whose data (a Uint8Array:
	// a build's result, a share's part) it transfers, or {reply} for a
	// warm-up. One request runs at a time.
	js.Global().Set("glossExtract", js.FuncOf(func(this js.Value, args []js.Value) any {
		var data []byte
		if len(args) > 1 && args[1].Truthy() {
			// Aligned: the hand-over's arrays are read in place.
			data = entity.NewBuildBuffer(args[1].Get("byteLength").Int())
			js.CopyBytesToGo(data, args[1])
		}
		handOver := js.Undefined()
		if len(args) > 2 {
			handOver = args[2]
		}
		return answer(args[0].String(), data, handOver)
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

func answer(msg string, data []byte, handOver js.Value) (reply any) {
	req, err := wire.DecodeRequest(msg)
	defer func() {
		// A panic would end the worker's Go program and every later request.
		if r := recover(); r != nil {
			what := "the page could not be read"
			if req.Kind == wire.KindConvert {
				what = "the file could not be converted"
			} else if req.Kind != text.KindHTML && req.Kind != text.KindMarkdown {
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
	case wire.KindConvert:
		p.Text = local.Serve(req.Src)
	case wire.KindBuild:
		shared = nil // a newer build: an older shared one is not wanted
		if req.Share > 0 {
			return startShared(req, handOver)
		}
		return build(req)
	case wire.KindShare:
		return share(req, data)
	case wire.KindStart:
		// The script has loaded the word lists if asked.
		return map[string]any{"reply": wire.EncodeReply(wire.Reply{ID: req.ID})}
	case wire.KindPart:
		return finishShared(req, data)
	case wire.KindWarm:
		// One step at a time: the script asks again after the requests
		// that came meanwhile ({more}). The last is answered, so the page
		// knows the worker is ready for a long build (its perf mark, and
		// the memory it holds idle).
		if err = warmStep(req); err == nil && !warm {
			return map[string]any{"more": true}
		}
		return map[string]any{"reply": wire.EncodeReply(wire.ReplyTo(req.ID, text.Page{}, err))}
	}
	return wire.EncodeReply(wire.ReplyTo(req.ID, p, err))
}

// warmUp warms up for a long build, once: the steps left; the error of
// the one that failed. The idle worker then holds what the warm-up grew
// its memory to: 48 MB in node, the same with the collector's target at
// 20 % as at Go's 100 %.
func warmUp(req wire.Request) error {
	for !warm {
		if err := warmStep(req); err != nil {
			return err
		}
	}
	return nil
}

// warmStep does the warm-up's next step, if any is left. A step that
// fails is tried again by the next one (the word lists may come).
func warmStep(req wire.Request) error {
	if warm {
		return nil
	}
	if err := wire.WarmUpStep(req, lexicon, warmSteps); err != nil {
		println("worker: warm-up:", err.Error())
		return err
	}
	warmSteps++
	warm = warmSteps == wire.WarmUpSteps
	return nil
}

// shared is the shared build under way (wire.StartShared), waiting for the
// helper's part; sharedID its request's ID.
var (
	shared   *entity.Split
	sharedID int
)

// startShared starts a build shared with the helper worker; its answer
// comes with the helper's part (finishShared).
//
// A worker not warmed up yet (a long article pasted at once after the page
// opened) does not warm up first, as a build alone does: the helper
// builds its share cold beside it, so a warm-up only made the worker the
// later of the two (pasted at once, load 17-23, 4 pastes each: 35.0 s to
// interactive with it, 25.6 s without; the worker's reading of the text
// ended 9-13 s after the helper's with it, 1-3 s without). The long build
// warms its code up as well as the warm-up would: the worker counts as
// warm after it. (The helper now waits for the worker's hand-over, so a
// warm-up first would delay both.)
//
// What it found in the text goes to the helper as soon as it is found
// (handOver, the script's): the helper types its share from it.
func startShared(req wire.Request, handOver js.Value) any {
	cold := !warm
	var hand func([][]byte, error)
	if handOver.Type() == js.TypeFunction {
		hand = func(parts [][]byte, err error) {
			if err != nil {
				handOver.Invoke(js.Undefined(), err.Error())
				return
			}
			handOver.Invoke(jsBytes(parts))
		}
	}
	s, err := wire.StartShared(req, lexicon, hand)
	if err != nil {
		return wire.EncodeReply(wire.ReplyTo(req.ID, text.Page{}, err))
	}
	if len(req.Src) >= wire.WarmUpAt {
		warm = true
	}
	shared, sharedID, sharedCold = s, req.ID, cold
	return ""
}

// sharedCold: the shared build under way started in a worker not warmed
// up (its answer says so: the page's workerBuildWarmedUp).
var sharedCold bool

// finishShared answers the shared build req.ID with the helper's part (nil
// when the helper could not: it types the rest here), or drops it.
func finishShared(req wire.Request, part []byte) any {
	s := shared
	if s == nil || sharedID != req.ID || req.Drop {
		shared = nil
		return wire.EncodeReply(wire.Reply{ID: req.ID, Err: "superseded"})
	}
	shared = nil
	msg, took, err := wire.FinishShared(s, part)
	if err != nil {
		return wire.EncodeReply(wire.ReplyTo(req.ID, text.Page{}, err))
	}
	r := result(req.ID, msg, sharedCold)
	r["partTaken"] = took
	return r
}

// share answers the helper's share of a shared build from the worker's
// hand-over: its entity.Part.
func share(req wire.Request, handOver []byte) any {
	msg, err := wire.Share(req, lexicon, handOver)
	if err != nil {
		return wire.EncodeReply(wire.ReplyTo(req.ID, text.Page{}, err))
	}
	return result(req.ID, [][]byte{msg}, false)
}

// result is the reply to req.ID with the message in parts beside it,
// copied once into the buffer handed to the page.
func result(id int, parts [][]byte, warmedUp bool) map[string]any {
	return map[string]any{"reply": wire.EncodeReply(wire.Reply{ID: id}), "data": jsBytes(parts), "warmedUp": warmedUp}
}

// jsBytes is a message in parts copied once into a new Uint8Array.
func jsBytes(parts [][]byte) js.Value {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	data := js.Global().Get("Uint8Array").New(n)
	at := 0
	for _, p := range parts {
		js.CopyBytesToJS(data.Call("subarray", at, at+len(p)), p)
		at += len(p)
	}
	return data
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
	return result(req.ID, msg, cold && warm)
}
