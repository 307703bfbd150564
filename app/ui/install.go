package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// A finished build is installed in steps, one per task: on a 5 MB article
// rendering the panel's hundred rows with the rest of the install took
// one task of 150–300 ms. The install takes the entities and the index (the
// search works from then on, and glossPerf's "entities" mark says so),
// applies the suggestion highlights (gloss.highlight makes a long article's
// ranges in slices of its own) and renders the panel's first installRows
// rows; each later task renders installRows more, the browser painting in
// between. (Applying the highlights one name per task as well was tried
// and taken out when TestBrowserLibraryStatus failed; that test's failures
// were later traced to the URL fragment being set after the render, see
// App.opened, so it may be worth trying again.)

// installRows is how many more of the panel's rows each step renders.
const installRows = 20

// installStage is what is left to do of a staged install.
type installStage struct {
	gen int    // the build's generation: a newer build drops the rest
	id  string // the article built
}

// installSteps starts the staged part of an install: the panel's rows
// capped at installRows, the others in the tasks after. A short list is
// rendered at once.
func (f *finder) installSteps(job *buildJob) {
	f.endSteps()
	if len(f.ents) <= installRows {
		return
	}
	f.rowCap = installRows
	f.stage = &installStage{gen: job.gen, id: job.id}
	f.nextStep()
}

// nextStep asks for the next step in a task of its own, after the ones
// waiting (a frame to paint, input).
func (f *finder) nextStep() {
	if !app.IsClient {
		return // tests call installStep themselves
	}
	if f.stepFn == nil {
		f.stepFn = app.FuncOf(func(app.Value, []app.Value) any {
			f.a.ctx.Dispatch(func(app.Context) {
				if f.installStep() {
					f.nextStep()
				}
			})
			return nil
		})
	}
	glossJS().Call("yieldTask", f.stepFn)
}

// installStep does one step of the staged install and reports whether any
// is left.
func (f *finder) installStep() bool {
	s := f.stage
	d := f.a.doc()
	if s == nil || s.gen != f.gen || d == nil || d.Meta.ID != s.id || f.built != s.id || f.rowCap == 0 {
		f.endSteps()
		return false
	}
	f.rowCap += installRows
	if f.rowCap >= entityPage {
		f.endSteps()
		return false
	}
	return true
}

// endSteps drops what is left of a staged install: the rows all shown.
func (f *finder) endSteps() {
	f.stage, f.rowCap = nil, 0
}
