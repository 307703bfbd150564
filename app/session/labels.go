package session

import (
	"slices"
	"strings"

	"gloss/app/annot"
)

// Labels returns the label set in use: the library's, or the last set
// made in this tab when the storage refused it.
func (s *Session) Labels() annot.Labels {
	if s.labels != nil {
		return s.labels
	}
	return s.Lib.Labels()
}

// SetLabels makes ls the label set as one step named name. When the
// storage refuses, the set is used in this tab and the error (a
// *SaveError) says it was not kept.
func (s *Session) SetLabels(ls annot.Labels, name string) error {
	old := s.Labels()
	if err := s.applyLabels(ls); err != nil {
		return err
	}
	s.hist.push(step{name: name, undo: func() error { return s.applyLabels(old) }, redo: func() error { return s.applyLabels(ls) }})
	return nil
}

func (s *Session) applyLabels(ls annot.Labels) error {
	s.labels = ls
	if err := s.Lib.SaveLabels(ls); err != nil {
		return &SaveError{err}
	}
	s.labels = nil
	return nil
}

// RenameLabel renames a label, and the open article's annotations with it,
// as one step. It returns the new name as stored (trimmed).
func (s *Session) RenameLabel(from, to string) (string, error) {
	ls, err := s.Labels().Rename(from, to)
	if err != nil {
		return "", err
	}
	to = ls[ls.Index(strings.TrimSpace(to))].Name
	old := s.Labels()
	var before, after []annot.Annotation
	id := ""
	if d := s.Doc; d != nil {
		id = d.Meta.ID
		before = d.Set.All()
		set := annot.NewSet(before)
		set.RenameLabel(from, to)
		after = set.All()
	}
	apply := func(ls annot.Labels, as []annot.Annotation) error {
		lerr := s.applyLabels(ls)
		if id != "" && s.Doc != nil && s.Doc.Meta.ID == id && !slices.Equal(s.Doc.Set.All(), as) {
			s.Doc.Set = annot.NewSet(as)
			if err := s.save(); err != nil {
				return err
			}
		}
		return lerr
	}
	err = apply(ls, after)
	if err != nil && !moved(err) {
		return "", err
	}
	s.hist.push(step{name: "rename label", undo: func() error { return apply(old, before) }, redo: func() error { return apply(ls, after) }})
	return to, err
}
