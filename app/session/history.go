package session

import "errors"

// history is the session's one undo/redo: every change to the text, the
// annotations or the library pushes a step that knows how to revert and
// redo itself.
type history struct {
	undo, redo []step
}

type step struct {
	name       string
	undo, redo func() error
}

func (h *history) push(s step) {
	h.undo = append(h.undo, s)
	h.redo = nil
}

// moved reports whether a step's undo or redo took effect: it did unless it
// failed before changing anything (a SaveError means it changed the tab
// but the storage refused to keep it).
func moved(err error) bool {
	var se *SaveError
	return err == nil || errors.As(err, &se)
}

// undoStep reverts the last step and returns its name ("" when none).
func (h *history) undoStep() (string, error) {
	if len(h.undo) == 0 {
		return "", nil
	}
	s := h.undo[len(h.undo)-1]
	err := s.undo()
	if moved(err) {
		h.undo = h.undo[:len(h.undo)-1]
		h.redo = append(h.redo, s)
	}
	return s.name, err
}

// redoStep applies the last undone step again and returns its name.
func (h *history) redoStep() (string, error) {
	if len(h.redo) == 0 {
		return "", nil
	}
	s := h.redo[len(h.redo)-1]
	err := s.redo()
	if moved(err) {
		h.redo = h.redo[:len(h.redo)-1]
		h.undo = append(h.undo, s)
	}
	return s.name, err
}
