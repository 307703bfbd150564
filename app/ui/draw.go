package ui

import (
	"encoding/binary"
	"encoding/json"
	"sort"

	"gloss/app/annot"
	"gloss/app/session"
	"gloss/app/text"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// This file is the one place where code points meet the DOM's UTF-16 units:
// everything sent to web/gloss.js is converted here with text.Offsets.

func glossJS() app.Value { return app.Window().Get("gloss") }

func articleEl() app.Value { return app.Window().GetElementByID("article") }

// int32s packs numbers into a Uint8Array, the cheapest way across the boundary.
func int32s(v []int32) app.Value {
	b := make([]byte, 4*len(v))
	for i, n := range v {
		binary.LittleEndian.PutUint32(b[4*i:], uint32(n))
	}
	u8 := app.Window().Get("Uint8Array").New(len(b))
	app.CopyBytesToJS(u8, b)
	return u8
}

// draw renders the open article's paragraphs and annotations.
func (a *App) draw() {
	defer perfSince("draw", perfNow())
	d := a.doc()
	if d == nil || !app.IsClient {
		return
	}
	bounds := make([]int32, 0, 3*len(d.Paras))
	for _, p := range d.Paras {
		bounds = append(bounds, int32(d.X.UTF16(p.Start)), int32(d.X.UTF16(p.End)), int32(p.Start))
	}
	perfMark("gloss-draw-start")
	// The highlights' style sheet before the paragraphs: a sheet that
	// changes restyles and lays out every paragraph (150 ms on a 5 MB
	// article), so the install after the build must find it unchanged.
	glossJS().Call("suggestionColors", suggestionColors(a.labels))
	// A wrapped paragraph's line breaks are drawn as spaces (gloss.js).
	var soft []int32
	for _, b := range text.SoftBreaks(d.Text) {
		soft = append(soft, int32(d.X.UTF16(d.X.FromByte(b))))
	}
	glossJS().Call("render", articleEl(), toJS(d.Text), int32s(bounds), int32s(soft))
	a.painted = map[string]annot.Annotation{}
	a.drawnDoc = d.Meta.ID
	a.drawCount++
	a.repaint()
	// Let the browser paint the text before entities and the search index
	// are built: on a long article that takes a while, and reading can start.
	// A Go timer does not guarantee a frame in between: ask the browser to
	// call back after its next paint.
	id := d.Meta.ID
	var fn app.Func
	fn = app.FuncOf(func(this app.Value, args []app.Value) any {
		fn.Release()
		a.ctx.Dispatch(func(ctx app.Context) {
			if a.doc() != nil && a.doc().Meta.ID == id {
				a.find.redraw()
			}
		})
		return nil
	})
	glossJS().Call("afterPaint", fn)
}

// repaint redraws the paragraphs whose annotations changed since last drawn.
func (a *App) repaint() {
	d := a.doc()
	if d == nil || !app.IsClient || a.drawnDoc != d.Meta.ID {
		return
	}
	all := d.Set.All()
	now := make(map[string]annot.Annotation, len(all))
	touched := map[int]bool{}
	mark := func(x annot.Annotation) {
		for _, i := range parasOf(d, x.Start, x.End) {
			touched[i] = true
		}
	}
	for _, x := range all {
		now[x.ID] = x
		if old, ok := a.painted[x.ID]; !ok || old != x {
			mark(x)
			if ok {
				mark(old)
			}
		}
	}
	for id, old := range a.painted {
		if _, ok := now[id]; !ok {
			mark(old)
		}
	}
	a.painted = now
	if len(touched) == 0 {
		return
	}
	idx := make([]int, 0, len(touched))
	for i := range touched {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	glossJS().Call("paint", a.paintSpec(idx, all))
}

type paintAnn struct {
	Label string `json:"label"`
	Color string `json:"color"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Note  string `json:"note,omitempty"`
	Text  string `json:"text"` // for the accessible name
}

// paintSpec is the JSON web/gloss.js's paint expects for paragraphs idx.
func (a *App) paintSpec(idx []int, all []annot.Annotation) string {
	d := a.doc()
	spec := struct {
		Anns  map[string]paintAnn `json:"anns"`
		Paras [][2]any            `json:"paras"`
	}{Anns: map[string]paintAnn{}}
	for _, i := range idx {
		p := d.Paras[i]
		var spans []span
		base := d.X.UTF16(p.Start)
		for _, x := range all {
			if x.Start >= p.End {
				break
			}
			if x.End <= p.Start {
				continue
			}
			s, e := max(x.Start, p.Start), min(x.End, p.End)
			spans = append(spans, span{Start: d.X.UTF16(s) - base, End: d.X.UTF16(e) - base, ID: x.ID,
				First: x.Start >= p.Start, Last: x.End <= p.End})
			spec.Anns[x.ID] = paintAnn{Label: x.Label, Color: a.labels.Color(x.Label), Start: x.Start, End: x.End, Note: x.Note, Text: clip(x.Text, 80)}
		}
		pieces := make([][5]any, 0, len(spans))
		for _, pc := range nest(spans) {
			pieces = append(pieces, [5]any{pc.Start, pc.End, pc.ID, pc.First, pc.Last})
		}
		spec.Paras = append(spec.Paras, [2]any{i, pieces})
	}
	b, _ := json.Marshal(spec)
	return string(b)
}

// parasOf returns the indexes of the paragraphs [start, end) touches.
func parasOf(d *session.Doc, start, end int) []int {
	i := sort.Search(len(d.Paras), func(i int) bool { return d.Paras[i].End > start })
	var out []int
	for ; i < len(d.Paras) && d.Paras[i].Start < end; i++ {
		out = append(out, i)
	}
	if out == nil && len(d.Paras) > 0 {
		// A span between paragraphs (only blank lines) touches the next one.
		out = []int{min(i, len(d.Paras)-1)}
	}
	return out
}

// selection returns the snapped code point span the person selected in the
// article, if any.
func (a *App) selection() (start, end int, ok bool) {
	d := a.doc()
	if d == nil || !app.IsClient {
		return 0, 0, false
	}
	v := glossJS().Call("selection", articleEl())
	if v.IsNull() || v.IsUndefined() {
		return 0, 0, false
	}
	pi, s16, pj, e16 := v.Index(0).Int(), v.Index(1).Int(), v.Index(2).Int(), v.Index(3).Int()
	if pi < 0 || pj < 0 || pi >= len(d.Paras) || pj >= len(d.Paras) {
		return 0, 0, false
	}
	start = d.X.FromUTF16(d.X.UTF16(d.Paras[pi].Start) + s16)
	end = d.X.FromUTF16(d.X.UTF16(d.Paras[pj].Start) + e16)
	if start > end {
		start, end = end, start
	}
	return d.X.Snap(start, end)
}

// spans16 converts code point spans to [para, start16, end16] triples,
// splitting spans that run over a paragraph break.
func spans16(d *session.Doc, spans [][2]int) []int32 { return spans16Paced(d, spans, nil) }

// spans16Paced is spans16 calling pause (if not nil) between pieces of the
// work: a long article's suggestions are a few hundred thousand spans.
func spans16Paced(d *session.Doc, spans [][2]int, pause func()) []int32 {
	out := make([]int32, 0, 3*len(spans))
	for k, s := range spans {
		if pause != nil && k%1024 == 0 {
			pause()
		}
		// Most spans sit in one paragraph: no list of paragraphs for them.
		i := sort.Search(len(d.Paras), func(i int) bool { return d.Paras[i].End > s[0] })
		if i < len(d.Paras) && d.Paras[i].Start <= s[0] && s[1] <= d.Paras[i].End {
			if s[0] < s[1] {
				base := d.X.UTF16(d.Paras[i].Start)
				out = append(out, int32(i), int32(d.X.UTF16(s[0])-base), int32(d.X.UTF16(s[1])-base))
			}
			continue
		}
		for _, i := range parasOf(d, s[0], s[1]) {
			p := d.Paras[i]
			base := d.X.UTF16(p.Start)
			st, en := max(s[0], p.Start), min(s[1], p.End)
			if st >= en {
				continue
			}
			out = append(out, int32(i), int32(d.X.UTF16(st)-base), int32(d.X.UTF16(en)-base))
		}
	}
	return out
}

// highlight paints spans under a CSS highlight name in one call.
func (a *App) highlight(name string, spans [][2]int) {
	if a.doc() == nil || !app.IsClient || a.drawnDoc != a.doc().Meta.ID {
		return
	}
	a.highlightTriples(name, spans16(a.doc(), spans))
}

// highlightTriples paints [para, start16, end16] triples under a CSS
// highlight name in one call.
func (a *App) highlightTriples(name string, t []int32) {
	if len(t) == 0 {
		glossJS().Call("clearHighlight", name)
		return
	}
	glossJS().Call("highlight", name, int32s(t))
}

// reveal scrolls to a span and marks it as the current one.
func (a *App) reveal(start, end int) {
	d := a.doc()
	if d == nil || !app.IsClient {
		return
	}
	t := spans16(d, [][2]int{{start, end}})
	if len(t) < 3 {
		return
	}
	glossJS().Call("reveal", t[0], t[1], t[2])
}

// selectSpan makes [start, end) the browser's selection in the article and
// scrolls it into view: the reading caret and the current search hit are
// drawn this way, so the label keys act on them.
func (a *App) selectSpan(start, end int) {
	d := a.doc()
	if d == nil || !app.IsClient || a.drawnDoc != d.Meta.ID {
		return
	}
	t := spans16(d, [][2]int{{start, end}})
	if len(t) < 3 {
		return
	}
	n := len(t)
	glossJS().Call("selectRange", t[0], t[1], t[n-3], t[n-1])
	glossJS().Call("scrollToSelection")
}
