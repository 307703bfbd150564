package annot

import "fmt"

// Set is the annotations of one article with their undo history. The zero
// value is an empty set; it is not safe for concurrent use.
type Set struct {
	items []Annotation // sorted with Less
	undo  []change
	redo  []change
	// NewID makes IDs for added annotations; nil means the package's NewID.
	NewID func() string
}

// change replaces the annotations Before (matched by ID) with After.
// Undo applies it backwards.
type change struct {
	before, after []Annotation
}

// NewSet returns a set holding as, with an empty history.
func NewSet(as []Annotation) *Set {
	s := &Set{items: append([]Annotation(nil), as...)}
	Sort(s.items)
	return s
}

// All returns a copy of the annotations in order.
func (s *Set) All() []Annotation { return append([]Annotation(nil), s.items...) }

// Len is the number of annotations.
func (s *Set) Len() int { return len(s.items) }

// Get returns the annotation with the given ID.
func (s *Set) Get(id string) (Annotation, bool) {
	for _, a := range s.items {
		if a.ID == id {
			return a, true
		}
	}
	return Annotation{}, false
}

// Find returns the annotation with exactly this span and label, if any.
func (s *Set) Find(start, end int, label string) (Annotation, bool) {
	for _, a := range s.items {
		if a.Start == start && a.End == end && a.Label == label {
			return a, true
		}
	}
	return Annotation{}, false
}

// At returns the annotations covering code point offset i.
func (s *Set) At(i int) []Annotation {
	var out []Annotation
	for _, a := range s.items {
		if a.Start > i {
			break
		}
		if i < a.End {
			out = append(out, a)
		}
	}
	return out
}

func (s *Set) id() string {
	if s.NewID != nil {
		return s.NewID()
	}
	return NewID()
}

// Add adds a as one undoable change and returns it with its ID. A span that
// already carries the same label is not added twice: the existing one is
// returned.
func (s *Set) Add(a Annotation) (Annotation, error) {
	if a.Start >= a.End || a.Start < 0 || a.Label == "" {
		return Annotation{}, fmt.Errorf("cannot add span %d-%d labelled %q", a.Start, a.End, a.Label)
	}
	if old, ok := s.Find(a.Start, a.End, a.Label); ok {
		return old, nil
	}
	if a.ID == "" {
		a.ID = s.id()
	}
	s.do(change{after: []Annotation{a}})
	return a, nil
}

// AddAll adds every annotation as one undoable change (annotate all), skipping
// spans that already carry the same label. It returns how many were added.
func (s *Set) AddAll(as []Annotation) int {
	var after []Annotation
	seen := map[[2]int]map[string]bool{}
	for _, a := range as {
		if a.Start >= a.End || a.Start < 0 || a.Label == "" {
			continue
		}
		if _, ok := s.Find(a.Start, a.End, a.Label); ok {
			continue
		}
		k := [2]int{a.Start, a.End}
		if seen[k][a.Label] {
			continue
		}
		if seen[k] == nil {
			seen[k] = map[string]bool{}
		}
		seen[k][a.Label] = true
		if a.ID == "" {
			a.ID = s.id()
		}
		after = append(after, a)
	}
	if len(after) > 0 {
		s.do(change{after: after})
	}
	return len(after)
}

// Update changes the annotation with the given ID through edit, as one
// undoable change. The span may not be moved to an invalid position.
func (s *Set) Update(id string, edit func(*Annotation)) error {
	old, ok := s.Get(id)
	if !ok {
		return ErrNotFound
	}
	a := old
	edit(&a)
	a.ID = id
	if a.Start >= a.End || a.Start < 0 || a.Label == "" {
		return fmt.Errorf("cannot change span to %d-%d labelled %q", a.Start, a.End, a.Label)
	}
	if a == old {
		return nil
	}
	s.do(change{before: []Annotation{old}, after: []Annotation{a}})
	return nil
}

// Remove deletes the annotations with the given IDs as one undoable change.
func (s *Set) Remove(ids ...string) error {
	var before []Annotation
	for _, id := range ids {
		a, ok := s.Get(id)
		if !ok {
			return ErrNotFound
		}
		before = append(before, a)
	}
	if len(before) > 0 {
		s.do(change{before: before})
	}
	return nil
}

// RenameLabel gives every annotation labelled from the label to instead, as
// one undoable change, and returns how many changed.
func (s *Set) RenameLabel(from, to string) int {
	var c change
	for _, a := range s.items {
		if a.Label == from {
			c.before = append(c.before, a)
			a.Label = to
			c.after = append(c.after, a)
		}
	}
	if len(c.after) > 0 {
		s.do(c)
	}
	return len(c.after)
}

// Replace swaps the whole set for as, as one undoable change (an import, or
// a merge with another tab's edits).
func (s *Set) Replace(as []Annotation) {
	c := change{before: s.All(), after: append([]Annotation(nil), as...)}
	s.do(c)
}

// CanUndo reports whether there is a change to undo.
func (s *Set) CanUndo() bool { return len(s.undo) > 0 }

// CanRedo reports whether there is an undone change to redo.
func (s *Set) CanRedo() bool { return len(s.redo) > 0 }

// Undo reverts the last change and reports whether there was one.
func (s *Set) Undo() bool {
	if len(s.undo) == 0 {
		return false
	}
	c := s.undo[len(s.undo)-1]
	s.undo = s.undo[:len(s.undo)-1]
	s.apply(change{before: c.after, after: c.before})
	s.redo = append(s.redo, c)
	return true
}

// Redo applies the last undone change again and reports whether there was one.
func (s *Set) Redo() bool {
	if len(s.redo) == 0 {
		return false
	}
	c := s.redo[len(s.redo)-1]
	s.redo = s.redo[:len(s.redo)-1]
	s.apply(c)
	s.undo = append(s.undo, c)
	return true
}

func (s *Set) do(c change) {
	s.apply(c)
	s.undo = append(s.undo, c)
	s.redo = nil
}

func (s *Set) apply(c change) {
	drop := make(map[string]bool, len(c.before))
	for _, a := range c.before {
		drop[a.ID] = true
	}
	kept := s.items[:0:0]
	for _, a := range s.items {
		if !drop[a.ID] {
			kept = append(kept, a)
		}
	}
	kept = append(kept, c.after...)
	Sort(kept)
	s.items = kept
}
