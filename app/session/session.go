// Package session is one person's work in one tab, below the screen: the
// library, the article open in it, and one history of the changes made to
// its text, its annotations and the library, each undoable. It imports and
// exports, edits the text keeping what cannot be placed as orphans, merges
// what another tab saved, and reports every change as a message to show.
//
// It never touches the DOM or go-app: app/ui draws what it holds and calls
// its actions. Every action saves at once; when the storage refuses a
// write the change is kept in the tab and the error (a *SaveError) says so.
package session

import (
	"errors"
	"fmt"
	"slices"

	"gloss/app/annot"
	"gloss/app/store"
	"gloss/app/text"
)

// Doc is the open article.
type Doc struct {
	Meta  store.Meta
	Text  string
	X     *text.Offsets // offsets of Text
	Paras []text.Span   // its paragraphs
	Set   *annot.Set    // its annotations
	// Orphans are annotations that could not be placed again after an
	// edit or an import; Kept are the lines of imported files kept
	// verbatim, by format. Both are stored with the article.
	Orphans []annot.Orphan
	Kept    map[string][]string
	// base is the annotations as last saved or loaded, for merging with
	// what another tab saved meanwhile.
	base  []annot.Annotation
	words []text.Span // built by Words
}

// Annotations returns a copy of the open article's annotations.
func (d *Doc) Annotations() []annot.Annotation { return d.Set.All() }

// Session holds the library, the open article and the history.
type Session struct {
	Lib *store.Library
	Doc *Doc // nil when no article is open
	// Unsaved is set while the open article's annotations could not be
	// stored (the storage refused the write); they are kept in the tab.
	Unsaved bool

	now    func() int64
	hist   history
	labels annot.Labels // set in this tab but refused by the storage
}

// New starts a session on lib; now gives the time of each change (unix
// ms), so tests control it.
func New(lib *store.Library, now func() int64) *Session {
	return &Session{Lib: lib, now: now}
}

// SaveError is returned when a change was made in the tab but the storage
// refused to keep it (full, blocked, read-only): what was stored before is
// intact.
type SaveError struct{ Err error }

func (e *SaveError) Error() string { return e.Err.Error() }
func (e *SaveError) Unwrap() error { return e.Err }

// ErrNoArticle is returned by the actions on the open article when none is.
var ErrNoArticle = errors.New("no article is open")

func newDoc(d store.Doc) *Doc {
	set := annot.NewSet(d.Annotations)
	return &Doc{Meta: d.Meta, Text: d.Text, X: text.NewOffsets(d.Text), Paras: text.Paragraphs(d.Text),
		Set: set, Orphans: d.Orphans, Kept: d.Kept, base: set.All()}
}

// Open reads an article and makes it the open one; the history starts
// afresh. A damaged annotations record still opens the article with what
// is readable and returns the error (wrapping store.ErrDamaged).
func (s *Session) Open(id string) error {
	d, err := s.Lib.Load(id)
	if err != nil && !errors.Is(err, store.ErrDamaged) {
		return err
	}
	s.Show(d)
	return err
}

// Show makes d the open article without reading it back from storage (it
// was just stored); the history starts afresh.
func (s *Session) Show(d store.Doc) {
	s.Doc = newDoc(d)
	s.Unsaved = false
	s.hist = history{}
}

// Close leaves no article open.
func (s *Session) Close() {
	s.Doc = nil
	s.hist = history{}
}

// Create stores a new article and opens it. When it cannot be stored the
// open article stays as it was.
func (s *Session) Create(d store.Doc) (store.Meta, error) {
	t := s.now()
	if d.Created == 0 {
		d.Created = t
	}
	if d.Updated == 0 {
		d.Updated = t
	}
	meta, err := s.Lib.Create(d)
	if err != nil {
		return meta, err
	}
	d.Meta = meta
	s.Show(d)
	return meta, nil
}

// save stores the open article's annotations, merging what another tab
// stored since they were read. A merge that changes them ends the history,
// whose steps no longer apply.
func (s *Session) save() error {
	d := s.Doc
	mine := d.Set.All()
	merged, err := s.Lib.MergeAnnotations(d.Meta.ID, d.base, mine, s.now())
	if err != nil {
		s.Unsaved = true
		return &SaveError{err}
	}
	s.Unsaved = false
	if !slices.Equal(merged, mine) {
		d.Set = annot.NewSet(merged)
		s.hist = history{}
	}
	d.base = merged
	if m, ok := s.Lib.Meta(d.Meta.ID); ok {
		d.Meta = m
	}
	return nil
}

