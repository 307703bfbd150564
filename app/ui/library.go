package ui

import (
	"fmt"
	"strings"

	"gloss/app/listing"
	"gloss/app/store"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// libRow is the height of one library row in CSS pixels (.lib li): the
// list draws only the rows in view, so its cost does not grow with the
// library.
const libRow = 52

// libView is what the library pane shows: the filter and the scroll window.
type libView struct {
	filter listing.Filter
	top    int // scrollTop of the list, in pixels
	height int // clientHeight of the list, in pixels
	texts  map[string]string
}

// shown returns the articles the filter selects, in library order.
func (a *App) shown() []store.Meta {
	if a.lv.filter.IsZero() {
		return a.metas
	}
	return listing.Apply(a.metas, a.lv.filter, a.articleText)
}

// articleText reads an article's text for the library search, once per
// revision of the article.
func (a *App) articleText(id string) string {
	if a.doc() != nil && a.doc().Meta.ID == id {
		return a.doc().Text
	}
	m, ok := a.lib.Meta(id)
	if !ok {
		return ""
	}
	key := fmt.Sprintf("%s/%d", id, m.Updated)
	if t, ok := a.lv.texts[key]; ok {
		return t
	}
	d, err := a.lib.Load(id)
	if err != nil && d.Text == "" {
		return ""
	}
	if a.lv.texts == nil {
		a.lv.texts = map[string]string{}
	}
	a.lv.texts[key] = d.Text
	return d.Text
}

func (a *App) renderLibrary() app.UI {
	shown := a.shown()
	counts := listing.Count(a.metas)
	// The box's height is known from the last scroll event; the box may
	// have grown since (a summary closed, the window resized) with no
	// event, so the window drawn is never shorter than 900 px: ~30 rows.
	h := max(a.lv.height, 900)
	first := max(0, a.lv.top/libRow-5)
	last := min(len(shown), first+h/libRow+12)
	if first > last {
		first = max(0, last-h/libRow-12)
	}
	rows := shown[first:last]
	return app.Aside().Class("side left").Attr("aria-label", "Library").Body(
		app.H2().Body(
			app.Text("Library "),
			app.Span().Class("count").DataSet("testid", "library-counts").Text(counts.String()),
		),
		app.If(len(a.metas) == 0, func() app.UI {
			return app.P().Class("muted").Text("No articles yet: paste one or drop files, a folder or a zip.")
		}),
		app.If(len(a.metas) > 0, func() app.UI { return a.renderLibraryFilter(len(shown)) }),
		app.Ul().ID("library-list").Class("lib").DataSet("testid", "library").
			OnScroll(func(ctx app.Context, e app.Event) {
				top, hh := ctx.JSSrc().Get("scrollTop").Int(), ctx.JSSrc().Get("clientHeight").Int()
				if top/libRow == a.lv.top/libRow && hh == a.lv.height {
					ctx.PreventUpdate() // the same rows are in view
				}
				a.lv.top, a.lv.height = top, hh
			}).Body(
			app.Li().Class("spacer").Style("height", fmt.Sprintf("%dpx", first*libRow)),
			app.Range(rows).Slice(func(i int) app.UI {
				m := rows[i]
				return a.renderLibraryItem(m)
			}),
			app.Li().Class("spacer").Style("height", fmt.Sprintf("%dpx", (len(shown)-last)*libRow)),
		),
		a.renderLibraryExport(),
		a.renderLibraryAgreement(),
		a.renderRoom(),
		app.H2().Text("Backup"),
		app.Div().Class("row").Body(
			app.Button().DataSet("testid", "backup").Text("Download backup").
				OnClick(func(ctx app.Context, e app.Event) { a.downloadBackup() }),
			app.Label().Class("muted").Body(
				app.Text("Restore: "),
				app.Input().Type("file").Accept(".json,application/json").DataSet("testid", "restore-input").
					OnChange(func(ctx app.Context, e app.Event) {
						a.readFilesWith(ctx, ctx.JSSrc().Get("files"), a.restoreBackup)
						ctx.JSSrc().Set("value", "")
					}),
			),
		),
	)
}

func (a *App) renderLibraryFilter(n int) app.UI {
	f := a.lv.filter
	statusOpt := func(s store.Status, text string) app.UI {
		return app.Option().Value(string(s)).Text(text).Selected(f.Status == s)
	}
	return app.Div().Class("lib-filter").Body(
		app.Input().Type("search").ID("library-search").DataSet("testid", "library-search").
			Placeholder("Find in titles and text").Attr("aria-label", "Find articles by title or text").
			Value(f.Query).
			OnInput(func(ctx app.Context, e app.Event) {
				a.lv.filter.Query = ctx.JSSrc().Get("value").String()
				a.lv.top = 0
			}),
		app.Div().Class("row").Body(
			app.Select().DataSet("testid", "library-filter-status").Attr("aria-label", "Show articles by status").Body(
				statusOpt("", "Any status"),
				statusOpt(store.StatusToDo, "To do"),
				statusOpt(store.StatusInProgress, "In progress"),
				statusOpt(store.StatusDone, "Done"),
			).OnChange(func(ctx app.Context, e app.Event) {
				a.lv.filter.Status = store.Status(ctx.JSSrc().Get("value").String())
				a.lv.top = 0
			}),
			app.Select().DataSet("testid", "library-filter-label").Attr("aria-label", "Show articles with a label").Body(
				app.Option().Value("").Text("Any label").Selected(f.Label == ""),
				app.Range(a.labels).Slice(func(i int) app.UI {
					name := a.labels[i].Name
					return app.Option().Value(name).Text(name).Selected(f.Label == name)
				}),
			).OnChange(func(ctx app.Context, e app.Event) {
				a.lv.filter.Label = ctx.JSSrc().Get("value").String()
				a.lv.top = 0
			}),
		),
		app.If(!f.IsZero(), func() app.UI {
			return app.P().Class("muted").DataSet("testid", "library-shown").Body(
				app.Text(fmt.Sprintf("Showing %d of %d. ", n, len(a.metas))),
				app.Button().Class("x").Text("Show all").OnClick(func(ctx app.Context, e app.Event) {
					a.lv.filter = listing.Filter{}
					a.lv.top = 0
				}),
			)
		}),
	)
}

func (a *App) renderLibraryItem(m store.Meta) app.UI {
	id := m.ID
	cls := "st-" + string(statusOf(m))
	if a.doc() != nil && a.doc().Meta.ID == id && !a.newPane {
		cls += " open"
	}
	return app.Li().Class(cls).DataSet("testid", "library-item").DataSet("id", id).DataSet("status", string(statusOf(m))).Body(
		app.If(a.renaming == id, func() app.UI {
			return app.Input().Type("text").Value(m.Title).AutoFocus(true).
				DataSet("testid", "library-rename-input").
				OnChange(func(ctx app.Context, e app.Event) {
					a.renaming = ""
					a.rename(itemID(ctx), ctx.JSSrc().Get("value").String())
				})
		}).Else(func() app.UI {
			return app.Span().Class("t").DataSet("testid", "library-title").Title(m.Title).Text(m.Title).
				OnClick(func(ctx app.Context, e app.Event) {
					a.msg = notice{} // the last article's message is not about this one
					a.open(ctx, itemID(ctx))
				})
		}),
		app.Span().Class("m").Body(
			app.Button().Class("status").DataSet("testid", "library-status").
				Title("Status: "+statusOf(m).String()+" (click for the next)").Text(statusOf(m).String()).
				OnClick(func(ctx app.Context, e app.Event) {
					id := itemID(ctx)
					if m, ok := a.lib.Meta(id); ok {
						a.setStatus(id, listing.Cycle(statusOf(m)))
					}
				}),
			app.Span().DataSet("testid", "library-size").Text(thousands(m.Chars)+" chars"),
			app.Span().Text("·"),
			app.Span().DataSet("testid", "library-count").Text(plural(m.Annotations, "label")),
			app.If(m.Source != "", func() app.UI {
				return app.Span().Class("src").DataSet("testid", "library-source").Title("From the file " + m.Source).Text(sourceName(m.Source))
			}),
			app.Button().DataSet("testid", "library-rename").Title("Rename").Text("✎").
				OnClick(func(ctx app.Context, e app.Event) { a.renaming = itemID(ctx) }),
			app.Button().DataSet("testid", "library-delete").Title("Delete").Text("✕").
				OnClick(func(ctx app.Context, e app.Event) { a.deleteArticle(ctx, itemID(ctx)) }),
		),
	)
}

// sourceName is the name of the file an article came from, without its
// folders (the whole path is the row's tooltip).
func sourceName(src string) string {
	if i := strings.LastIndexAny(src, "/\\"); i >= 0 && i < len(src)-1 {
		return src[i+1:]
	}
	return src
}

func statusOf(m store.Meta) store.Status {
	if m.Status == "" {
		return store.StatusToDo
	}
	return m.Status
}

// setStatus stores an article's status and refreshes the listing.
func (a *App) setStatus(id string, s store.Status) {
	if err := a.lib.SetStatus(id, s, now()); err != nil {
		a.storageError(err)
		return
	}
	a.refreshMeta(id)
	if m, ok := a.lib.Meta(id); ok && a.doc() != nil && a.doc().Meta.ID == id {
		a.doc().Meta.Status = m.Status
	}
	a.setNotice(fmt.Sprintf("%q is now %s. %s.", a.titleOf(id), s.String(), listing.Count(a.metas).String()))
}

func (a *App) titleOf(id string) string {
	if m, ok := a.lib.Meta(id); ok {
		return m.Title
	}
	return id
}

// refreshMeta puts an article's stored listing entry into a.metas, moving
// it to the top as the most recently updated: the list stays sorted
// without sorting the whole library again.
func (a *App) refreshMeta(id string) {
	m, ok := a.lib.Meta(id)
	if !ok {
		a.metas = a.lib.List()
		return
	}
	i := listing.Index(a.metas, id)
	if i < 0 {
		a.metas = a.lib.List()
		return
	}
	if i == 0 || a.metas[i].Updated == m.Updated {
		a.metas[i] = m
		return
	}
	copy(a.metas[1:i+1], a.metas[:i])
	a.metas[0] = m
}

// markStarted sets the open article in progress when it is to do and has
// labels: the first label starts the work on it.
func (a *App) markStarted() {
	d := a.doc()
	if d == nil || d.Set.Len() == 0 {
		return
	}
	if m, ok := a.lib.Meta(d.Meta.ID); ok && statusOf(m) == store.StatusToDo {
		if err := a.lib.SetStatus(d.Meta.ID, store.StatusInProgress, now()); err == nil {
			d.Meta.Status = store.StatusInProgress
		}
	}
}

// goArticle opens the next (by > 0) or previous article of the library as
// shown, or with toDo the next article to do.
func (a *App) goArticle(ctx app.Context, by int, toDo bool) {
	shown := a.shown()
	cur := ""
	if a.doc() != nil {
		cur = a.doc().Meta.ID
	}
	var id string
	var ok bool
	if toDo {
		id, ok = listing.NextToDo(shown, cur)
		if !ok {
			a.setNotice("Nothing left to do here: " + listing.Count(a.metas).String() + ".")
			return
		}
	} else if id, ok = listing.Step(shown, cur, by); !ok {
		return
	}
	a.open(ctx, id)
	a.revealLibraryItem(id)
}

// revealLibraryItem scrolls the library list to show the article's row.
func (a *App) revealLibraryItem(id string) {
	i := listing.Index(a.shown(), id)
	if i < 0 {
		return
	}
	h := a.lv.height
	if h <= 0 {
		h = 900
	}
	if top := i * libRow; top < a.lv.top || top+libRow > a.lv.top+h {
		a.lv.top = max(0, top-h/2)
		if app.IsClient {
			if el := app.Window().GetElementByID("library-list"); el.Truthy() {
				el.Set("scrollTop", a.lv.top)
			}
		}
	}
}

// statusButton is the open article's status in the top bar; it cycles.
func (a *App) statusButton() app.UI {
	s := statusOf(a.doc().Meta)
	return app.Button().Class("status st-"+string(s)).DataSet("testid", "status").
		Title("Status of this article (S: next status, D: done)").Text(s.String()).
		OnClick(func(ctx app.Context, e app.Event) {
			if a.doc() != nil {
				a.setStatus(a.doc().Meta.ID, listing.Cycle(statusOf(a.doc().Meta)))
			}
		})
}
