package ui

import (
	"fmt"
	"strings"
	"sync"

	"gloss/app/extract/wire"
	"gloss/app/text"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Web pages and Markdown are read by package extract, which app.wasm does
// not link (Readability, goldmark and what they bring are ~0.5 MB brotli
// and their compile on every start). It runs in a dedicated Web Worker
// (web/extract-worker.js with web/extract.wasm), started in idle time after
// the first paint so that a page read later does not wait for its compile.
// text.Extract is the worker's client: each call posts a request and waits
// for the reply, so the callers run off the UI goroutine (see readAsync).

// extractWorkerURL is the worker's script, relative to the page (the page is
// always the scope's root); the service worker caches it and extract.wasm.
const extractWorkerURL = "web/extract-worker.js"

// workerClient is text.Extractor over the worker's messages.
type workerClient struct {
	mu      sync.Mutex
	worker  app.Value // the Worker; nil until started, and after a failure
	next    int
	pending map[int]chan workerReply
	funcs   []app.Func
	// buildOff: a build in the worker failed; the page builds from then
	// on (buildworker.go).
	buildOff bool
	warmed   bool // the current worker was asked to warm up
	warmID   int  // the ID of the warm-up request (0: none asked yet)
	ready    bool // the current worker's module runs (its reply 0 came)
	// helper: the second build worker, which types a share of a long
	// build (buildworker.go) and is stopped once it answered it.
	helper bool
	// rewarm, when set (startLater), gets the build workers ready again in
	// idle time after this one was stopped for its memory.
	rewarm func()
	// intent: startLater asked gloss.onIntent to start the worker at a
	// person's paste, drag or file pick, and it has not fired yet.
	intent bool
}

// workerReply is a reply with, for a build, its bytes (a Uint8Array).
type workerReply struct {
	wire.Reply
	data app.Value
	// index: data is a shared build's index and its entities' names, sent
	// before its answer (entity.DecodeSplitIndex; the answer's data is then
	// the entities' types only).
	index bool
}

var extractWorker = &workerClient{pending: map[int]chan workerReply{}}

// buildHelper is the second build worker: the same script and module.
var buildHelper = &workerClient{pending: map[int]chan workerReply{}, helper: true}

// mark is a perf mark or value's name for this worker: the extraction
// worker's as named ("gloss-extract-ready", "workerMemoryMB"), the
// helper's with "helper" for "extract" or "worker".
func (w *workerClient) mark(name string) string {
	if !w.helper {
		return name
	}
	name = strings.Replace(name, "extract", "helper", 1)
	return strings.Replace(name, "worker", "helper", 1)
}

func init() {
	if app.IsClient {
		text.Extract = extractWorker
	}
}

// HTML reads a web page in the worker.
func (w *workerClient) HTML(src string) (text.Page, error) {
	r := w.ask(text.KindHTML, src)
	return r.Page, r.Error()
}

// Markdown reads Markdown in the worker.
func (w *workerClient) Markdown(src string) (title, body string, err error) {
	r := w.ask(text.KindMarkdown, src)
	return r.Page.Title, r.Page.Text, r.Error()
}

// Visible reads a clipboard's HTML in the worker.
func (w *workerClient) Visible(src string) (string, error) {
	r := w.ask(wire.KindVisible, src)
	return r.Page.Text, r.Error()
}

// ask posts a request and waits for its reply. It must not run on the UI
// goroutine only if the page should keep drawing meanwhile; it never needs
// it, since replies arrive through JavaScript callbacks.
func (w *workerClient) ask(kind, src string) wire.Reply {
	return w.askRequest(wire.Request{Kind: kind, Src: src})
}

// askRequest posts r and waits for its reply, as ask.
func (w *workerClient) askRequest(r wire.Request) wire.Reply {
	ch, _, err := w.post(r)
	if err != nil {
		return wire.ReplyTo(0, text.Page{}, err)
	}
	return (<-ch).Reply
}

// running reports whether the worker's module runs.
func (w *workerClient) running() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.worker != nil && w.ready
}

// busy reports whether the worker runs and has requests not answered.
func (w *workerClient) busy() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.worker != nil && len(w.pending) > 0
}

// working is busy without the worker's warm-up: that one is for an article
// someone may paste later, runs only when the worker is otherwise quiet,
// and on a slow machine lasts seconds after the page opened (the search's
// own warm-up waited for it, and the first queries into an open 1 MB
// article ran V8's baseline code: up to 116 ms a keystroke).
func (w *workerClient) working() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := len(w.pending)
	if _, warming := w.pending[w.warmID]; warming {
		n--
	}
	return w.worker != nil && n > 0
}

