package ui

import (
	"strconv"

	"gloss/app/annot"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// labelPicker is the label set: a button a label (keys 1–9) that labels
// the selection, and an editing mode to recolour, rename, remove and add
// labels. It gets the labels as props and reports every choice through a
// callback; whether it is editing is its own state.
type labelPicker struct {
	app.Compo

	Labels    annot.Labels
	OnPick    func(name string)
	OnRecolor func(name, color string)
	OnRename  func(from, to string)
	OnRemove  func(name string)
	OnAdd     func(name, color string)

	editing bool
}

// Render draws the picker. Handlers find their label in the element's
// data-label when they run (go-app keeps the first handler of a reused
// element, its issue #1010).
func (p *labelPicker) Render() app.UI {
	return app.Div().DataSet("testid", "label-picker").Body(
		app.H2().Body(
			app.Text("Labels "),
			app.Button().Class("x").DataSet("testid", "edit-labels").Text(map[bool]string{false: "edit", true: "done"}[p.editing]).
				OnClick(func(ctx app.Context, e app.Event) { p.editing = !p.editing }),
		),
		app.Div().Class("labels").Body(
			app.Range(p.Labels).Slice(func(i int) app.UI {
				l := p.Labels[i]
				name := l.Name
				key := ""
				if i < 9 {
					key = strconv.Itoa(i + 1)
				}
				if p.editing {
					return app.Div().Class("label-row").DataSet("label", name).Body(
						app.Input().Type("color").Value(l.Color).Title("Colour of "+name).Attr("aria-label", "Colour of "+name).
							DataSet("testid", "label-color").
							OnChange(func(ctx app.Context, e app.Event) {
								if p.OnRecolor != nil {
									p.OnRecolor(labelOf(ctx), ctx.JSSrc().Get("value").String())
								}
							}),
						app.Input().Type("text").Value(name).DataSet("testid", "label-name").
							Attr("aria-label", "Name of label "+name).
							OnChange(func(ctx app.Context, e app.Event) {
								if p.OnRename != nil {
									p.OnRename(labelOf(ctx), ctx.JSSrc().Get("value").String())
								}
							}),
						app.Button().Class("x").Title("Remove "+name).Text("×").DataSet("testid", "label-remove").
							OnClick(func(ctx app.Context, e app.Event) {
								if p.OnRemove != nil {
									p.OnRemove(labelOf(ctx))
								}
							}),
					)
				}
				return app.Div().Class("label-row").Body(
					app.Span().Class("key").Text(key),
					app.Button().Class("label-btn").Style("--c", l.Color).
						DataSet("testid", "label-button").DataSet("label", name).
						Title("Label the selection "+name+" (key "+key+")").
						Text(name).
						// Keep the text selection: a button takes focus on mousedown.
						OnMouseDown(func(ctx app.Context, e app.Event) { e.PreventDefault() }).
						OnClick(func(ctx app.Context, e app.Event) {
							if p.OnPick != nil {
								p.OnPick(labelOf(ctx))
							}
						}),
				)
			}),
			app.If(p.editing, func() app.UI {
				return app.Form().Class("label-row").Body(
					app.Input().Type("color").ID("new-label-color").Value("#e67700").Attr("aria-label", "Colour of the new label").Title("Colour of the new label"),
					app.Input().Type("text").ID("new-label-name").Placeholder("New label").Attr("aria-label", "Name of the new label").DataSet("testid", "new-label-name"),
					app.Button().Type("submit").Text("Add").DataSet("testid", "add-label"),
				).OnSubmit(func(ctx app.Context, e app.Event) {
					e.PreventDefault()
					name := app.Window().GetElementByID("new-label-name").Get("value").String()
					color := app.Window().GetElementByID("new-label-color").Get("value").String()
					if p.OnAdd != nil {
						p.OnAdd(name, color)
					}
				})
			}),
		),
	)
}

// renderLabels draws the label picker over the label set.
func (a *App) renderLabels() app.UI {
	return &labelPicker{
		Labels: a.labels,
		OnPick: func(name string) {
			if a.labelSelection(a.labels.Index(name)) {
				return
			}
			if a.selected != "" {
				a.relabel(a.selected, name)
			} else {
				a.setNotice("Select some text in the article first, then pick a label.")
			}
		},
		OnRecolor: a.recolorLabel,
		OnRename:  a.renameLabel,
		OnRemove:  a.removeLabel,
		OnAdd:     a.addLabel,
	}
}
