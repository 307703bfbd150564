package ui

import (
	"strconv"
	"strings"

	"gloss/app/annot"
	"gloss/app/entity"
	"gloss/app/session"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Suggestions are underlined through CSS highlights, one per label and kind:
// gazetteer names dotted (gloss-s…), typed suggestions dashed (gloss-t…). A
// long article has a few hundred thousand suggested mentions; turning them
// into paragraph offsets takes a few hundred milliseconds in wasm, so a
// background build works them out in its slices (suggestionsFor with the
// build's pause) and the install only hands them to the page.

// suggestionPaint is the suggestion highlights of one set of entities over
// one article, ready for web/gloss.js.
type suggestionPaint struct {
	key     string    // suggestionKey when worked out: stale if it changed since
	colors  string    // JSON list of the colours, one per label and the unlabelled
	names   []string  // highlight names
	triples [][]int32 // per name, [para, start16, end16] triples
}

// suggestionKey is what the suggestions depend on besides the entities:
// the labels and their colours, and the person's annotations (a labelled
// mention is no longer suggested).
func (f *finder) suggestionKey(d *session.Doc) string {
	var b strings.Builder
	for _, l := range f.a.labels {
		b.WriteString(l.Name + "\x00" + l.Color + "\x00")
	}
	b.WriteString("\x01")
	for _, x := range d.Set.All() {
		b.WriteString(strconv.Itoa(x.Start) + "," + strconv.Itoa(x.End) + "," + x.Label + "\x00")
	}
	return b.String()
}

// suggestionsFor works out the suggestion highlights of ents over d, calling
// pause (if not nil) between pieces of the work.
func (f *finder) suggestionsFor(d *session.Doc, ents []entity.Entity, pause func()) *suggestionPaint {
	a := f.a
	p := &suggestionPaint{key: f.suggestionKey(d)}
	labels := a.labels
	byLabel := make([][][2]int, len(labels)+1)
	typed := make([][][2]int, len(labels)+1)
	// The person's annotations, to leave out the mentions they labelled so
	// (a set: a long article has a few hundred thousand mentions).
	type labelled struct {
		start, end int
		label      string
	}
	done := map[labelled]bool{}
	for _, x := range d.Set.All() {
		done[labelled{x.Start, x.End, x.Label}] = true
	}
	for k, e := range ents {
		if pause != nil && k%256 == 0 {
			pause()
		}
		l := f.suggestion(e)
		if l == "" {
			continue
		}
		i := labels.Index(l)
		if i < 0 {
			i = len(labels)
		}
		if e.Source == entity.SourceGazetteer {
			for _, m := range e.Mentions {
				byLabel[i] = append(byLabel[i], [2]int{m.Start, m.End})
			}
			continue
		}
		for _, m := range e.Mentions {
			if done[labelled{m.Start, m.End, l}] {
				continue
			}
			typed[i] = append(typed[i], [2]int{m.Start, m.End})
		}
	}
	p.colors = suggestionColors(labels)
	for i := range byLabel {
		for _, kind := range []struct {
			name  string
			spans [][2]int
		}{{"gloss-s" + strconv.Itoa(i), byLabel[i]}, {"gloss-t" + strconv.Itoa(i), typed[i]}} {
			p.names = append(p.names, kind.name)
			p.triples = append(p.triples, spans16Paced(d, kind.spans, pause))
		}
	}
	return p
}

// suggestionColors is the JSON list of the suggestion highlights
// colours: one per label, then grey for the unlabelled. It is written by
// hand: every start with an article open makes it in its first draw, and
// encoding/json's encoder, with the reflection it builds encoders with,
// was compiled and run before the first paint for this list alone. Label
// colours are #rrggbb (annot.CheckColor): one that is not, which needs no
// escaping then, is written as "", which web/gloss.js skips as it did it.
func suggestionColors(labels annot.Labels) string {
	b := make([]byte, 0, 2+10*(len(labels)+1))
	b = append(b, '[')
	for i := 0; i <= len(labels); i++ {
		c := "#868e96"
		if i < len(labels) {
			if c = labels[i].Color; annot.CheckColor(c) != nil {
				c = ""
			}
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = append(append(append(b, '"'), c...), '"')
	}
	return string(append(b, ']'))
}

// paintSuggestions underlines every suggested mention in its label's
// colour; a typed suggestion already labelled so is left to its label.
func (f *finder) paintSuggestions() {
	d := f.a.doc()
	if d == nil || !app.IsClient {
		return
	}
	f.applySuggestions(f.suggestionsFor(d, f.ents, nil))
}

// applySuggestions hands worked-out suggestion highlights to the page,
// instead of any a staged install has yet to apply.
func (f *finder) applySuggestions(p *suggestionPaint) {
	f.dropStagedPaint()
	for i := range p.names {
		f.applySuggestion(p, i)
	}
}

// applySuggestion hands the page p's i-th highlight (with the colours, for
// the first).
func (f *finder) applySuggestion(p *suggestionPaint, i int) {
	a := f.a
	if a.doc() == nil || !app.IsClient || a.drawnDoc != a.doc().Meta.ID {
		return
	}
	if i == 0 {
		glossJS().Call("suggestionColors", p.colors)
	}
	a.highlightTriples(p.names[i], p.triples[i])
}
