package store

import (
	"fmt"
	"reflect"
	"testing"
)

// sameBucket returns n ids that share a bucket.
func sameBucket(n int) []string {
	var ids []string
	for i := 0; len(ids) < n; i++ {
		if id := fmt.Sprintf("s%d", i); bucketOf(id) == bucketOf("s0") {
			ids = append(ids, id)
		}
	}
	return ids
}

// Two tabs writing entries of the same bucket never put back a stale
// bucket: each write first reads what the other tab wrote.
func TestListingTabsShareABucket(t *testing.T) {
	ids := sameBucket(3)
	m := NewMemory()
	tab1 := mustOpen(t, m)
	d := sampleDoc()
	d.ID = ids[0]
	if _, err := tab1.Create(d); err != nil {
		t.Fatal(err)
	}
	tab2 := mustOpen(t, m)
	d.ID, d.Title = ids[1], "From tab 2"
	if _, err := tab2.Create(d); err != nil {
		t.Fatal(err)
	}
	// tab1 has not reloaded: its rename must keep tab2's article.
	if err := tab1.Rename(ids[0], "Renamed in tab 1", 5); err != nil {
		t.Fatal(err)
	}
	d.ID, d.Title = ids[2], "Third"
	if _, err := tab2.Create(d); err != nil {
		t.Fatal(err)
	}
	for _, l := range []*Library{mustOpen(t, m), tab1, tab2} {
		l.Reload()
		if len(l.List()) != 3 {
			t.Fatalf("%+v", l.List())
		}
		if mt, _ := l.Meta(ids[0]); mt.Title != "Renamed in tab 1" {
			t.Fatalf("%+v", mt)
		}
	}
}

// A load or a write reads the head and, when another tab wrote, only the
// buckets it changed.
func TestListingReadsOnlyChangedBuckets(t *testing.T) {
	m := NewMemory()
	l := mustOpen(t, m)
	for i := 0; i < 300; i++ {
		d := sampleDoc()
		d.ID = fmt.Sprintf("a%03d", i)
		if _, err := l.Create(d); err != nil {
			t.Fatal(err)
		}
	}
	rec := &recorder{Backend: m}
	tab := mustOpen(t, rec)
	var gets []string
	count := &getLog{Backend: rec, keys: &gets}
	tab.b = count
	if _, err := tab.Load("a007"); err != nil {
		t.Fatal(err)
	}
	want := []string{HeadKey, textKey("a007", 1), annKey("a007", 1)}
	if !reflect.DeepEqual(gets, want) {
		t.Fatalf("Load read %v, want %v", gets, want)
	}
	// Another tab adds an article: the next load reads its bucket only.
	d := sampleDoc()
	d.ID = "new"
	if _, err := l.Create(d); err != nil {
		t.Fatal(err)
	}
	gets = nil
	if _, err := tab.Load("a007"); err != nil {
		t.Fatal(err)
	}
	want = []string{HeadKey, bucketKey(bucketOf("new")), textKey("a007", 1), annKey("a007", 1)}
	if !reflect.DeepEqual(gets, want) {
		t.Fatalf("Load read %v, want %v", gets, want)
	}
	if _, ok := tab.Meta("new"); !ok {
		t.Fatal("the other tab's article is not listed")
	}
	if ch, _ := tab.Reload(); !ch.Index {
		t.Fatalf("Reload: %+v", ch)
	}
}

// getLog records the keys read.
type getLog struct {
	Backend
	keys *[]string
}

func (g *getLog) Get(k string) (string, bool, error) {
	*g.keys = append(*g.keys, k)
	return g.Backend.Get(k)
}
