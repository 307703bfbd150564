package ui

import (
	"strconv"

	"gloss/app/annot"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// annPage is how many rows the list draws at a time.
const annPage = 200

// annotationsPanel lists the open article's annotations with their text,
// label and note, filtered by label. It gets what it shows as props and
// reports through callbacks: a row chosen (OnGo, to jump to its span) and
// the filter changed (OnFilter; the page keeps it across tab switches).
type annotationsPanel struct {
	app.Compo

	Annotations []annot.Annotation
	Labels      annot.Labels
	Filter      string // the label shown, "" for every label
	Selected    string // ID of the selected annotation
	OnGo        func(annot.Annotation)
	OnFilter    func(label string)

	limit int // rows drawn beyond the first page
}

// listed returns the annotations the list shows (filtered by label).
func (p *annotationsPanel) listed() []annot.Annotation {
	if p.Filter == "" {
		return p.Annotations
	}
	out := make([]annot.Annotation, 0, len(p.Annotations))
	for _, x := range p.Annotations {
		if x.Label == p.Filter {
			out = append(out, x)
		}
	}
	return out
}

// Render draws the list. Handlers read the props when they run, not when
// drawn: go-app keeps the first handler of a reused element (its issue
// #1010).
func (p *annotationsPanel) Render() app.UI {
	list := p.listed()
	shown := list[:min(len(list), max(p.limit, annPage))]
	return app.Div().ID("panel-annotations").Role("tabpanel").Attr("aria-labelledby", "tab-annotations").
		DataSet("testid", "annotations-panel").Body(
		app.Div().Class("row").Body(
			app.Select().DataSet("testid", "annotations-filter").Attr("aria-label", "Show the annotations labelled").
				OnChange(func(ctx app.Context, e app.Event) {
					p.limit = 0
					if p.OnFilter != nil {
						p.OnFilter(ctx.JSSrc().Get("value").String())
					}
				}).Body(
				app.Option().Value("").Selected(p.Filter == "").Text("every label"),
				app.Range(p.Labels).Slice(func(i int) app.UI {
					n := p.Labels[i].Name
					return app.Option().Value(n).Selected(p.Filter == n).Text(n)
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
				b := e.Get("target").Call("closest", "[data-id]")
				if !b.Truthy() || p.OnGo == nil {
					return
				}
				id := b.Get("dataset").Get("id").String()
				for _, x := range p.Annotations {
					if x.ID == id {
						p.OnGo(x)
						return
					}
				}
			}).Body(
			app.Range(shown).Slice(func(i int) app.UI {
				x := shown[i]
				cls := ""
				if x.ID == p.Selected {
					cls = "active"
				}
				return app.Li().Class(cls).Body(
					app.Button().Class("ann-row").DataSet("testid", "annotations-item").DataSet("id", x.ID).
						Title("Go to it in the text").Body(
						app.Span().Class("lab").Style("--c", p.Labels.Color(x.Label)).Text(x.Label),
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
				OnClick(func(ctx app.Context, e app.Event) { p.limit = max(p.limit, annPage) + annPage })
		}),
	)
}

// renderAnnotations draws the annotations panel of the open article.
func (a *App) renderAnnotations() app.UI {
	return &annotationsPanel{
		Annotations: a.doc().Set.All(),
		Labels:      a.labels,
		Filter:      a.annFilter,
		Selected:    a.selected,
		OnGo: func(x annot.Annotation) {
			a.goTo(target{start: x.Start, end: x.End, id: x.ID, label: x.Label})
		},
		OnFilter: func(label string) { a.annFilter = label },
	}
}

// renderTabs switches the panel below the labels between the entities
// found in the text and the person's own annotations.
func (a *App) renderTabs() app.UI {
	// While names are being found the entities' count is not known yet:
	// "…", not a 0 that reads as none found.
	entities := thousands(len(a.find.sortedEntities()))
	if a.find.building() {
		entities = "…"
	}
	tab := func(name, title, testid string, n string) app.UI {
		on := a.sideTab == name
		return app.Button().Role("tab").Class("tab").ID("tab-"+name).DataSet("testid", testid).
			Attr("aria-selected", on).Attr("aria-controls", "panel-"+name).TabIndex(map[bool]int{true: 0, false: -1}[on]).
			DataSet("tab", name).
			Body(app.Text(title+" "), app.Span().Class("count").Text(n)).
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
		tab("entities", "Entities", "entities-tab", entities),
		tab("annotations", "Annotations", "annotations-tab", thousands(a.doc().Set.Len())),
	)
}