func (s *Session) open() (*Doc, error) {
	if s.Doc == nil {
		return nil, ErrNoArticle
	}
	return s.Doc, nil
}

// Change runs f on the open article's annotations as one undoable step
// named name, then saves. It reports whether anything changed; an error of
// f changes nothing.
func (s *Session) Change(name string, f func(set *annot.Set) error) (bool, error) {
	d, err := s.open()
	if err != nil {
		return false, err
	}
	before := d.Set.All()
	if err := f(d.Set); err != nil {
		d.Set = annot.NewSet(before)
		return false, err
	}
	after := d.Set.All()
	if slices.Equal(before, after) {
		return false, nil // e.g. the same span and label again
	}
	id := d.Meta.ID
	set := func(as []annot.Annotation) error {
		if s.Doc == nil || s.Doc.Meta.ID != id {
			return ErrNoArticle
		}
		s.Doc.Set = annot.NewSet(as)
		return s.save()
	}
	s.hist.push(step{name: name, undo: func() error { return set(before) }, redo: func() error { return set(after) }})
	return true, s.save()
}

// Label adds an annotation over start-end (code points).
func (s *Session) Label(start, end int, label string) (annot.Annotation, error) {
	d, err := s.open()
	if err != nil {
		return annot.Annotation{}, err
	}
	var added annot.Annotation
	_, err = s.Change("label", func(set *annot.Set) error {
		var err error
		added, err = set.Add(annot.Annotation{Start: start, End: end, Label: label, Text: d.X.Slice(start, end)})
		return err
	})
	return added, err
}

// Relabel changes an annotation's label.
func (s *Session) Relabel(id, label string) error {
	_, err := s.Change("change label", func(set *annot.Set) error {
		return set.Update(id, func(x *annot.Annotation) { x.Label = label })
	})
	return err
}

// SetNote changes an annotation's note.
func (s *Session) SetNote(id, note string) error {
	_, err := s.Change("note", func(set *annot.Set) error {
		return set.Update(id, func(x *annot.Annotation) { x.Note = note })
	})
	return err
}

// Remove deletes annotations.
func (s *Session) Remove(ids ...string) error {
	_, err := s.Change("delete", func(set *annot.Set) error { return set.Remove(ids...) })
	return err
}

// Mention is a span proposed for labelling by annotate-all.
type Mention struct {
	Start, End int
	// Reject leaves the mention out: the person said no to it.
	Reject bool
}

// AnnotateAll labels the accepted mentions with label as one step and
// returns how many were added (those already labelled alike are skipped).
func (s *Session) AnnotateAll(label string, ms []Mention) (int, error) {
	d, err := s.open()
	if err != nil {
		return 0, err
	}
	var as []annot.Annotation
	for _, m := range ms {
		if !m.Reject {
			as = append(as, annot.Annotation{Start: m.Start, End: m.End, Label: label, Text: d.X.Slice(m.Start, m.End)})
		}
	}
	n := 0
	_, err = s.Change("annotate all", func(set *annot.Set) error {
		n = set.AddAll(as)
		return nil
	})
	return n, err
}

// Undo reverts the last step and returns its name ("" when there is none).
func (s *Session) Undo() (string, error) { return s.hist.undoStep() }

// Redo applies the last undone step again and returns its name.
func (s *Session) Redo() (string, error) { return s.hist.redoStep() }

// CanUndo reports whether there is a step to undo.
func (s *Session) CanUndo() bool { return len(s.hist.undo) > 0 }

// CanRedo reports whether there is an undone step to redo.
func (s *Session) CanRedo() bool { return len(s.hist.redo) > 0 }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Words returns the article's words (letter or digit tokens) for the
// reading caret, built on first use.
func (d *Doc) Words() []text.Span {
	if d.words == nil {
		all := text.Tokens(d.Text)
		d.words = make([]text.Span, 0, len(all))
		rs := []rune(d.Text)
		for _, t := range all {
			if r := rs[t.Start]; text.IsWordRune(r) {
				d.words = append(d.words, t)
			}
		}
	}
	return d.words
}
