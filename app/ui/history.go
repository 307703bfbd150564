package ui

// history is the app's undo/redo: every change a person makes pushes a step.
// Annotation steps delegate to annot.Set's own history so both stay in step.
type history struct {
	undo, redo []step
}

type step struct {
	name       string
	undo, redo func()
}

func (h *history) push(s step) {
	h.undo = append(h.undo, s)
	h.redo = nil
}

// Undo reverts the last step and returns its name ("" if none).
func (h *history) Undo() string {
	if len(h.undo) == 0 {
		return ""
	}
	s := h.undo[len(h.undo)-1]
	h.undo = h.undo[:len(h.undo)-1]
	s.undo()
	h.redo = append(h.redo, s)
	return s.name
}

// Redo applies the last undone step again and returns its name.
func (h *history) Redo() string {
	if len(h.redo) == 0 {
		return ""
	}
	s := h.redo[len(h.redo)-1]
	h.redo = h.redo[:len(h.redo)-1]
	s.redo()
	h.undo = append(h.undo, s)
	return s.name
}

func (h *history) CanUndo() bool { return len(h.undo) > 0 }
func (h *history) CanRedo() bool { return len(h.redo) > 0 }
