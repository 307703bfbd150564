package ui

import (
	"strconv"

	"gloss/app/entity"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// entityRow is one entity as the panel shows it.
type entityRow struct {
	Key, Name  string
	Variants   string // its other spellings, "" when none
	Mentions   int
	Label      string // the suggested label, "" when none
	Color      string // the label's colour
	Gazetteer  bool   // the label comes from the gazetteer, not a guess
	Type       string
	Confidence int    // percent
	Why        string // the evidence for the suggestion
}

// entitiesPanel lists the names found in the article with their
// suggested label, filtered by type and sorted as chosen. It gets the rows
// to draw (a page of them) as props and reports through callbacks: an
// entity chosen, the filter or sort changed, accept every suggestion of
// the type, annotate all, show more.
type entitiesPanel struct {
	app.Compo

	Rows           []entityRow
	Total          int  // entities after the filter, Rows the first of them
	Building       bool // names are still being found
	Active         string
	Types          []string // the suggested types the filter offers
	TypeFilter     string   // "", a type, or "none"
	Sort           string   // "count", "label" or "first"
	CanAnnotateAll bool     // an entity or a search result is chosen

	// on is what the controls do. It is unexported so that go-app leaves
	// it out when it compares the panel's fields at each render of the
	// app: a func field never equals another (reflect.DeepEqual), and the
	// panel was rendered and diffed again at every search keystroke and
	// label, its rows unchanged (a quarter of the app's render on the 1 MB
	// article). The panel keeps the one it was mounted with.
	on entityActions
}

// entityActions is what the entities panel's controls do.
type entityActions interface {
	chooseEntity(key string)
	filterEntities(t string)
	sortEntities(by string)
	acceptType()
	startReviewFromCurrent()
	moreEntities()
}

// call runs a callback that may be unset.
func call(f func()) {
	if f != nil {
		f()
	}
}

// act runs do with the panel's actions, when it has them (a panel drawn
// alone, in a test, has none).
func (p *entitiesPanel) act(do func(entityActions)) {
	if p.on != nil {
		do(p.on)
	}
}

// Render draws the panel. Handlers read the props when they run (go-app
// keeps the first handler of a reused element, its issue #1010).
func (p *entitiesPanel) Render() app.UI {
	choose := func(key string) { p.act(func(on entityActions) { on.chooseEntity(key) }) }
	return app.Div().DataSet("testid", "entities").ID("panel-entities").Role("tabpanel").Attr("aria-labelledby", "tab-entities").Body(
		app.H2().Body(
			app.Text("Entities "),
			app.If(p.Building, func() app.UI {
				return app.Span().Class("muted busy").DataSet("testid", "entities-progress").
					Attr("role", "status").Text("finding names…")
			}).Else(func() app.UI {
				return app.Span().Class("muted").Text(thousands(p.Total))
			}),
		),
		app.Div().Class("row").Body(
			app.Select().DataSet("testid", "entity-type-filter").Attr("aria-label", "Show entities of type").
				OnChange(func(ctx app.Context, e app.Event) {
					t := ctx.JSSrc().Get("value").String()
					p.act(func(on entityActions) { on.filterEntities(t) })
				}).
				Body(
					app.Option().Value("").Selected(p.TypeFilter == "").Text("all types"),
					app.Range(p.Types).Slice(func(i int) app.UI {
						t := p.Types[i]
						return app.Option().Value(t).Selected(p.TypeFilter == t).Text("suggested " + t)
					}),
					app.Option().Value("none").Selected(p.TypeFilter == "none").Text("no suggestion"),
				),
			app.If(p.TypeFilter != "" && p.TypeFilter != "none", func() app.UI {
				return app.Button().DataSet("testid", "accept-type").Title("Review and accept every suggestion of this type (A)").
					Text("Accept every " + p.TypeFilter + "…").
					OnClick(func(ctx app.Context, e app.Event) { p.act(entityActions.acceptType) })
			}),
		),
		app.Div().Class("row").Body(
			app.Select().DataSet("testid", "entity-sort").Attr("aria-label", "Sort entities").
				OnChange(func(ctx app.Context, e app.Event) {
					by := ctx.JSSrc().Get("value").String()
					p.act(func(on entityActions) { on.sortEntities(by) })
				}).
				Body(
					app.Option().Value("count").Selected(p.Sort == "count").Text("by count"),
					app.Option().Value("label").Selected(p.Sort == "label").Text("by label"),
					app.Option().Value("first").Selected(p.Sort == "first").Text("by first appearance"),
				),
			app.If(p.CanAnnotateAll, func() app.UI {
				return app.Button().DataSet("testid", "annotate-all").Title("Annotate all mentions (A)").Text("Annotate all…").
					OnClick(func(ctx app.Context, e app.Event) { p.act(entityActions.startReviewFromCurrent) })
			}),
		),
		// One delegated handler for the whole list (DESIGN.md): a long
		// article has thousands of entities, and a handler per item costs a
		// js.Func each and a slow diff at every update.
		app.Ul().Class("ents").DataSet("testid", "entity-list").Role("listbox").Attr("aria-label", "Entities").
			OnClick(func(ctx app.Context, e app.Event) {
				if li := e.Get("target").Call("closest", "li[data-key]"); li.Truthy() {
					choose(li.Get("dataset").Get("key").String())
				}
			}).
			OnKeyDown(func(ctx app.Context, ev app.Event) {
				li := ev.Get("target").Call("closest", "li[data-key]")
				if !li.Truthy() {
					return
				}
				switch ev.Get("key").String() {
				case "Enter":
					choose(li.Get("dataset").Get("key").String())
				case "ArrowDown":
					if n := li.Get("nextElementSibling"); n.Truthy() {
						n.Call("focus")
					}
				case "ArrowUp":
					if n := li.Get("previousElementSibling"); n.Truthy() {
						n.Call("focus")
					}
				}
			}).
			Body(
				app.Range(p.Rows).Slice(func(i int) app.UI {
					r := p.Rows[i]
					cls := ""
					if r.Key == p.Active {
						cls = "active"
					}
					return app.Li().Class(cls).TabIndex(0).Role("option").Attr("aria-selected", r.Key == p.Active).DataSet("testid", "entity-item").DataSet("key", r.Key).
						DataSet("label", r.Label).DataSet("type", r.Type).
						DataSet("confidence", strconv.Itoa(r.Confidence)).
						Title(r.Why).Attr("aria-description", r.Why).
						Body(
							app.If(r.Label != "", func() app.UI {
								cls := "lab sug"
								if r.Gazetteer {
									cls = "lab"
								}
								return app.Span().Class(cls).Style("--c", r.Color).DataSet("testid", "entity-type").Text(r.Label)
							}),
							app.Span().DataSet("testid", "entity-name").Text(r.Name),
							app.If(r.Variants != "", func() app.UI {
								return app.Span().Class("var").Text(r.Variants)
							}),
							app.Span().Class("n").DataSet("testid", "entity-count").Text(strconv.Itoa(r.Mentions)),
							app.Span().Class("why").DataSet("testid", "entity-evidence").Text(r.Why),
						)
				}),
			),
		app.If(p.Total > len(p.Rows), func() app.UI {
			return app.Button().DataSet("testid", "entity-more").
				Text("Show " + strconv.Itoa(min(entityPage, p.Total-len(p.Rows))) + " more of " + thousands(p.Total)).
				OnClick(func(ctx app.Context, e app.Event) { p.act(entityActions.moreEntities) })
		}),
	)
}

// renderEntities draws the entities panel over the finder's entities.
func (f *finder) renderEntities() app.UI {
	ents := f.filteredEntities()
	shown := ents[:min(len(ents), f.entShown())]
	rows := make([]entityRow, len(shown))
	for i, ei := range shown {
		e := f.ents[ei]
		sug := f.suggestion(e)
		rows[i] = entityRow{Key: e.Key, Name: e.Name, Mentions: len(e.Mentions), Label: sug, Color: f.a.labels.Color(sug),
			Gazetteer: e.Source == entity.SourceGazetteer, Type: e.Type, Confidence: percent(e.Confidence), Why: f.evidenceText(e)}
		if len(e.Variants) > 1 {
			rows[i].Variants = variants(e)
		}
	}
	return &entitiesPanel{
		Rows:           rows,
		Total:          len(ents),
		Building:       f.building(),
		Active:         f.entActive,
		Types:          f.filterTypes(),
		TypeFilter:     f.typeFilter,
		Sort:           f.entSort,
		CanAnnotateAll: f.entActive != "" || len(f.hits) > 0,
		on:             f,
	}
}

// filterEntities shows the entities suggested as type t only ("none": with
// no suggestion; "": all).
func (f *finder) filterEntities(t string) { f.typeFilter = t }

// sortEntities orders the entities panel by count, label or first
// appearance.
func (f *finder) sortEntities(by string) { f.entSort = by }

// acceptType reviews every suggestion of the type the panel shows.
func (f *finder) acceptType() { f.startTypeReview(f.typeFilter) }

// moreEntities shows the next page of the entities panel.
func (f *finder) moreEntities() {
	f.entLimit, f.rowCap = max(f.entLimit, entityPage)+entityPage, 0
}
