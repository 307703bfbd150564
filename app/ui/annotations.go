package ui

import (
	"strconv"

	"gloss/app/annot"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The annotations list: every label of the open article with its text,
// label and note, filtered by label; a row jumps to its span in the text.

// annPage is how many rows the list draws at a time.
const annPage = 200

// listed returns the annotations the list shows (filtered by label).
func (a *App) listed() []annot.Annotation {
	all := a.doc().Set.All()
	if a.annFilter == "" {
		return all
	}
	out := make([]annot.Annotation, 0, len(all))
	for _, x := range all {
		if x.Label == a.annFilter {
			out = append(out, x)
		}
	}
	return out
}

// renderTabs switches the panel below the labels between the entities
// found in the text and the person's own annotations.
func (a *App) renderTabs() app.UI {
	tab := func(name, title, testid string, n int) app.UI {
		on := a.sideTab == name
		return app.Button().Role("tab").Class("tab").ID("tab-"+name).DataSet("testid", testid).
			Attr("aria-selected", on).Attr("aria-controls", "panel-"+name).TabIndex(map[bool]int{true: 0, false: -1}[on]).
			DataSet("tab", name).
			Body(app.Text(title+" "), app.Span().Class("count").Text(strconv.Itoa(n))).
			OnClick(func(ctx app.Context, e app.Event) { a.sideTab = ctx.JSSrc().Get("dataset").Get("tab").String() }).
			OnKeyDown(func(ctx app.Context, e app.Event) {
				// Arrow keys move between tabs (the ARIA tabs pattern).
				if k := e.Get("key").String(); k == "ArrowRight" || k == "ArrowLeft" {
					if a.sideTab == "annotations" {
						a.sideTab = "entities"
					} else {
						a.sideTab = "annotations"
					}
					a.focusAfterRender = "tab-" + a.sideTab
					e.StopImmediatePropagation()
				}
			})
	}
	return app.Div().Class("tabs").Role("tablist").Attr("aria-label", "Side panel").Body(
		tab("entities", "Entities", "entities-tab", len(a.find.sortedEntities())),
		tab("annotations", "Annotations", "annotations-tab", a.doc().Set.Len()),
	)
}

// renderAnnotations draws the annotations list.
func (a *App) renderAnnotations() app.UI {
	list := a.listed()
	shown := list[:min(len(list), max(a.annLimit, annPage))]
	return app.Div().ID("panel-annotations").Role("tabpanel").Attr("aria-labelledby", "tab-annotations").
		DataSet("testid", "annotations-panel").Body(
		app.Div().Class("row").Body(
			app.Select().DataSet("testid", "annotations-filter").Attr("aria-label", "Show the annotations labelled").
				OnChange(func(ctx app.Context, e app.Event) {
					a.annFilter = ctx.JSSrc().Get("value").String()
					a.annLimit = 0
				}).Body(
				app.Option().Value("").Selected(a.annFilter == "").Text("every label"),
				app.Range(a.labels).Slice(func(i int) app.UI {
					n := a.labels[i].Name
					return app.Option().Value(n).Selected(a.annFilter == n).Text(n)
				}),
			),
			app.Span().Class("muted").Text(plural(len(list), "annotation")),
		),
		app.If(len(list) == 0, func() app.UI {
			return app.P().Class("muted").Text("None yet: select text (or move the caret with the arrow keys) and press 1–9.")
		}),
		// One delegated handler: a row is a button, Enter or a click jumps.
		app.Ul().Class("anns").DataSet("testid", "annotations-list").
			OnClick(func(ctx app.Context, e app.Event) {
				if b := e.Get("target").Call("closest", "[data-id]"); b.Truthy() {
					id := b.Get("dataset").Get("id").String()
					if x, ok := a.doc().Set.Get(id); ok {
						a.goTo(target{start: x.Start, end: x.End, id: x.ID, label: x.Label})
					}
				}
			}).Body(
			app.Range(shown).Slice(func(i int) app.UI {
				x := shown[i]
				cls := ""
				if x.ID == a.selected {
					cls = "active"
				}
				return app.Li().Class(cls).Body(
					app.Button().Class("ann-row").DataSet("testid", "annotations-item").DataSet("id", x.ID).
						Title("Go to it in the text").Body(
						app.Span().Class("lab").Style("--c", a.labels.Color(x.Label)).Text(x.Label),
						app.Span().Class("t").Text(clip(x.Text, 60)),
						app.If(x.Note != "", func() app.UI {
							return app.Span().Class("note").Text("✎ " + clip(x.Note, 120))
						}),
					),
				)
			}),
		),
		app.If(len(list) > len(shown), func() app.UI {
			return app.Button().Text("Show " + strconv.Itoa(min(annPage, len(list)-len(shown))) + " more").
				OnClick(func(ctx app.Context, e app.Event) { a.annLimit = max(a.annLimit, annPage) + annPage })
		}),
	)
}
