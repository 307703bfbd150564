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
// between the two build workers, one per core (entity.Split): both read the
// text and find its names (~40 % of the build), then the helper types
// buildShareAt..1 of the entities (by typing cost) while the extraction
// worker types the rest and makes the index, and takes the helper's types.
// ~20 % off a warm build's wall time, for ~40 % more processor time and a
// second heap while it runs: worth it only where the build takes seconds.
const (
	buildShareMin = 2 << 20
	buildShareAt  = 0.3
)

// workerCopyChunk is how many bytes of a result are copied into Go memory
// per slice.
const workerCopyChunk = 8 << 20

// wantsWorker reports whether an article of n bytes is built in the
// worker, given whether it runs and whether a build there failed before
// (off).
func wantsWorker(n int, running, off bool) bool {
	return !off && (n >= buildWorkerStart || running && n >= buildWorkerMin)
}

// buildInWorker builds job in the worker; false when it could not (the
// page builds it then). It runs on the background build's goroutine and
// panics superseded when a newer job replaces it.
func (f *finder) buildInWorker(job *buildJob) (ents []entity.Entity, idx *entity.Index, ok bool) {
	w := extractWorker
	if !app.IsClient || !wantsWorker(len(job.text), w.running(), w.buildOff) {
		return nil, nil, false
	}
	// The lexicon is used when the page has it or is still loading it:
	// the worker fetches its own copy (the same file).
	job.workerLex = job.lex != nil || f.lexError == ""
	req, err := wire.BuildRequest(0, job.text, job.gaz, job.mem, job.workerLex)
	if err != nil {
		app.Log("build worker:", err)
		return nil, nil, false
	}
	h := buildHelper
	share := len(job.text) >= buildShareMin && !h.buildOff
	if share {
		req.Share = buildShareAt
	}
	perfMark("gloss-build-posted")
	ch, id, err := w.post(req)
	if err != nil {
		w.buildOff = true
		app.Log("build worker:", err)
		return nil, nil, false
	}
	// The helper's share: its reply comes on hch, passed on to the worker
	// (postPart), which then answers on ch.
	var hch chan workerReply
	if share {
		// In a task of its own: handing a worker the text copies it
		// (~10 ms for 5 MB).
		f.parked(f.slices.yield)
		if f.job != job {
			w.postPart(id, nil, true)
			panic(superseded{})
		}
		hreq := req
		hreq.Kind = wire.KindShare
		if hch, _, err = h.post(hreq); err != nil {
			h.buildOff = true
			app.Log("build helper:", err)
			w.postPart(id, nil, false) // the worker types it all
		} else {
			perfMark("gloss-build-shared")
		}
	}
	job.inWorker = true
	var r workerReply
	for got := false; !got; {
		f.parked(func() {
			select {
			case r = <-ch:
				got = true
			case hr := <-hch:
				hch = nil
				if err := hr.Error(); err != nil {
					app.Log("build helper:", err)
					if hr.Unavailable {
						h.buildOff = true
					}
				}
				w.postPart(id, &hr, false)
			case <-f.kick:
			}
		})
		if f.job != job {
			if hch != nil {
				w.postPart(id, nil, true) // the worker drops its share
			}
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
	n := r.data.Get("byteLength").Int()
	buf := entity.NewBuildBuffer(n)
	for a := 0; a < n; a += workerCopyChunk {
		b := min(a+workerCopyChunk, n)
		app.CopyBytesToGo(buf[a:b], r.data.Call("subarray", a, b))
		f.pause()
	}
	r.data = app.Null()
	perfMark("gloss-build-copied")
	ents, idx, err = entity.DecodeBuild(job.text, buf)
	if err != nil {
		job.inWorker = false
		w.buildOff = true
		app.Log("build worker: building in the page:", err)
		return nil, nil, false
	}
	perfMark("gloss-build-decoded")
	return ents, idx, true
}

// warmRequest is the worker's warm-up request in idle time on every visit
// (startLater): with the word lists when the page uses them, as the build
// will.
func (f *finder) warmRequest() wire.Request {
	return wire.Request{Kind: wire.KindWarm, Lexicon: f.lex != nil || f.lexError == ""}
}

// prepareBuild gets the workers ready for the open article's build as it
// opens, when that build will be long: the worker's start (its module, the
// word lists) and its warm-up (wire.WarmUp) then overlap the article's
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
	if n >= buildShareMin && !buildHelper.buildOff {
		// Ready for its share when the build is posted. No warm-up: V8
		// gives it the extraction worker's compiled and optimised code
		// (one module for both).
		r := f.warmRequest()
		r.Kind = wire.KindStart
		buildHelper.warm(r)
	}
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
