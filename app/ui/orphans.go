package ui

import (
	"fmt"

	"gloss/app/annot"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// orphansPanel lists the annotations an edit of the text left without a
// place: each with its label, its text (the reason as its tooltip), and
// buttons to place it at the selected text or drop it, reported by the
// orphan's index.
type orphansPanel struct {
	app.Compo

	Orphans []annot.Orphan
	Labels  annot.Labels // for the label colours
	OnPlace func(i int)
	OnDrop  func(i int)
}

// Render draws the list. A row's handlers report its position, which is
// the orphan's index whatever element go-app reuses for it.
func (p *orphansPanel) Render() app.UI {
	return app.Div().DataSet("testid", "orphans").Body(
		app.H2().Text(fmt.Sprintf("Orphans %d", len(p.Orphans))),
		app.Ul().Class("ents").Body(
			app.Range(p.Orphans).Slice(func(i int) app.UI {
				o := p.Orphans[i]
				return app.Li().DataSet("testid", "orphan").Body(
					app.Span().Class("lab").Style("--c", p.Labels.Color(o.Label)).Text(o.Label),
					app.Span().Class("otext").Title(o.Reason).Text("“"+clip(o.Text, 40)+"”"),
					app.Button().DataSet("testid", "orphan-place").Title("Place at the selected text").Text("Place").
						OnMouseDown(func(ctx app.Context, e app.Event) { e.PreventDefault() }).
						OnClick(func(ctx app.Context, e app.Event) {
							if p.OnPlace != nil {
								p.OnPlace(i)
							}
						}),
					app.Button().DataSet("testid", "orphan-drop").Title("Drop").Text("×").
						OnClick(func(ctx app.Context, e app.Event) {
							if p.OnDrop != nil {
								p.OnDrop(i)
							}
						}),
				)
			}),
		),
	)
}
