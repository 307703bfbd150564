package ui

import (
	"errors"

	"gloss/app/convert"
	"gloss/app/extract/wire"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Imports and exports in every format, the corpus reader and writer run in
// the worker's module, which app.wasm leaves out (package convert says
// why). In the browser convert.Use is a convert.Wire over askConvert: each
// call goes to the extraction worker (started at once if it is not
// running; it waits behind a request under way there) and, where no
// worker can be started, to the same module run in the page
// (gloss.inPage). Its callers wait for the answer; callbacks never need
// the UI goroutine, so waiting is safe anywhere.
func init() {
	if app.IsClient {
		convert.Use = convert.Wire(askConvert)
	}
}

// askConvert runs a call written by convert.EncodeCall in the worker, or in
// the page when no worker can run.
func askConvert(call string) (string, error) {
	msg := wire.Request{Kind: wire.KindConvert, Src: call}
	r := extractWorker.askRequest(msg)
	if r.Unavailable {
		r = askInPage(msg)
	}
	return convertReply(r)
}

// convertReply is a convert call's answer from the worker's reply: an
// unreachable worker (its module could not be loaded, nor run in the page)
// is an error, the worker's own failure on the call a *convert.Ran.
func convertReply(r wire.Reply) (string, error) {
	if r.Unavailable {
		app.Log("converter:", r.Err)
		return "", errors.New(r.Err)
	}
	if err := r.Error(); err != nil {
		return "", &convert.Ran{Err: err.Error()}
	}
	return r.Page.Text, nil
}

// askInPage runs a request in the page's own copy of the worker's module.
func askInPage(r wire.Request) wire.Reply {
	r.ID = -1
	ch := make(chan wire.Reply, 1)
	var done app.Func
	done = app.FuncOf(func(this app.Value, args []app.Value) any {
		done.Release()
		if e := args[1].String(); e != "" {
			ch <- wire.Reply{ID: r.ID, Err: "in the page: " + e, Unavailable: true}
			return nil
		}
		reply, err := wire.DecodeReply(args[0].String())
		if err != nil {
			reply = wire.Reply{ID: r.ID, Err: err.Error()}
		}
		ch <- reply
		return nil
	})
	glossJS().Call("inPage", wire.EncodeRequest(r), done)
	return <-ch
}
