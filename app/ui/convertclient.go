package ui

import (
	"errors"

	"gloss/app/convert"
	"gloss/app/extract/wire"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Imports and exports in every format, the corpus reader and writer run in
// the worker's module, which app.wasm leaves out (package convert says
// why). convertClient is convert.Use in the browser: each call goes to the
// extraction worker (started at once if it is not running; it waits behind
// a request under way there) and, where no worker can be started, to the
// same module run in the page (gloss.inPage). Its callers wait for the
// answer; callbacks never need the UI goroutine, so waiting is safe
// anywhere.
type convertClient struct{}

func init() {
	if app.IsClient {
		convert.Use = convertClient{}
	}
}

// Do runs c in the worker, or in the page when no worker can run.
func (convertClient) Do(c convert.Call) convert.Result {
	src, err := convert.EncodeCall(c)
	if err != nil {
		return convert.Result{Err: err.Error()}
	}
	msg := wire.Request{Kind: wire.KindConvert, Src: src}
	r := extractWorker.askRequest(msg)
	if r.Unavailable {
		r = askInPage(msg)
	}
	if r.Unavailable {
		app.Log("converter:", r.Err)
		return convert.Failed(errors.New(r.Err))
	}
	if err := r.Error(); err != nil {
		return convert.Result{Err: err.Error()}
	}
	return convert.DecodeResult(r.Page.Text)
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
