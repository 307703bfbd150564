package ui

import (
	"fmt"

	"gloss/app/agree"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// agreementTable is precision, recall and F1 with exact spans, F1 with
// overlapping spans and the span counts, per label and overall: the one
// table both the article's compare panel and the library's agreement show.
// Mine (or the library) is A, theirs is B.
type agreementTable struct {
	app.Compo

	Result *agree.Result
	TestID string // the table's data-testid
}

// Render draws the table; an empty one when there is no result yet.
func (p *agreementTable) Render() app.UI {
	r := p.Result
	if r == nil {
		r = agree.Compare(nil)
	}
	row := func(name string, pr agree.Pair) app.UI {
		e, o := pr.Exact.Score(), pr.Overlap.Score()
		f := func(v float64) app.UI { return app.Td().Text(fmt.Sprintf("%.2f", v)) }
		return app.Tr().DataSet("label", name).Body(app.Th().Text(name), f(e.Precision), f(e.Recall), f(e.F1), f(o.F1),
			app.Td().Text(fmt.Sprintf("%d/%d", pr.Exact.A, pr.Exact.B)))
	}
	names := r.LabelNames()
	return app.Table().Class("agree").DataSet("testid", p.TestID).Body(
		app.THead().Body(app.Tr().Body(app.Th().Text("label"), app.Th().Text("P"), app.Th().Text("R"), app.Th().Text("F1"),
			app.Th().Title("F1 with overlapping spans").Text("≈F1"), app.Th().Title("spans mine/theirs").Text("n"))),
		app.TBody().Body(
			app.Range(names).Slice(func(i int) app.UI { return row(names[i], *r.Labels[names[i]]) }),
			row("all", r.Overall),
		),
	)
}

// kappaLine is the sentence under the table: Cohen's κ over tokens.
func kappaLine(r *agree.Result, testid string) app.UI {
	return app.P().Class("muted").DataSet("testid", testid).
		Text(fmt.Sprintf("Cohen's κ %.2f over %s tokens (observed %.2f, chance %.2f)",
			r.Kappa.Value, thousands(r.Kappa.Tokens), r.Kappa.Observed, r.Kappa.Expected))
}
