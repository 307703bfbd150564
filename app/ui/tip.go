package ui

import (
	"fmt"
	"strconv"

	"gloss/app/entity"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The evidence box: why a name in the text is suggested as what it is,
// shown over the text when the mouse rests on a suggestion's underline and
// when J/K put the keyboard on one. Suggestions are CSS highlights, which
// get no pointer events, so gloss.js (hoverTips) hit-tests the caret
// position under the mouse against their ranges and tells Go which one is
// there; gloss.js (placeTip) also keeps the box beside it while the text
// scrolls.

// tip is the suggested mention whose evidence is shown.
type tip struct {
	on         bool
	start, end int  // code points of the mention
	mouse      bool // shown by the mouse, else by the keyboard (a.suggestion)
}

// listenTips wires the mouse hit-test.
func (a *App) listenTips(ctx app.Context) {
	fn := app.FuncOf(func(this app.Value, args []app.Value) any {
		i, s16, e16 := args[0].Int(), args[1].Int(), args[2].Int()
		ctx.Dispatch(func(ctx app.Context) { a.hover(i, s16, e16) })
		return nil
	})
	a.jsFuncs = append(a.jsFuncs, fn)
	glossJS().Call("hoverTips", fn)
}

// hover shows the evidence of the suggestion at [s16, e16) of paragraph i,
// or hides the mouse's box (i < 0).
func (a *App) hover(i, s16, e16 int) {
	d := a.doc()
	if i < 0 || d == nil || i >= len(d.Paras) {
		if a.tip.mouse {
			a.tip = tip{}
		}
		return
	}
	base := d.X.UTF16(d.Paras[i].Start)
	start, end := d.X.FromUTF16(base+s16), d.X.FromUTF16(base+e16)
	if _, ok := a.find.entityAt(start, end); !ok {
		return
	}
	a.tip = tip{on: true, start: start, end: end, mouse: true}
}

// tipShown reports whether the evidence box is to be drawn: the mouse's,
// or the keyboard's while J/K stay on that suggestion.
func (a *App) tipShown() bool {
	if !a.tip.on || a.doc() == nil || a.newPane || a.editing {
		return false
	}
	return a.tip.mouse || a.suggestion.label != "" && a.suggestion.start == a.tip.start && a.suggestion.end == a.tip.end
}

// renderTip draws the evidence box; gloss.js places it once drawn.
func (a *App) renderTip() app.UI {
	d := a.doc()
	e, ok := a.find.entityAt(a.tip.start, a.tip.end)
	t := spans16(d, [][2]int{{a.tip.start, a.tip.end}})
	if !ok || len(t) < 3 {
		return app.Div().Hidden(true)
	}
	l := a.find.suggestion(e)
	head := "No suggestion"
	if l != "" {
		head = "Suggested " + l
		if e.Source != entity.SourceGazetteer {
			head += fmt.Sprintf(" · %d%% sure", percent(e.Confidence))
		}
	}
	why := e.Evidence
	if e.Source == entity.SourceGazetteer {
		why = []string{"in your gazetteer"}
	}
	if app.IsClient {
		a.ctx.Defer(func(app.Context) { glossJS().Call("placeTip") })
	}
	return app.Div().Class("sugg-tip").ID("suggestion-evidence").Role("tooltip").
		DataSet("testid", "suggestion-evidence").
		DataSet("para", strconv.Itoa(int(t[0]))).DataSet("s", strconv.Itoa(int(t[1]))).DataSet("e", strconv.Itoa(int(t[2]))).
		Style("--c", a.labels.Color(l)).
		Body(
			app.Div().Class("head").Body(
				app.Span().Class("name").Text(clip(d.X.Slice(a.tip.start, a.tip.end), 60)),
				app.Span().Class("lab sug").Text(head),
			),
			app.Ul().Body(app.Range(why).Slice(func(i int) app.UI { return app.Li().Text(why[i]) })),
		)
}
