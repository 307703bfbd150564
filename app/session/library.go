package session

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"gloss/app/annot"
	"gloss/app/store"
)

// Rename changes an article's title as one step.
func (s *Session) Rename(id, title string) error {
	title = strings.TrimSpace(title)
	m, ok := s.Lib.Meta(id)
	if !ok {
		return fmt.Errorf("store: article %q: %w", id, store.ErrNotFound)
	}
	if title == "" || title == m.Title {
		return nil
	}
	old := m.Title
	apply := func(t string) error {
		if err := s.Lib.Rename(id, t, s.now()); err != nil {
			return err
		}
		if s.Doc != nil && s.Doc.Meta.ID == id {
			s.Doc.Meta.Title = t
		}
		return nil
	}
	if err := apply(title); err != nil {
		return err
	}
	s.hist.push(step{name: "rename", undo: func() error { return apply(old) }, redo: func() error { return apply(title) }})
	return nil
}

// SetStatus changes an article's status (to do, in progress, done) as one
// step.
func (s *Session) SetStatus(id string, st store.Status) error {
	m, ok := s.Lib.Meta(id)
	if !ok {
		return fmt.Errorf("store: article %q: %w", id, store.ErrNotFound)
	}
	if m.Status == st {
		return nil
	}
	old := m.Status
	apply := func(v store.Status) error {
		if err := s.Lib.SetStatus(id, v, s.now()); err != nil {
			return err
		}
		if s.Doc != nil && s.Doc.Meta.ID == id {
			s.Doc.Meta.Status = v
		}
		return nil
	}
	if err := apply(st); err != nil {
		return err
	}
	s.hist.push(step{name: "status", undo: func() error { return apply(old) }, redo: func() error { return apply(st) }})
	return nil
}

// Delete removes an article with all that belongs to it, as one step: undo
// puts it back whole. It reports whether the article was the open one (now
// closed). A damaged text is kept aside and the error (wrapping
// store.ErrDamaged) says undo cannot bring it back.
func (s *Session) Delete(id string) (store.Doc, bool, error) {
	d, err := s.Lib.Delete(id)
	if err != nil && !errors.Is(err, store.ErrDamaged) {
		return d, false, err
	}
	wasOpen := s.Doc != nil && s.Doc.Meta.ID == id
	if wasOpen {
		s.Doc = nil
	}
	restore := func() error {
		if err := s.Lib.Restore(d); err != nil {
			return err
		}
		if wasOpen {
			return s.reopen(d.ID)
		}
		return nil
	}
	remove := func() error {
		if _, err := s.Lib.Delete(id); err != nil && !errors.Is(err, store.ErrDamaged) {
			return err
		}
		if s.Doc != nil && s.Doc.Meta.ID == id {
			s.Doc = nil
		}
		return nil
	}
	s.hist.push(step{name: "delete article", undo: restore, redo: remove})
	return d, wasOpen, err
}

// RestoreBackup restores a backup file by identity (store.RestoreBackup)
// and reads the open article again; the message says what was added,
// merged and skipped.
func (s *Session) RestoreBackup(name string, data []byte) (string, error) {
	rep, err := s.Lib.RestoreBackup(data)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	if s.Doc != nil {
		s.reopen(s.Doc.Meta.ID)
	}
	return fmt.Sprintf("Restored from %s: %s.", name, rep), nil
}

// Reload applies what another tab stored (the browser's storage event):
// the open article is read again when its text changed or it was deleted
// (Doc is then nil), and its annotations are merged with this tab's when
// only they changed. It returns what changed.
func (s *Session) Reload() (store.Changes, []store.Problem, error) {
	ch, probs := s.Lib.Reload()
	d := s.Doc
	if d == nil {
		return ch, probs, nil
	}
	if _, ok := s.Lib.Meta(d.Meta.ID); !ok {
		s.Close()
		return ch, probs, nil
	}
	for _, id := range ch.Docs {
		if id != d.Meta.ID {
			continue
		}
		fresh, err := s.Lib.Load(id)
		if err != nil && !errors.Is(err, store.ErrDamaged) {
			return ch, probs, err
		}
		if fresh.Text != d.Text {
			s.Show(fresh)
			return ch, probs, nil
		}
		merged := annot.Merge(d.base, d.Set.All(), fresh.Annotations)
		d.Set = annot.NewSet(merged)
		d.base = fresh.Annotations
		d.Meta, d.Orphans, d.Kept = fresh.Meta, fresh.Orphans, fresh.Kept
		s.hist = history{}
		if !slices.Equal(merged, fresh.Annotations) {
			if err := s.save(); err != nil {
				return ch, probs, err
			}
		}
	}
	return ch, probs, nil
}
