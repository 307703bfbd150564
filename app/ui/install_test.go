package ui

import (
	"fmt"
	"testing"

	"gloss/app/annot"
	"gloss/app/entity"
	"gloss/app/session"
	"gloss/app/store"
	"gloss/app/text"
)

// stagedFinder is a finder with n entities built for an open article.
func stagedFinder(n int) (*finder, *buildJob) {
	d := &session.Doc{Meta: store.Meta{ID: "a1"}, Text: "x", Set: &annot.Set{}}
	a := &App{labels: annot.DefaultLabels(), s: &session.Session{Doc: d}}
	f := &finder{a: a, gen: 3, built: "a1", entSort: "count"}
	for i := range n {
		f.ents = append(f.ents, entity.Entity{Key: fmt.Sprint(i), Name: fmt.Sprint(i), Mentions: make([]text.Span, n-i)})
	}
	return f, &buildJob{gen: 3, id: "a1"}
}

// TestInstallSteps: a staged install shows installRows rows, then
// installRows more per step up to the full page, then applies each
// highlight name once, and ends with no cap; "Show more" lifts the cap.
func TestInstallSteps(t *testing.T) {
	f, job := stagedFinder(250)
	p := &suggestionPaint{key: f.suggestionKey(f.a.doc()), names: []string{"gloss-s0", "gloss-t0", "gloss-s1"}, triples: make([][]int32, 3)}
	for i := range p.triples {
		p.triples[i] = make([]int32, 3*syncMentions) // too many to apply at once
	}
	f.installSteps(job, p)
	var shown []int
	shown = append(shown, len(f.renderEntities().(*entitiesPanel).Rows))
	steps := 0
	for f.installStep() {
		steps++
		shown = append(shown, len(f.renderEntities().(*entitiesPanel).Rows))
		if steps > 100 {
			t.Fatal("the steps never end")
		}
	}
	want := []int{10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 100, 100}
	if fmt.Sprint(shown) != fmt.Sprint(want) {
		t.Errorf("rows shown per step %v, want %v", shown, want)
	}
	if f.stage != nil || f.rowCap != 0 {
		t.Errorf("not ended: stage %v, cap %d", f.stage, f.rowCap)
	}
	if got := len(f.renderEntities().(*entitiesPanel).Rows); got != entityPage {
		t.Errorf("%d rows after the install, want %d", got, entityPage)
	}
	// Every name applied once: the last step applied the last one.
	f, job = stagedFinder(250)
	f.installSteps(job, p)
	names := 0
	for f.rowCap > 0 {
		f.installStep()
	}
	for f.stage != nil {
		before := f.stage.next
		f.installStep()
		if f.stage == nil || f.stage.next == before+1 {
			names++
		}
	}
	if names != len(p.names) {
		t.Errorf("%d highlight steps, want %d", names, len(p.names))
	}

	// Show more during the ramp: the cap goes, a page more is listed.
	f, job = stagedFinder(250)
	f.installSteps(job, p)
	f.renderEntities().(*entitiesPanel).on.moreEntities()
	if got := len(f.renderEntities().(*entitiesPanel).Rows); got != 2*entityPage {
		t.Errorf("%d rows after Show more, want %d", got, 2*entityPage)
	}
}

// TestInstallStepsStop: a newer build, another article or changed
// annotations end the staged install with every row shown and the stale
// highlights dropped.
func TestInstallStepsStop(t *testing.T) {
	for name, change := range map[string]func(f *finder){
		"newer build":   func(f *finder) { f.gen++ },
		"other article": func(f *finder) { f.a.s.Doc = &session.Doc{Meta: store.Meta{ID: "a2"}, Set: &annot.Set{}} },
		"repainted":     func(f *finder) { f.applySuggestions(&suggestionPaint{}) },
	} {
		f, job := stagedFinder(250)
		p := &suggestionPaint{key: f.suggestionKey(f.a.doc()), names: []string{"gloss-s0"}, triples: [][]int32{make([]int32, 3*syncMentions+3)}}
		f.installSteps(job, p)
		change(f)
		if name == "repainted" && f.stage.paint != nil {
			t.Error("repainted: the staged highlights are still to be applied")
		}
		for i := 0; f.installStep(); i++ {
			if i > 10 {
				t.Fatalf("%s: the steps never end", name)
			}
		}
		if f.stage != nil || f.rowCap != 0 {
			t.Errorf("%s: not ended: stage %v, cap %d", name, f.stage, f.rowCap)
		}
	}
}

