package ui

import (
	"fmt"
	"strings"

	"gloss/app/annot"
	"gloss/app/format"
	"gloss/app/store"
	"gloss/app/text"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// bratExtra returns the brat lines Gloss does not model (relations,
// events, attributes…) kept with the open article, so an export writes
// them back unchanged.
func (a *App) bratExtra() *format.BratExtra {
	if a.doc == nil || len(a.doc.kept["brat"]) == 0 {
		return nil
	}
	return &format.BratExtra{Lines: a.doc.kept["brat"]}
}

func (a *App) renderTransfer() app.UI {
	if a.doc == nil || a.newPane {
		return app.Div()
	}
	return app.Div().DataSet("testid", "transfer").Body(
		app.H2().Text("Export and import"),
		app.Div().Class("row").Body(
			app.Select().ID("export-format").DataSet("testid", "export-format").Attr("aria-label", "Export format").Body(
				app.Range(format.All()).Slice(func(i int) app.UI {
					f := format.All()[i]
					return app.Option().Value(f.Name()).Text(f.Name() + " (" + f.Ext() + ")")
				}),
			),
			app.Button().DataSet("testid", "export-button").Text("Export").
				OnClick(func(ctx app.Context, e app.Event) {
					a.export(app.Window().GetElementByID("export-format").Get("value").String())
				}),
		),
		app.Label().Class("muted").Body(
			app.Text("Import annotations: "),
			app.Input().Type("file").DataSet("testid", "import-input").
				OnChange(func(ctx app.Context, e app.Event) {
					a.readFilesWith(ctx, ctx.JSSrc().Get("files"), a.importFile)
					ctx.JSSrc().Set("value", "")
				}),
		),
	)
}

// exportDoc is the open article as the formats see it.
func (a *App) exportDoc() format.Doc {
	d := a.doc
	return format.Doc{Title: d.meta.Title, Text: d.text, Annotations: d.set.All(), Brat: a.bratExtra()}
}

// exported encodes the open article in the named format.
func (a *App) exported(name string) (string, []byte, error) {
	f, ok := format.ByName(name)
	if !ok {
		return "", nil, fmt.Errorf("unknown format %q", name)
	}
	data, err := f.Encode(a.exportDoc())
	if err != nil {
		return "", nil, err
	}
	return safeFileName(a.doc.meta.Title) + f.Ext(), data, nil
}

func (a *App) export(name string) {
	if a.doc == nil {
		return
	}
	file, data, err := a.exported(name)
	if err != nil {
		a.setError("Export failed: " + err.Error())
		return
	}
	glossJS().Call("download", file, "application/octet-stream", string(data))
	if name == "brat" {
		// brat needs the text beside the .ann.
		glossJS().Call("download", strings.TrimSuffix(file, ".ann")+".txt", "text/plain", a.doc.text)
	}
	f, _ := format.ByName(name)
	total := a.doc.set.Len()
	left := format.Omitted(f, a.exportDoc())
	if len(left) == 0 {
		a.setNotice(fmt.Sprintf("Exported %d annotation(s) as %s.", total, file))
		return
	}
	// Said as a warning: a training file missing spans must not pass unseen.
	a.setError(fmt.Sprintf("Exported %d of %d annotations as %s. %s brat, W3C and JSONL keep every annotation.",
		total-len(left), total, file, format.Describe(left, 5)))
}

func safeFileName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '/' || r == '\\' || r == ':' || r == '*' || r == '?' || r == '"' || r == '<' || r == '>' || r == '|' || r < 32:
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
		if b.Len() > 80 {
			break
		}
	}
	if strings.TrimSpace(b.String()) == "" {
		return "article"
	}
	return strings.TrimSpace(b.String())
}

