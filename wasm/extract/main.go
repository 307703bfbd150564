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
	"unsafe"

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
	// The worker's script calls glossExtract(message[, bytes[, handOver[,
	// index[, text]]]]) for each request (text: the request's source when
	// it came apart from its header line, which then has none: {text,
	// length} for a string, or UTF-8 bytes in a Uint8Array; bytes: a
	// Uint8Array, a shared build's
	// part or, for the helper's share, the worker's hand-over, the share
	// having been called once before with its text and no bytes;
	// handOver(bytes) or handOver(undefined, error), for a shared build,
	// passes its hand-over to the helper; index(bytes), for a shared build,
	// posts its index and the entities' names to the page as soon as the
	// index is made) and posts back
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
		handOver, index := js.Undefined(), js.Undefined()
		if len(args) > 2 {
			handOver = args[2]
		}
		if len(args) > 3 {
			index = args[3]
		}
		var src []byte
		if len(args) > 4 && !args[4].IsUndefined() {
			src = textArg(args[4])
		}
		return answer(args[0].String(), data, src, handOver, index)
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

// textArg is a request's text given apart: {text, length} for a string,
// which the worker's script writes as UTF-8 straight into the buffer made
// for it here (glossEncodeInto: no copy of it made in between), or UTF-8
// bytes (a Uint8Array), copied.
func textArg(v js.Value) []byte {
	if v.InstanceOf(js.Global().Get("Uint8Array")) {
		src := make([]byte, v.Get("byteLength").Int())
		js.CopyBytesToGo(src, v)
		return src
	}
	// UTF-8 takes at most three bytes for each UTF-16 code unit. The
	// pages not written are never touched.
	buf := make([]byte, 3*v.Get("length").Int()+1)
	n := js.Global().Call("glossEncodeInto", v.Get("text"), int(uintptr(unsafe.Pointer(unsafe.SliceData(buf)))), len(buf)).Int()
	return buf[:n:n]
}

