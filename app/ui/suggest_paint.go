package ui

import (
	"slices"
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
	key     string       // suggestionKey when worked out: stale if it changed since
	colors  string       // JSON list of the colours, one per label and the unlabelled
	names   []string     // highlight names
	spans   [][][2]int   // per name, the code point spans
	triples [][]int32    // per name, [para, start16, end16] triples; nil until converted (tripleAt)
	doc     *session.Doc // the article the spans are in
}

// tripleAt returns the triples of the i-th name, converted from its spans
// on first use: a repaint after a label hands over only the names whose
// spans changed (applySuggestion), and converting the others' tens of
// thousands of spans was most of a label's time on a long article.
func (p *suggestionPaint) tripleAt(i int) []int32 {
	if p.triples[i] == nil && i < len(p.spans) {
		p.triples[i] = spans16(p.doc, p.spans[i])
	}
	return p.triples[i]
}

// suggestionKey is what the suggestions depend on besides the entities:
// the labels and their colours, and the person's annotations (a labelled
// mention is no longer suggested).
func (f *finder) suggestionKey(d *session.Doc) string {
	var b strings.Builder
	b.WriteString(labelsKey(f.a.labels))
	b.WriteString("\x01")
	for _, x := range d.Set.All() {
		b.WriteString(strconv.Itoa(x.Start) + "," + strconv.Itoa(x.End) + "," + x.Label + "\x00")
	}
	return b.String()
}

// suggestionsFor works out the suggestion highlights of ents over d. With
// pause (called between pieces of the work) their triples are converted
// at once, in the background build's slices; without, on first use.
func (f *finder) suggestionsFor(d *session.Doc, ents []entity.Entity, pause func()) *suggestionPaint {
	p := f.newSuggestionBase(d, ents, labelsKey(f.a.labels), pause).paint(f, d)
	if pause != nil {
		for i, s := range p.spans {
			p.triples[i] = spans16Paced(d, s, pause)
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
	f.applySuggestions(f.suggestionsNow(d))
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
// the first), unless the page holds it already: the same spans handed over
// since the article was last drawn (web/gloss.js remakes a highlight's
// ranges in a paragraph it redraws for a label).
func (f *finder) applySuggestion(p *suggestionPaint, i int) {
	a := f.a
	if a.doc() == nil || !app.IsClient || a.drawnDoc != a.doc().Meta.ID {
		return
	}
	if i == 0 {
		glossJS().Call("suggestionColors", p.colors)
	}
	if f.shown == nil || f.shownDraw != a.drawCount {
		f.shown, f.shownDraw = map[string][][2]int{}, a.drawCount
	}
	name := p.names[i]
	if i >= len(p.spans) {
		// Triples alone: what the page holds for name is not known after.
		delete(f.shown, name)
		a.highlightTriples(name, p.triples[i])
		return
	}
	if old, ok := f.shown[name]; ok && slices.Equal(old, p.spans[i]) {
		return
	}
	a.highlightTriples(name, p.tripleAt(i))
	f.shown[name] = p.spans[i]
}
