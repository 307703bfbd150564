package store

import (
	"reflect"
	"strings"
	"testing"
)

// v2Fixture loads testdata/v2-library.json, a library written by the last
// v2 build (d52da5a): statuses, a source file name, orphans and brat lines
// in side records, labels, gazetteer and settings.
func v2Fixture(t *testing.T) *Memory {
	t.Helper()
	return fixture(t, "testdata/v2-library.json")
}

// checkV2Fixture checks that the fixture's library reads back whole.
func checkV2Fixture(t *testing.T, l *Library) {
	t.Helper()
	want := map[string]Meta{
		"sample": {ID: "sample", Title: "Sample", Chars: 30, Annotations: 3, Created: 1000, Updated: 2000, Kind: "text", Status: StatusDone, Source: "sample.txt", Labels: "LOC\tORG\tPER"},
		"brat1":  {ID: "brat1", Title: "Brat one", Chars: 16, Annotations: 1, Created: 1500, Updated: 2100, Kind: "text", Status: StatusInProgress, Source: "corpus/brat1.txt", Labels: "ORG"},
		"empty":  {ID: "empty", Title: "Empty one", Chars: 23, Created: 1600, Updated: 1600, Kind: "html", Status: StatusToDo},
	}
	if ls := l.List(); len(ls) != len(want) {
		t.Fatalf("list %+v", ls)
	}
	for id, w := range want {
		if got, _ := l.Meta(id); got != w {
			t.Errorf("%s: %+v\nwant %+v", id, got, w)
		}
	}
	s, err := l.Load("sample")
	if err != nil || s.Text != sampleDoc().Text || !reflect.DeepEqual(s.Annotations, sampleDoc().Annotations) || len(s.Orphans) != 1 || s.Orphans[0].Text != "Moscow" {
		t.Fatalf("sample: %+v %v", s, err)
	}
	b, err := l.Load("brat1")
	if err != nil || len(b.Kept["brat"]) != 3 || b.Kept["brat"][1] != "R1\tBinds Arg1:T1 Arg2:T1\n" {
		t.Fatalf("brat1: %+v %v", b, err)
	}
	if l.Setting("last") != "sample" || l.Setting("theme") != "dark" || l.Labels().Index("Protein") < 0 || !strings.Contains(string(l.Gazetteer()), "ACME") {
		t.Fatal("labels, gazetteer or settings lost")
	}
}

func TestMigrateV2(t *testing.T) {
	m := v2Fixture(t)
	// An older v2 index had no labels and could hold a stale count: the
	// upgrade counts them from the annotations, once.
	raw, _, _ := m.Get(v2IndexKey)
	m.Set(v2IndexKey, strings.Replace(strings.Replace(raw, `"labels":"ORG",`, "", 1), `"annotations":3`, `"annotations":7`, 1))
	l := mustOpen(t, m)
	if l.ReadOnly() {
		t.Fatal("read-only after the upgrade")
	}
	checkV2Fixture(t, l)
	if _, ok, _ := m.Get(v2IndexKey); ok {
		t.Error("v2 index left after the upgrade")
	}
	if v, _, _ := m.Get(v2SchemaKey); v != v2Marker {
		t.Errorf("v2 schema record %q: a v2 tab would not see the upgrade", v)
	}
	if v, _, _ := m.Get(SchemaKey); v != encode(`{"version":3}`) {
		t.Errorf("schema %q", v)
	}
	// Records of articles stayed where they were: nothing was copied.
	for _, k := range []string{textKey("sample", 1), annKey("brat1", 1), sideKey("sample", 1), LabelsKey} {
		if _, ok, _ := m.Get(k); !ok {
			t.Errorf("%s moved", k)
		}
	}
	// The upgraded library is written like a new one.
	if err := l.SetStatus("empty", StatusDone, 3000); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Create(sampleDoc()); err != nil {
		t.Fatal(err)
	}
	before := snapshot(m)
	l2 := mustOpen(t, m)
	if !reflect.DeepEqual(snapshot(m), before) {
		t.Fatal("second open wrote")
	}
	if mt, _ := l2.Meta("empty"); mt.Status != StatusDone || len(l2.List()) != 4 {
		t.Fatalf("after the upgrade: %+v, %d articles", mt, len(l2.List()))
	}
}

// A full storage cannot hold v3's listing: v2 stays as it was, the library
// opens read-only from memory with everything readable, and a later Open
// with room upgrades.
func TestMigrateV2Full(t *testing.T) {
	m := v2Fixture(t)
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
		if k != v2SchemaKey && after[k] != v {
			t.Errorf("v2 record %s changed", k)
		}
	}
	for k := range after {
		if strings.HasPrefix(k, ListPrefix) {
			t.Errorf("partial v3 record %s left", k)
		}
	}
	checkV2Fixture(t, l)
	if _, err := l.Backup(1); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Create(sampleDoc()); err == nil {
		t.Fatal("wrote to a library that could not be upgraded")
	}
	m.Quota = 0
	l = mustOpen(t, m)
	if l.ReadOnly() {
		t.Fatal("second open: read-only")
	}
	checkV2Fixture(t, l)
}

// An upgrade interrupted after v3 was written whole (v2's index not yet
// deleted) is finished; one interrupted before is started again.
func TestMigrateV2Interrupted(t *testing.T) {
	m := v2Fixture(t)
	keys, _ := m.Keys()
	if _, err := writeV3(m, keys); err != nil {
		t.Fatal(err)
	}
	checkV2Fixture(t, mustOpen(t, m))
	if _, ok, _ := m.Get(v2IndexKey); ok {
		t.Fatal("v2 index left")
	}

	m = v2Fixture(t)
	m.Set(HeadKey, encode(`{"revs":[]}`)) // a partial v3 without its schema record
	m.Set(bucketKey(7), encode(`{"docs":[{"id":"ghost","text":1}]}`))
	l := mustOpen(t, m)
	checkV2Fixture(t, l)
	if _, ok, _ := m.Get(bucketKey(7)); ok && bucketOf("sample") != 7 && bucketOf("brat1") != 7 && bucketOf("empty") != 7 {
		t.Fatal("the partial upgrade's bucket was left")
	}
}

// A damaged v2 index is upgraded from the article records, and kept aside.
func TestMigrateV2DamagedIndex(t *testing.T) {
	m := v2Fixture(t)
	m.Set(v2IndexKey, encode(`{"docs":[{"id":"sam`))
	l, probs, err := Open(m)
	if err != nil || l.ReadOnly() || !hasProblem(probs, v2IndexKey, "damaged") || len(l.List()) != 3 {
		t.Fatalf("%+v %v ro=%v %d articles", probs, err, l.ReadOnly(), len(l.List()))
	}
	if v, _, _ := m.Get(QuarantinePrefix + v2IndexKey); v != encode(`{"docs":[{"id":"sam`) {
		t.Fatalf("damaged index not kept aside: %q", v)
	}
	if d, err := l.Load("sample"); err != nil || len(d.Annotations) != 3 || len(d.Orphans) != 1 {
		t.Fatalf("%+v %v", d, err)
	}
	if mt, _ := l.Meta("sample"); mt.Annotations != 3 || mt.Labels != "LOC\tORG\tPER" {
		t.Fatalf("%+v", mt)
	}
}
