package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// filesAccepted is what the new-article file input offers to choose:
// articles, and annotation files and archives of every format Gloss reads.
const filesAccepted = ".txt,.text,.md,.markdown,.html,.htm,.mhtml,.mht,.webarchive,.zip,.ann,.conf,.jsonl,.json,.jsonld,.conll,.iob,.bio,.bilou,.csv,text/plain,text/markdown,text/html,multipart/related,application/zip"

// newArticlePane is where an article comes in: a box to paste it, a file
// or folder to choose, the drop hint. It stays in the page, hidden while
// an article is open, so what was pasted is not lost on the way back. It
// reports the pasted text and the files chosen through callbacks.
type newArticlePane struct {
	app.Compo

	Hidden   bool // an article is open over it
	Dropping bool // files are being dragged over the page
	CanBack  bool // an article is open behind it: offer to go back

	OnPaste func(ctx app.Context, text string)
	OnFiles func(ctx app.Context, files app.Value) // a FileList
	OnBack  func()
}

// Render draws the pane.
func (p *newArticlePane) Render() app.UI {
	drop := "drop"
	if p.Dropping {
		drop += " over"
	}
	files := func(ctx app.Context, e app.Event) {
		if p.OnFiles != nil {
			p.OnFiles(ctx, ctx.JSSrc().Get("files"))
		}
		ctx.JSSrc().Set("value", "")
	}
	return app.Section().Class("new").DataSet("testid", "new-form").Hidden(p.Hidden).Body(
		app.H1().Text("Annotate an article"),
		app.P().Class("muted").Text("Paste the text (plain, Markdown or HTML), or choose a file (.txt, .md, .html, or a page saved as .mhtml or .webarchive). Everything stays in this browser."),
		app.Textarea().ID("paste-input").DataSet("testid", "paste-input").
			Attr("aria-label", "Article text").
			Placeholder("Paste an article here…"),
		app.Div().Class("row").Body(
			app.Button().Class("primary").DataSet("testid", "paste-load").Text("Load pasted text").
				OnClick(func(ctx app.Context, e app.Event) {
					if p.OnPaste != nil {
						p.OnPaste(ctx, readText(app.Window().GetElementByID("paste-input").Get("value")))
					}
				}),
			app.Label().Body(
				app.Text("or a file: "),
				app.Input().Type("file").DataSet("testid", "file-input").Multiple(true).
					Accept(filesAccepted).OnChange(files),
			),
			app.If(p.CanBack, func() app.UI {
				return app.Button().Text("Back to the article").
					OnClick(func(ctx app.Context, e app.Event) { call(p.OnBack) })
			}),
		),
		app.Label().Class("muted").Body(
			app.Text("A whole folder (brat, JSONL, CoNLL, W3C or articles): "),
			app.Input().Type("file").DataSet("testid", "folder-input").Attr("webkitdirectory", "").Multiple(true).
				OnChange(files),
		),
		app.Div().Class(drop).Text("…or drop files, a folder or a .zip anywhere on the page."),
	)
}

// renderNewPane draws the new-article pane; while it is hidden (an article
// is open) it waits for the rest of the page (rest.go).
func (a *App) renderNewPane() app.UI {
	if a.newPane || a.doc() == nil {
		// Shown: from now on the pane stays mounted (a paste survives
		// going back), whatever the first screen left for later.
		a.rest = true
		return a.renderNew()
	}
	return a.later(a.renderNew)
}

// renderNew draws the new-article pane over the page's state.
func (a *App) renderNew() app.UI {
	return &newArticlePane{
		Hidden:   !(a.newPane || a.doc() == nil),
		Dropping: a.dropOver,
		CanBack:  a.doc() != nil,
		OnPaste:  a.loadPaste,
		OnFiles:  a.readFiles,
		OnBack: func() {
			a.newPane = false
			a.ctx.Defer(func(ctx app.Context) { a.draw() })
		},
	}
}
