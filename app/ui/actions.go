package ui

import (
	"fmt"
	"slices"
	"strings"

	"gloss/app/annot"
	"gloss/app/store"
	"gloss/app/text"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// changeAnnotations runs f on the open article's set as one undoable step,
// then saves and redraws.
func (a *App) changeAnnotations(name string, f func(s *annot.Set) error) error {
	d := a.doc
	if d == nil {
		return nil
	}
	before := d.set.All()
	if err := f(d.set); err != nil {
		a.setError(err.Error())
		return err
	}
	if slices.Equal(before, d.set.All()) {
		return nil // e.g. the same span and label again
	}
	set := d.set
	a.hist.push(step{name: name,
		undo: func() { set.Undo(); a.afterChange() },
		redo: func() { set.Redo(); a.afterChange() },
	})
	a.afterChange()
	return nil
}

func (a *App) afterChange() {
	a.save()
	a.repaint()
	a.find.annotationsChanged()
}

// labelSelection labels the selected text with labels[i].
func (a *App) labelSelection(i int) bool {
	defer perfSince("label", perfNow())
	if a.doc == nil || i < 0 || i >= len(a.labels) {
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
	d := a.doc
	var added annot.Annotation
	err := a.changeAnnotations("label", func(s *annot.Set) error {
		var err error
		added, err = s.Add(annot.Annotation{Start: start, End: end, Label: label, Text: d.x.Slice(start, end)})
		return err
	})
	if err == nil {
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
	a.changeAnnotations("change label", func(s *annot.Set) error {
		return s.Update(id, func(x *annot.Annotation) { x.Label = label })
	})
}

func (a *App) setNote(id, note string) {
	x, ok := a.doc.set.Get(id)
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

func (a *App) undo() {
	if name := a.hist.Undo(); name != "" {
		a.setNotice("Undone: " + name + ".")
	}
}

func (a *App) redo() {
	if name := a.hist.Redo(); name != "" {
		a.setNotice("Redone: " + name + ".")
	}
}

// ---- library ----

func (a *App) rename(id, title string) {
	title = strings.TrimSpace(title)
	var old string
	for _, m := range a.metas {
		if m.ID == id {
			old = m.Title
		}
	}
	if title == "" || title == old {
		return
	}
	apply := func(t string) {
		if err := a.lib.Rename(id, t, now()); err != nil {
			a.storageError(err)
			return
		}
		a.metas = a.lib.List()
		if a.doc != nil && a.doc.meta.ID == id {
			a.doc.meta.Title = t
		}
	}
	apply(title)
	a.hist.push(step{name: "rename", undo: func() { apply(old) }, redo: func() { apply(title) }})
}

func (a *App) deleteArticle(ctx app.Context, id string) {
	d, err := a.lib.Delete(id)
	if err != nil {
		a.storageError(err)
		return
	}
	a.updateRoom()
	a.metas = a.lib.List()
	wasOpen := a.doc != nil && a.doc.meta.ID == id
	if wasOpen {
		a.doc = nil
		a.newPane = true
		a.drawnDoc = ""
		a.clearArticle()
		setFragment("")
	}
	restore := func(ctx app.Context) {
		if err := a.lib.Restore(d); err != nil {
			a.storageError(err)
			return
		}
		a.metas = a.lib.List()
		a.setNotice(fmt.Sprintf("Restored %q.", d.Title))
		if wasOpen {
			a.open(ctx, d.ID)
		}
	}
	a.hist.push(step{name: "delete article",
		undo: func() { restore(ctx) },
		redo: func() { a.deleteArticle(ctx, id) },
	})
	a.msg = notice{Text: fmt.Sprintf("Deleted %q.", d.Title), Action: "Undo", do: func(ctx app.Context) {
		a.hist.Undo()
	}}
}

func (a *App) clearArticle() {
	if app.IsClient {
		articleEl().Call("replaceChildren")
	}
}

// ---- labels ----

func (a *App) setLabels(ls annot.Labels, name string) {
	old := a.labels
	apply := func(ls annot.Labels) {
		a.labels = ls
		if err := a.lib.SaveLabels(ls); err != nil {
			a.storageError(err)
		}
		if a.doc != nil {
			a.painted = map[string]annot.Annotation{}
			a.repaintAll()
		}
	}
	apply(ls)
	a.hist.push(step{name: name, undo: func() { apply(old) }, redo: func() { apply(ls) }})
}

// repaintAll redraws every paragraph carrying an annotation (label colours changed).
func (a *App) repaintAll() {
	if a.doc == nil || !app.IsClient || a.drawnDoc != a.doc.meta.ID {
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
	ls, err := a.labels.Rename(from, to)
	if err != nil {
		a.setError(err.Error())
		return
	}
	to = ls[ls.Index(strings.TrimSpace(to))].Name
	old := a.labels
	a.labels = ls
	if err := a.lib.SaveLabels(ls); err != nil {
		a.storageError(err)
	}
	// The open article's annotations follow the label.
	if a.doc != nil {
		set := a.doc.set
		n := set.RenameLabel(from, to)
		if n > 0 {
			a.save()
		}
		a.repaintAll()
		a.hist.push(step{name: "rename label",
			undo: func() {
				a.labels = old
				a.lib.SaveLabels(old)
				if n > 0 {
					set.Undo()
					a.save()
				}
				a.repaintAll()
			},
			redo: func() {
				a.labels = ls
				a.lib.SaveLabels(ls)
				if n > 0 {
					set.Redo()
					a.save()
				}
				a.repaintAll()
			}})
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
	if a.doc != nil {
		for _, x := range a.doc.set.All() {
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
	art, notices, err := text.Load(name, data)
	if err != nil {
		a.setError(err.Error())
		return
	}
	a.create(ctx, art, name, notices)
}

// readFiles reads a FileList (file picker or drop): one article file is
// loaded and opened; several files, a folder or a zip are imported whole.
func (a *App) readFiles(ctx app.Context, files app.Value) {
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	if manyFiles(files) {
		if f := files.Index(0); files.Length() == 1 && a.doc != nil && !a.newPane && !strings.HasSuffix(strings.ToLower(f.Get("name").String()), ".zip") {
			// One file of annotations on an open article: into it, or as
			// new articles when it carries other texts.
			a.readFilesWith(ctx, files, a.importFile)
			return
		}
		a.importMany(ctx, files)
		return
	}
	if file := files.Index(0); file.Get("size").Int() > text.MaxFileSize {
		size := file.Get("size").Int()
		a.setError(fmt.Sprintf("%s is %.1f MB; the limit is %d MB. Nothing was loaded.", file.Get("name").String(), float64(size)/(1<<20), text.MaxFileSize>>20))
		return
	}
	a.readFilesWith(ctx, files, a.loadFile)
}

// downloadBackup saves the whole library as one JSON file.
func (a *App) downloadBackup() {
	lib := a.lib
	if a.unsaved && a.doc != nil {
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
}

func (a *App) restoreBackup(ctx app.Context, name string, data []byte) {
	rep, err := a.lib.RestoreBackup(data)
	if err != nil {
		a.setError(fmt.Sprintf("%s: %v", name, err))
		return
	}
	a.metas = a.lib.List()
	a.labels = a.lib.Labels()
	a.find.gazetteerChanged()
	a.setNotice(fmt.Sprintf("Restored from %s: %s.", name, rep))
	if a.doc != nil {
		a.open(ctx, a.doc.meta.ID)
	}
}

// reloadFromStorage applies another tab's writes (the storage event).
func (a *App) reloadFromStorage(ctx app.Context) {
	ch, _ := a.lib.Reload()
	a.metas = a.lib.List()
	if ch.Labels {
		a.labels = a.lib.Labels()
		a.repaintAll()
	}
	if ch.Gazetteer {
		a.find.gazetteerChanged()
	}
	d := a.doc
	if d == nil {
		return
	}
	if !a.hasDoc(d.meta.ID) {
		a.doc = nil
		a.newPane = true
		a.clearArticle()
		a.setNotice("The open article was deleted in another tab.")
		return
	}
	for _, id := range ch.Docs {
		if id != d.meta.ID {
			continue
		}
		fresh, err := a.lib.Load(id)
		if err != nil {
			return
		}
		if fresh.Text != d.text {
			a.show(ctx, fresh)
			return
		}
		merged := annot.Merge(d.base, d.set.All(), fresh.Annotations)
		d.set = annot.NewSet(merged)
		d.base = fresh.Annotations
		d.meta = fresh.Meta
		a.hist = history{}
		if !slices.Equal(merged, fresh.Annotations) {
			a.save()
		}
		a.repaint()
		a.find.annotationsChanged()
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
	if err := lib.SaveAnnotations(a.doc.meta.ID, a.doc.set.All(), now()); err != nil {
		return nil, err
	}
	return lib, nil
}
