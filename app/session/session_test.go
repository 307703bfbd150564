package session

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"path"
	"strings"
	"testing"

	"gloss/app/annot"
	"gloss/app/store"
)

const article = "Jean-Yves Le Drian heads for Moscow this Monday. He meets Sergei Shoigu in Moscow."

// clock is a now function that moves one millisecond a call.
func clock() func() int64 {
	t := int64(1_700_000_000_000)
	return func() int64 { t++; return t }
}

func newSession(t *testing.T) (*Session, *store.Memory) {
	t.Helper()
	m := store.NewMemory()
	lib, probs, err := store.Open(m)
	if err != nil || len(probs) > 0 {
		t.Fatal(err, probs)
	}
	s := New(lib, clock())
	if _, err := s.Create(store.Doc{Meta: store.Meta{Title: "Le Drian"}, Text: article}); err != nil {
		t.Fatal(err)
	}
	return s, m
}

// labelledSession is newSession with "Jean-Yves Le Drian" labelled PER.
func labelledSession(t *testing.T) (*Session, *store.Memory) {
	t.Helper()
	s, m := newSession(t)
	st, e := span("Jean-Yves Le Drian", 0)
	if _, err := s.Label(st, e, "PER"); err != nil {
		t.Fatal(err)
	}
	return s, m
}

// span returns the code points of the nth occurrence of quote in article.
func span(quote string, nth int) (int, int) {
	i := -1
	for range nth + 1 {
		i += 1 + strings.Index(article[i+1:], quote)
	}
	s := len([]rune(article[:i]))
	return s, s + len([]rune(quote))
}

// stored reads the open article back from storage, as another tab would.
func stored(t *testing.T, s *Session, m *store.Memory) store.Doc {
	t.Helper()
	lib, _, err := store.Open(m)
	if err != nil {
		t.Fatal(err)
	}
	d, err := lib.Load(s.Doc.Meta.ID)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func labels(as []annot.Annotation) string {
	var b []string
	for _, a := range as {
		b = append(b, a.Text+"/"+a.Label+map[bool]string{true: "/" + a.Note, false: ""}[a.Note != ""])
	}
	return strings.Join(b, " ")
}

// Every action the page offers, then undo and redo of it: the annotations
// in the tab and in storage after each.
func TestActions(t *testing.T) {
	cases := []struct {
		name       string
		act        func(t *testing.T, s *Session) error
		want, undo string // annotations after the action and after undo
	}{
		{"label", func(t *testing.T, s *Session) error {
			st, e := span("Moscow", 0)
			_, err := s.Label(st, e, "LOC")
			return err
		}, "Jean-Yves Le Drian/PER Moscow/LOC", "Jean-Yves Le Drian/PER"},
		{"relabel", func(t *testing.T, s *Session) error {
			return s.Relabel(s.Doc.Set.All()[0].ID, "MISC")
		}, "Jean-Yves Le Drian/MISC", "Jean-Yves Le Drian/PER"},
		{"note", func(t *testing.T, s *Session) error {
			return s.SetNote(s.Doc.Set.All()[0].ID, "French minister")
		}, "Jean-Yves Le Drian/PER/French minister", "Jean-Yves Le Drian/PER"},
		{"delete", func(t *testing.T, s *Session) error {
			return s.Remove(s.Doc.Set.All()[0].ID)
		}, "", "Jean-Yves Le Drian/PER"},
		{"annotate all, one rejected", func(t *testing.T, s *Session) error {
			a1, b1 := span("Moscow", 0)
			a2, b2 := span("Moscow", 1)
			n, err := s.AnnotateAll("LOC", []Mention{{Start: a1, End: b1}, {Start: a2, End: b2, Reject: true}})
			if n != 1 {
				t.Errorf("annotate all added %d", n)
			}
			return err
		}, "Jean-Yves Le Drian/PER Moscow/LOC", "Jean-Yves Le Drian/PER"},
		{"annotate all, all accepted", func(t *testing.T, s *Session) error {
			a1, b1 := span("Moscow", 0)
			a2, b2 := span("Moscow", 1)
			_, err := s.AnnotateAll("LOC", []Mention{{Start: a1, End: b1}, {Start: a2, End: b2}})
			return err
		}, "Jean-Yves Le Drian/PER Moscow/LOC Moscow/LOC", "Jean-Yves Le Drian/PER"},
		{"edit text", func(t *testing.T, s *Session) error {
			r, err := s.EditText("Update: " + article)
			if r.Placed != 1 || len(r.Orphans) != 0 {
				t.Errorf("edit report %+v", r)
			}
			return err
		}, "Jean-Yves Le Drian/PER", "Jean-Yves Le Drian/PER"},
		{"import CSV", func(t *testing.T, s *Session) error {
			im, err := s.Import("a.csv", []byte("start,end,label,text\n29,35,LOC,Moscow\n"))
			if !strings.Contains(im.Message, "Imported 1 annotation from") {
				t.Errorf("message %q", im.Message)
			}
			return err
		}, "Jean-Yves Le Drian/PER Moscow/LOC", "Jean-Yves Le Drian/PER"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, m := labelledSession(t)
			text := s.Doc.Text
			if err := c.act(t, s); err != nil {
				t.Fatal(err)
			}
			if got := labels(s.Doc.Set.All()); got != c.want {
				t.Fatalf("after: %q, want %q", got, c.want)
			}
			if got := labels(stored(t, s, m).Annotations); got != c.want {
				t.Fatalf("stored after: %q, want %q", got, c.want)
			}
			name, err := s.Undo()
			if err != nil || name == "" {
				t.Fatalf("undo %q %v", name, err)
			}
			if got := labels(s.Doc.Set.All()); got != c.undo || s.Doc.Text != text {
				t.Fatalf("after undo: %q, want %q", got, c.undo)
			}
			if got := stored(t, s, m); labels(got.Annotations) != c.undo || got.Text != text {
				t.Fatalf("stored after undo: %q", labels(got.Annotations))
			}
			if _, err := s.Redo(); err != nil {
				t.Fatal(err)
			}
			if got := labels(stored(t, s, m).Annotations); got != c.want {
				t.Fatalf("stored after redo: %q, want %q", got, c.want)
			}
		})
	}
}

