package ui

import (
	"slices"
	"strconv"

	"gloss/app/session"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// reviewPanel is annotate-all's list: every mention with some context,
// accepted or rejected, the current one marked. It gets a copy of the
// review as a prop and reports a mention clicked (OnToggle), Apply and
// Cancel; the keys (Y, N, arrows, 1–9, Enter, Escape) are the page's.
type reviewPanel struct {
	app.Compo

	Review   session.Review
	OnToggle func(i int)
	OnApply  func()
	OnCancel func()
}

// Render draws the list. Handlers read the props when they run (go-app
// keeps the first handler of a reused element, its issue #1010).
func (p *reviewPanel) Render() app.UI {
	r := p.Review
	as := r.Label
	if as == "" {
		as = "… (choose a label with 1–9)"
	}
	return app.Div().Class("editor").DataSet("testid", "review").DataSet("label", r.Label).Body(
		app.Strong().Text("Annotate all: “"+clip(r.From, 50)+"” as "+as),
		app.P().Class("muted").Text("Tap or click a mention to reject or accept it. Keys: Y or A accepts, N or R rejects, ↑↓ move, 1–9 change the label, Enter applies, Escape cancels."),
		app.Ol().Class("review").Body(
			app.Range(r.Items).Slice(func(i int) app.UI {
				it := r.Items[i]
				cls := ""
				if i == r.Cur {
					cls = "active"
				}
				if it.Reject {
					cls += " rejected"
				}
				return app.Li().Class(cls).DataSet("testid", "review-item").DataSet("state", map[bool]string{false: "accepted", true: "rejected"}[it.Reject]).
					OnClick(func(ctx app.Context, e app.Event) {
						if p.OnToggle != nil {
							p.OnToggle(i)
						}
					}).Body(
					app.Span().Class("muted").Text("…"+it.Before),
					app.B().Text(it.Text),
					app.Span().Class("muted").Text(it.After+"…"),
				)
			}),
		),
		app.Div().Class("row").Body(
			app.Button().Class("primary").DataSet("testid", "review-apply").Text("Apply "+strconv.Itoa(len(r.Accepted()))).
				OnClick(func(ctx app.Context, e app.Event) { call(p.OnApply) }),
			app.Button().DataSet("testid", "review-cancel").Text("Cancel").
				OnClick(func(ctx app.Context, e app.Event) { call(p.OnCancel) }),
		),
	)
}

// renderReview draws the open review. The panel gets a copy: the review
// changes in place as keys are pressed.
func (f *finder) renderReview() app.UI {
	r := *f.review
	r.Items = slices.Clone(r.Items)
	return &reviewPanel{
		Review: r,
		OnToggle: func(i int) {
			// The review open now, not the one the panel was first drawn for.
			if r := f.review; r != nil {
				r.Toggle(i)
				f.showReviewItem()
			}
		},
		OnApply:  f.applyReview,
		OnCancel: f.cancelReview,
	}
}
