package store

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"gloss/app/annot"
)

// v1Fixture loads testdata/v1-library.json, a library written by the last
// v1 build (33ed25f) with orphans and brat lines in the settings, as app/ui
// kept them.
func v1Fixture(t *testing.T) *Memory {
	t.Helper()
	return fixture(t, "testdata/v1-library.json")
}

// fixture loads a library saved as one JSON object of keys and values.
func fixture(t *testing.T, path string) *Memory {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var kv map[string]string
	if err := json.Unmarshal(data, &kv); err != nil {
		t.Fatal(err)
	}
	m := NewMemory()
	for k, v := range kv {
		m.Set(k, v)
	}
	return m
}

func TestMigrateV1(t *testing.T) {
	m := v1Fixture(t)
	l := mustOpen(t, m)
	if l.ReadOnly() {
		t.Fatal("read-only after migration")
	}
	keys, _ := m.Keys()
	for _, k := range keys {
		if strings.HasPrefix(k, v1Prefix) {
			t.Errorf("v1 record %s left after the migration", k)
		}
	}
	if v, _, _ := m.Get(SchemaKey); v != encode(`{"version":3}`) {
		t.Fatalf("schema %q", v)
	}
	s, err := l.Load("sample")
	if err != nil {
		t.Fatal(err)
	}
	want := sampleDoc()
	if s.Text != want.Text || !reflect.DeepEqual(s.Annotations, want.Annotations) || s.Status != StatusInProgress {
		t.Fatalf("sample: %+v", s)
	}
	if len(s.Orphans) != 1 || s.Orphans[0].Text != "Moscow" || !strings.Contains(s.Orphans[0].Reason, "no longer") {
		t.Fatalf("sample orphans: %+v", s.Orphans)
	}
	b, err := l.Load("brat1")
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Kept["brat"]; len(got) != 3 || got[1] != "R1\tBinds Arg1:T1 Arg2:T1\n" {
		t.Fatalf("brat kept: %q", got)
	}
	e, err := l.Load("empty")
	if err != nil || e.Status != StatusToDo || e.Kind != "html" || e.Orphans != nil || e.Kept != nil {
		t.Fatalf("empty: %+v %v", e, err)
	}
	// What belonged to articles left the settings; the rest stayed.
	if l.Setting("orphans/sample") != "" || l.Setting("brat/brat1") != "" {
		t.Fatal("article records left in the settings")
	}
	if l.Setting("last") != "sample" || l.Setting("theme") != "dark" {
		t.Fatal("settings lost")
	}
	if l.Labels().Index("Protein") < 0 || !strings.Contains(string(l.Gazetteer()), "ACME") {
		t.Fatal("labels or gazetteer lost")
	}
	// Deleting an article now takes its orphans with it, and undo brings them back.
	d, err := l.Delete("sample")
	if err != nil {
		t.Fatal(err)
	}
	keys, _ = m.Keys()
	for _, k := range keys {
		if strings.Contains(k, "sample") {
			t.Errorf("%s left after delete", k)
		}
	}
	if err := l.Restore(d); err != nil {
		t.Fatal(err)
	}
	if r, _ := l.Load("sample"); !reflect.DeepEqual(r.Orphans, s.Orphans) {
		t.Fatalf("orphans after undo: %+v", r.Orphans)
	}
	// A second Open finds v3 and changes nothing.
	before := snapshot(m)
	mustOpen(t, m)
	if !reflect.DeepEqual(snapshot(m), before) {
		t.Fatal("second open wrote")
	}
}

// A full storage cannot hold the upgrade: v1 stays as it was, the library
// opens read-only from memory with everything readable, and a later Open
// with room migrates.
func TestMigrateV1Full(t *testing.T) {
	m := v1Fixture(t)
	before := snapshot(m)
	m.Quota = m.Used() + 200
	l, probs, err := Open(m)
	if err != nil {
		t.Fatal(err)
	}
	if !l.ReadOnly() || !hasProblem(probs, SchemaKey, "could not be upgraded") {
		t.Fatalf("read-only %v, problems %+v", l.ReadOnly(), probs)
	}
	after := snapshot(m)
	for k, v := range before {
		if k != v1Prefix+"schema" && after[k] != v {
			t.Errorf("v1 record %s changed", k)
		}
	}
	for k := range after {
		if strings.HasPrefix(k, Prefix) || strings.HasPrefix(k, ListPrefix) {
			t.Errorf("partial v2 or v3 record %s left", k)
		}
	}
	if d, err := l.Load("sample"); err != nil || len(d.Orphans) != 1 {
		t.Fatalf("read-only library: %+v %v", d, err)
	}
	if _, err := l.Backup(1); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Create(sampleDoc()); err == nil {
		t.Fatal("wrote to a library that could not be upgraded")
	}
	m.Quota = 0
	l = mustOpen(t, m)
	if l.ReadOnly() || len(l.List()) != 3 {
		t.Fatalf("second open: ro %v, %d articles", l.ReadOnly(), len(l.List()))
	}
}

// An upgrade interrupted after v2 was written whole (the v1 records not all
// deleted) is finished, and one interrupted before is started again.
func TestMigrateV1Interrupted(t *testing.T) {
	m := v1Fixture(t)
	keys, _ := m.Keys()
	if err := writeV2(m, m, keys); err != nil {
		t.Fatal(err)
	}
	mustOpen(t, m)
	keys, _ = m.Keys()
	for _, k := range keys {
		if strings.HasPrefix(k, v1Prefix) {
			t.Fatalf("%s left", k)
		}
	}

	m = v1Fixture(t)
	m.Set(v2IndexKey, encode(`{"docs":[]}`)) // a partial v2 without its schema record
	m.Set(textKey("sample", 1), encode("partial"))
	l := mustOpen(t, m)
	if d, err := l.Load("sample"); err != nil || d.Text != sampleDoc().Text || len(l.List()) != 3 {
		t.Fatalf("%+v %v", d, err)
	}
}

// Orphans and kept lines are one side record, written with the article.
func TestSideRecord(t *testing.T) {
	m := NewMemory()
	l := mustOpen(t, m)
	d := sampleDoc()
	d.Orphans = []annot.Orphan{{Annotation: annot.Annotation{ID: "o1", Start: 1, End: 4, Label: "PER", Text: "abc"}, Reason: "gone"}}
	d.Kept = map[string][]string{"brat": {"R1\tx\n"}}
	meta, err := l.Create(d)
	if err != nil || meta.Status != StatusToDo {
		t.Fatal(meta, err)
	}
	if err := l.SaveOrphans(meta.ID, nil, 5); err != nil {
		t.Fatal(err)
	}
	got, _ := l.Load(meta.ID)
	if got.Orphans != nil || len(got.Kept["brat"]) != 1 {
		t.Fatalf("%+v", got)
	}
	if err := l.SaveKept(meta.ID, "brat", nil, 6); err != nil {
		t.Fatal(err)
	}
	got, _ = l.Load(meta.ID)
	if got.Kept != nil {
		t.Fatalf("%+v", got.Kept)
	}
	keys, _ := m.Keys()
	for _, k := range keys {
		if strings.Contains(k, "/side.") {
			t.Errorf("empty side record %s kept", k)
		}
	}
	if err := l.SetStatus(meta.ID, StatusDone, 7); err != nil {
		t.Fatal(err)
	}
	if err := l.SetStatus(meta.ID, "finished", 8); err == nil {
		t.Fatal("unknown status saved")
	}
	if mt, _ := mustOpen(t, m).Meta(meta.ID); mt.Status != StatusDone || mt.Updated != 7 {
		t.Fatalf("%+v", mt)
	}
}