// One history: a text edit, a label and a rename undo in reverse order.
func TestOneHistory(t *testing.T) {
	s, m := newSession(t)
	st, e := span("Moscow", 0)
	s.Label(st, e, "LOC")
	s.EditText(strings.Replace(article, "Monday", "Tuesday", 1))
	id := s.Doc.Meta.ID
	s.Rename(id, "Renamed")
	for _, want := range []string{"rename", "edit text", "label"} {
		if name, err := s.Undo(); name != want || err != nil {
			t.Fatalf("undo %q %v, want %q", name, err, want)
		}
	}
	d := stored(t, s, m)
	if d.Title != "Le Drian" || d.Text != article || len(d.Annotations) != 0 {
		t.Fatalf("%+v", d)
	}
	if s.CanUndo() || !s.CanRedo() {
		t.Fatal("history state")
	}
}

// Editing the text keeps what cannot be placed as orphans, stored with the
// article; placing and dropping them are steps too.
func TestEditTextOrphans(t *testing.T) {
	s, m := newSession(t)
	a1, b1 := span("Sergei Shoigu", 0)
	s.Label(a1, b1, "PER")
	r, err := s.EditText(strings.Replace(article, "Sergei Shoigu", "the defence minister", 1))
	if err != nil || r.Placed != 0 || len(r.Orphans) != 1 || !strings.Contains(r.Message(), "Orphans") {
		t.Fatalf("%+v %v", r, err)
	}
	if d := stored(t, s, m); len(d.Orphans) != 1 || d.Orphans[0].Text != "Sergei Shoigu" {
		t.Fatalf("stored orphans %+v", d.Orphans)
	}
	// Place it on "the defence minister".
	i := strings.Index(s.Doc.Text, "the defence minister")
	start := len([]rune(s.Doc.Text[:i]))
	if err := s.PlaceOrphan(0, start, start+20); err != nil {
		t.Fatal(err)
	}
	if d := stored(t, s, m); len(d.Orphans) != 0 || labels(d.Annotations) != "the defence minister/PER" {
		t.Fatalf("after place: %+v", d)
	}
	s.Undo()
	if len(s.Doc.Orphans) != 1 || s.Doc.Set.Len() != 0 {
		t.Fatal("undo place")
	}
	if err := s.DropOrphan(0); err != nil {
		t.Fatal(err)
	}
	if d := stored(t, s, m); len(d.Orphans) != 0 {
		t.Fatal("drop not stored")
	}
	s.Undo()
	if d := stored(t, s, m); len(d.Orphans) != 1 {
		t.Fatal("undo drop not stored")
	}
}

