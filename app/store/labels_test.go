package store

import (
	"testing"

	"gloss/app/annot"
)

// The listing knows each article's labels, through saves and a reopen.
func TestMetaLabels(t *testing.T) {
	mem := NewMemory()
	l, _, err := Open(mem)
	if err != nil {
		t.Fatal(err)
	}
	m, err := l.Create(Doc{Meta: Meta{Title: "a", Created: 1}, Text: "Ann in Rome", Annotations: []annot.Annotation{
		{ID: "x", Start: 7, End: 11, Label: "LOC"}, {ID: "y", Start: 0, End: 3, Label: "PER"}, {ID: "z", Start: 0, End: 3, Label: "LOC"}}})
	if err != nil {
		t.Fatal(err)
	}
	if m.Labels != "LOC\tPER" || !m.HasLabel("PER") || m.HasLabel("ORG") || m.HasLabel("") {
		t.Errorf("labels %q", m.Labels)
	}
	if err := l.SaveAnnotations(m.ID, []annot.Annotation{{ID: "w", Start: 0, End: 3, Label: "ORG"}}, 2); err != nil {
		t.Fatal(err)
	}
	l2, _, _ := Open(mem)
	if got, _ := l2.Meta(m.ID); got.Labels != "ORG" {
		t.Errorf("after save and reopen: %q", got.Labels)
	}
	if err := l2.SaveAnnotations(m.ID, nil, 3); err != nil {
		t.Fatal(err)
	}
	if got, _ := l2.Meta(m.ID); got.Labels != "" || got.HasLabel("ORG") {
		t.Errorf("no annotations: %q", got.Labels)
	}
}
