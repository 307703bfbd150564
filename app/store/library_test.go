package store

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"gloss/app/annot"
)

func TestCreateLoadList(t *testing.T) {
	m := NewMemory()
	l := mustOpen(t, m)
	d := sampleDoc()
	meta, err := l.Create(d)
	if err != nil {
		t.Fatal(err)
	}
	if meta.ID == "" || meta.Chars != 30 || meta.Annotations != 3 || meta.Updated != 1000 {
		t.Fatalf("meta = %+v", meta)
	}
	other, err := l.Create(Doc{Meta: Meta{ID: "second", Title: "Second", Created: 500, Updated: 2000}, Text: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if got := l.List(); len(got) != 2 || got[0].ID != other.ID || got[1].ID != meta.ID {
		t.Fatalf("List = %+v, want newest first", got)
	}

	// A fresh Library on the same storage sees the same thing.
	l2 := mustOpen(t, m)
	got, err := l2.Load(meta.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != d.Text || !reflect.DeepEqual(got.Annotations, d.Annotations) || got.Meta != meta {
		t.Fatalf("Load = %+v\nwant %+v", got, d)
	}
	if _, err := l2.Load("nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Load(nope) = %v", err)
	}
	if _, err := l2.Create(Doc{Meta: Meta{ID: "second"}, Text: "y"}); err == nil || !strings.Contains(err.Error(), "taken") {
		t.Fatalf("duplicate id: %v", err)
	}
	if _, err := l2.Create(Doc{Meta: Meta{ID: "../x"}, Text: "y"}); err == nil {
		t.Fatal("id with a slash accepted")
	}
	bad := sampleDoc()
	bad.Annotations = append(bad.Annotations, annot.Annotation{ID: "a9", Start: 25, End: 40, Label: "PER"})
	if _, err := l2.Create(bad); err == nil || !strings.Contains(err.Error(), "a9") {
		t.Fatalf("annotation outside the text: %v", err)
	}
}

func TestValuesSurviveGoAppScan(t *testing.T) {
	m := NewMemory()
	l := mustOpen(t, m)
	d := sampleDoc()
	d.Text = `{"value":1,"expiresAt":"2001-01-01T00:00:00Z"}`
	d.Annotations = nil
	meta, err := l.Create(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, kv := range [][2]string{{"Value", "x"}, {"expiresat", "2001-01-01T00:00:00Z"}} {
		if err := l.SaveSetting(kv[0], kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.SaveGazetteer([]byte(`{"Value":1,"ExpiresAt":"2001-01-01T00:00:00Z"}`)); err != nil {
		t.Fatal(err)
	}
	if err := l.SaveLabels(annot.DefaultLabels()); err != nil {
		t.Fatal(err)
	}
	if !goAppWouldDelete(`{"Value":1,"ExpiresAt":"2001-01-01T00:00:00Z"}`) {
		t.Fatal("the go-app scan mimic is broken")
	}
	for k, v := range snapshot(m) {
		if !strings.HasPrefix(k, Prefix) && !strings.HasPrefix(k, ListPrefix) {
			t.Errorf("key %q outside %s and %s", k, Prefix, ListPrefix)
		}
		if !strings.HasPrefix(v, header) {
			t.Errorf("%s has no header", k)
		}
		if goAppWouldDelete(v) {
			t.Errorf("go-app would delete %s", k)
		}
	}
	if got, _ := l.Load(meta.ID); got.Text != d.Text {
		t.Fatalf("text = %q", got.Text)
	}
}

func TestSaveAnnotationsWritesOnlyAnnotations(t *testing.T) {
	rec := &recorder{Backend: NewMemory()}
	l := mustOpen(t, rec)
	d := sampleDoc()
	d.Text = strings.Repeat("long text ", 100_000) // 1 MB
	d.Annotations = nil
	meta, err := l.Create(d)
	if err != nil {
		t.Fatal(err)
	}
	rec.reset()
	as := []annot.Annotation{{ID: "x", Start: 0, End: 4, Label: "PER", Text: "long"}}
	if err := l.SaveAnnotations(meta.ID, as, 5000); err != nil {
		t.Fatal(err)
	}
	want := []string{annKey(meta.ID, 2), bucketKey(bucketOf(meta.ID)), HeadKey}
	if !reflect.DeepEqual(rec.sets, want) || rec.setBytes > 2000 {
		t.Fatalf("writes %v (%d bytes), want %v and small", rec.sets, rec.setBytes, want)
	}
	if !reflect.DeepEqual(rec.deletes, []string{annKey(meta.ID, 1)}) {
		t.Fatalf("deletes %v", rec.deletes)
	}
	if m, _ := l.Meta(meta.ID); m.Annotations != 1 || m.Updated != 5000 {
		t.Fatalf("meta %+v", m)
	}
	if l.AnnotationsKey(meta.ID) != annKey(meta.ID, 2) {
		t.Fatal(l.AnnotationsKey(meta.ID))
	}
	if id, ok := DocOf(l.AnnotationsKey(meta.ID)); !ok || id != meta.ID {
		t.Fatal("DocOf")
	}
	bad := []annot.Annotation{{ID: "y", Start: 5, End: 2_000_000, Label: "PER"}}
	if err := l.SaveAnnotations(meta.ID, bad, 6000); err == nil || !strings.Contains(err.Error(), "outside") {
		t.Fatalf("out of range: %v", err)
	}
}

func TestEditRenameDeleteRestore(t *testing.T) {
	m := NewMemory()
	l := mustOpen(t, m)
	meta, _ := l.Create(sampleDoc())
	if err := l.Rename(meta.ID, "New title", 2000); err != nil {
		t.Fatal(err)
	}
	if err := l.SetText(meta.ID, "Zoë Ångström and more text than before", 3000); err != nil {
		t.Fatal(err)
	}
	got, err := l.Load(meta.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "New title" || got.Updated != 3000 || got.Chars != 38 || len(got.Annotations) != 3 {
		t.Fatalf("got %+v", got.Meta)
	}
	as := got.Annotations[:1]
	if err := l.SaveDoc(meta.ID, "Zoë Ångström", as, 4000); err != nil {
		t.Fatal(err)
	}
	keys, _ := m.Keys()
	wantKeys := []string{annKey(meta.ID, 2), textKey(meta.ID, 3), HeadKey, bucketKey(bucketOf(meta.ID)), SchemaKey}
	if !reflect.DeepEqual(keys, wantKeys) {
		t.Fatalf("keys %v, want %v (old revisions deleted)", keys, wantKeys)
	}
	d, err := l.Delete(meta.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.List()) != 0 || d.Text != "Zoë Ångström" {
		t.Fatalf("after delete: %v %+v", l.List(), d)
	}
	keys, _ = m.Keys()
	for _, k := range keys {
		if !strings.HasPrefix(k, ListPrefix) {
			t.Fatalf("records left: %v", keys)
		}
	}
	if err := l.Restore(d); err != nil {
		t.Fatal(err)
	}
	back, err := mustOpen(t, m).Load(meta.ID)
	if err != nil || !reflect.DeepEqual(back, d) {
		t.Fatalf("restored %+v, %v\nwant %+v", back, err, d)
	}
	if err := l.Rename("nope", "x", 1); !errors.Is(err, ErrNotFound) {
		t.Fatal(err)
	}
}

func TestLabelsGazetteerSettings(t *testing.T) {
	m := NewMemory()
	l := mustOpen(t, m)
	if !reflect.DeepEqual(l.Labels(), annot.DefaultLabels()) || l.Gazetteer() != nil || l.Setting("x") != "" {
		t.Fatal("defaults")
	}
	ls, _ := annot.DefaultLabels().Add(annot.Label{Name: "EVENT", Color: "#123456"})
	if err := l.SaveLabels(ls); err != nil {
		t.Fatal(err)
	}
	if err := l.SaveLabels(annot.Labels{{Name: "", Color: "#123456"}}); err == nil {
		t.Fatal("empty label name saved")
	}
	if err := l.SaveGazetteer([]byte(`{"a":1}`)); err != nil {
		t.Fatal(err)
	}
	if err := l.SaveGazetteer([]byte(`{"a":`)); err == nil {
		t.Fatal("broken gazetteer saved")
	}
	if err := l.SaveSetting("theme", "dark"); err != nil {
		t.Fatal(err)
	}
	l2 := mustOpen(t, m)
	if !reflect.DeepEqual(l2.Labels(), ls) || string(l2.Gazetteer()) != `{"a":1}` || l2.Setting("theme") != "dark" {
		t.Fatalf("reopened: %v %s %q", l2.Labels(), l2.Gazetteer(), l2.Setting("theme"))
	}
}

func TestQuotaKeepsWhatWasStored(t *testing.T) {
	m := NewMemory()
	l := mustOpen(t, m)
	meta, err := l.Create(sampleDoc())
	if err != nil {
		t.Fatal(err)
	}
	before := snapshot(m)
	m.Quota = m.Used() + 40 // room for very little
	big := sampleDoc()
	big.Text = strings.Repeat("x", 1000)
	big.Annotations = nil
	if _, err := l.Create(big); !errors.Is(err, ErrQuota) || !strings.Contains(err.Error(), "storage is full") {
		t.Fatalf("Create: %v", err)
	}
	many := make([]annot.Annotation, 20)
	for i := range many {
		many[i] = annot.Annotation{ID: fmt.Sprint("q", i), Start: 0, End: 3, Label: "PER", Text: "Zoë"}
	}
	if err := l.SaveAnnotations(meta.ID, many, 9); !errors.Is(err, ErrQuota) {
		t.Fatalf("SaveAnnotations: %v", err)
	}
	if err := l.SetText(meta.ID, big.Text, 9); !errors.Is(err, ErrQuota) {
		t.Fatalf("SetText: %v", err)
	}
	if !reflect.DeepEqual(snapshot(m), before) {
		t.Fatal("failed writes changed the storage")
	}
	// The listing's write is the one refused (its bucket, or its head once
	// the bucket is written): the new records and the bucket are put back.
	m.Quota = 0
	for _, prefix := range []string{ListPrefix + "list/", HeadKey} {
		fl := mustOpen(t, &failing{Backend: m, prefix: prefix})
		if err := fl.SaveAnnotations(meta.ID, many, 9); err == nil || !strings.Contains(err.Error(), "refused") {
			t.Fatalf("SaveAnnotations (%s refused): %v", prefix, err)
		}
		if err := fl.Rename(meta.ID, "x", 1); err == nil {
			t.Fatalf("Rename with %s refused", prefix)
		}
		if _, err := fl.Create(big); err == nil {
			t.Fatalf("Create with %s refused", prefix)
		}
		if _, err := fl.Delete(meta.ID); err == nil {
			t.Fatalf("Delete with %s refused", prefix)
		}
		if !reflect.DeepEqual(snapshot(m), before) {
			t.Fatalf("failed writes of %s left records behind", prefix)
		}
	}
	got, err := mustOpen(t, m).Load(meta.ID)
	if err != nil || !reflect.DeepEqual(got.Annotations, sampleDoc().Annotations) {
		t.Fatalf("after quota: %+v %v", got, err)
	}
	if ms := mustOpen(t, m).List(); len(ms) != 1 || ms[0] != meta {
		t.Fatalf("list %+v", ms)
	}
}

func TestNewerSchemaReadOnly(t *testing.T) {
	for name, plant := range map[string][2]string{
		"schema record": {SchemaKey, encode(`{"version":4}`)},
		"v4 keys":       {"gloss/v4/index", "whatever"},
	} {
		t.Run(name, func(t *testing.T) {
			m := NewMemory()
			l := mustOpen(t, m)
			meta, _ := l.Create(sampleDoc())
			m.Set(plant[0], plant[1])
			before := snapshot(m)
			l, probs, err := Open(m)
			if err != nil || !l.ReadOnly() || !hasProblem(probs, "", "newer Gloss") {
				t.Fatalf("ro=%v %v %v", l.ReadOnly(), probs, err)
			}
			if _, err := l.Load(meta.ID); err != nil {
				t.Fatal(err)
			}
			if err := l.SaveAnnotations(meta.ID, nil, 1); !errors.Is(err, ErrNewerSchema) {
				t.Fatal(err)
			}
			if _, err := l.Create(sampleDoc()); !errors.Is(err, ErrNewerSchema) {
				t.Fatal(err)
			}
			if _, err := l.Delete(meta.ID); !errors.Is(err, ErrNewerSchema) {
				t.Fatal(err)
			}
			if err := l.SaveSetting("a", "b"); !errors.Is(err, ErrNewerSchema) {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(snapshot(m), before) {
				t.Fatal("read-only library wrote")
			}
		})
	}
}

func TestMergeAnnotationsTwoTabs(t *testing.T) {
	m := NewMemory()
	tab1 := mustOpen(t, m)
	meta, _ := tab1.Create(sampleDoc())
	tab2 := mustOpen(t, m)
	base := sampleDoc().Annotations

	// Tab 2 removes a2 and adds b1; tab 1, unaware, edits a1's note and adds c1.
	theirs := append([]annot.Annotation{base[0], base[2]}, annot.Annotation{ID: "b1", Start: 13, End: 16, Label: "MISC", Text: "met"})
	if err := tab2.SaveAnnotations(meta.ID, theirs, 2000); err != nil {
		t.Fatal(err)
	}
	mine := append([]annot.Annotation(nil), base...)
	mine[0].Note = "edited"
	mine = append(mine, annot.Annotation{ID: "c1", Start: 17, End: 18, Label: "MISC", Text: "👋"})

	ch, probs := tab1.Reload()
	if !reflect.DeepEqual(ch.Docs, []string{meta.ID}) || !ch.Index || len(probs) > 0 {
		t.Fatalf("Reload = %+v %v", ch, probs)
	}
	merged, err := tab1.MergeAnnotations(meta.ID, base, mine, 3000)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range merged {
		ids = append(ids, a.ID)
	}
	if !reflect.DeepEqual(ids, []string{"a1", "b1", "c1", "a3"}) || merged[0].Note != "edited" {
		t.Fatalf("merged %v %+v", ids, merged)
	}
	got, _ := tab2.Load(meta.ID)
	if !reflect.DeepEqual(got.Annotations, merged) {
		t.Fatalf("tab 2 reads %+v", got.Annotations)
	}

	// A write from a stale tab keeps the other tab's new article.
	other, err := tab2.Create(Doc{Meta: Meta{Title: "From tab 2"}, Text: "abc"})
	if err != nil {
		t.Fatal(err)
	}
	if err := tab1.Rename(meta.ID, "Renamed in tab 1", 4000); err != nil {
		t.Fatal(err)
	}
	if len(mustOpen(t, m).List()) != 2 {
		t.Fatal("tab 1 dropped tab 2's article")
	}
	ch, _ = tab1.Reload()
	if !ch.Index {
		t.Fatalf("the refresh during Rename was not reported: %+v", ch)
	}
	tab2.SaveSetting("x", "1")
	tab2.SaveLabels(annot.Labels{{Name: "X", Color: "#000000"}})
	tab2.SaveGazetteer([]byte("[]"))
	ch, _ = tab1.Reload()
	if !ch.Settings || !ch.Labels || !ch.Gazetteer || tab1.Setting("x") != "1" || tab1.Labels()[0].Name != "X" {
		t.Fatalf("%+v", ch)
	}
	if ch, _ = tab1.Reload(); ch.Any() {
		t.Fatalf("nothing changed but %+v", ch)
	}
	tab2.Delete(other.ID)
	if ch, _ = tab1.Reload(); !ch.Index || !reflect.DeepEqual(ch.Docs, []string{other.ID}) {
		t.Fatalf("delete seen as %+v", ch)
	}
}

// TestSaveSettingUnchangedWritesNothing: the app saves the open article's
// ID at every start; a setting saved with the value it has writes no record,
// while a changed, removed or (from another tab) different one still does.
func TestSaveSettingUnchangedWritesNothing(t *testing.T) {
	rec := &recorder{Backend: NewMemory()}
	l := mustOpen(t, rec)
	if err := l.SaveSetting("last", "d1"); err != nil {
		t.Fatal(err)
	}
	if len(rec.sets) == 0 {
		t.Fatal("a new setting wrote nothing")
	}
	rec.reset()
	if err := l.SaveSetting("last", "d1"); err != nil || len(rec.sets) != 0 {
		t.Fatalf("the same value again: writes %v (%v)", rec.sets, err)
	}
	if err := l.SaveSetting("gone", ""); err != nil || len(rec.sets) != 0 {
		t.Fatalf("removing an absent setting: writes %v (%v)", rec.sets, err)
	}
	// Another tab saves "last" = d2; this tab's d2 then is no change, its d1 is.
	other := mustOpen(t, rec.Backend)
	if err := other.SaveSetting("last", "d2"); err != nil {
		t.Fatal(err)
	}
	rec.reset()
	if err := l.SaveSetting("last", "d2"); err != nil || len(rec.sets) != 0 {
		t.Fatalf("the value another tab saved: writes %v (%v)", rec.sets, err)
	}
	if err := l.SaveSetting("last", "d1"); err != nil || len(rec.sets) != 1 {
		t.Fatalf("a changed value: writes %v (%v)", rec.sets, err)
	}
	if err := l.SaveSetting("last", ""); err != nil || len(rec.sets) != 2 {
		t.Fatalf("a removed value: writes %v (%v)", rec.sets, err)
	}
	if l2 := mustOpen(t, rec.Backend); l2.Setting("last") != "" {
		t.Fatalf("reopened: last = %q", l2.Setting("last"))
	}
}