// Import onto an edited copy re-anchors; an unplaceable span is an orphan;
// a file with its own text that is another article becomes a new article.
func TestImport(t *testing.T) {
	s, _ := newSession(t)
	im, err := s.Import("old.jsonld", []byte(`{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Annotation","body":{"type":"TextualBody","purpose":"tagging","value":"LOC"},
		"target":{"selector":[{"type":"TextQuoteSelector","exact":"Moscow","prefix":"Le Drian heads for ","suffix":" this Monday."},{"type":"TextPositionSelector","start":20,"end":26}]}}`))
	if err != nil || !strings.Contains(im.Message, "found again where the text moved") || labels(s.Doc.Set.All()) != "Moscow/LOC" {
		t.Fatalf("%+v %v %s", im, err, labels(s.Doc.Set.All()))
	}
	if a := s.Doc.Set.All()[0]; a.Start != 29 {
		t.Fatalf("placed at %d", a.Start)
	}
	im, err = s.Import("x.csv", []byte("start,end,label,text\n0,5,PER,Jean-\n70,80,LOC,Washington\n"))
	if err != nil || !im.Warn || len(s.Doc.Orphans) != 1 || !strings.Contains(im.Message, "line 3") {
		t.Fatalf("%+v %v orphans %+v", im, err, s.Doc.Orphans)
	}
	im, err = s.Import("other.jsonl", []byte(`{"text":"A different story about Paris.","label":[[24,29,"LOC"]]}`))
	if err != nil || im.Created != 1 || s.Doc.Text != "A different story about Paris." || len(s.Lib.List()) != 2 {
		t.Fatalf("%+v %v", im, err)
	}
	if _, err := s.Import("notes.txt", []byte("x")); err == nil {
		t.Fatal("a .txt was imported as annotations")
	}
}

// Export says what a format cannot hold.
func TestExport(t *testing.T) {
	s, _ := newSession(t)
	a, b := span("Jean-Yves Le Drian", 0)
	s.Label(a, b, "PER")
	a, b = span("Drian heads for", 0)
	s.Label(a, b, "MISC")
	x, err := s.Export("conll")
	if err != nil || x.Written != 1 || len(x.Omitted) != 1 || !strings.Contains(x.Message(), "Exported 1 of 2") {
		t.Fatalf("%+v %v", x, err)
	}
	x, err = s.Export("jsonl")
	if err != nil || x.Written != 2 || x.Message() != "Exported 2 annotations as Le Drian.jsonl." {
		t.Fatalf("%+v %v", x.Message(), err)
	}
}

// Another tab labels while this one does: Reload merges both.
func TestReloadMerge(t *testing.T) {
	s, m := newSession(t)
	lib2, _, _ := store.Open(m)
	other := New(lib2, clock())
	if err := other.Open(s.Doc.Meta.ID); err != nil {
		t.Fatal(err)
	}
	a, b := span("Moscow", 0)
	other.Label(a, b, "LOC")
	a, b = span("Sergei Shoigu", 0)
	s.Label(a, b, "PER") // merges on save
	if got := labels(s.Doc.Set.All()); got != "Moscow/LOC Sergei Shoigu/PER" {
		t.Fatalf("after save: %q", got)
	}
	other.Relabel(other.Doc.Set.All()[0].ID, "GPE")
	if _, _, err := s.Reload(); err != nil {
		t.Fatal(err)
	}
	if got := labels(s.Doc.Set.All()); got != "Moscow/GPE Sergei Shoigu/PER" {
		t.Fatalf("after reload: %q", got)
	}
	// The other tab edits the text: this one reads it again.
	other.Reload()
	other.EditText("Breaking. " + other.Doc.Text)
	s.Reload()
	if !strings.HasPrefix(s.Doc.Text, "Breaking. ") || s.Doc.Set.Len() != 2 {
		t.Fatalf("after the other tab's edit: %q %d", s.Doc.Text, s.Doc.Set.Len())
	}
	// And deletes it: this one closes it.
	other.Delete(other.Doc.Meta.ID)
	s.Reload()
	if s.Doc != nil {
		t.Fatal("a deleted article stays open")
	}
}

