package ui

import (
	"fmt"

	"gloss/app/agree"
	"gloss/app/convert"
	"gloss/app/corpus/batch"
	"gloss/app/format"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// libAgreement is the library (or the articles its filter shows) compared
// with a colleague's export of the corpus: the same figures as
// `gloss agree`, the library as A and theirs as B.
type libAgreement struct {
	name  string // their file
	res   *agree.Result
	notes []string // documents left out, and why
}

// compareLibrary reads a colleague's export (a zip of brat pairs, a JSONL,
// CoNLL or W3C file…), pairs its documents with the library's articles by
// file name, else by text, and scores theirs against the library.
func (a *App) compareLibrary(ctx app.Context, name string, data []byte) {
	r, err := convert.Read([]batch.File{{Name: name, Data: data}})
	if err != nil {
		a.setError(fmt.Sprintf("%s could not be read: %s Nothing was compared.", name, sentence(err.Error())))
		return
	}
	if refused := r.Refused(); len(refused) > 0 {
		f := refused[0]
		a.setError(fmt.Sprintf("%s: %s refused (%s: %s); agreement over part of the documents would mislead, so nothing was compared.",
			name, plural(len(refused), "file"), f.Name, f.Refused))
		return
	}
	if len(r.Articles) == 0 {
		a.setError(name + " holds no articles to compare with the library.")
		return
	}
	metas := a.shown()
	mine := make([]batch.Article, 0, len(metas))
	for _, m := range metas {
		var fd format.Doc
		if a.doc() != nil && a.doc().Meta.ID == m.ID {
			fd = a.exportDoc() // as it is in the tab, saved or not
		} else {
			d, err := a.lib.Load(m.ID)
			if d.Text == "" && err != nil {
				a.setError(fmt.Sprintf("%q could not be read (%v): nothing was compared.", m.Title, err))
				return
			}
			fd = format.Doc{Title: d.Title, Text: d.Text, Annotations: d.Annotations}
		}
		src := m.Source
		if src == "" {
			src = m.Title
		}
		mine = append(mine, batch.Article{File: src, Source: src, Doc: fd})
	}
	docs, notes := agree.PairDocs(mine, r.Articles, "the library", name)
	if len(docs) == 0 {
		a.setError(fmt.Sprintf("No document of %s has the name or the text of an article in the library: nothing to compare.", name))
		return
	}
	a.libAgree = &libAgreement{name: name, res: agree.Compare(docs), notes: notes}
	a.setNotice(fmt.Sprintf("Compared %s of the library with %s.", plural(len(docs), "article"), name))
}

// renderLibraryAgreement is the file input, and the figures once compared.
func (a *App) renderLibraryAgreement() app.UI {
	input := app.Label().Class("muted").Body(
		app.Text("Compare with a colleague's export: "),
		app.Input().Type("file").DataSet("testid", "library-agree-input").
			Attr("aria-label", "A colleague's export of the corpus to compare the library with").
			OnChange(func(ctx app.Context, e app.Event) {
				a.readFilesWith(ctx, ctx.JSSrc().Get("files"), a.compareLibrary)
				ctx.JSSrc().Set("value", "")
			}),
	)
	g := a.libAgree
	if g == nil {
		return app.Div().Class("lib-agree").Body(input)
	}
	r := g.res
	return app.Section().Class("lib-agree").DataSet("testid", "library-agree").Body(
		app.H2().Body(
			app.Text("Agreement "),
			app.Button().Class("x").Text("close").DataSet("testid", "library-agree-close").
				OnClick(func(ctx app.Context, e app.Event) { a.libAgree = nil }),
		),
		app.P().Class("muted").Text(fmt.Sprintf("%s against the library over %s: precision is the share of theirs the library has.",
			g.name, plural(r.Documents, "article"))),
		app.Div().Class("scroll-x").Body(&agreementTable{Result: r, TestID: "library-agree-table"}),
		kappaLine(r, "library-agree-kappa"),
		confusionTable(r.Confusion),
		app.If(len(g.notes) > 0, func() app.UI {
			return app.Details().DataSet("testid", "library-agree-notes").Body(
				app.Summary().Text(plural(len(g.notes), "note")),
				app.Ul().Body(app.Range(g.notes).Slice(func(i int) app.UI { return app.Li().Text(g.notes[i]) })),
			)
		}),
		input,
	)
}

// confusionTable counts tokens by the library's label (rows) and theirs
// (columns); O is no label.
func confusionTable(c *agree.Confusion) app.UI {
	labels := c.Labels()
	return app.Div().Class("scroll-x").Body(
		app.Table().Class("agree").DataSet("testid", "library-agree-confusion").Body(
			app.Caption().Class("muted").Text("Tokens: the library's label (rows) against theirs (columns)"),
			app.THead().Body(app.Tr().Body(
				app.Th().Text(""),
				app.Range(labels).Slice(func(j int) app.UI { return app.Th().Text(labels[j]) }),
			)),
			app.TBody().Body(app.Range(labels).Slice(func(i int) app.UI {
				return app.Tr().DataSet("label", labels[i]).Body(
					app.Th().Text(labels[i]),
					app.Range(labels).Slice(func(j int) app.UI {
						return app.Td().Text(thousands(c.Cells[[2]string{labels[i], labels[j]}]))
					}),
				)
			})),
		),
	)
}
