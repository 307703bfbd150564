package ui

import (
	"fmt"
	"strconv"
	"strings"

	"gloss/app/annot"
	"gloss/app/entity"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func (f *finder) renderPanels() app.UI {
	a := f.a
	return app.Div().Body(
		app.If(f.review != nil, f.renderReview),
		app.If(a.doc() != nil && !a.newPane, func() app.UI {
			ents := f.filteredEntities()
			return app.Div().DataSet("testid", "entities").ID("panel-entities").Role("tabpanel").Attr("aria-labelledby", "tab-entities").Body(
				app.H2().Body(
					app.Text("Entities "),
					app.If(f.building(), func() app.UI {
						return app.Span().Class("muted busy").DataSet("testid", "entities-progress").
							Attr("role", "status").Text("finding names…")
					}).Else(func() app.UI {
						return app.Span().Class("muted").Text(strconv.Itoa(len(ents)))
					}),
				),
				app.Div().Class("row").Body(
					app.Select().DataSet("testid", "entity-type-filter").Attr("aria-label", "Show entities of type").
						OnChange(func(ctx app.Context, e app.Event) { f.typeFilter = ctx.JSSrc().Get("value").String() }).
						Body(
							app.Option().Value("").Selected(f.typeFilter == "").Text("all types"),
							app.Range(f.filterTypes()).Slice(func(i int) app.UI {
								t := f.filterTypes()[i]
								return app.Option().Value(t).Selected(f.typeFilter == t).Text("suggested " + t)
							}),
							app.Option().Value("none").Selected(f.typeFilter == "none").Text("no suggestion"),
						),
					app.If(f.typeFilter != "" && f.typeFilter != "none", func() app.UI {
						return app.Button().DataSet("testid", "accept-type").Title("Review and accept every suggestion of this type (A)").
							Text("Accept every " + f.typeFilter + "…").
							OnClick(func(ctx app.Context, e app.Event) { f.startTypeReview(f.typeFilter) })
					}),
				),
				app.Div().Class("row").Body(
					app.Select().DataSet("testid", "entity-sort").Attr("aria-label", "Sort entities").
						OnChange(func(ctx app.Context, e app.Event) { f.entSort = ctx.JSSrc().Get("value").String() }).
						Body(
							app.Option().Value("count").Selected(f.entSort == "count").Text("by count"),
							app.Option().Value("label").Selected(f.entSort == "label").Text("by label"),
							app.Option().Value("first").Selected(f.entSort == "first").Text("by first appearance"),
						),
					app.If(f.entActive != "" || len(f.hits) > 0, func() app.UI {
						return app.Button().DataSet("testid", "annotate-all").Title("Annotate all mentions (A)").Text("Annotate all…").
							OnClick(func(ctx app.Context, e app.Event) { f.startReviewFromCurrent() })
					}),
				),
				// One delegated handler for the whole list (DESIGN.md): a
				// long article has thousands of entities, and a handler per
				// item costs a js.Func each and a slow diff at every update.
				app.Ul().Class("ents").DataSet("testid", "entity-list").Role("listbox").Attr("aria-label", "Entities").
					OnClick(func(ctx app.Context, e app.Event) {
						if li := e.Get("target").Call("closest", "li[data-key]"); li.Truthy() {
							f.chooseEntity(li.Get("dataset").Get("key").String())
						}
					}).
					OnKeyDown(func(ctx app.Context, ev app.Event) {
						li := ev.Get("target").Call("closest", "li[data-key]")
						if !li.Truthy() {
							return
						}
						switch ev.Get("key").String() {
						case "Enter":
							f.chooseEntity(li.Get("dataset").Get("key").String())
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
						app.Range(ents[:min(len(ents), f.entShown())]).Slice(func(i int) app.UI {
							e := ents[i]
							cls := ""
							if e.Key == f.entActive {
								cls = "active"
							}
							sug := f.suggestion(e)
							why := f.evidenceText(e)
							return app.Li().Class(cls).TabIndex(0).Role("option").Attr("aria-selected", e.Key == f.entActive).DataSet("testid", "entity-item").DataSet("key", e.Key).
								DataSet("label", sug).DataSet("type", e.Type).
								DataSet("confidence", strconv.Itoa(percent(e.Confidence))).
								Title(why).Attr("aria-description", why).
								Body(
									app.If(sug != "", func() app.UI {
										cls := "lab sug"
										if e.Source == entity.SourceGazetteer {
											cls = "lab"
										}
										return app.Span().Class(cls).Style("--c", a.labels.Color(sug)).DataSet("testid", "entity-type").Text(sug)
									}),
									app.Span().DataSet("testid", "entity-name").Text(e.Name),
									app.If(len(e.Variants) > 1, func() app.UI {
										return app.Span().Class("var").Text(variants(e))
									}),
									app.Span().Class("n").DataSet("testid", "entity-count").Text(strconv.Itoa(len(e.Mentions))),
									app.Span().Class("why").DataSet("testid", "entity-evidence").Text(why),
								)
						}),
					),
				app.If(len(ents) > f.entShown(), func() app.UI {
					return app.Button().DataSet("testid", "entity-more").
						Text(fmt.Sprintf("Show %d more of %d", min(entityPage, len(ents)-f.entShown()), len(ents))).
						OnClick(func(ctx app.Context, e app.Event) { f.entLimit = f.entShown() + entityPage })
				}),
			)
		}),
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

func (f *finder) renderReview() app.UI {
	r := f.review
	accepted := len(r.Accepted())
	as := r.Label
	if as == "" {
		as = "… (choose a label with 1–9)"
	}
	return app.Div().Class("editor").DataSet("testid", "review").DataSet("label", r.Label).Body(
		app.Strong().Text("Annotate all: “"+clip(r.From, 50)+"” as "+as),
		app.P().Class("muted").Text("Y or A accepts, N or R rejects, ↑↓ move, 1–9 change the label, Enter applies, Escape cancels."),
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
						// The review open now, not the one this element was first drawn for.
						if r := f.review; r != nil {
							r.Toggle(i)
							f.showReviewItem()
						}
					}).Body(
					app.Span().Class("muted").Text("…"+it.Before),
					app.B().Text(it.Text),
					app.Span().Class("muted").Text(it.After+"…"),
				)
			}),
		),
		app.Div().Class("row").Body(
			app.Button().Class("primary").DataSet("testid", "review-apply").Text("Apply "+strconv.Itoa(accepted)).
				OnClick(func(ctx app.Context, e app.Event) { f.applyReview() }),
			app.Button().DataSet("testid", "review-cancel").Text("Cancel").
				OnClick(func(ctx app.Context, e app.Event) { f.cancelReview() }),
		),
	)
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

// renderAnnotationActions draws the editor's finder buttons. They act on
// the annotation selected when clicked: go-app keeps the first handler of
// a reused element (issue #1010), so x would be the first one opened.
func (f *finder) renderAnnotationActions(annot.Annotation) app.UI {
	return app.Span().Body(
		app.Button().DataSet("testid", "annotation-annotate-all").Title("Label every mention (A)").Text("Annotate all…").
			OnClick(func(ctx app.Context, e app.Event) {
				if x, ok := f.selectedAnnotation(); ok {
					f.startReview(x.Text, x.Label, f.mentionsOf(x))
				}
			}),
		app.Button().DataSet("testid", "annotation-gazetteer").Title("Add to the gazetteer (G)").Text("+ Gazetteer").
			OnClick(func(ctx app.Context, e app.Event) {
				if x, ok := f.selectedAnnotation(); ok {
					f.addToGazetteer(x)
				}
			}),
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