// importFile reads annotations into the open article when the file's text
// is the article's (or the file carries no text), else as a new article.
// Nothing changes unless the whole file is good.
func (a *App) importFile(ctx app.Context, name string, data []byte) {
	if strings.HasSuffix(strings.ToLower(name), ".txt") {
		a.setError(name + " is a text file: to annotate it, load it as a new article (+ New). To import brat annotations, choose the .ann file.")
		return
	}
	f, ok := format.Detect(name, data)
	if !ok {
		a.setError(fmt.Sprintf("%s: not a format Gloss reads (brat .ann, W3C .jsonld, JSONL, CoNLL, CSV). Nothing was imported.", name))
		return
	}
	cur := ""
	if a.doc != nil {
		cur = a.doc.text
	}
	docs, rep, err := format.DecodeAll(f, data, cur)
	if err != nil {
		a.setError(fmt.Sprintf("%s: %v", name, err))
		return
	}
	if len(docs) == 0 {
		a.setError(name + ": no annotations found. Nothing was imported.")
		return
	}
	unit := ""
	if rep.Unit != "" && rep.Unit != format.UnitCodePoints {
		unit = " Offsets were in " + rep.Unit + " and were converted."
	}
	notes := ""
	if len(rep.Notes) > 0 {
		notes = " " + strings.Join(rep.Notes, "; ") + "."
	}
	if len(docs) == 1 && a.doc != nil && (docs[0].Text == "" || docs[0].Text == a.doc.text) {
		d := docs[0]
		as := append([]annot.Annotation(nil), d.Annotations...)
		for i := range as {
			if as[i].ID == "" {
				as[i].ID = annot.NewID()
			}
		}
		a.changeAnnotations("import", func(s *annot.Set) error {
			s.Replace(mergeImported(s.All(), as))
			return nil
		})
		a.keepBrat(a.doc.meta.ID, d.Brat)
		a.setNotice(fmt.Sprintf("Imported %d annotation(s) from %s (%s).%s%s", len(d.Annotations), name, f.Name(), unit, notes))
		return
	}
	if len(docs) == 1 && a.doc != nil && docs[0].Text != "" {
		// The same article with small differences (re-imported after an
		// edit elsewhere): find each annotation again in the open text.
		placed, lost := annot.Reanchor(docs[0].Text, a.doc.text, docs[0].Annotations)
		if len(placed) > 0 && len(placed) >= 4*len(lost) {
			a.changeAnnotations("import", func(s *annot.Set) error {
				s.Replace(mergeImported(s.All(), placed))
				return nil
			})
			if len(lost) > 0 {
				a.saveOrphans(a.doc.meta.ID, append(a.orphans(), lost...))
			}
			a.setNotice(fmt.Sprintf("Imported %d annotation(s) from %s (%s); its text differs a little from this article's, so they were found again by their text and context.%s%s",
				len(placed), name, f.Name(), map[bool]string{true: fmt.Sprintf(" %d could not be placed and are listed under Orphans.", len(lost)), false: ""}[len(lost) > 0], notes))
			return
		}
	}
	// The file carries its own texts: each becomes an article.
	created := 0
	for _, d := range docs {
		if d.Text == "" {
			continue
		}
		t := now()
		title := d.Title
		if title == "" {
			title = text.TitleOf(d.Text)
		}
		sd := storeDoc(title, d.Text, d.Annotations, t)
		sd.Source = name
		if d.Brat != nil {
			sd.Kept = map[string][]string{"brat": d.Brat.Lines}
		}
		meta, err := a.lib.Create(sd)
		if err != nil {
			a.storageError(err)
			break
		}
		created++
		if created == 1 {
			a.metas = a.lib.List()
			a.open(ctx, meta.ID)
		}
	}
	a.metas = a.lib.List()
	a.setNotice(fmt.Sprintf("Imported %d article(s) with their annotations from %s (%s).%s%s", created, name, f.Name(), unit, notes))
}

// keepBrat stores the brat lines Gloss does not model with the article.
func (a *App) keepBrat(id string, x *format.BratExtra) {
	if x == nil {
		return
	}
	if err := a.lib.SaveKept(id, "brat", x.Lines, now()); err != nil {
		a.storageError(err)
		return
	}
	if a.doc != nil && a.doc.meta.ID == id {
		a.doc.kept = map[string][]string{"brat": x.Lines}
	}
}

// mergeImported adds imported annotations to the existing ones, skipping
// spans already carrying the same label.
func mergeImported(have, imported []annot.Annotation) []annot.Annotation {
	out := append([]annot.Annotation(nil), have...)
	seen := map[[2]int]map[string]bool{}
	for _, x := range have {
		k := [2]int{x.Start, x.End}
		if seen[k] == nil {
			seen[k] = map[string]bool{}
		}
		seen[k][x.Label] = true
	}
	for _, x := range imported {
		k := [2]int{x.Start, x.End}
		if seen[k][x.Label] {
			continue
		}
		if seen[k] == nil {
			seen[k] = map[string]bool{}
		}
		seen[k][x.Label] = true
		out = append(out, x)
	}
	return out
}

func storeDoc(title, txt string, as []annot.Annotation, t int64) store.Doc {
	return store.Doc{Meta: store.Meta{Title: title, Created: t, Updated: t, Kind: text.KindText}, Text: txt, Annotations: as}
}
