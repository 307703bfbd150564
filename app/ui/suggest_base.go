package ui

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"gloss/app/annot"
	"gloss/app/entity"
	"gloss/app/session"
)

// A label changes the suggestions of one label only: the mention it
// labels is no longer suggested so. Working every suggestion out again at
// each label went through all of a long article's mentions (a few hundred
// thousand on 5 MB). suggestionBase keeps the suggestions of one set of
// entities before the person's annotations take any out, and the last
// spans it gave each label with the annotations that took them out: a
// repaint then filters again only the labels whose annotations changed.

// suggestionBase is the suggestion spans of one set of entities over one
// article under one set of labels, by label (the index in the labels), as
// suggestionsFor makes them but with no annotation left out.
type suggestionBase struct {
	ents   *entity.Entity // the entities (their slice's first element) and how many
	nents  int
	text   *byte  // the article's text
	labels string // labelsKey of the labels
	// byLabel: the gazetteer's names, by label; typed: the typed
	// suggestions, by label, before the annotations take any out.
	byLabel, typed [][][2]int
	// Per label, the annotated spans the last repaint left out of typed
	// (sorted), and what it kept; known: worked out.
	lastAnn, lastTyped [][][2]int
	known              []bool
}

// labelsKey is what the suggestions depend on of the labels.
func labelsKey(labels annot.Labels) string {
	var b strings.Builder
	for _, l := range labels {
		b.WriteString(l.Name + "\x00" + l.Color + "\x00")
	}
	return b.String()
}

// suggestionsNow is suggestionsFor(d, f.ents, nil), worked out from the
// finder's suggestionBase, made anew when the entities, the article or
// the labels changed.
func (f *finder) suggestionsNow(d *session.Doc) *suggestionPaint {
	b, key := f.sugBase, labelsKey(f.a.labels)
	if b == nil || b.ents != unsafe.SliceData(f.ents) || b.nents != len(f.ents) || b.text != unsafe.StringData(d.Text) || b.labels != key {
		b = f.newSuggestionBase(d, f.ents, key, nil)
		f.sugBase = b
	}
	return b.paint(f, d)
}

// newSuggestionBase works out the suggestions of ents over d under the
// labels of key, with no annotation left out, calling pause (if not nil)
// between pieces of the work. A suggestion's label is one of the labels
// (labelForType returns one of their names); one that were not would go
// with the unlabelled, last.
func (f *finder) newSuggestionBase(d *session.Doc, ents []entity.Entity, key string, pause func()) *suggestionBase {
	labels := f.a.labels
	n := len(labels) + 1
	b := &suggestionBase{ents: unsafe.SliceData(ents), nents: len(ents), text: unsafe.StringData(d.Text), labels: key,
		byLabel: make([][][2]int, n), typed: make([][][2]int, n), lastAnn: make([][][2]int, n), lastTyped: make([][][2]int, n), known: make([]bool, n)}
	// The entities' types are a handful: each is looked up among the
	// labels once, not once per entity.
	forType := map[string]string{}
	for k, e := range ents {
		if pause != nil && k%256 == 0 {
			pause()
		}
		l := f.suggestionWith(e, forType)
		if l == "" {
			continue
		}
		i := labels.Index(l)
		if i < 0 {
			i = len(labels)
		}
		to := &b.typed[i]
		if e.Source == entity.SourceGazetteer {
			to = &b.byLabel[i]
		}
		for _, m := range e.Mentions {
			*to = append(*to, [2]int{m.Start, m.End})
		}
	}
	return b
}

// paint is the suggestion highlights of b over d: per label, the gazetteer's
// names and the typed suggestions but the mentions the person labelled so.
// A label whose annotations are those of b's last paint keeps the spans it
// had (the same slice: applySuggestion does not hand them over again).
func (b *suggestionBase) paint(f *finder, d *session.Doc) *suggestionPaint {
	labels := f.a.labels
	ann := make([][][2]int, len(b.typed))
	for _, x := range d.Set.All() {
		if i := labels.Index(x.Label); i >= 0 {
			ann[i] = append(ann[i], [2]int{x.Start, x.End})
		}
	}
	p := &suggestionPaint{key: f.suggestionKey(d), doc: d, colors: suggestionColors(labels)}
	for i := range b.typed {
		slices.SortFunc(ann[i], func(x, y [2]int) int { return cmp.Or(cmp.Compare(x[0], y[0]), cmp.Compare(x[1], y[1])) })
		if !b.known[i] || !slices.Equal(ann[i], b.lastAnn[i]) {
			b.lastTyped[i], b.lastAnn[i], b.known[i] = withoutSpans(b.typed[i], ann[i]), ann[i], true
		}
		p.names = append(p.names, "gloss-s"+strconv.Itoa(i), "gloss-t"+strconv.Itoa(i))
		p.spans = append(p.spans, b.byLabel[i], b.lastTyped[i])
	}
	p.triples = make([][]int32, len(p.names))
	return p
}

// withoutSpans returns spans without those in out (sorted); spans itself
// when none is.
func withoutSpans(spans, out [][2]int) [][2]int {
	if len(out) == 0 {
		return spans
	}
	drop := make(map[[2]int]bool, len(out))
	for _, s := range out {
		drop[s] = true
	}
	var kept [][2]int
	for k, s := range spans {
		if !drop[s] {
			continue
		}
		// The first to drop: keep those before it, then filter the rest.
		kept = append(make([][2]int, 0, len(spans)-1), spans[:k]...)
		for _, s := range spans[k+1:] {
			if !drop[s] {
				kept = append(kept, s)
			}
		}
		return kept
	}
	return spans
}
