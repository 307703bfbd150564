package ui

import (
	"fmt"
	"strconv"
	"strings"

	"gloss/app/listing"
	"gloss/app/store"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// libView is what the library pane shows: the filter and the scroll window.
type libView struct {
	filter listing.Filter
	top    int // scrollTop of the list, in pixels
	height int // clientHeight of the list, in pixels
	window int // the window's innerHeight at start, in pixels (0 when unknown)
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
	key := id + "/" + strconv.FormatInt(m.Updated, 10)
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
	if a.libLater && !a.restShown() && !a.showLib {
		// Hidden behind ☰ (or in an embed): its contents come with the rest.
		return app.Aside().Class("side left").Attr("aria-label", "Library")
	}
	shown := a.shown()
	open := ""
	if a.doc() != nil && !a.newPane {
		open = a.doc().Meta.ID
	}
	return app.Aside().Class("side left").Attr("aria-label", "Library").Body(
		app.H2().Body(
			app.Text("Library "),
			app.Span().Class("count").DataSet("testid", "library-counts").Text(listing.Count(a.metas).String()),
		),
		app.If(len(a.metas) == 0, func() app.UI {
			return app.P().Class("muted").Text("No articles yet: paste one or drop files, a folder or a zip.")
		}),
		app.If(len(a.metas) > 0, func() app.UI {
			return &libraryFilter{
				Filter: a.lv.filter, Labels: a.labels, Shown: len(shown), Total: len(a.metas),
				OnFilter: func(change func(*listing.Filter)) {
					change(&a.lv.filter)
					a.lv.top = 0
				},
			}
		}),
		&libraryList{
			Shown: shown, Open: open, Renaming: a.renaming, Top: a.lv.top, Height: a.lv.height,
			InView: a.firstScreenList(),
			OnScroll: func(top, h int) bool {
				moved := top/libRow != a.lv.top/libRow || h != a.lv.height
				a.lv.top, a.lv.height = top, h
				return moved
			},
			OnOpen: func(ctx app.Context, id string) {
				a.msg = notice{} // the last article's message is not about this one
				a.open(ctx, id)
			},
			OnStatus: func(id string) {
				if m, ok := a.lib.Meta(id); ok {
					a.setStatus(id, listing.Cycle(statusOf(m)))
				}
			},
			OnStartRename: func(id string) { a.renaming = id },
			OnRename: func(id, title string) {
				a.renaming = ""
				a.rename(id, title)
			},
			OnDelete: a.deleteArticle,
		},
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

// firstScreenList is how high the library list can be on the first screen:
// its box is not laid out yet, but it is no higher than the window. The
// first render then draws only the rows that can be in view (~16 at 800 px
// against libWindow's 29: a row is ~11 elements, each created by its own
// calls into JavaScript); the rest's render, after the first paint, draws
// the margins that keep a scroll smooth. 0 once the rest is shown.
func (a *App) firstScreenList() int {
	if a.restShown() {
		return 0
	}
	if a.lv.height > 0 {
		return a.lv.height // scrolled already: the box's own height
	}
	return a.lv.window
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
