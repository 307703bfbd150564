package ui

import (
	"encoding/json"
	"reflect"
	"testing"

	"gloss/app/annot"
	"gloss/app/entity"
	"gloss/app/session"
	"gloss/app/text"
)

// docOf is an open article of txt with no annotation, as the session
// makes it.
func docOf(txt string) *session.Doc {
	return &session.Doc{Text: txt, X: text.NewOffsets(txt), Paras: text.Paragraphs(txt), Set: &annot.Set{}}
}

// TestSuggestionsFor: suggestion highlights come out as [para, start16,
// end16] triples per highlight name, a labelled mention left out, the same
// with and without pauses; the key changes when an annotation is added, so
// that a result worked out in the background is not used stale.
func TestSuggestionsFor(t *testing.T) {
	txt := "First 😀 paragraph.\n\nAda 😀 Lovelace met Ada."
	d := docOf(txt)
	at := func(s string, from int) text.Span {
		r := []rune(txt)
		for i := from; i+len([]rune(s)) <= len(r); i++ {
			if string(r[i:i+len([]rune(s))]) == s {
				return text.Span{Start: i, End: i + len([]rune(s))}
			}
		}
		t.Fatalf("%q not in the text", s)
		return text.Span{}
	}
	ada1, ada2 := at("Ada", 0), at("Ada", 25)
	ents := []entity.Entity{
		{Key: "ada", Name: "Ada", Type: entity.TypePER, Confidence: 0.9, Source: entity.SourceCandidate, Mentions: []text.Span{ada1, ada2}},
		{Key: "first", Name: "First", Type: entity.TypeORG, Confidence: 0.1, Source: entity.SourceCandidate, Mentions: []text.Span{at("First", 0)}},
	}
	a := &App{labels: annot.DefaultLabels()}
	f := &finder{a: a}
	per := a.labels.Index("PER")
	name := "gloss-t" + string(rune('0'+per))
	get := func(p *suggestionPaint) []int32 {
		for i, n := range p.names {
			if n == name {
				return p.tripleAt(i)
			}
		}
		t.Fatalf("no highlight %s in %v", name, p.names)
		return nil
	}
	pauses := 0
	paced := f.suggestionsFor(d, ents, func() { pauses++ })
	at16 := func(s text.Span) []int32 {
		base := d.X.UTF16(d.Paras[1].Start)
		return []int32{1, int32(d.X.UTF16(s.Start) - base), int32(d.X.UTF16(s.End) - base)}
	}
	want := append(at16(ada1), at16(ada2)...)
	if got := get(paced); !reflect.DeepEqual(got, want) {
		t.Errorf("PER triples %v, want %v", got, want)
	}
	if pauses == 0 {
		t.Error("never paused")
	}
	for i, n := range paced.names {
		if n != name && len(paced.triples[i]) > 0 {
			t.Errorf("%s holds %v: only PER is suggested", n, paced.triples[i])
		}
	}
	// Without pauses the triples are converted on first use, to the same.
	now := f.suggestionsFor(d, ents, nil)
	for i := range now.names {
		if now.triples[i] != nil {
			t.Fatalf("%s converted before use", now.names[i])
		}
		now.tripleAt(i)
	}
	if !reflect.DeepEqual(now, paced) {
		t.Error("paced and unpaced results differ")
	}
	if _, err := d.Set.Add(annot.Annotation{Start: ada2.Start, End: ada2.End, Label: "PER", Text: "Ada"}); err != nil {
		t.Fatal(err)
	}
	if f.suggestionKey(d) == paced.key {
		t.Error("the key did not change with a new annotation")
	}
	if got := get(f.suggestionsFor(d, ents, nil)); !reflect.DeepEqual(got, at16(ada1)) {
		t.Errorf("after labelling the second Ada: %v, want %v", got, at16(ada1))
	}
}

// TestSuggestionColors: the colours' list is what encoding/json made of it
// (web/gloss.js parses it), one per label then the unlabelled grey; a
// colour that is not #rrggbb, which the page would skip, is written as ""
// (no escaping needed).
func TestSuggestionColors(t *testing.T) {
	labels := annot.DefaultLabels()
	colors := make([]string, 0, len(labels)+1)
	for _, l := range labels {
		colors = append(colors, l.Color)
	}
	want, _ := json.Marshal(append(colors, "#868e96"))
	if got := suggestionColors(labels); got != string(want) {
		t.Errorf("suggestionColors(default labels) = %s, want %s", got, want)
	}
	if got := suggestionColors(nil); got != `["#868e96"]` {
		t.Errorf("no labels: %s", got)
	}
	odd := annot.Labels{{Name: "PER", Color: "#12ab9F"}, {Name: "X", Color: `red"];alert(1)//`}, {Name: "Y", Color: "#12345"}}
	if got, want := suggestionColors(odd), `["#12ab9F","","","#868e96"]`; got != want {
		t.Errorf("suggestionColors(%v) = %s, want %s", odd, got, want)
	}
	var parsed []string
	if err := json.Unmarshal([]byte(suggestionColors(odd)), &parsed); err != nil || len(parsed) != 4 {
		t.Errorf("not a JSON list of 4 strings: %v %v", parsed, err)
	}
}
