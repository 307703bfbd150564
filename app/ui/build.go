package ui

import (
	"time"

	"gloss/app/entity"
	"gloss/app/session"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Entities and the search index are built in the background after the
// article is painted: Go in the browser shares one thread with the page, so
// the build runs in a goroutine that entity.Pause blocks once a slice has
// run buildSlice, and Go hands the thread back to the browser, which
// paints, scrolls and handles input before the build goes on. On a 5 MB
// article that is a second or more of work that never freezes the page.

// buildSlice is how long the build runs before it yields: well under the
// 50 ms after which the browser reports a long task.
const buildSlice = 20 * time.Millisecond

// buildJob is one requested build.
type buildJob struct {
	gen   int
	id    string // article ID
	text  string
	gaz   *entity.Gazetteer
	lex   *entity.Lexicon
	mem   *entity.Memory
	start float64 // perfNow when requested
	found bool    // entity.Build started: a lexicon that comes now is too late for it
	// Built in the worker (buildworker.go), with its own copy of the
	// lexicon when workerLex.
	inWorker  bool
	workerLex bool
}

// superseded is the panic that ends a build no longer wanted.
type superseded struct{}

// build builds the open article's entities and index if they are not
// built: in the background in the browser, at once elsewhere.
func (f *finder) build() {
	d := f.a.doc()
	if d == nil || f.built == d.Meta.ID {
		return
	}
	if !app.IsClient {
		f.buildNow()
		return
	}
	if j := f.job; j != nil && j.id == d.Meta.ID && j.gen == f.gen {
		return // under way
	}
	f.startJob(d)
}

// refind finds the open article's names again in the background, its
// current entities staying until the new ones are there: the lexicon
// arrived, and boundaries depend on it too (headlines, sentence starts,
// German nouns).
func (f *finder) refind() {
	d := f.a.doc()
	if d == nil || !app.IsClient {
		return
	}
	f.startJob(d)
}

// startJob asks the background loop to build d's entities, dropping any
// build under way.
func (f *finder) startJob(d *session.Doc) {
	f.gen++
	f.job = &buildJob{gen: f.gen, id: d.Meta.ID, text: d.Text, gaz: f.gaz, lex: f.lex, mem: f.mem, start: perfNow()}
	f.kickBuild()
	if !f.running {
		f.kick = make(chan struct{}, 1)
		f.running = true
		entity.Pause = f.pause
		go f.buildLoop()
	}
}

// invalidate makes the next build start afresh (the gazetteer changed): a
// build under way is dropped, its result too if it already finished.
func (f *finder) invalidate() {
	f.built = ""
	f.gen++
}

// building reports whether a background build for the open article runs.
func (f *finder) building() bool {
	return f.job != nil && f.a.doc() != nil && f.job.id == f.a.doc().Meta.ID
}

// buildNow builds at once, for callers that need the result now (the embed
// protocol's search and entities). A background build under way is dropped.
func (f *finder) buildNow() {
	d := f.a.doc()
	if d == nil || f.built == d.Meta.ID {
		return
	}
	defer perfSince("entities", perfNow())
	f.gen++
	f.job = nil
	p := entity.Pause
	entity.Pause = nil // no yielding in the middle of an event
	f.ents, f.idx = entity.Build(d.Text, entity.Options{Gazetteer: f.gaz, Lexicon: f.lex, Memory: f.mem})
	entity.Pause = p
	f.built, f.builtLex = d.Meta.ID, false
}

// buildLoop runs the requested builds one after the other until none is
// left; a build that a newer request supersedes stops at its next pause.
func (f *finder) buildLoop() {
	restore := relaxGC()
	defer restore()
	for {
		job := f.job
		if job == nil {
			f.running = false
			return
		}
		f.bgJob = job
		if f.slices == nil {
			f.slices = newYielder()
		}
		f.slices.start = time.Now()
		res, ok := f.runJob(job)
		f.bgJob = nil
		if !ok {
			continue
		}
		if f.job == job {
			f.job = nil
		}
		if res.paintLater {
			res.drawn = make(chan struct{}, 1)
		}
		f.a.ctx.Dispatch(func(ctx app.Context) { f.install(job, res) })
		if res.paintLater {
			f.suggestAfter(job, res.ents, res.drawn)
		}
	}
}

// suggestAfter works out the suggestion highlights of a build installed
// without them (buildResult.paintLater), in slices on the build's
// goroutine, and hands them to the staged install (stagePaint): the search
// and the panel work meanwhile. A newer build or another article drops them.
func (f *finder) suggestAfter(job *buildJob, ents []entity.Entity, drawn chan struct{}) {
	stale := func() bool {
		d := f.a.doc()
		return job.gen != f.gen || d == nil || d.Meta.ID != job.id || d.Text != job.text
	}
	// The install first, and its frame: slices that start at once (each
	// yielding through a message) put off the frame that shows the panel
	// and makes the search usable (by ~0.1 s at load ~10).
	select {
	case <-drawn:
	case <-f.kick: // a newer build
	}
	f.slices.start = time.Now()
	if stale() {
		return
	}
	var paint *suggestionPaint
	unlessSuperseded(func() {
		paint = f.suggestionsFor(f.a.doc(), ents, func() {
			f.slices.pause()
			if stale() {
				panic(superseded{})
			}
		})
	})
	perfMark("gloss-build-suggested")
	if paint != nil {
		f.a.ctx.Dispatch(func(ctx app.Context) { f.stagePaint(job, paint) })
	}
}

// buildResult is what a background build hands to install.
type buildResult struct {
	ents []entity.Entity
	idx  *entity.Index
	// The suggestion highlights and the entities panel's default order,
	// worked out in the build's slices: nil when the article shown is not
	// the one built (install works them out then).
	paint  *suggestionPaint
	sorted []int32
	// drawn: install says so once it is painted (with paintLater).
	drawn chan struct{}
	// paintLater: paint is worked out after the install (suggestAfter),
	// for a build from the worker: the search need not wait for the
	// highlights (~60 ms of slices on a 5 MB article).
	paintLater bool
}

func (f *finder) runJob(job *buildJob) (res buildResult, ok bool) {
	ok = unlessSuperseded(func() { res = f.runSlices(job) })
	return res, ok
}

// unlessSuperseded runs fn and reports whether it ran to its end: false
// when a superseded panic ended it. Any other panic goes on.
func unlessSuperseded(fn func()) (done bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, stop := r.(superseded); !stop {
				panic(r)
			}
			done = false
		}
	}()
	fn()
	return true
}

