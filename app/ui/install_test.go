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
// installRows more per step up to the full page, and ends with no cap;
// "Show more" lifts the cap; a short list is not staged.
func TestInstallSteps(t *testing.T) {
	f, job := stagedFinder(250)
	f.installSteps(job)
	var shown []int
	shown = append(shown, len(f.renderEntities().(*entitiesPanel).Rows))
	for steps := 0; f.installStep(); steps++ {
		shown = append(shown, len(f.renderEntities().(*entitiesPanel).Rows))
		if steps > 100 {
			t.Fatal("the steps never end")
		}
	}
	shown = append(shown, len(f.renderEntities().(*entitiesPanel).Rows))
	want := []int{20, 40, 60, 80, 100}
	if fmt.Sprint(shown) != fmt.Sprint(want) {
		t.Errorf("rows shown per step %v, want %v", shown, want)
	}
	if f.stage != nil || f.rowCap != 0 {
		t.Errorf("not ended: stage %v, cap %d", f.stage, f.rowCap)
	}

	// Show more during the ramp: the cap goes, a page more is listed.
	f, job = stagedFinder(250)
	f.installSteps(job)
	f.renderEntities().(*entitiesPanel).OnMore()
	if got := len(f.renderEntities().(*entitiesPanel).Rows); got != 2*entityPage {
		t.Errorf("%d rows after Show more, want %d", got, 2*entityPage)
	}

	f, job = stagedFinder(installRows)
	f.installSteps(job)
	if f.stage != nil || f.rowCap != 0 {
		t.Errorf("a short list's install staged: %+v, cap %d", f.stage, f.rowCap)
	}
}

// TestInstallStepsStop: a newer build or another article end the staged
// install with no cap left.
func TestInstallStepsStop(t *testing.T) {
	for name, change := range map[string]func(f *finder){
		"newer build":   func(f *finder) { f.gen++ },
		"other article": func(f *finder) { f.a.s.Doc = &session.Doc{Meta: store.Meta{ID: "a2"}, Set: &annot.Set{}} },
	} {
		f, job := stagedFinder(250)
		f.installSteps(job)
		change(f)
		if f.installStep() {
			t.Errorf("%s: a step is left", name)
		}
		if f.stage != nil || f.rowCap != 0 {
			t.Errorf("%s: not ended: stage %v, cap %d", name, f.stage, f.rowCap)
		}
	}
}