// answer does the request msg, whose source is src instead when src is
// not nil (the bytes are the request's from then on: never changed).
func answer(msg string, data, src []byte, handOver, index js.Value) (reply any) {
	req, err := wire.DecodeRequest(msg)
	if src != nil && err == nil {
		req.Src = unsafe.String(unsafe.SliceData(src), len(src))
	}
	defer func() {
		// A panic would end the worker's Go program and every later request.
		if r := recover(); r != nil {
			what := "the page could not be read"
			if req.Kind == wire.KindConvert {
				what = "the file could not be converted"
			} else if req.Kind != text.KindHTML && req.Kind != text.KindMarkdown && req.Kind != wire.KindVisible {
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
	case wire.KindVisible:
		p.Text = extract.Visible(req.Src)
	case wire.KindConvert:
		p.Text = local.Serve(req.Src)
	case wire.KindBuild:
		shared = nil // a newer build: an older shared one is not wanted
		if req.Share > 0 {
			return startShared(req, handOver, index)
		}
		return build(req)
	case wire.KindShare:
		return share(req, data, handOver)
	case wire.KindHelp:
		return help(req)
	case wire.KindSteal:
		return steal(req)
	case wire.KindTake:
		return take(req, data)
	case wire.KindStart:
		// The script has loaded the word lists if asked.
		return map[string]any{"reply": wire.EncodeReply(wire.Reply{ID: req.ID})}
	case wire.KindPart:
		return dropShared(req)
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

// shared is the shared build under way (wire.StartShared): once its own
// share and the index are done, the worker types the helper's share from
// sharedAt on (wire.Steal, a step a request) and takes the helper's pieces
// (wire.Take) between its steps, until every entity is typed; sharedID
// is its request's ID, sharedTook the helper's pieces taken, sharedApart
// whether its index and its entities' names went to the page apart (the
// answer then holds their types only).
var (
	shared      *entity.Split
	sharedID    int
	sharedAt    float64
	sharedTook  int
	sharedApart bool
)

// startShared starts a build shared with the helper worker; its answer
// comes once every entity is typed (steal, take, finish).
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
// (handOver, the script's): the helper types its share from it. Its index
// and the entities' names go to the page as soon as the index is made
// (index, the script's), the page copying and reading them while the
// typing ends.
func startShared(req wire.Request, handOver, index js.Value) any {
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
	var sendIndex func([][]byte)
	if index.Type() == js.TypeFunction {
		sendIndex = func(parts [][]byte) { index.Invoke(jsBytes(parts)) }
	}
	s, apart, err := wire.StartShared(req, lexicon, hand, sendIndex)
	if err != nil {
		return wire.EncodeReply(wire.ReplyTo(req.ID, text.Page{}, err))
	}
	if len(req.Src) >= wire.WarmUpAt {
		warm = true
	}
	shared, sharedID, sharedCold, sharedAt, sharedTook, sharedApart = s, req.ID, cold, req.Share, 0, apart
	return then(wire.Request{ID: req.ID, Kind: wire.KindSteal})
}

// then is the reply that has the script run r next, in a later task: the
// messages that came meanwhile (the helper's pieces) go first.
func then(r wire.Request) any {
	return map[string]any{"next": wire.EncodeRequest(r)}
}

// steal types the next step of the helper's share in the shared build
// req.ID, and answers it once every entity is typed.
func steal(req wire.Request) any {
	if shared == nil || sharedID != req.ID {
		return "" // dropped or superseded: answered then
	}
	if shared.Left() > 0 && sharedAt < 1 {
		sharedAt = wire.Steal(shared, sharedAt)
	}
	if shared.Left() > 0 && sharedAt < 1 {
		return then(req)
	}
	return finish()
}

// take takes a piece the helper typed into the shared build req.ID, and
// answers the build when it was the last entity left. A piece that cannot
// be taken is left to steal.
func take(req wire.Request, piece []byte) any {
	if shared == nil || sharedID != req.ID {
		return ""
	}
	if err := wire.Take(shared, piece); err != nil {
		println("worker: a piece of the helper's:", err.Error())
		return ""
	}
	sharedTook++
	if shared.Left() > 0 {
		return ""
	}
	return finish()
}

// sharedCold: the shared build under way started in a worker not warmed
// up (its answer says so: the page's workerBuildWarmedUp).
var sharedCold bool

// dropShared drops the shared build req.ID (the page no longer wants it):
// its steps stop.
func dropShared(req wire.Request) any {
	if shared != nil && sharedID == req.ID {
		shared = nil
	}
	return wire.EncodeReply(wire.Reply{ID: req.ID, Err: "superseded"})
}

// finish answers the shared build: the rest typed here, the result
// encoded, and whether the helper's types were taken (partTaken: the
// page's gloss-build-part-taken).
func finish() any {
	s, id := shared, sharedID
	shared = nil
	msg, err := wire.FinishShared(s, sharedApart)
	if err != nil {
		return wire.EncodeReply(wire.ReplyTo(id, text.Page{}, err))
	}
	r := result(id, msg, sharedCold)
	r["partTaken"] = sharedTook > 0
	return r
}

// helping is the helper's share under way (wire.Helping), its pieces
// posted to the worker by helpSend (the script's).
var (
	helping  *wire.Helping
	helpSend js.Value
)

// reading is the helper's reading of the text of the share request
// readingID (wire.ReadAhead), until its hand-over comes; nil when none.
var (
	reading   *entity.Reading
	readingID int
)

// share reads the text of the helper's share of a shared build while the
// worker finds its names (no hand-over yet: the script then sets the
// share aside until the hand-over comes, {wait}), or starts the share
// from the worker's hand-over beside that reading: its pieces follow
// (help).
func share(req wire.Request, handOver []byte, send js.Value) any {
	if handOver == nil {
		reading = nil // an older share's, not wanted
		rd, err := wire.ReadAhead(req, lexicon)
		if err != nil {
			return wire.EncodeReply(wire.ReplyTo(req.ID, text.Page{}, err))
		}
		reading, readingID = rd, req.ID
		return map[string]any{"wait": true}
	}
	rd := reading
	if readingID != req.ID {
		rd = nil
	}
	reading = nil
	h, err := wire.StartHelping(req, lexicon, handOver, rd)
	if err != nil {
		return wire.EncodeReply(wire.ReplyTo(req.ID, text.Page{}, err))
	}
	helping, helpSend = h, send
	return help(wire.Request{ID: req.ID, Kind: wire.KindHelp})
}

// help types the helper's next piece and posts it to the worker; the last
// one (or req.Drop: the worker has every entity) answers the share.
func help(req wire.Request) any {
	h := helping
	if h == nil || h.ID != req.ID {
		return wire.EncodeReply(wire.Reply{ID: req.ID, Err: "superseded"})
	}
	last := req.Drop
	if !last {
		var piece []byte
		piece, last = h.Next()
		helpSend.Invoke(jsBytes([][]byte{piece}))
	}
	if !last {
		return then(req)
	}
	helping, helpSend = nil, js.Undefined()
	return map[string]any{"reply": wire.EncodeReply(wire.Reply{ID: req.ID}), "done": true}
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
