package ui

import (
	"strconv"

	"gloss/app/annot"
	"gloss/app/listing"
	"gloss/app/store"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// libraryFilter is the library's search box and its status and label
// filters, with "Showing n of m" while any is set. It gets the filter as a
// prop and reports each change through OnFilter as a change to apply: the
// page applies it to the filter it holds, as two events may come before
// the props are drawn again.
type libraryFilter struct {
	app.Compo

	Filter   listing.Filter
	Labels   annot.Labels // the label filter's choices
	Shown    int          // articles the filter selects
	Total    int          // articles in the library
	OnFilter func(change func(*listing.Filter))
}

func (p *libraryFilter) set(change func(*listing.Filter)) {
	if p.OnFilter != nil {
		p.OnFilter(change)
	}
}

// Render draws the filter.
func (p *libraryFilter) Render() app.UI {
	f := p.Filter
	statusOpt := func(s store.Status, text string) app.UI {
		return app.Option().Value(string(s)).Text(text).Selected(f.Status == s)
	}
	return app.Div().Class("lib-filter").Body(
		app.Input().Type("search").ID("library-search").DataSet("testid", "library-search").
			Placeholder("Find in titles and text").Attr("aria-label", "Find articles by title or text").
			Value(f.Query).
			OnInput(func(ctx app.Context, e app.Event) {
				q := ctx.JSSrc().Get("value").String()
				p.set(func(f *listing.Filter) { f.Query = q })
			}),
		app.Div().Class("row").Body(
			app.Select().DataSet("testid", "library-filter-status").Attr("aria-label", "Show articles by status").Body(
				statusOpt("", "Any status"),
				statusOpt(store.StatusToDo, "To do"),
				statusOpt(store.StatusInProgress, "In progress"),
				statusOpt(store.StatusDone, "Done"),
			).OnChange(func(ctx app.Context, e app.Event) {
				s := store.Status(ctx.JSSrc().Get("value").String())
				p.set(func(f *listing.Filter) { f.Status = s })
			}),
			app.Select().DataSet("testid", "library-filter-label").Attr("aria-label", "Show articles with a label").Body(
				app.Option().Value("").Text("Any label").Selected(f.Label == ""),
				app.Range(p.Labels).Slice(func(i int) app.UI {
					name := p.Labels[i].Name
					return app.Option().Value(name).Text(name).Selected(f.Label == name)
				}),
			).OnChange(func(ctx app.Context, e app.Event) {
				l := ctx.JSSrc().Get("value").String()
				p.set(func(f *listing.Filter) { f.Label = l })
			}),
		),
		app.If(!f.IsZero(), func() app.UI {
			return app.P().Class("muted").DataSet("testid", "library-shown").Body(
				app.Text("Showing "+thousands(p.Shown)+" of "+thousands(p.Total)+". "),
				app.Button().Class("x").Text("Show all").OnClick(func(ctx app.Context, e app.Event) {
					p.set(func(f *listing.Filter) { *f = listing.Filter{} })
				}),
			)
		}),
	)
}

// libRow is the height of one library row in CSS pixels (.lib li): the
// list draws only the rows in view, so its cost does not grow with the
// library.
const libRow = 52

// libWindow returns the rows [first, last) of n to draw for a list
// scrolled to top whose box is height pixels high. The height is known
// from the last scroll event; the box may have grown since (a summary
// closed, the window resized) with no event, so the window drawn is never
// shorter than 900 px: ~30 rows, and a few more either side.
func libWindow(n, top, height int) (first, last int) {
	h := max(height, 900)
	first = max(0, top/libRow-5)
	last = min(n, first+h/libRow+12)
	if first > last {
		first = max(0, last-h/libRow-12)
	}
	return first, last
}

// libInView returns the rows [first, last) of n that a box height pixels
// high, scrolled to top, shows: not one row more. The first screen draws
// only these (see rest.go); the rest's render adds libWindow's margins.
func libInView(n, top, height int) (first, last int) {
	first = min(n, max(0, top)/libRow)
	last = min(n, (max(0, top)+max(0, height)+libRow-1)/libRow)
	return first, last
}

// libraryList is the library's virtual list: a row per article the filter
// shows (title, status, size, labels, source file, rename and delete),
// drawing only the rows near the scroll window. The window is a prop
// because the page scrolls it too (to reveal the article it opens); the
// list reports scrolling through OnScroll, which says whether other rows
// came into view (else the list is not drawn again), and each row's
// buttons through the other callbacks, by article ID.
type libraryList struct {
	app.Compo

	Shown       []store.Meta
	Open        string // ID of the open article, "" when none
	Renaming    string // ID of the article whose title is being edited
	Top, Height int    // the list's scrollTop and clientHeight, in pixels
	// InView, when set, is the most the box can be high (the window's
	// height, before the first paint has laid it out): the list draws only
	// the rows that can be in view, not libWindow's margins.
	InView int

	OnScroll      func(top, height int) (moved bool)
	OnOpen        func(ctx app.Context, id string)
	OnStatus      func(id string) // the status button: the next status
	OnStartRename func(id string)
	OnRename      func(id, title string)
	OnDelete      func(ctx app.Context, id string)
}

// Render draws the rows in view between two spacers as high as the rows
// left out.
func (p *libraryList) Render() app.UI {
	first, last := libWindow(len(p.Shown), p.Top, p.Height)
	if p.InView > 0 {
		first, last = libInView(len(p.Shown), p.Top, p.InView)
	}
	rows := p.Shown[first:last]
	return app.Ul().ID("library-list").Class("lib").DataSet("testid", "library").
		OnScroll(func(ctx app.Context, e app.Event) {
			top, h := ctx.JSSrc().Get("scrollTop").Int(), ctx.JSSrc().Get("clientHeight").Int()
			if p.OnScroll != nil && !p.OnScroll(top, h) {
				ctx.PreventUpdate() // the same rows are in view
			}
		}).Body(
		app.Li().Class("spacer").Style("height", strconv.Itoa(first*libRow)+"px"),
		app.Range(rows).Slice(func(i int) app.UI { return p.row(rows[i]) }),
		app.Li().Class("spacer").Style("height", strconv.Itoa((len(p.Shown)-last)*libRow)+"px"),
	)
}

// row draws one article. Its handlers find the article by the row's
// data-id, as go-app may reuse the row for another article.
func (p *libraryList) row(m store.Meta) app.UI {
	st := statusOf(m)
	cls := "st-" + string(st)
	if p.Open == m.ID {
		cls += " open"
	}
	return app.Li().Class(cls).DataSet("testid", "library-item").DataSet("id", m.ID).DataSet("status", string(st)).Body(
		app.If(p.Renaming == m.ID, func() app.UI {
			return app.Input().Type("text").Value(m.Title).AutoFocus(true).
				DataSet("testid", "library-rename-input").
				OnChange(func(ctx app.Context, e app.Event) {
					if p.OnRename != nil {
						p.OnRename(itemID(ctx), ctx.JSSrc().Get("value").String())
					}
				})
		}).Else(func() app.UI {
			return app.Span().Class("t").DataSet("testid", "library-title").Title(m.Title).Text(m.Title).
				OnClick(func(ctx app.Context, e app.Event) {
					if p.OnOpen != nil {
						p.OnOpen(ctx, itemID(ctx))
					}
				})
		}),
		app.Span().Class("m").Body(
			app.Button().Class("status").DataSet("testid", "library-status").
				Title("Status: "+st.String()+" (click for the next)").Text(st.String()).
				OnClick(func(ctx app.Context, e app.Event) {
					if p.OnStatus != nil {
						p.OnStatus(itemID(ctx))
					}
				}),
			app.Span().DataSet("testid", "library-size").Text(thousands(m.Chars)+" chars"),
			app.Span().Class("dot").Text("·"),
			app.Span().DataSet("testid", "library-count").Text(plural(m.Annotations, "label")),
			app.If(m.Source != "", func() app.UI {
				return app.Span().Class("src").DataSet("testid", "library-source").Title("From the file " + m.Source).Text(sourceName(m.Source))
			}),
			app.Button().DataSet("testid", "library-rename").Title("Rename").Text("✎").
				OnClick(func(ctx app.Context, e app.Event) {
					if p.OnStartRename != nil {
						p.OnStartRename(itemID(ctx))
					}
				}),
			app.Button().DataSet("testid", "library-delete").Title("Delete").Text("✕").
				OnClick(func(ctx app.Context, e app.Event) {
					if p.OnDelete != nil {
						p.OnDelete(ctx, itemID(ctx))
					}
				}),
		),
	)
}