// runSlices is runJob's work; it panics superseded when the job is no
// longer wanted.
func (f *finder) runSlices(job *buildJob) (res buildResult) {
	var inWorker bool
	if res.ents, res.idx, inWorker = f.buildInWorker(job); !inWorker {
		// The lexicon being parsed beside it is worth waiting for: a build
		// without it would be done again once it is in (loadLexicon).
		for job.lex == nil && f.lexParsing {
			f.parked(f.slices.yield)
			if f.job != job {
				panic(superseded{})
			}
			job.lex = f.lex
		}
		job.found = true
		perfMark("gloss-build-start")
		res.ents, res.idx = entity.Build(job.text, entity.Options{Gazetteer: job.gaz, Lexicon: job.lex, Memory: job.mem})
	}
	perfMark("gloss-build-found")
	// What install would do at once on a long article, done here in
	// slices (after the install for a build from the worker). This
	// goroutine runs only between the page's events (wasm has one thread),
	// so reading the open article and the labels is safe; if they change
	// before install, the suggestions' key says so.
	f.pause()
	if d := f.a.doc(); d != nil && d.Meta.ID == job.id && d.Text == job.text {
		if inWorker {
			res.paintLater = true
		} else {
			res.paint = f.suggestionsFor(d, res.ents, f.pause)
			perfMark("gloss-build-suggested")
		}
	}
	f.pause()
	res.sorted = sortByMentions(res.ents)
	perfMark("gloss-build-sorted")
	return res
}

// pause is entity.Pause for background builds: it yields the thread to the
// browser once the current slice has run long enough, and ends a build that
// is no longer wanted.
func (f *finder) pause() {
	if f.bgJob == nil {
		return // not a background build
	}
	if f.job != f.bgJob {
		panic(superseded{})
	}
	yielded := false
	f.parked(func() { yielded = f.slices.pause() })
	if yielded && f.job != f.bgJob {
		panic(superseded{})
	}
}

// parked runs wait, where the build's goroutine may block and the UI
// goroutine run, with bgJob unset: entity.Pause is global, and an entity
// call on the UI goroutine meanwhile (a retype, a gazetteer) must neither
// yield through this build's slices nor end it by a panic there.
func (f *finder) parked(wait func()) {
	job := f.bgJob
	f.bgJob = nil
	wait()
	f.bgJob = job
}

// install takes a finished build's result, if it is still the one wanted,
// and repaints what depends on it: the panel's first rows now, the other
// rows and the suggestion highlights in the tasks after (install.go).
func (f *finder) install(job *buildJob, res buildResult) {
	d := f.a.doc()
	if job.gen != f.gen || d == nil || d.Meta.ID != job.id {
		if res.drawn != nil {
			res.drawn <- struct{}{} // nothing to wait for
		}
		return
	}
	perfMark("gloss-install")
	if res.drawn != nil {
		// suggestAfter starts once this install is painted.
		f.a.ctx.Defer(func(app.Context) {
			var fn app.Func
			fn = app.FuncOf(func(app.Value, []app.Value) any {
				fn.Release()
				res.drawn <- struct{}{}
				return nil
			})
			glossJS().Call("afterPaint", fn)
		})
	}
	f.ents, f.idx, f.built = res.ents, res.idx, job.id
	f.builtLex = job.inWorker && job.workerLex
	f.sorted, f.sortedBy = res.sorted, f.sortKey("count")
	perfSince("entities", job.start)
	if res.paint != nil && res.paint.key == f.suggestionKey(d) {
		f.installSteps(job, res.paint) // the rest of the rows, the highlights
	} else if res.paintLater {
		f.installPending(job) // the highlights: suggestAfter
	} else {
		f.installSteps(job, nil)
		f.paintSuggestions()
	}
	if f.query != "" {
		f.search(f.query)
		return
	}
	f.paintHits()
}
