package ui

import (
	"errors"
	"fmt"
	"path"
	"strings"

	"gloss/app/annot"
	"gloss/app/session"
	"gloss/app/store"
	"gloss/app/text"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// changeAnnotations runs f on the open article's set as one undoable step
// (session.Change), then redraws; it returns f's error, shown.
func (a *App) changeAnnotations(name string, f func(s *annot.Set) error) error {
	if a.doc() == nil {
		return nil
	}
	prev := a.doc()
	_, err := a.s.Change(name, f)
	a.after(prev)
	if err != nil {
		a.failed(err)
		var se *session.SaveError
		if errors.As(err, &se) {
			return nil // the change is made in the tab
		}
	}
	return err
}

// after brings the view up to date with the session after an action:
// the library list and labels, and the open article — drawn again when
// another (or another text) is open, repainted when only its annotations
// changed, cleared when none is; an embedding host is told.
func (a *App) after(prev *session.Doc) {
	a.markStarted()
	a.metas = a.lib.List()
	a.labels = a.s.Labels()
	d := a.doc()
	switch {
	case d == nil:
		if prev != nil {
			a.newPane = true
			a.drawnDoc = ""
			a.drawCount++
			a.clearArticle()
			setFragment("")
		}
		return
	case prev == nil || d.Meta.ID != prev.Meta.ID || d.Text != prev.Text:
		a.opened()
	default:
		a.repaint()
		a.find.annotationsChanged()
	}
	a.notifyChanged()
}

// labelSelection labels the selected text with labels[i].
func (a *App) labelSelection(i int) bool {
	defer perfSince("label", perfNow())
	if a.doc() == nil || i < 0 || i >= len(a.labels) {
		return false
	}
	start, end, ok := a.selection()
	if !ok {
		return false
	}
	a.addAnnotation(start, end, a.labels[i].Name)
	if app.IsClient {
		glossJS().Call("clearSelection")
	}
	return true
}

func (a *App) addAnnotation(start, end int, label string) {
	d := a.doc()
	var added annot.Annotation
	err := a.changeAnnotations("label", func(s *annot.Set) error {
		var err error
		added, err = s.Add(annot.Annotation{Start: start, End: end, Label: label, Text: d.X.Slice(start, end)})
		return err
	})
	if err == nil {
		a.find.learn(start, end, added.Text, label)
		// The new span is selected (marked, J/K go on from it); Enter opens its editor.
		a.selected = added.ID
		a.editOpen = false
		a.caret = caret{on: true, anchor: text.Span{Start: added.Start, End: added.End}, focus: text.Span{Start: added.Start, End: added.End}}
		// A refused save (storage full, read-only library) must stay in
		// view, not be replaced by the gazetteer offer.
		if !a.msg.Error {
			a.find.offerGazetteer(added)
		}
	}
}

// relabel changes the selected annotation's label to labels[i].
func (a *App) relabel(id string, label string) {
	err := a.changeAnnotations("change label", func(s *annot.Set) error {
		return s.Update(id, func(x *annot.Annotation) { x.Label = label })
	})
	if x, ok := a.doc().Set.Get(id); ok && err == nil {
		a.find.relearn(x.Text, label)
	}
}

func (a *App) setNote(id, note string) {
	x, ok := a.doc().Set.Get(id)
	if !ok || x.Note == note {
		return
	}
	a.changeAnnotations("note", func(s *annot.Set) error {
		return s.Update(id, func(x *annot.Annotation) { x.Note = note })
	})
}

func (a *App) removeAnnotation(id string) {
	a.changeAnnotations("delete", func(s *annot.Set) error { return s.Remove(id) })
	if a.selected == id {
		a.selected = ""
		a.editOpen = false
		a.focusArticle()
	}
}

func (a *App) undo() { a.step(a.s.Undo, "Undone") }

func (a *App) redo() { a.step(a.s.Redo, "Redone") }

// step undoes or redoes one step of the session's history and says which.
func (a *App) step(do func() (string, error), what string) {
	prev := a.doc()
	name, err := do()
	a.after(prev)
	a.repaintAll()
	switch {
	case err != nil:
		a.failed(err)
	case name != "":
		a.setNotice(what + ": " + name + ".")
	}
}

// ---- library ----

func (a *App) rename(id, title string) {
	prev := a.doc()
	if err := a.s.Rename(id, title); err != nil {
		a.failed(err)
	}
	a.after(prev)
}

func (a *App) deleteArticle(ctx app.Context, id string) {
	prev := a.doc()
	d, _, err := a.s.Delete(id)
	a.after(prev)
	a.updateRoom()
	if err != nil {
		a.failed(err)
		if !errors.Is(err, store.ErrDamaged) {
			return
		}
	}
	a.msg = notice{Text: fmt.Sprintf("Deleted %q.", d.Title), Action: "Undo", do: func(ctx app.Context) { a.undo() }}
}

func (a *App) clearArticle() {
	if app.IsClient {
		articleEl().Call("replaceChildren")
	}
}

// ---- labels ----

func (a *App) setLabels(ls annot.Labels, name string) {
	err := a.s.SetLabels(ls, name)
	a.labels = a.s.Labels()
	if err != nil {
		a.failed(err)
	}
	if a.doc() != nil {
		a.painted = map[string]annot.Annotation{}
		a.repaintAll()
	}
}

// repaintAll redraws every paragraph carrying an annotation (label colours changed).
func (a *App) repaintAll() {
	if a.doc() == nil || !app.IsClient || a.drawnDoc != a.doc().Meta.ID {
		return
	}
	a.painted = map[string]annot.Annotation{}
	// Mark every annotation as changed by painting against an empty map.
	a.repaint()
}

func (a *App) addLabel(name, color string) {
	ls, err := a.labels.Add(annot.Label{Name: name, Color: color})
	if err != nil {
		a.setError(err.Error())
		return
	}
	a.setLabels(ls, "add label")
}

func (a *App) renameLabel(from, to string) {
	prev := a.doc()
	_, err := a.s.RenameLabel(from, to)
	a.after(prev)
	a.repaintAll()
	if err != nil {
		a.failed(err)
	}
}

func (a *App) recolorLabel(name, color string) {
	ls, err := a.labels.Recolor(name, color)
	if err != nil {
		a.setError(err.Error())
		return
	}
	a.setLabels(ls, "recolour label")
}

func (a *App) removeLabel(name string) {
	if a.doc() != nil {
		for _, x := range a.doc().Set.All() {
			if x.Label == name {
				a.setError(fmt.Sprintf("Label %s is still used in this article: change or delete those spans first.", name))
				return
			}
		}
	}
	a.setLabels(a.labels.Remove(name), "remove label")
}

// ---- loading ----

func (a *App) loadFile(ctx app.Context, name string, data []byte) {
	kind := text.FileKind(name, data)
	a.readAsync(ctx, text.NeedsExtractor(kind), readingWhat(kind, name), func() readResult {
		art, notices, err := text.Load(name, data)
		return readResult{art, notices, err}
	}, func(ctx app.Context, r readResult) {
		if m := unavailableMessage(r.err, kind, path.Base(strings.ReplaceAll(name, "\\", "/")), "Nothing was loaded: open the file again when online."); m != "" {
			a.setError(m)
			return
		}
		if r.err != nil {
			a.setError(r.err.Error())
			return
		}
		a.createOrOffer(ctx, r.art, name, r.notices, nil, nil)
	})
}

// readFiles reads a FileList (file picker or drop): one article file is
// loaded and opened; several files, a folder or a zip are imported whole.
func (a *App) readFiles(ctx app.Context, files app.Value) {
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	if manyFiles(files) {
		if f := files.Index(0); files.Length() == 1 && a.doc() != nil && !a.newPane && !strings.HasSuffix(strings.ToLower(f.Get("name").String()), ".zip") {
			// One file of annotations on an open article: into it, or as
			// new articles when it carries other texts.
			a.readFilesWith(ctx, files, a.importFile)
			return
		}
		a.importMany(ctx, files)
		return
	}
	if file, name := files.Index(0), files.Index(0).Get("name").String(); file.Get("size").Int() > text.MaxSize(name) {
		size := file.Get("size").Int()
		a.setError(fmt.Sprintf("%s is %.1f MB; the limit is %d MB. Nothing was loaded.", name, float64(size)/(1<<20), text.MaxSize(name)>>20))
		return
	}
	a.readFileAs(ctx, files, a.loadFile, true)
}

// downloadBackup saves the whole library as one JSON file.
func (a *App) downloadBackup() {
	lib := a.lib
	if a.s.Unsaved && a.doc() != nil {
		// Storage refused the last changes: back up a copy of what is
		// stored with the open article's annotations as they are in the tab.
		if l, err := a.libraryWithUnsaved(); err == nil {
			lib = l
		}
	}
	data, err := lib.Backup(now())
	if err != nil {
		a.setError("The backup could not be made: " + err.Error())
		return
	}
	if app.IsClient {
		glossJS().Call("download", "gloss-backup.json", "application/json", string(data))
	}
	// Say it happened (the browser may save it without asking), unless an
	// error about storage is showing: that one must stay in view.
	if a.msg.Error {
		return
	}
	a.setNotice(fmt.Sprintf("Backup downloaded as gloss-backup.json: %s with their annotations, the labels and the gazetteer. Restore it here or in another browser.%s", plural(len(a.metas), "article"), sandboxNote()))
}

func (a *App) restoreBackup(ctx app.Context, name string, data []byte) {
	prev := a.doc()
	msg, err := a.s.RestoreBackup(name, data)
	if err != nil {
		a.setError(err.Error())
		return
	}
	a.after(prev)
	a.find.gazetteerChanged()
	a.setNotice(msg)
}

// reloadFromStorage applies another tab's writes (the storage event).
func (a *App) reloadFromStorage(ctx app.Context) { a.reload(true) }

// reload applies what other tabs wrote since the library was read or last
// reloaded. With always false the view is left untouched (no repaint, no
// gloss:changed to a host) when nothing changed.
func (a *App) reload(always bool) {
	prev := a.doc()
	ch, _, err := a.s.Reload()
	if !always && !ch.Any() && err == nil {
		return
	}
	forgetUsed()
	a.after(prev)
	if ch.Labels {
		a.repaintAll()
	}
	if ch.Gazetteer {
		a.find.gazetteerChanged()
	}
	if prev != nil && a.doc() == nil {
		a.setNotice("The open article was deleted in another tab.")
	}
	if err != nil {
		a.failed(err)
	}
}

// libraryWithUnsaved copies the stored library into memory and adds the
// open article's annotations that could not be stored.
func (a *App) libraryWithUnsaved() (*store.Library, error) {
	src := newLocalStorage()
	keys, err := src.Keys()
	if err != nil {
		return nil, err
	}
	mem := store.NewMemory()
	for _, k := range keys {
		if !store.IsKey(k) {
			continue
		}
		if v, ok, err := src.Get(k); err == nil && ok {
			mem.Set(k, v)
		}
	}
	lib, _, err := store.Open(mem)
	if err != nil {
		return nil, err
	}
	if err := lib.SaveAnnotations(a.doc().Meta.ID, a.doc().Set.All(), now()); err != nil {
		return nil, err
	}
	return lib, nil
}
