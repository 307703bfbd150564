package ui

import "testing"

func TestHistory(t *testing.T) {
	var h history
	v := 0
	set := func(n int) step {
		old := v
		v = n
		return step{name: "set", undo: func() { v = old }, redo: func() { v = n }}
	}
	h.push(set(1))
	h.push(set(2))
	if h.Undo() != "set" || v != 1 {
		t.Fatalf("after undo v = %d, want 1", v)
	}
	if h.Redo() != "set" || v != 2 {
		t.Fatalf("after redo v = %d, want 2", v)
	}
	h.Undo()
	h.push(set(5))
	if h.CanRedo() {
		t.Fatal("a new step must clear redo")
	}
	h.Undo()
	h.Undo()
	if v != 0 || h.CanUndo() || h.Undo() != "" {
		t.Fatalf("v = %d after undoing everything, want 0", v)
	}
}
