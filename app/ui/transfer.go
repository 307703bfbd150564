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
	var docs []format.Doc
	var rep format.Report
	var err error
	if a.doc != nil {
		// Onto the open article, found again where its text was edited,
		// unless the file holds several articles of its own.
		if all, _, aerr := format.DecodeAll(f, data, ""); aerr != nil || len(all) <= 1 {
			if a.importOnto(name, f, data) {
				return
			}
		}
	}
	docs, rep, err = format.DecodeAll(f, data, "")
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
	if created == 0 && a.msg.Error {
		return // the storage error is the message
	}
	if created == 0 {
		a.setError(fmt.Sprintf("%s carries annotations but not the text they belong to: open that article, then import the file. Nothing was imported.", name))
		return
	}
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

// importOnto imports a file's annotations onto the open article, found
// again by their quote and context where its text differs from the file's,
// and reports placed, moved and orphaned. It returns false, changing
// nothing, when the file carries a text of its own that is another article
// (most of its annotations cannot be placed): the caller then loads it as
// a new one.
func (a *App) importOnto(name string, f format.Format, data []byte) bool {
	d, p, rep, err := format.DecodeOnto(f, data, a.doc.text)
	if err != nil {
		a.setError(fmt.Sprintf("%s: %v", name, err))
		return true
	}
	ownText := f == format.JSONL || f == format.Spacy || f == format.CoNLL || f == format.BILOU
	if ownText && len(p.Annotations) < 4*len(p.Orphans) {
		return false
	}
	if len(p.Annotations) == 0 {
		if len(p.Orphans) == 0 {
			a.setError(name + ": no annotations found. Nothing was imported.")
			return true
		}
		a.setError(fmt.Sprintf("%s: none of its %d annotation(s) could be found in this article (the first: %s). Nothing was imported; is it for another article?",
			name, len(p.Orphans), p.Orphans[0].Reason))
		return true
	}
	a.changeAnnotations("import", func(s *annot.Set) error {
		s.Replace(mergeImported(s.All(), p.Annotations))
		return nil
	})
	id := a.doc.meta.ID
	if len(p.Orphans) > 0 {
		a.saveOrphans(id, append(a.orphans(), p.Orphans...))
	}
	a.keepBrat(id, d.Brat)
	msg := fmt.Sprintf("Imported %d annotation(s) from %s (%s)", len(p.Annotations), name, f.Name())
	if p.Moved > 0 {
		msg += fmt.Sprintf(": %d at the place the file gives, %d found again where the text moved", len(p.Annotations)-p.Moved, p.Moved)
	}
	msg += "."
	if rep.Unit != "" && rep.Unit != format.UnitCodePoints {
		msg += " Offsets were in " + rep.Unit + " and were converted."
	}
	if len(rep.Notes) > 0 {
		msg += " " + sentence(strings.Join(rep.Notes, "; "))
	}
	if len(p.Orphans) > 0 {
		a.setError(msg + fmt.Sprintf(" %d could not be placed confidently (%s) and are listed under Orphans: place or drop them.", len(p.Orphans), p.Orphans[0].Reason))
		return true
	}
	a.setNotice(msg)
	return true
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
