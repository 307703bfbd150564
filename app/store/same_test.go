package store

import (
	"hash/fnv"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"gloss/app/annot"
)

func TestWithText(t *testing.T) {
	l := mustOpen(t, NewMemory())
	a, err := l.Create(Doc{Meta: Meta{Title: "A", Created: 1}, Text: "Ada met Bob."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Create(Doc{Meta: Meta{Title: "B", Created: 2}, Text: "Ada met Bo!."}); err != nil { // same length, other text
		t.Fatal(err)
	}
	if m, ok := l.WithText("Ada met Bob."); !ok || m.ID != a.ID {
		t.Errorf("WithText found %+v, %v; want %s", m, ok, a.ID)
	}
	// The article of the same length but another text is not read.
	var gets []string
	l.b = &getLog{Backend: l.b, keys: &gets}
	l.WithText("Ada met Bob.")
	for _, k := range gets {
		if id, ok := DocOf(k); ok && id != a.ID {
			t.Errorf("WithText read %s", k)
		}
	}
	for _, s := range []string{"Ada met Bob", "Ada met Bob. ", "ada met bob.", ""} {
		if m, ok := l.WithText(s); ok {
			t.Errorf("WithText(%q) found %+v", s, m)
		}
	}
}

func TestAddAnnotations(t *testing.T) {
	l := mustOpen(t, NewMemory())
	d := sampleDoc()
	m, err := l.Create(d)
	if err != nil {
		t.Fatal(err)
	}
	theirs := []annot.Annotation{
		{ID: "a1", Start: 0, End: 12, Label: "PER", Text: "Zoë Ångström"}, // held already
		{ID: "x", Start: 19, End: 23, Label: "PER", Text: "ACME"},         // same span, other label: added
		{ID: "a2", Start: 17, End: 18, Label: "MISC", Text: "👋"},          // id taken: renamed
	}
	added, before, err := l.AddAnnotations(m.ID, theirs, 9)
	if err != nil || added != 2 || !reflect.DeepEqual(before, d.Annotations) {
		t.Fatalf("added %d, %v, before %+v", added, err, before)
	}
	got, _ := l.Load(m.ID)
	if len(got.Annotations) != 5 || got.Annotations[4].ID == "a2" || got.Annotations[4].Label != "MISC" || got.Updated != 9 {
		t.Fatalf("%+v", got)
	}
	if added, _, err := l.AddAnnotations(m.ID, theirs, 10); err != nil || added != 0 {
		t.Fatalf("again: %d %v", added, err)
	}
	if got, _ := l.Load(m.ID); got.Updated != 9 {
		t.Fatal("nothing to add, yet written")
	}
}

// textSum is hash/fnv's FNV-1a of the text, which listings written before
// it was computed in parts hold: across its parts' bounds too.
func TestTextSumIsFNV(t *testing.T) {
	long := strings.Repeat("Ada met Bob in Zürich. ", 9000) // > 64 KB
	for _, s := range []string{"", "a", "Ada met Bob.", "日本😀\xff", long, long[:65536], long[:65537]} {
		h := fnv.New64a()
		h.Write([]byte(s))
		if got, want := textSum(s), strconv.FormatUint(h.Sum64(), 16); got != want {
			t.Errorf("textSum(%d bytes) = %s, want %s", len(s), got, want)
		}
	}
}

// The text kept by textFacts answers only for the same string: another
// text of the same length gets its own count and sum.
func TestTextFactsKeptForTheSameText(t *testing.T) {
	l := mustOpen(t, NewMemory())
	a := strings.Repeat("Ada met Bob. ", 100)
	b := strings.Repeat("Ada met Bo!. ", 99) + "Adé met Bob."
	for _, s := range []string{a, a, b, b[:len(b)-1] + "x", a} {
		n, sum := l.textFacts(s)
		if n != utf8.RuneCountInString(s) || sum != textSum(s) {
			t.Errorf("textFacts(%.20q...) = %d, %s; want %d, %s", s, n, sum, utf8.RuneCountInString(s), textSum(s))
		}
	}
}