// warm asks the worker, started if it is not running, to get ready for a
// long build (r is a wire.KindWarm request, or for the helper a
// wire.KindStart), once per worker. Its answer sets the
// gloss-worker-warmed mark (the helper's: gloss-helper-started); a failure
// is only logged (the build after it says so, or tries again).
func (w *workerClient) warm(r wire.Request) {
	w.mu.Lock()
	if w.warmed && w.worker != nil {
		w.mu.Unlock()
		return
	}
	if err := w.startLocked(); err != nil {
		w.mu.Unlock()
		return // the build says so
	}
	w.warmed = true
	ch, id := w.sendLocked(r, nil)
	w.mu.Lock()
	w.warmID = id
	w.mu.Unlock()
	go func() {
		if err := (<-ch).Error(); err != nil {
			app.Log("build worker: getting ready:", err)
			return
		}
		if w.helper {
			perfMark("gloss-helper-started")
		} else {
			perfMark("gloss-worker-warmed")
		}
	}()
}

// post sends r (its ID set here), starting the worker if it is not
// running, and returns the channel its reply will come on and r's ID.
func (w *workerClient) post(r wire.Request) (chan workerReply, int, error) {
	return w.postWith(r, nil)
}

// postWith posts r as post does, with port (a MessagePort, transferred;
// nil for none): a shared build's end of the channel between the two
// build workers.
func (w *workerClient) postWith(r wire.Request, port app.Value) (chan workerReply, int, error) {
	w.mu.Lock()
	if err := w.startLocked(); err != nil {
		w.mu.Unlock()
		return nil, 0, err
	}
	ch, id := w.sendLocked(r, port)
	return ch, id, nil
}

// sendLocked gives r the next ID, notes the channel its reply will come on,
// unlocks w.mu (held by the caller, the worker started) and posts r, with
// port when not nil.
func (w *workerClient) sendLocked(r wire.Request, port app.Value) (chan workerReply, int) {
	w.next++
	r.ID = w.next
	ch := make(chan workerReply, 2) // a shared build's index, then its answer
	w.pending[r.ID] = ch
	worker := w.worker
	w.mu.Unlock()
	worker.Call("postMessage", requestMessage(r, port)...)
	return ch, r.ID
}

// dropShared tells the worker the shared build id is no longer wanted
// (wire.KindPart with Drop): it stops typing it. Nothing when the worker
// does not run.
func (w *workerClient) dropShared(id int) {
	w.mu.Lock()
	worker := w.worker
	w.mu.Unlock()
	if worker != nil {
		worker.Call("postMessage", wire.EncodeRequest(wire.Request{ID: id, Kind: wire.KindPart, Drop: true}))
	}
}

// extractWorkerDelay is how long after the first paint the worker is
// started (in idle time): after the start-up's own work, which on a busy
// phone takes a second or two; a read asked for sooner starts it at once.
const extractWorkerDelay = 2000

// startLater starts the worker in idle time after the first paint, or
// when warm is not nil, calls it then instead: it warms the build workers
// up (finder.warmWorkers), so that a long article pasted later finds the
// worker's module compiled, the word lists parsed and the build's code
// optimised, and the helper started (buildworker.go). A build worker
// stopped after a long build (recycle) gets warm called again in idle time
// after it: the next long paste finds them ready too.
//
// A person's paste into the article box, files dragged over the page or a
// file picker opened (gloss.onIntent) starts the worker sooner: a web page
// read at once then waits only for what is left of its start.
func (w *workerClient) startLater(warm func()) {
	w.mu.Lock()
	w.rewarm = warm
	intent := !w.intent
	w.intent = true
	w.mu.Unlock()
	if intent {
		var f app.Func
		f = app.FuncOf(func(_ app.Value, args []app.Value) any {
			f.Release()
			w.mu.Lock()
			w.intent = false
			w.mu.Unlock()
			perfMark("gloss-extract-intent-" + args[0].String())
			// A worker that cannot start is not logged: the read or
			// import that follows says so, or runs in the page.
			w.mu.Lock()
			_ = w.startLocked()
			w.mu.Unlock()
			return nil
		})
		glossJS().Call("onIntent", f)
	}
	var f app.Func
	f = app.FuncOf(func(app.Value, []app.Value) any {
		f.Release()
		if warm == nil {
			w.start()
		} else {
			warm()
		}
		return nil
	})
	glossJS().Call("whenIdle", extractWorkerDelay, f)
}

// start starts the worker if it is not running.
func (w *workerClient) start() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.startLocked(); err != nil {
		app.Log("extraction worker:", err)
	}
}