// TestInstallShort: a short article's install stages nothing: its few
// entities and highlights are there at once.
func TestInstallShort(t *testing.T) {
	f, job := stagedFinder(installRows)
	p := &suggestionPaint{key: f.suggestionKey(f.a.doc()), names: []string{"gloss-s0", "gloss-t0"}, triples: [][]int32{{0, 1, 2}, make([]int32, 3*syncMentions-3)}}
	f.installSteps(job, p)
	if f.stage != nil || f.rowCap != 0 {
		t.Errorf("a short article's install staged: %+v, cap %d", f.stage, f.rowCap)
	}
	f, job = stagedFinder(installRows + 1)
	f.installSteps(job, p)
	if f.stage == nil || f.stage.paint != nil || f.rowCap != installRows {
		t.Errorf("many entities, few mentions: stage %+v, cap %d; want the rows staged, the highlights applied", f.stage, f.rowCap)
	}
}

// TestInstallPending: an install whose highlights are worked out after it
// shows its rows, then waits for them without ending; stagePaint's
// highlights are then applied one name a step and the install ends. Stale
// highlights (a newer build) are dropped, and a repaint meanwhile ends the
// waiting install.
func TestInstallPending(t *testing.T) {
	paint := func(f *finder) *suggestionPaint {
		p := &suggestionPaint{key: f.suggestionKey(f.a.doc()), names: []string{"gloss-s0", "gloss-t0"}, triples: make([][]int32, 2)}
		for i := range p.triples {
			p.triples[i] = make([]int32, 3*syncMentions)
		}
		return p
	}
	f, job := stagedFinder(250)
	f.installPending(job)
	rows := 0
	for f.installStep() {
		rows++
		if rows > 100 {
			t.Fatal("the steps never end")
		}
	}
	if f.stage == nil || !f.stage.waiting || f.rowCap != 0 {
		t.Fatalf("after the rows: stage %+v, cap %d; want it waiting for the highlights, every row shown", f.stage, f.rowCap)
	}
	if got := len(f.renderEntities().(*entitiesPanel).Rows); got != entityPage {
		t.Errorf("%d rows while waiting, want %d", got, entityPage)
	}
	// A newer build's highlights are not this install's.
	f.stagePaint(&buildJob{gen: 2, id: "a1"}, paint(f))
	if f.stage == nil || f.stage.paint != nil || !f.stage.pending {
		t.Errorf("another build's highlights were taken: %+v", f.stage)
	}
	p := paint(f)
	f.stagePaint(job, p)
	if f.stage == nil || f.stage.waiting || f.stage.paint != p {
		t.Fatalf("the highlights were not staged: %+v", f.stage)
	}
	names := 0
	for f.stage != nil {
		before := f.stage.next
		f.installStep()
		if f.stage == nil || f.stage.next == before+1 {
			names++
		}
		if names > 10 {
			t.Fatal("the highlight steps never end")
		}
	}
	if names != len(p.names) {
		t.Errorf("%d highlight steps, want %d", names, len(p.names))
	}

	// Highlights that come while the rows are still being shown are
	// applied after them.
	f, job = stagedFinder(250)
	f.installPending(job)
	f.installStep()
	f.stagePaint(job, paint(f))
	steps := 0
	for f.installStep() {
		steps++
		if steps > 100 {
			t.Fatal("the steps never end")
		}
	}
	if want := entityPage/installRows - 2 + len(p.names) - 1; steps != want || f.stage != nil {
		t.Errorf("%d more steps (stage %+v), want %d: the rows, then each name (the last ends it)", steps, f.stage, want)
	}

	// Repainted at once while waiting: the install ends.
	f, job = stagedFinder(3)
	f.installPending(job)
	if f.stage == nil || !f.stage.waiting {
		t.Fatalf("few entities: stage %+v, want it waiting at once", f.stage)
	}
	f.applySuggestions(&suggestionPaint{})
	if f.stage != nil {
		t.Errorf("repainted while waiting: the install did not end: %+v", f.stage)
	}
	f.stagePaint(job, paint(f)) // late: nothing to take it
	if f.stage != nil {
		t.Errorf("late highlights started a stage again: %+v", f.stage)
	}
}

// TestInstalling: a staged install counts as under way only for the open
// article's current build (warmWorkers waits for it).
func TestInstalling(t *testing.T) {
	f, job := stagedFinder(250)
	if f.installing() {
		t.Error("installing before any install")
	}
	f.installPending(job)
	if !f.installing() {
		t.Error("not installing while the rows are staged")
	}
	f.gen++
	if f.installing() {
		t.Error("installing an older build's stage")
	}
	f.gen--
	f.a.s.Doc = &session.Doc{Meta: store.Meta{ID: "a2"}, Set: &annot.Set{}}
	if f.installing() {
		t.Error("installing another article's stage")
	}
}
