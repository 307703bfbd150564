package ui

import (
	"strconv"
	"strings"

	"gloss/app/annot"
	"gloss/app/entity"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// searchBox is the search field and its results, in the ARIA combobox
// pattern: the focus stays in the box, ↓ ↑ (handled by the finder's keys)
// move the active option (aria-activedescendant), a screen reader hears it.
// It gets the results as props and reports what is typed (OnInput) and
// the result clicked (OnChoose); whether the list is closed (the focus
// left the box) is its own state.
type searchBox struct {
	app.Compo

	Hits     []entity.Hit
	Query    string // what Hits answer (the list's data-query: a test knows the list is up to date)
	Active   int    // the chosen result
	Labels   annot.Labels
	Disabled bool // no article open
	OnInput  func(query string)
	OnChoose func(i int)

	closed bool
}

// Render draws the box. Handlers read the props when they run (go-app
// keeps the first handler of a reused element, its issue #1010).
func (p *searchBox) Render() app.UI {
	open := len(p.Hits) > 0 && !p.closed
	active := ""
	if open && p.Active < len(p.Hits) {
		active = "search-result-" + strconv.Itoa(p.Active)
	}
	return app.Div().Class("search").Body(
		app.Input().Type("search").ID("search-input").DataSet("testid", "search-input").
			Placeholder("Search names and words (/)").
			Role("combobox").
			Attr("aria-label", "Search the article").
			Attr("aria-autocomplete", "list").
			Attr("aria-expanded", open).
			Attr("aria-controls", "search-results").
			Attr("aria-activedescendant", active).
			Attr("autocomplete", "off").
			Disabled(p.Disabled).
			OnInput(func(ctx app.Context, e app.Event) {
				p.closed = false
				if p.OnInput != nil {
					p.OnInput(ctx.JSSrc().Get("value").String())
				}
			}).
			OnFocus(func(ctx app.Context, e app.Event) { p.closed = false }).
			// The list closes when the focus leaves the box (a click on a
			// result keeps the focus: its mousedown is cancelled).
			OnBlur(func(ctx app.Context, e app.Event) { p.closed = true }),
		app.If(open, func() app.UI {
			return app.Ul().ID("search-results").Class("results").Role("listbox").Attr("aria-label", "Search results").
				DataSet("testid", "search-results").DataSet("query", p.Query).Body(
				app.Range(p.Hits).Slice(func(i int) app.UI {
					h := p.Hits[i]
					cls := ""
					if i == p.Active {
						cls = "active"
					}
					return app.Li().ID("search-result-"+strconv.Itoa(i)).Role("option").Attr("aria-selected", i == p.Active).
						Class(cls).DataSet("testid", "search-result").DataSet("index", i).
						OnMouseDown(func(ctx app.Context, e app.Event) { e.PreventDefault() }).
						OnClick(func(ctx app.Context, e app.Event) {
							if p.OnChoose != nil {
								p.OnChoose(i)
							}
						}).Body(
						app.Span().DataSet("testid", "search-result-text").Body(emphasis(h.Text, h.Matched)...),
						app.Span().Class("count").Body(
							app.If(h.Label != "", func() app.UI {
								return app.Span().Class("lab").Style("--c", p.Labels.Color(h.Label)).Text(h.Label + " ")
							}),
							app.Text(plural(len(h.Mentions), "mention")),
						),
					)
				}),
			)
		}),
	)
}

// renderSearch draws the search box over the finder's results.
func (f *finder) renderSearch() app.UI {
	return &searchBox{
		Hits:     f.hits,
		Query:    f.query,
		Active:   f.active,
		Labels:   f.a.labels,
		Disabled: f.a.doc() == nil,
		OnInput:  f.search,
		OnChoose: func(i int) {
			f.choose(i)
			f.paintHits()
			f.step(false)
		},
	}
}

// emphasis renders text with the matched runes in bold, as text nodes only.
func emphasis(s string, matched []int) []app.UI {
	runes := []rune(s)
	on := make(map[int]bool, len(matched))
	for _, i := range matched {
		on[i] = true
	}
	var out []app.UI
	var b strings.Builder
	bold := false
	flush := func() {
		if b.Len() == 0 {
			return
		}
		if bold {
			out = append(out, app.B().Text(b.String()))
		} else {
			out = append(out, app.Text(b.String()))
		}
		b.Reset()
	}
	for i, r := range runes {
		if on[i] != bold {
			flush()
			bold = on[i]
		}
		b.WriteRune(r)
	}
	flush()
	return out
}