func (w *workerClient) startLocked() (err error) {
	if w.worker != nil {
		return nil
	}
	for _, f := range w.funcs {
		f.Release()
	}
	w.funcs = nil
	defer func() {
		// new Worker throws where the page may not start one (a sandboxed
		// frame without allow-same-origin): syscall/js panics.
		if r := recover(); r != nil {
			w.worker = nil
			err = fmt.Errorf("%w: the reader could not be started (%v)", text.ErrUnavailable, r)
		}
	}()
	worker := app.Window().Get("Worker").New(extractWorkerURL)
	perfMark(w.mark("gloss-extract-start"))
	w.warmed, w.ready = false, false
	onMessage := app.FuncOf(func(this app.Value, args []app.Value) any {
		var r workerReply
		var err error
		mem := 0.0
		// done: the helper's answer to its share (its pieces went to the
		// worker on their channel).
		done := false
		if data := args[0].Get("data"); data.Type() == app.TypeString {
			r.Reply, err = wire.DecodeReply(data.String())
		} else { // a build's result, or a warm-up's answer
			r.Reply, err = wire.DecodeReply(data.Get("reply").String())
			r.data = data.Get("data")
			if data.Get("index").Truthy() {
				// A shared build's index, its answer to come.
				if err == nil {
					r.index = true
					w.early(r)
				}
				return nil
			}
			mem = data.Get("mem").Float()
			done = data.Get("done").Truthy()
			if r.data.Truthy() || done {
				perfValue(w.mark("workerMemoryMB"), mem/(1<<20))
				// 1 when the worker was not warmed up in idle time
				// before this build: it warmed up first, or a shared
				// build started cold.
				warmedUp := 0.0
				if data.Get("warmedUp").Truthy() {
					warmedUp = 1
				}
				perfValue(w.mark("workerBuildWarmedUp"), warmedUp)
				if data.Get("partTaken").Truthy() {
					// A shared build that took the helper's types (typed
					// from the worker's hand-over), not one whose worker
					// typed them all itself.
					perfMark("gloss-build-part-taken")
				}
			} else {
				perfValue(w.mark("workerIdleMemoryMB"), mem/(1<<20))
			}
		}
		if err != nil {
			app.Log("extraction worker:", err)
			return nil
		}
		if r.ID == 0 && r.Error() == nil {
			// The worker's module is compiled and its Go program runs.
			perfMark(w.mark("gloss-extract-ready"))
			w.mu.Lock()
			w.ready = w.worker != nil && w.worker.Equal(worker)
			w.mu.Unlock()
			return nil
		}
		if r.Unavailable {
			// Its module could not be loaded: every waiting request fails
			// (it answers none), and the next one starts afresh (the
			// person may be back online).
			w.failAll(worker, r.Err)
			return nil
		}
		stop := mem > workerRecycleAt || w.helper && (done || r.data != nil && r.data.Truthy())
		w.answer(r)
		if stop {
			// The helper is stopped once it answered its share: it
			// holds a long build's heap, and starting it again takes a
			// few hundred milliseconds while the extraction worker runs
			// the same module (V8 compiled it once for both).
			w.recycle(worker)
		}
		return nil
	})
	onError := app.FuncOf(func(this app.Value, args []app.Value) any {
		// The script itself failed (not found, offline with nothing cached):
		// every waiting request fails, and the next one starts a new worker.
		args[0].Call("preventDefault")
		msg := "the reader could not be loaded"
		if m := args[0].Get("message"); m.Truthy() {
			msg += ": " + m.String()
		}
		w.failAll(worker, msg)
		return nil
	})
	worker.Set("onmessage", onMessage)
	worker.Set("onerror", onError)
	w.worker = worker
	w.funcs = append(w.funcs, onMessage, onError)
	return nil
}

// workerRecycleAt is the worker's memory (bytes) past which it is stopped
// once idle: a WebAssembly memory never shrinks, and a long article's build
// grows the worker's to a few hundred megabytes the page no longer needs.
// The next request starts a new one.
const workerRecycleAt = 192 << 20

// recycle stops worker if it is the current one and no request waits for
// it.
func (w *workerClient) recycle(worker app.Value) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.worker == nil || !w.worker.Equal(worker) || len(w.pending) > 0 {
		return
	}
	w.worker = nil
	worker.Call("terminate")
	if rewarm := w.rewarm; rewarm != nil {
		go w.startLater(rewarm) // once w.mu is unlocked
	}
}

// early passes r, sent before the answer to its request, on the channel
// the answer will come on.
func (w *workerClient) early(r workerReply) {
	w.mu.Lock()
	ch := w.pending[r.ID]
	w.mu.Unlock()
	if ch != nil {
		select {
		case ch <- r:
		default: // not wanted: the channel holds an answer already
		}
	}
}

// answer hands a reply to its waiting request.
func (w *workerClient) answer(r workerReply) {
	w.mu.Lock()
	ch := w.pending[r.ID]
	delete(w.pending, r.ID)
	w.mu.Unlock()
	if ch != nil {
		ch <- r
	}
}

// failAll stops worker and answers every request waiting for it with
// text.ErrUnavailable; nothing when worker is no longer the current one.
func (w *workerClient) failAll(worker app.Value, msg string) {
	w.mu.Lock()
	if w.worker == nil || !w.worker.Equal(worker) {
		w.mu.Unlock()
		return
	}
	w.worker = nil
	worker.Call("terminate")
	pending := w.pending
	w.pending = map[int]chan workerReply{}
	w.mu.Unlock()
	for id, ch := range pending {
		ch <- workerReply{Reply: wire.Reply{ID: id, Err: msg, Unavailable: true}}
	}
}
