package ui

import (
	"testing"

	"gloss/app/format"
)

// Every export has a file name of its own that says the format.
func TestExportKindsDistinct(t *testing.T) {
	seen := map[string]string{}
	for _, f := range format.All() {
		k := exportKind(f.Name(), f.Ext())
		if other, ok := seen[k.suffix]; ok {
			t.Errorf("%s and %s both save as *%s", f.Name(), other, k.suffix)
		}
		seen[k.suffix] = f.Name()
		if k.menu == "" {
			t.Errorf("%s has no menu name", f.Name())
		}
	}
	for name, want := range map[string]string{"brat": ".brat.zip", "jsonl": ".doccano.jsonl", "spacy": ".spacy.jsonl", "conll": ".iob2.conll", "bilou": ".bilou.conll"} {
		f, _ := format.ByName(name)
		if got := exportKind(f.Name(), f.Ext()).suffix; got != want {
			t.Errorf("%s saves as *%s, want *%s", name, got, want)
		}
	}
}
