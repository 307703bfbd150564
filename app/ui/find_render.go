package ui

import (
	"strings"

	"gloss/app/entity"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func (f *finder) renderPanels() app.UI {
	a := f.a
	return app.Div().Body(
		app.If(f.review != nil, f.renderReview),
		app.If(a.doc() != nil && !a.newPane, f.renderEntities),
		f.renderGazetteer(),
		a.renderTransfer(),
	)
}

func variants(e entity.Entity) string {
	var vs []string
	for _, v := range e.Variants {
		if v != e.Name {
			vs = append(vs, v)
		}
	}
	return strings.Join(vs, " · ")
}

func (f *finder) renderGazetteer() app.UI {
	a := f.a
	n := 0
	if f.gaz != nil {
		n = len(f.gaz.Entries())
	}
	return app.Div().DataSet("testid", "gazetteer").Body(
		app.H2().Body(app.Text("Gazetteer "), app.Span().Class("muted").Text(plural(n, "name"))),
		app.Div().Class("row").Body(
			app.Label().Class("muted").Body(
				app.Text("Import CSV/JSON: "),
				app.Input().Type("file").Accept(".csv,.json,text/csv,application/json").DataSet("testid", "gazetteer-import").
					OnChange(func(ctx app.Context, e app.Event) {
						a.readFilesWith(ctx, ctx.JSSrc().Get("files"), f.importGazetteer)
						ctx.JSSrc().Set("value", "")
					}),
			),
		),
		app.Div().Class("row").Body(
			app.Button().DataSet("testid", "gazetteer-export-csv").Text("Export CSV").
				OnClick(func(ctx app.Context, e app.Event) {
					glossJS().Call("download", "gazetteer.csv", "text/csv", string(f.gaz.CSV()))
				}),
			app.Button().DataSet("testid", "gazetteer-export-json").Text("Export JSON").
				OnClick(func(ctx app.Context, e app.Event) {
					b, _ := f.gaz.MarshalJSON()
					glossJS().Call("download", "gazetteer.json", "application/json", string(b))
				}),
		),
	)
}

// entityPage is how many entities the panel lists at a time.
const entityPage = 100

func (f *finder) entShown() int { return max(f.entLimit, entityPage) }

// filterTypes are the types the panel's filter offers: the label names the
// suggestions map to, in label order.
func (f *finder) filterTypes() []string {
	var out []string
	for _, l := range f.a.labels {
		for _, t := range []string{entity.TypePER, entity.TypeORG, entity.TypeLOC, entity.TypeMISC} {
			if f.labelForType(t) == l.Name {
				out = append(out, l.Name)
				break
			}
		}
	}
	return out
}

// filteredEntities is the sorted entity list with the type filter applied.
func (f *finder) filteredEntities() []entity.Entity {
	ents := f.sortedEntities()
	if f.typeFilter == "" {
		return ents
	}
	out := make([]entity.Entity, 0, len(ents))
	for _, e := range ents {
		if f.typeFilterOf(e) {
			out = append(out, e)
		}
	}
	return out
}
