package ui

import (
	"testing"

	"gloss/app/annot"
	"gloss/app/entity"
)

// TestLabelForType maps the built-in types onto a label set by name, with
// synonyms, and to nothing when no label stands for a type.
func TestLabelForType(t *testing.T) {
	a := &App{labels: annot.Labels{{Name: "Person", Color: "#000000"}, {Name: "organisation", Color: "#000000"}, {Name: "Place", Color: "#000000"}}}
	f := &finder{a: a}
	for typ, want := range map[string]string{"PER": "Person", "ORG": "organisation", "LOC": "Place", "MISC": "", "": "", "Place": "Place"} {
		if got := f.labelForType(typ); got != want {
			t.Errorf("labelForType(%q) = %q, want %q", typ, got, want)
		}
	}
	a.labels = annot.DefaultLabels()
	if got := f.labelForType("misc"); got != "MISC" {
		t.Errorf("labelForType(misc) = %q with the default labels", got)
	}
	// Suggestions: a confident type maps; an unsure one is no suggestion;
	// a gazetteer entry's label maps too.
	if s := f.suggestion(entity.Entity{Type: "LOC", Confidence: 0.8, Source: entity.SourceCandidate}); s != "LOC" {
		t.Errorf("a confident LOC suggests %q", s)
	}
	if s := f.suggestion(entity.Entity{Type: "PER", Confidence: 0.2, Source: entity.SourceCandidate}); s != "" {
		t.Errorf("an unsure PER suggests %q", s)
	}
	if s := f.suggestion(entity.Entity{Label: "ORG", Source: entity.SourceGazetteer}); s != "ORG" {
		t.Errorf("a gazetteer ORG suggests %q", s)
	}
}