// Deleting an article takes all of it; undo brings it back whole.
func TestDeleteArticle(t *testing.T) {
	s, m := newSession(t)
	a, b := span("Sergei Shoigu", 0)
	s.Label(a, b, "PER")
	s.EditText(strings.Replace(article, "Sergei Shoigu", "him", 1))
	id := s.Doc.Meta.ID
	if _, wasOpen, err := s.Delete(id); err != nil || !wasOpen || s.Doc != nil {
		t.Fatal(err)
	}
	if keys, _ := m.Keys(); strings.Contains(strings.Join(keys, " "), id) {
		t.Fatalf("records left: %v", keys)
	}
	s.Undo()
	if s.Doc == nil || len(s.Doc.Orphans) != 1 {
		t.Fatalf("undo delete: %+v", s.Doc)
	}
}

// A full storage: the change stays in the tab, the error says it was not
// stored, and what was stored is intact.
func TestStorageFull(t *testing.T) {
	s, m := newSession(t)
	before := stored(t, s, m)
	m.Quota = m.Used()
	a, b := span("Moscow", 0)
	_, err := s.Label(a, b, "LOC")
	var se *SaveError
	if !errors.As(err, &se) || !errors.Is(err, store.ErrQuota) || !s.Unsaved || s.Doc.Set.Len() != 1 {
		t.Fatalf("%v unsaved=%v", err, s.Unsaved)
	}
	if got := stored(t, s, m); len(got.Annotations) != len(before.Annotations) {
		t.Fatal("storage changed")
	}
	if _, err := s.Create(store.Doc{Meta: store.Meta{Title: "second"}, Text: "Another text entirely."}); err == nil || s.Doc.Text != article {
		t.Fatal("a failed create changed the open article")
	}
	m.Quota = 0
	if _, err := s.Label(a, b, "GPE"); err != nil || s.Unsaved {
		t.Fatal(err)
	}
	if got := labels(stored(t, s, m).Annotations); got != "Moscow/GPE Moscow/LOC" {
		t.Fatalf("stored %q", got)
	}
}

// Status and restore are library steps too.
func TestStatusAndRestore(t *testing.T) {
	s, m := newSession(t)
	id := s.Doc.Meta.ID
	if err := s.SetStatus(id, store.StatusDone); err != nil || s.Doc.Meta.Status != store.StatusDone {
		t.Fatal(err)
	}
	s.Undo()
	if mt, _ := s.Lib.Meta(id); mt.Status != store.StatusToDo {
		t.Fatal(mt.Status)
	}
	data, _ := s.Lib.Backup(1)
	msg, err := s.RestoreBackup("b.json", data)
	if err != nil || msg != "Restored from b.json: 0 articles added, 0 merged, 1 already here unchanged (skipped)." {
		t.Fatalf("%q %v", msg, err)
	}
	_ = m
}

// Renaming a label renames the open article's annotations with it, as one
// step; undo puts both back.
func TestRenameLabel(t *testing.T) {
	s, m := newSession(t)
	a, b := span("Moscow", 0)
	s.Label(a, b, "LOC")
	if err := s.SetLabels(append(s.Labels(), annot.Label{Name: "CITY", Color: "#123456"}), "add label"); err != nil {
		t.Fatal(err)
	}
	to, err := s.RenameLabel("LOC", " PLACE ")
	if err != nil || to != "PLACE" || labels(stored(t, s, m).Annotations) != "Moscow/PLACE" || s.Labels().Index("PLACE") < 0 {
		t.Fatalf("%q %v", to, err)
	}
	s.Undo()
	if labels(stored(t, s, m).Annotations) != "Moscow/LOC" || s.Labels().Index("LOC") < 0 {
		t.Fatal("undo rename label")
	}
	s.Undo()
	if s.Labels().Index("CITY") >= 0 {
		t.Fatal("undo add label")
	}
}

// BratZip holds what brat needs beside the .ann: the text and the labels.
func TestBratZip(t *testing.T) {
	s, _ := labelledSession(t)
	z, err := s.BratZip()
	if err != nil {
		t.Fatal(err)
	}
	r, err := zip.NewReader(bytes.NewReader(z), int64(len(z)))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		got[path.Ext(f.Name)] = string(b)
	}
	if got[".txt"] != article || !strings.Contains(got[".ann"], "PER 0 18\tJean-Yves Le Drian") || !strings.Contains(got[".conf"], "PER") {
		t.Errorf("zip holds %q", got)
	}
	s.Close()
	if _, err := s.BratZip(); err == nil {
		t.Error("a zip without an article")
	}
}
