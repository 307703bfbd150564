package ui

import (
	"gloss/app/entity"
	"gloss/app/extract/wire"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// A long article's entities and search index are built in the worker
// (extractor.go's, running wasm/extract), a second Go program on its own
// thread: the page's one wasm thread stays free for the person, and the
// machine's second core does the build. The page sends the text and the
// build's options and takes back entity.EncodeBuild's bytes, which it
// copies and decodes in slices (a 5 MB article's are ~56 MB, read in place).
// When the worker cannot do it (it did not start, its module or the word
// lists could not be loaded, a sandboxed frame cannot start one) the page
// builds as before (build.go), so nothing is lost without it.

// buildWorkerMin is the shortest article (bytes) built in the worker once
// it runs. The worker does one request at a time and cannot stop a build,
// so a web page imported while it builds waits for that build; its first
// build also loads the word lists and runs in V8's baseline code. Below a
// megabyte the page's own build is a few hundred milliseconds in slices of
// 20 ms that never freeze it, so the worker is kept for longer builds
// (measured: the next 200 KB page imported 818 ms after the one before with
// 64 KB here, 181 ms with 1 MB).
// buildWorkerStart is the shortest one the worker is started for (it
// starts in idle time 2 s after the first paint): its start, a module
// compile and the word lists, is worth waiting for only when the build
// would hold the page's thread for seconds.
const (
	buildWorkerMin   = 1 << 20
	buildWorkerStart = 2 << 20
)

// buildShareMin is the shortest article (bytes) whose build is shared
// between the two build workers, one per core (entity.Split): the
// extraction worker reads the text and finds its names (~40 % of the
// build) and hands them over to the helper (entity.EncodeHandOver, on a
// MessageChannel between the two, not through the page), then makes the
// index (sent to the page at once with the entities' names) and types
// 0..buildShareAt of the entities (by typing cost), while the helper types
// the rest from the hand-over, without finding the names again (it reads
// the text's words while the worker finds them); the worker takes the
// helper's types and finishes. Worth it only where the build takes
// seconds (a second heap while it runs).
// buildShareAt is the extraction worker's share, typed after the index;
// the rest is balanced as it goes: the helper types it from the last
// entity back, the worker, once its own share is typed, from the first on,
// and they meet where their speeds put them (app/extract/wire's share.go).
const (
	buildShareMin = 2 << 20
	buildShareAt  = 0.2
)

// workerCopyChunk is how many bytes of a result are copied into Go memory
// at a time, the build's slice yielding between them once it has run: a
// few milliseconds each, so that a slice ends near its 20 ms (8 MB, ~6 ms
// each, made slices of up to ~26 ms). Copying into fresh pages costs what
// the machine charges for them: where a page costs 11 µs, 2 MB took 5-18 ms
// and made slices of 25-38 ms, which two busy workers on two cores
// stretched past 50 ms of wall time.
const workerCopyChunk = 512 << 10

// wantsWorker reports whether an article of n bytes is built in the
// worker, given whether it runs and whether a build there failed before
// (off).
func wantsWorker(n int, running, off bool) bool {
	return !off && (n >= buildWorkerStart || running && n >= buildWorkerMin)
}

// workerBuild is a build posted to the build worker, and its share to the
// helper when shared: the channels their replies come on.
type workerBuild struct {
	text string
	// opts is the request as posted, its text aside: a build is adopted
	// (adopt) only by a job asking for the same; key says which gazetteer
	// and memory, at which versions, it was written from.
	opts wire.Request
	key  buildKey
	ch   chan workerReply
	id   int
	// hch: the helper's share's reply, nil when not shared or once read;
	// shared: the worker builds it in steps, which a drop stops.
	hch    chan workerReply
	shared bool
	// hreq: the helper's share, not posted yet (postEarly on two cores),
	// and hport its end of the channel the worker hands over on.
	hreq  *wire.Request
	hport app.Value
}

// postBuild posts the build of text with these options to the worker and,
// for a long one, its share to the helper. between runs after the
// worker's post and before the helper's (a yield: handing the worker the
// text copies it, ~10 ms for 5 MB); when it returns false the build is
// dropped and postBuild returns nil, nil; when it is nil the helper's share
// is left for postHelper. An error: the worker could not take it (the page
// builds it then).
func (f *finder) postBuild(text string, gaz *entity.Gazetteer, mem *entity.Memory, lex bool, between func() bool) (*workerBuild, error) {
	w, h := extractWorker, buildHelper
	req, err := wire.BuildRequest(0, text, gaz, mem, lex)
	if err != nil {
		return nil, err
	}
	b := &workerBuild{text: text, shared: len(text) >= buildShareMin && !h.buildOff}
	var wport app.Value
	if b.shared {
		// The worker hands what it found over on one end, the helper
		// gets it on the other.
		if mc := app.Window().Get("MessageChannel"); mc.Truthy() {
			ch := mc.New()
			wport, b.hport = ch.Get("port1"), ch.Get("port2")
			req.Share = buildShareAt
		} else {
			b.shared = false
		}
	}
	perfMark("gloss-build-posted")
	if b.ch, b.id, err = w.postWith(req, wport); err != nil {
		w.buildOff = true
		return nil, err
	}
	b.posted(req, gaz, mem, lex)
	if !b.shared {
		return b, nil
	}
	// The helper's share carries the options, and the text, which the
	// worker sends on to it over their channel (requestMessage): it reads
	// the text's words while the worker finds the names, then types from
	// the worker's hand-over, which then need not carry the text.
	hreq := req
	hreq.Kind = wire.KindShare
	b.hreq = &hreq
	if between == nil {
		return b, nil
	}
	if !between() {
		b.drop()
		return nil, nil
	}
	b.postHelper()
	return b, nil
}

// postHelper posts the helper's share of b, if not posted yet; when the
// helper cannot take it, the worker types it all.
func (b *workerBuild) postHelper() {
	if b.hreq == nil || !b.shared {
		return
	}
	hreq, port := *b.hreq, b.hport
	b.hreq, b.hport = nil, nil
	var err error
	if b.hch, _, err = buildHelper.postWith(hreq, port); err != nil {
		buildHelper.buildOff = true
		app.Log("build helper:", err)
		port.Call("close")
		b.hch = nil // the worker types it all
	} else {
		perfMark("gloss-build-shared")
	}
}

// drop tells the worker a build posted is no longer wanted: a shared one
// stops its steps (a build under way cannot be stopped; its reply is not
// read).
func (b *workerBuild) drop() {
	if b.shared {
		extractWorker.dropShared(b.id)
		b.shared = false
	}
	if b.hport != nil {
		b.hport.Call("close") // the helper was not asked
		b.hreq, b.hport = nil, nil
	}
}

// postEarly posts a long article's build as soon as its text is known,
// before the page stores and draws it (a 5 MB article: ~0.4 s in which the
// worker already builds); the background build started once it is drawn
// takes it over (adopt) when it asks for the same. Only for an article the
// worker would build. On two cores the helper's share waits for that
// takeover, after the first paint: with both workers building, the page's
// storing and drawing got a third of the processor less (first paint
// 1.3-1.9 s -> 4.2-4.6 s at load 12-26). (The helper now waits for the
// worker's hand-over anyway; the wait keeps a build dropped before the
// takeover from reaching it.)
func (f *finder) postEarly(text string) {
	if !app.IsClient || !wantsWorker(len(text), extractWorker.running(), extractWorker.buildOff) {
		return
	}
	f.dropEarly()
	var between func() bool
	if cores := app.Window().Get("navigator").Get("hardwareConcurrency"); cores.Truthy() && cores.Int() > 2 {
		between = func() bool { return true }
	}
	b, err := f.postBuild(text, f.gaz, f.mem, f.workerLex(), between)
	if err != nil {
		app.Log("build worker:", err)
		return
	}
	perfMark("gloss-build-early")
	f.early = b
}

// dropEarly drops the build posted early, if any: its article is not
// built after all (not stored, or another one asked for).
func (f *finder) dropEarly() {
	if e := f.early; e != nil {
		f.early = nil
		e.drop()
	}
}

// workerLex is whether a build in the worker uses the lexicon: when the
// page has it or is still loading it (the worker fetches its own copy, the
// same file).
func (f *finder) workerLex() bool {
	return f.lex != nil || f.lexError == ""
}

// adopt returns the build posted early (postEarly) when it is job's: the
// same text and options. Any other one is dropped.
func (f *finder) adopt(job *buildJob) *workerBuild {
	e := f.early
	if e == nil {
		return nil
	}
	f.early = nil
	if e.text == job.text && e.sameOptions(job.gaz, job.mem, job.workerLex) {
		perfMark("gloss-build-adopted")
		return e
	}
	e.drop()
	return nil
}

// buildKey tells a build's options apart without writing them out: the
// gazetteer and memory (which are changed in place) with their versions.
type buildKey struct {
	gaz        *entity.Gazetteer
	mem        *entity.Memory
	gazV, memV uint64
	lex        bool
}

func keyOf(gaz *entity.Gazetteer, mem *entity.Memory, lex bool) buildKey {
	k := buildKey{gaz: gaz, mem: mem, lex: lex}
	if gaz != nil {
		k.gazV = gaz.Version()
	}
	if mem != nil {
		k.memV = mem.Version()
	}
	return k
}

// posted keeps the options req was written with, for sameOptions.
func (b *workerBuild) posted(req wire.Request, gaz *entity.Gazetteer, mem *entity.Memory, lex bool) {
	b.opts = req
	b.opts.Src = ""
	b.key = keyOf(gaz, mem, lex)
}

// sameOptions reports whether b was posted with these options: at once
// when they are the same gazetteer and memory, unchanged since; otherwise
// by writing them out as the post did and comparing (a gazetteer read
// again, or a vote that changed nothing, is still the same).
func (b *workerBuild) sameOptions(gaz *entity.Gazetteer, mem *entity.Memory, lex bool) bool {
	if b.key == keyOf(gaz, mem, lex) {
		return true
	}
	req, err := wire.BuildRequest(0, "", gaz, mem, lex)
	return err == nil && b.opts.Gazetteer == req.Gazetteer && b.opts.Memory == req.Memory && b.opts.Lexicon == req.Lexicon
}

// buildInWorker builds job in the worker; false when it could not (the
// page builds it then). It runs on the background build's goroutine and
// panics superseded when a newer job replaces it.
func (f *finder) buildInWorker(job *buildJob) (ents []entity.Entity, idx *entity.Index, ok bool) {
	w := extractWorker
	if !app.IsClient || !wantsWorker(len(job.text), w.running(), w.buildOff) {
		f.dropEarly()
		return nil, nil, false
	}
	job.workerLex = f.workerLex()
	b := f.adopt(job)
	if b == nil {
		var err error
		b, err = f.postBuild(job.text, job.gaz, job.mem, job.workerLex, func() bool {
			f.parked(f.slices.yield)
			return f.job == job
		})
		if err != nil {
			app.Log("build worker:", err)
			return nil, nil, false
		}
		if b == nil {
			panic(superseded{})
		}
	} else if b.hreq != nil && b.shared {
		// Posted early without the helper's share: its turn now, in a
		// task of its own (the share goes without the text, which the
		// worker sends on, but the page yields between the two posts as
		// postBuild does).
		f.parked(f.slices.yield)
		if f.job != job {
			b.drop()
			panic(superseded{})
		}
		b.postHelper()
	}
	h := buildHelper
	job.inWorker = true
	var r workerReply
	// apart: a shared build's index and its entities' names, sent as
	// soon as the index was made and copied in and read while the workers
	// end the typing; the answer then holds the entities' types only.
	// apartErr: they could not be read (the answer cannot be either).
	var apart *entity.BuildApart
	var apartErr error
	for got := false; !got; {
		if r.index {
			perfMark("gloss-build-index-received")
			func() {
				defer func() {
					if v := recover(); v != nil {
						b.drop() // superseded while copying: the worker drops its share
						panic(v)
					}
				}()
				msg := f.copyIn(r.data)
				r.data = app.Null()
				perfMark("gloss-build-index-copied")
				apart, apartErr = entity.DecodeSplitIndex(job.text, msg)
			}()
			r = workerReply{}
			perfMark("gloss-build-index-decoded")
		}
		f.parked(func() {
			select {
			case r = <-b.ch:
				got = !r.index
			case hr := <-b.hch:
				// The helper's share is done (its pieces went to the
				// worker on their channel) or failed: the worker types
				// whatever it left.
				b.hch = nil
				if err := hr.Error(); err != nil {
					app.Log("build helper:", err)
					if hr.Unavailable {
						h.buildOff = true
					}
				}
			case <-f.kick:
			}
		})
		if f.job != job {
			b.drop() // the worker drops its share
			panic(superseded{})
		}
	}
	if err := r.Error(); err != nil || !r.data.Truthy() {
		// The page builds it, and the next ones.
		job.inWorker = false
		w.buildOff = true
		app.Log("build worker: building in the page:", err)
		return nil, nil, false
	}
	perfMark("gloss-build-received")
	buf := f.copyIn(r.data)
	r.data = app.Null()
	perfMark("gloss-build-copied")
	var err error
	switch {
	case apartErr != nil:
		err = apartErr
	case apart != nil:
		ents, idx, err = apart.Complete(buf)
	default:
		ents, idx, err = entity.DecodeBuild(job.text, buf)
	}
	if err != nil {
		job.inWorker = false
		w.buildOff = true
		app.Log("build worker: building in the page:", err)
		return nil, nil, false
	}
	perfMark("gloss-build-decoded")
	return ents, idx, true
}

// copyIn copies data, a worker's message (a Uint8Array), into Go memory
// aligned for entity's decoders, workerCopyChunk bytes at a time, the
// build's slice yielding between them once it has run.
func (f *finder) copyIn(data app.Value) []byte {
	n := data.Get("byteLength").Int()
	buf := entity.NewBuildBuffer(n)
	for a := 0; a < n; a += workerCopyChunk {
		e := min(a+workerCopyChunk, n)
		app.CopyBytesToGo(buf[a:e], data.Call("subarray", a, e))
		f.pause()
	}
	return buf
}

// warmRequest is the worker's warm-up request in idle time on every visit
// (startLater): with the word lists when the page uses them, as the build
// will.
func (f *finder) warmRequest() wire.Request {
	return wire.Request{Kind: wire.KindWarm, Lexicon: f.workerLex()}
}

// prepareBuild gets the workers ready for the open article's build as it
// opens, when that build will be long: the worker's start (its module, the
// word lists) and its warm-up (wire.WarmUpStep) then overlap the article's
// storing and drawing, not its build.
func (f *finder) prepareBuild() {
	if d := f.a.doc(); d != nil {
		f.prepareFor(len(d.Text))
	}
}

// prepareFor gets the workers ready for the build of an article of n
// bytes (prepareBuild; a long paste, as soon as it is loaded).
func (f *finder) prepareFor(n int) {
	if !app.IsClient || n < wire.WarmUpAt || !wantsWorker(n, extractWorker.running(), extractWorker.buildOff) {
		return
	}
	extractWorker.warm(f.warmRequest())
	if n >= buildShareMin {
		f.startHelper()
	}
}

// startHelper starts the build helper, if it does not run, and has it
// load the word lists, ready for its share of a long build: its start and
// the lists took ~0.3 s (more under load) of the shared build's critical
// path when it started at the paste. No warm-up: V8 gives it the
// extraction worker's compiled and optimised code (one module for both).
func (f *finder) startHelper() {
	if buildHelper.buildOff {
		return
	}
	r := f.warmRequest()
	r.Kind = wire.KindStart
	buildHelper.warm(r)
}

// warmLater gets both build workers ready in idle time after the first
// paint (startLater): the worker warmed up, the helper started; and again
// after a long build stopped either for its memory.
func (f *finder) warmLater() {
	buildHelper.mu.Lock()
	buildHelper.rewarm = f.warmWorkers
	buildHelper.mu.Unlock()
	extractWorker.startLater(f.warmWorkers)
}

// warmWorkers warms the worker up and starts the helper (warmLater); while
// the worker still has requests (a long build's end, a page read) or a
// long build's install is still staged (its steps are a frame each, and a
// worker's start compiles the module beside them on a two-core machine),
// later.
func (f *finder) warmWorkers() {
	if extractWorker.busy() || f.installing() {
		extractWorker.startLater(f.warmWorkers)
		return
	}
	extractWorker.warm(f.warmRequest())
	f.startHelper()
}

// kickBuild wakes a background build waiting for the worker, so that it
// sees it was superseded.
func (f *finder) kickBuild() {
	if f.kick == nil {
		return
	}
	select {
	case f.kick <- struct{}{}:
	default:
	}
}
