package store

import (
	"strings"
	"testing"

	"gloss/app/annot"
)

// countingBackend counts the reads of annotation records.
type countingBackend struct {
	*Memory
	annReads int
}

func (c *countingBackend) Get(key string) (string, bool, error) {
	if strings.Contains(key, "/ann") {
		c.annReads++
	}
	return c.Memory.Get(key)
}

func TestMergeAnnotationsSkipsOwnWrite(t *testing.T) {
	b := &countingBackend{Memory: NewMemory()}
	lib, _, err := Open(b)
	if err != nil {
		t.Fatal(err)
	}
	m, err := lib.Create(Doc{Meta: Meta{Title: "t"}, Text: "Paris and Moscow"})
	if err != nil {
		t.Fatal(err)
	}
	d, err := lib.Load(m.ID)
	if err != nil {
		t.Fatal(err)
	}
	base := d.Annotations
	mine := []annot.Annotation{{ID: "a1", Start: 0, End: 5, Label: "LOC", Text: "Paris"}}
	b.annReads = 0
	got, err := lib.MergeAnnotations(m.ID, base, mine, 2)
	if err != nil || len(got) != 1 {
		t.Fatalf("merge = %v, %v", got, err)
	}
	if b.annReads != 0 {
		t.Errorf("%d annotation reads for a save nobody else raced, want 0", b.annReads)
	}

	// Another tab (another Library on the same storage) adds one: the next
	// merge must read it and keep both.
	other, _, _ := Open(b.Memory)
	od, _ := other.Load(m.ID)
	theirs := append(od.Annotations, annot.Annotation{ID: "b1", Start: 10, End: 16, Label: "LOC", Text: "Moscow"})
	if err := other.SaveAnnotations(m.ID, theirs, 3); err != nil {
		t.Fatal(err)
	}
	mine2 := append(append([]annot.Annotation(nil), got...), annot.Annotation{ID: "a2", Start: 6, End: 9, Label: "MISC", Text: "and"})
	merged, err := lib.MergeAnnotations(m.ID, got, mine2, 4)
	if err != nil {
		t.Fatal(err)
	}
	if len(merged) != 3 {
		t.Fatalf("merged %v, want a1, a2 and the other tab's b1", merged)
	}
}
