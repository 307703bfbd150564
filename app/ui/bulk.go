package ui

import (
	"fmt"
	"path"
	"strings"
	"time"

	"gloss/app/convert"
	"gloss/app/corpus/batch"
	"gloss/app/format"
	"gloss/app/store"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// bulkImport is a many-file import: its progress while it runs, its
// report once done.
type bulkImport struct {
	running     bool
	phase       string // what is being done: "Reading files", "Storing articles"
	done, total int
	summary     string
	refused     []batch.FileReport
	notes       []string
}

// importBatch is how many articles are stored between two repaints.
const importBatch = 25

// importMany reads a FileList of several files, a folder or a zip, and
// stores every article they hold, file by file, showing progress.
func (a *App) importMany(ctx app.Context, files app.Value) {
	n := files.Length()
	if n == 0 || a.bulk != nil && a.bulk.running {
		return
	}
	a.bulk = &bulkImport{running: true, phase: "Reading files", total: n}
	var got []batch.File
	var unread []batch.FileReport
	var onFile, onDone app.Func
	onFile = app.FuncOf(func(this app.Value, args []app.Value) any {
		name, k := args[0].String(), args[3].Int()
		if args[1].IsNull() {
			unread = append(unread, batch.FileReport{Name: name, Refused: "could not be read: " + args[2].String()})
		} else {
			b := make([]byte, args[1].Length())
			app.CopyBytesToGo(b, args[1])
			got = append(got, batch.File{Name: name, Data: b})
		}
		if k%10 == 9 || k == n-1 {
			ctx.Dispatch(func(ctx app.Context) { a.bulk.done = k + 1 })
		}
		return nil
	})
	onDone = app.FuncOf(func(this app.Value, args []app.Value) any {
		onFile.Release()
		onDone.Release()
		ctx.Dispatch(func(ctx app.Context) { a.storeMany(ctx, got, unread) })
		return nil
	})
	glossJS().Call("readMany", files, onFile, onDone)
}

// storeMany reads the files' articles and stores them through the session
// (a file's articles all or none) in batches, giving the browser a chance
// to paint the progress bar between batches.
func (a *App) storeMany(ctx app.Context, files []batch.File, unread []batch.FileReport) {
	if !app.IsClient {
		a.storeReadOrFail(ctx, files, unread)
		return
	}
	// The files are read by the worker (package convert), web pages and
	// Markdown among them too: the wait is off the UI goroutine.
	a.bulk.phase, a.bulk.done = "Reading articles", 0
	ctx.Async(func() {
		r, err := convert.Read(files)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				a.bulkFailed(err)
				return
			}
			a.storeRead(ctx, r, unread)
		})
	})
}

// storeReadOrFail reads the files at once and stores what they hold.
func (a *App) storeReadOrFail(ctx app.Context, files []batch.File, unread []batch.FileReport) {
	r, err := convert.Read(files)
	if err != nil {
		a.bulkFailed(err)
		return
	}
	a.storeRead(ctx, r, unread)
}

// bulkFailed ends a many-file import whose files could not be read:
// nothing was stored.
func (a *App) bulkFailed(err error) {
	a.bulk = nil
	a.setError("The files could not be read: " + sentence(err.Error()) + " Nothing was imported.")
}

// storeRead stores what corpus.Read found in the files.
func (a *App) storeRead(ctx app.Context, r *batch.Result, unread []batch.FileReport) {
	r.Files = append(r.Files, unread...)
	b := a.bulk
	if ls := r.LabelSet(a.labels); len(ls) != len(a.labels) {
		a.setLabels(ls, "import labels")
	}
	sb := a.s.NewBulk(r)
	b.phase, b.done, b.total = "Storing articles", 0, sb.Total
	ctx.Async(func() {
		for more := true; more; {
			done := make(chan struct{})
			ctx.Dispatch(func(ctx app.Context) {
				defer close(done)
				more = a.s.StoreBulk(sb, importBatch)
				b.done = sb.Done
			})
			<-done
			time.Sleep(time.Millisecond) // let the browser paint the progress
		}
		ctx.Dispatch(func(ctx app.Context) {
			b.running = false
			a.metas = a.lib.List()
			a.updateRoom()
			b.refused, b.notes, b.summary = sb.Refused, sb.Notes(), sb.Summary()
			if sb.FirstID != "" && a.doc() == nil {
				a.open(ctx, sb.FirstID)
			}
		})
	})
}

func (a *App) renderBulk() app.UI {
	if a.bulk == nil {
		return app.Div().Hidden(true)
	}
	return a.renderBulkShown(a.bulk)
}

