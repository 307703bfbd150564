package ui

import (
	"strings"

	"gloss/app/format"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// gazetteerPanel offers the gazetteer's import and exports. It gets the
// number of names as a prop and reports the files chosen and the exports
// asked for through callbacks.
type gazetteerPanel struct {
	app.Compo

	Names        int
	OnImport     func(ctx app.Context, files app.Value)
	OnExportCSV  func()
	OnExportJSON func()
}

// Render draws the panel.
func (p *gazetteerPanel) Render() app.UI {
	return app.Div().DataSet("testid", "gazetteer").Body(
		app.H2().Body(app.Text("Gazetteer "), app.Span().Class("muted").Text(plural(p.Names, "name"))),
		app.Div().Class("row").Body(
			app.Label().Class("muted").Body(
				app.Text("Import CSV/JSON: "),
				app.Input().Type("file").Accept(".csv,.json,text/csv,application/json").DataSet("testid", "gazetteer-import").
					OnChange(func(ctx app.Context, e app.Event) {
						if p.OnImport != nil {
							p.OnImport(ctx, ctx.JSSrc().Get("files"))
						}
						ctx.JSSrc().Set("value", "")
					}),
			),
		),
		app.Div().Class("row").Body(
			app.Button().DataSet("testid", "gazetteer-export-csv").Text("Export CSV").
				OnClick(func(ctx app.Context, e app.Event) { call(p.OnExportCSV) }),
			app.Button().DataSet("testid", "gazetteer-export-json").Text("Export JSON").
				OnClick(func(ctx app.Context, e app.Event) { call(p.OnExportJSON) }),
		),
	)
}

func (f *finder) renderGazetteer() app.UI {
	n := 0
	if f.gaz != nil {
		n = len(f.gaz.Entries())
	}
	return &gazetteerPanel{
		Names:    n,
		OnImport: func(ctx app.Context, files app.Value) { f.a.readFilesWith(ctx, files, f.importGazetteer) },
		OnExportCSV: func() {
			glossJS().Call("download", "gazetteer.csv", "text/csv", string(f.gaz.CSV()))
			f.a.sandboxNotice()
		},
		OnExportJSON: func() {
			b, _ := f.gaz.MarshalJSON()
			glossJS().Call("download", "gazetteer.json", "application/json", string(b))
			f.a.sandboxNotice()
		},
	}
}

// transferPanel exports the open article in a format chosen from the menu
// and imports annotations into it. It reports the format chosen and the
// files picked through callbacks.
type transferPanel struct {
	app.Compo

	OnExport func(format string)
	OnImport func(ctx app.Context, files app.Value)
}

// Render draws the panel.
func (p *transferPanel) Render() app.UI {
	return app.Div().DataSet("testid", "transfer").Body(
		app.H2().Text("Export and import"),
		app.Div().Class("row").Body(
			app.Select().ID("export-format").DataSet("testid", "export-format").Attr("aria-label", "Export format").Body(
				app.Range(format.All()).Slice(func(i int) app.UI {
					f := format.All()[i]
					return app.Option().Value(f.Name()).Text(exportKind(f.Name(), f.Ext()).menu)
				}),
			),
			app.Button().DataSet("testid", "export-button").Text("Export").
				OnClick(func(ctx app.Context, e app.Event) {
					if p.OnExport != nil {
						p.OnExport(app.Window().GetElementByID("export-format").Get("value").String())
					}
				}),
		),
		app.Label().Class("muted").Body(
			app.Text("Import annotations: "),
			app.Input().Type("file").DataSet("testid", "import-input").
				OnChange(func(ctx app.Context, e app.Event) {
					if p.OnImport != nil {
						p.OnImport(ctx, ctx.JSSrc().Get("files"))
					}
					ctx.JSSrc().Set("value", "")
				}),
		),
	)
}

func (a *App) renderTransfer() app.UI {
	if a.doc() == nil || a.newPane {
		return app.Div()
	}
	return &transferPanel{
		OnExport: a.export,
		OnImport: func(ctx app.Context, files app.Value) {
			if files.Length() == 1 && strings.HasSuffix(strings.ToLower(files.Index(0).Get("name").String()), ".zip") {
				// A zip (Gloss's brat export, a corpus) holds its own
				// texts: the bulk importer reads it.
				a.importMany(ctx, files)
			} else {
				a.readFilesWith(ctx, files, a.importFile)
			}
		},
	}
}
