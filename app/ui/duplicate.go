package ui

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gloss/app/text"
)

// createOrOffer stores art as a new article and opens it, unless the
// library already holds the very same text: then nothing is stored yet and
// the message offers to open the article kept (with its annotations) or to
// keep both. before, when not nil, runs as either article opens (see
// App.opening); done runs once the article shown is the new one (created)
// or the one kept.
func (a *App) createOrOffer(ctx app.Context, art text.Article, source string, notices []text.Notice, before func(), done func(created bool)) {
	create := func(ctx app.Context) {
		var err error
		a.opening(before, func() { err = a.create(ctx, art, source, notices) })
		if err == nil && done != nil {
			done(true)
		}
	}
	m, ok := a.lib.WithText(art.Text)
	if !ok {
		create(ctx)
		return
	}
	a.msg = notice{
		Text: fmt.Sprintf("This text is already in the library as %q (%s, %s). Open that article, or keep both?",
			m.Title, plural(m.Annotations, "annotation"), statusOf(m).String()),
		Action: "Open it",
		do: func(ctx app.Context) {
			a.opening(before, func() { a.open(ctx, m.ID) })
			if a.doc() != nil && a.doc().Meta.ID == m.ID {
				a.setNotice(fmt.Sprintf("Opened %q, already in the library; nothing new was stored.", m.Title))
				a.focusAfterRender = "article"
				if done != nil {
					done(false)
				}
			}
		},
		Extra: "Keep both",
		extra: create,
	}
}