// renderBulkShown is the import's progress or report, apart so that V8
// compiles it when an import first runs, not in every start's first render.
func (a *App) renderBulkShown(b *bulkImport) app.UI {
	if b.running {
		return app.Section().Class("bulk").DataSet("testid", "import-progress").Body(
			app.Span().Text(fmt.Sprintf("%s… %d of %d", b.phase, b.done, b.total)),
			app.Progress().Max(max(b.total, 1)).Value(b.done).Attr("aria-label", b.phase),
		)
	}
	return app.Section().Class("bulk").DataSet("testid", "import-summary").Role("status").Body(
		app.Button().Class("x").Title("Close").Text("×").DataSet("testid", "import-summary-close").
			OnClick(func(ctx app.Context, e app.Event) { a.bulk = nil }),
		app.P().DataSet("testid", "import-summary-text").Text(b.summary),
		app.If(len(b.refused) > 0, func() app.UI {
			return app.Ul().Class("refused").Body(
				app.Range(b.refused).Slice(func(i int) app.UI {
					f := b.refused[i]
					return app.Li().DataSet("testid", "import-refused").Body(
						app.Strong().Text(f.Name), app.Text(": "+f.Refused))
				}),
			)
		}),
		app.If(len(b.notes) > 0, func() app.UI {
			return app.Details().Body(
				app.Summary().Text(plural(len(b.notes), "note")),
				app.Ul().Body(app.Range(b.notes).Slice(func(i int) app.UI { return app.Li().Text(b.notes[i]) })),
			)
		}),
	)
}

// corpusExts are the files read as annotations of one or many articles
// rather than as one article's text.
var corpusExts = map[string]bool{".zip": true, ".ann": true, ".conf": true, ".jsonl": true, ".ndjson": true, ".json": true,
	".jsonld": true, ".conll": true, ".conllu": true, ".iob": true, ".iob2": true, ".bio": true, ".bilou": true, ".biluo": true, ".bioes": true, ".csv": true}

// manyFiles reports whether a FileList is a corpus import rather than one
// article: several files, a chosen folder, a zip, or a file of annotations.
func manyFiles(files app.Value) bool {
	n := files.Length()
	if n > 1 {
		return true
	}
	if n == 0 {
		return false
	}
	f := files.Index(0)
	if p := f.Get("webkitRelativePath"); p.Truthy() && p.String() != "" {
		return true
	}
	return corpusExts[strings.ToLower(path.Ext(f.Get("name").String()))]
}

// ---- library export ----

func (a *App) renderLibraryExport() app.UI {
	what := "Export library"
	if !a.lv.filter.IsZero() {
		what = fmt.Sprintf("Export the %d shown", len(a.shown()))
	}
	return app.Div().Class("row").DataSet("testid", "library-export").Body(
		app.Select().ID("library-export-format").DataSet("testid", "library-export-format").
			Attr("aria-label", "Library export format").Body(
			app.Option().Value("brat").Text("brat (.zip)"),
			app.Option().Value("conll").Text("CoNLL IOB2 (one file)"),
			app.Option().Value("bilou").Text("CoNLL BILOU (one file)"),
			app.Option().Value("jsonl").Text("doccano JSONL (one file)"),
			app.Option().Value("spacy").Text("spaCy JSONL (one file)"),
			app.Option().Value("w3c").Text("W3C collection (.zip)"),
		),
		app.Button().DataSet("testid", "library-export-button").Text(what).
			OnClick(func(ctx app.Context, e app.Event) {
				a.exportLibrary(app.Window().GetElementByID("library-export-format").Get("value").String(), a.shown())
			}),
	)
}

// exportLibrary writes the listed articles in one file and downloads it.
// The open article goes as it is in the tab, saved or not.
func (a *App) exportLibrary(name string, metas []store.Meta) {
	if len(metas) == 0 {
		a.setError("The library is empty: nothing to export.")
		return
	}
	docs := make([]format.Doc, 0, len(metas))
	var damaged []string
	for _, m := range metas {
		if a.doc() != nil && a.doc().Meta.ID == m.ID {
			docs = append(docs, a.exportDoc())
			continue
		}
		d, err := a.lib.Load(m.ID)
		if d.Text == "" && err != nil {
			a.setError(fmt.Sprintf("%q could not be read (%v): nothing was exported. Download a backup to keep everything as stored.", m.Title, err))
			return
		}
		if err != nil {
			damaged = append(damaged, m.Title)
		}
		fd := format.Doc{Title: d.Title, Text: d.Text, Annotations: d.Annotations}
		if lines := d.Kept["brat"]; len(lines) > 0 {
			fd.Brat = &format.BratExtra{Lines: lines}
		}
		docs = append(docs, fd)
	}
	labels := make([]string, len(a.labels))
	for i, l := range a.labels {
		labels[i] = l.Name
	}
	x, err := convert.Write(name, docs, labels)
	if err != nil {
		a.setError("Export failed: " + sentence(err.Error()) + " Nothing was exported.")
		return
	}
	if app.IsClient {
		u8 := app.Window().Get("Uint8Array").New(len(x.Data))
		app.CopyBytesToJS(u8, x.Data)
		glossJS().Call("downloadBytes", x.Name, "application/octet-stream", u8)
	}
	msg := fmt.Sprintf("Exported %s as %s.", plural(len(docs), "article"), x.Name)
	for _, n := range x.Notes {
		msg += " " + sentence(n)
	}
	if len(damaged) > 0 {
		msg += fmt.Sprintf(" %s had damaged annotations; what could be read was exported.", plural(len(damaged), "article"))
	}
	a.setNotice(msg + sandboxNote())
}
