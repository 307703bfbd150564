package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// A finished build is installed in steps, one per task: on a 5 MB article
// rendering the panel's hundred rows and handing the page ten suggestion
// highlights of a few hundred thousand mentions took 150–250 ms of one
// task. The install itself takes the entities and the index (the search
// works from then on, and glossPerf's "entities" mark says so) and renders
// the panel's first installRows rows; each later task renders installRows
// more (go-app drawing each step's in a frame of its own, see nextStep) or
// applies one highlight name, the browser painting in between. Ten rows a
// step: go-app creates each row through syscall/js, an attribute at a
// time.
// (The highlights' staging was taken out once, when
// TestBrowserLibraryStatus failed with it; those failures came from the
// URL fragment being set after the render, since put back, see
// App.opened.)

// installRows is how many more of the panel's rows each step renders.
const installRows = 10

// installStage is what is left to do of a staged install.
type installStage struct {
	gen   int              // the build's generation: a newer build drops the rest
	id    string           // the article built
	paint *suggestionPaint // highlights left to apply, nil when none (or repainted since)
	next  int              // the paint's next name
	// pending: the highlights are still being worked out (installPending);
	// waiting: the steps stopped for them, the rows all shown.
	pending, waiting bool
}

// syncMentions is how many suggested mentions an install highlights at
// once; more are applied one name per step.
const syncMentions = 4096

// installSteps starts the staged part of an install: the panel's rows
// capped at installRows, and paint's names to apply one at a time. A short
// article's are all applied now.
func (f *finder) installSteps(job *buildJob, paint *suggestionPaint) {
	f.endSteps()
	if paint != nil && paint.mentions() <= syncMentions {
		f.applySuggestions(paint)
		paint = nil
	}
	if len(f.ents) > installRows {
		f.rowCap = installRows
	}
	if paint == nil && f.rowCap == 0 {
		perfMark("gloss-installed") // nothing left to stage
		return
	}
	f.stage = &installStage{gen: job.gen, id: job.id, paint: paint}
	f.nextStep()
}

// installPending starts the staged part of an install whose highlights are
// worked out after it (suggestAfter): the panel's rows as installSteps
// does, then the steps wait for the highlights, which stagePaint brings.
func (f *finder) installPending(job *buildJob) {
	f.endSteps()
	if len(f.ents) > installRows {
		f.rowCap = installRows
	}
	f.stage = &installStage{gen: job.gen, id: job.id, pending: true}
	if f.rowCap == 0 {
		f.stage.waiting = true
		return
	}
	f.nextStep()
}

// stagePaint hands the staged install of job the highlights worked out
// after it, and starts its steps again if they were waiting for them.
// Anything else is left alone: a newer build, another article, or
// highlights repainted since (dropStagedPaint).
func (f *finder) stagePaint(job *buildJob, p *suggestionPaint) {
	s := f.stage
	if s == nil || !s.pending || s.gen != job.gen || s.id != job.id {
		return
	}
	s.pending, s.paint = false, p
	if s.waiting {
		s.waiting = false
		f.nextStep()
	}
}

// mentions is how many mentions p highlights.
func (p *suggestionPaint) mentions() int {
	n := 0
	for i := range p.names {
		switch {
		case i < len(p.triples) && p.triples[i] != nil:
			n += len(p.triples[i]) / 3
		case i < len(p.spans):
			n += len(p.spans[i])
		}
	}
	return n
}

// nextStep asks for the next step in a task of its own. go-app draws what
// a dispatch changed in its next frame, a timer 1/120 s after the
// dispatch: row steps asked for at once (a message to itself, no wait) all
// ran before that frame, which then drew every row of the install in one
// task (80 rows, 60-80 ms on a 5 MB article). So while rows are left, the
// next step is asked for from that frame's defers, once it drew this
// step's rows; a highlight step draws nothing through go-app and follows
// at once.
func (f *finder) nextStep() {
	if !app.IsClient {
		return // tests call installStep themselves
	}
	if f.stepFn == nil {
		f.stepFn = app.FuncOf(func(app.Value, []app.Value) any {
			f.a.ctx.Dispatch(func(ctx app.Context) {
				rows := f.rowCap > 0
				if !f.installStep() {
					return
				}
				if !rows {
					// A highlight step changed nothing go-app draws:
					// no render of the whole app for it (18–27 ms
					// on a 5 MB article).
					ctx.PreventUpdate()
				}
				f.nextStep()
			})
			return nil
		})
	}
	if f.rowCap > 0 {
		f.a.ctx.Defer(func(app.Context) { glossJS().Call("yieldTask", f.stepFn) })
		return
	}
	glossJS().Call("yieldTask", f.stepFn)
}

// installStep does one step of the staged install and reports whether any is
// left. Rows come first (the panel is what changes in view), then the
// highlights, one name per step.
func (f *finder) installStep() bool {
	s := f.stage
	d := f.a.doc()
	if s == nil || s.gen != f.gen || d == nil || d.Meta.ID != s.id || f.built != s.id {
		f.endSteps()
		return false
	}
	if f.rowCap > 0 {
		f.rowCap += installRows
		if f.rowCap >= entityPage {
			f.rowCap = 0
		}
		return true
	}
	if s.pending {
		s.waiting = true // stagePaint goes on
		return false
	}
	if p := s.paint; p != nil && s.next < len(p.names) {
		if s.next == 0 {
			if p.key != f.suggestionKey(d) {
				// The labels or annotations changed since the build worked
				// the highlights out: work them out again, at once.
				f.endSteps()
				f.paintSuggestions()
				perfMark("gloss-installed")
				return false
			}
		}
		f.applySuggestion(p, s.next)
		s.next++
		if s.next < len(p.names) {
			return true
		}
	}
	f.endSteps()
	// The whole build is on screen: every row, every highlight (tests wait
	// for this mark).
	perfMark("gloss-installed")
	return false
}

// installing reports whether the open article's build is being installed
// in steps (a stage left from an older build or another article is not).
func (f *finder) installing() bool {
	s, d := f.stage, f.a.doc()
	return s != nil && s.gen == f.gen && d != nil && d.Meta.ID == s.id
}

// endSteps drops what is left of a staged install: the rows all shown.
func (f *finder) endSteps() {
	f.stage, f.rowCap = nil, 0
}

// dropStagedPaint drops a staged install's highlights not yet applied:
// they are being repainted at once (applySuggestions).
func (f *finder) dropStagedPaint() {
	s := f.stage
	if s == nil {
		return
	}
	s.paint = nil
	s.pending = false
	if s.waiting {
		// The rows are all in, and the highlights now: the install is done.
		f.endSteps()
		perfMark("gloss-installed")
	}
}
