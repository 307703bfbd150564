package session

import (
	"fmt"

	"gloss/app/annot"
	"gloss/app/store"
)

// EditReport says what became of the annotations when the text changed.
type EditReport struct {
	Placed  int            // found again in the new text
	Orphans []annot.Orphan // could not be placed confidently; kept with the article
}

// Message is the report as the page shows it.
func (r EditReport) Message() string {
	msg := fmt.Sprintf("Text saved: %s found again.", plural(r.Placed, "annotation", "annotations"))
	if len(r.Orphans) > 0 {
		msg += fmt.Sprintf(" %s could not be placed confidently and %s listed under Orphans: place or drop them.",
			plural(len(r.Orphans), "annotation", "annotations"), map[bool]string{true: "is", false: "are"}[len(r.Orphans) == 1])
	}
	return msg
}

// EditText makes newText the open article's text as one undoable step:
// its annotations are found again from their quote and context
// (annot.Reanchor), those that cannot be placed confidently join the
// orphans. Text, annotations and orphans are stored as one change.
func (s *Session) EditText(newText string) (EditReport, error) {
	d, err := s.open()
	if err != nil {
		return EditReport{}, err
	}
	if newText == d.Text {
		return EditReport{Placed: d.Set.Len()}, nil
	}
	oldText, oldAnns, oldOrphans := d.Text, d.Set.All(), d.Orphans
	placed, lost := annot.Reanchor(oldText, newText, oldAnns)
	newOrphans := append(append([]annot.Orphan(nil), oldOrphans...), lost...)
	id := d.Meta.ID
	if err := s.setDoc(id, newText, placed, newOrphans); err != nil {
		return EditReport{}, err
	}
	s.hist.push(step{name: "edit text",
		undo: func() error { return s.setDoc(id, oldText, oldAnns, oldOrphans) },
		redo: func() error { return s.setDoc(id, newText, placed, newOrphans) },
	})
	return EditReport{Placed: len(placed), Orphans: lost}, nil
}

// setDoc stores an article's text, annotations and orphans as one change
// and opens it as stored. Nothing changes when the storage refuses.
func (s *Session) setDoc(id, t string, as []annot.Annotation, os []annot.Orphan) error {
	if err := s.Lib.Update(id, store.Change{Text: &t, Annotations: &as, Orphans: &os}, s.now()); err != nil {
		return err
	}
	return s.reopen(id)
}

// reopen reads the open article again, keeping the history.
func (s *Session) reopen(id string) error {
	h := s.hist
	err := s.Open(id)
	s.hist = h
	return err
}

// PlaceOrphan labels start-end with orphan i's label and note and removes
// it from the orphans, as one step.
func (s *Session) PlaceOrphan(i, start, end int) error {
	d, err := s.open()
	if err != nil {
		return err
	}
	if i < 0 || i >= len(d.Orphans) {
		return fmt.Errorf("no orphan %d", i+1)
	}
	o := d.Orphans[i]
	a := annot.Annotation{Start: start, End: end, Label: o.Label, Note: o.Note, Text: d.X.Slice(start, end)}
	if err := a.Valid(d.X.Len()); err != nil {
		return err
	}
	a.ID = o.ID
	if _, taken := d.Set.Get(a.ID); taken || a.ID == "" {
		a.ID = annot.NewID()
	}
	beforeAnns, beforeOrph := d.Set.All(), d.Orphans
	afterAnns := append(d.Set.All(), a)
	annot.Sort(afterAnns)
	afterOrph := append(beforeOrph[:i:i], beforeOrph[i+1:]...)
	id := d.Meta.ID
	apply := func(as []annot.Annotation, os []annot.Orphan) error {
		if err := s.Lib.Update(id, store.Change{Annotations: &as, Orphans: &os}, s.now()); err != nil {
			return err
		}
		return s.reopen(id)
	}
	if err := apply(afterAnns, afterOrph); err != nil {
		return err
	}
	s.hist.push(step{name: "place orphan",
		undo: func() error { return apply(beforeAnns, beforeOrph) },
		redo: func() error { return apply(afterAnns, afterOrph) },
	})
	return nil
}

// DropOrphan removes orphan i, as one step.
func (s *Session) DropOrphan(i int) error {
	d, err := s.open()
	if err != nil {
		return err
	}
	if i < 0 || i >= len(d.Orphans) {
		return fmt.Errorf("no orphan %d", i+1)
	}
	before := d.Orphans
	after := append(before[:i:i], before[i+1:]...)
	id := d.Meta.ID
	if err := s.setOrphans(id, after); err != nil {
		return err
	}
	s.hist.push(step{name: "drop orphan",
		undo: func() error { return s.setOrphans(id, before) },
		redo: func() error { return s.setOrphans(id, after) },
	})
	return nil
}

func (s *Session) setOrphans(id string, os []annot.Orphan) error {
	if err := s.Lib.SaveOrphans(id, os, s.now()); err != nil {
		return err
	}
	if s.Doc != nil && s.Doc.Meta.ID == id {
		s.Doc.Orphans = os
	}
	return nil
}
