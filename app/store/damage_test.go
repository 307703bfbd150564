package store

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"gloss/app/annot"
)

// twoDocs stores a good article and a victim whose records the tests damage.
func twoDocs(t *testing.T) (*Memory, Meta, Meta) {
	m := NewMemory()
	l := mustOpen(t, m)
	good, err := l.Create(Doc{Meta: Meta{ID: "good", Title: "Good"}, Text: "fine",
		Annotations: []annot.Annotation{{ID: "g", Start: 0, End: 4, Label: "PER", Text: "fine"}}})
	if err != nil {
		t.Fatal(err)
	}
	d := sampleDoc()
	d.ID = "victim"
	victim, err := l.Create(d)
	if err != nil {
		t.Fatal(err)
	}
	return m, good, victim
}

func TestDamagedAnnotations(t *testing.T) {
	cases := map[string]struct{ value, msg string }{
		"unreadable JSON":  {encode(`[{"id":"a1",`), "unreadable"},
		"truncated":        {encode(`[{"id":"a1","start":0,"end":12,"label":"PER","text":"Zoë Ångström"},{"id":"a2","sta`), "unreadable"},
		"wrong shape":      {encode(`"annotations"`), "unreadable"},
		"object not array": {encode(`{"value":1}`), "unreadable"},
		"element shape":    {encode(`[{"id":"a1","start":"zero","end":12,"label":"PER"},{"id":"a2","start":19,"end":23,"label":"ORG","text":"ACME"}]`), "1 unreadable"},
		"outside the text": {encode(`[{"id":"a1","start":0,"end":12,"label":"PER"},{"id":"a7","start":25,"end":99,"label":"ORG"}]`), "a7: span 25-99 is outside"},
		"reversed":         {encode(`[{"id":"a7","start":9,"end":3,"label":"ORG"},{"id":"a2","start":19,"end":23,"label":"ORG"}]`), "reversed"},
		"newer format":     {"G7\n[]", "newer Gloss (record format G7)"},
		"no header":        {`[]`, "no G1 header"},
		"empty":            {"", "no G1 header"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			m, good, victim := twoDocs(t)
			key := annKey(victim.ID, 1)
			m.Set(key, c.value)
			before := snapshot(m)
			// Open reads the listing only: the damage is found by Load.
			l := mustOpen(t, m)
			if len(l.List()) != 2 || l.ReadOnly() {
				t.Fatal("library incomplete")
			}
			if d, err := l.Load(good.ID); err != nil || d.Text != "fine" || len(d.Annotations) != 1 {
				t.Fatalf("good doc: %+v %v", d, err)
			}
			d, err := l.Load(victim.ID)
			if !errors.Is(err, ErrDamaged) || d.Text != sampleDoc().Text || !strings.Contains(err.Error(), c.msg) || !strings.Contains(err.Error(), `"Sample"`) || !strings.Contains(err.Error(), key) {
				t.Fatalf("victim: %v %q, want the damage of %s saying %q", err, d.Text, key, c.msg)
			}
			for _, a := range d.Annotations {
				if a.Valid(d.Chars) != nil {
					t.Fatalf("invalid annotation loaded: %+v", a)
				}
			}
			if !reflect.DeepEqual(snapshot(m), before) {
				t.Fatal("reading changed the storage")
			}
			// Saving over it keeps the damaged record aside.
			if err := l.SaveAnnotations(victim.ID, d.Annotations, 9); err != nil {
				t.Fatal(err)
			}
			if v, ok, _ := m.Get(QuarantinePrefix + key); !ok || v != c.value {
				t.Fatalf("quarantine holds %q, %v", v, ok)
			}
			if _, probs, _ := Open(m); len(probs) > 0 {
				t.Fatalf("still damaged: %+v", probs)
			}
		})
	}
}

func TestDamagedText(t *testing.T) {
	m, good, victim := twoDocs(t)
	key := textKey(victim.ID, 1)
	m.Set(key, "G9\nfrom the future")
	l := mustOpen(t, m) // texts are read by Load
	if _, err := l.Load(victim.ID); err == nil || !strings.Contains(err.Error(), `"Sample"`) || !strings.Contains(err.Error(), "newer Gloss") {
		t.Fatalf("Load: %v", err)
	}
	if _, err := l.Load(good.ID); err != nil {
		t.Fatal(err)
	}
	d, err := l.Delete(victim.ID)
	if !errors.Is(err, ErrDamaged) || d.ID != victim.ID {
		t.Fatalf("Delete: %+v %v", d, err)
	}
	if v, _, _ := m.Get(QuarantinePrefix + key); v != "G9\nfrom the future" {
		t.Fatalf("damaged text not kept aside: %q", v)
	}

	m2, _, victim2 := twoDocs(t)
	m2.Delete(textKey(victim2.ID, 1))
	_, probs, _ := Open(m2)
	if !hasProblem(probs, textKey(victim2.ID, 1), "missing") {
		t.Fatalf("%+v", probs)
	}
}

func TestDamagedHead(t *testing.T) {
	for name, value := range map[string]string{
		"unreadable":   encode(`{"revs":[1,`),
		"wrong type":   encode(`{"revs":"none"}`),
		"no header":    `{"revs":[]}`,
		"wrong length": encode(`{"revs":[1,2,3]}`),
		"missing":      "",
	} {
		t.Run(name, func(t *testing.T) {
			m, good, victim := twoDocs(t)
			if value == "" {
				m.Delete(HeadKey)
			} else {
				m.Set(HeadKey, value)
			}
			before := snapshot(m)
			l, probs, _ := Open(m)
			if !hasProblem(probs, HeadKey, "rebuilt from the 2 article records") {
				t.Fatalf("%+v", probs)
			}
			if !reflect.DeepEqual(snapshot(m), before) {
				t.Fatal("Open wrote")
			}
			// The buckets were intact: titles and statuses are kept.
			d, err := l.Load(victim.ID)
			if err != nil || d.Text != sampleDoc().Text || len(d.Annotations) != 3 || d.Title != "Sample" {
				t.Fatalf("%+v %v", d.Meta, err)
			}
			if err := l.Rename(good.ID, "Good again", 5); err != nil {
				t.Fatal(err)
			}
			if v, _, _ := m.Get(QuarantinePrefix + HeadKey); value != "" && v != value {
				t.Fatalf("old head not kept aside: %q", v)
			}
			if l2 := mustOpen(t, m); len(l2.List()) != 2 {
				t.Fatal(l2.List())
			}
		})
	}
}

// A damaged bucket of the listing is rebuilt from its articles' records;
// the other buckets are untouched.
func TestDamagedBucket(t *testing.T) {
	for name, value := range map[string]string{
		"unreadable": encode(`{"docs":[{"id":"go`),
		"wrong type": encode(`{"docs":"none"}`),
		"no header":  `{"docs":[]}`,
		"missing":    "",
	} {
		t.Run(name, func(t *testing.T) {
			m, good, victim := twoDocs(t)
			key := bucketKey(bucketOf(victim.ID))
			if value == "" {
				m.Delete(key)
			} else {
				m.Set(key, value)
			}
			before := snapshot(m)
			l, probs, _ := Open(m)
			if !hasProblem(probs, key, "rebuilt from the") {
				t.Fatalf("%+v", probs)
			}
			if !reflect.DeepEqual(snapshot(m), before) {
				t.Fatal("Open wrote")
			}
			d, err := l.Load(victim.ID)
			if err != nil || d.Text != sampleDoc().Text || len(d.Annotations) != 3 || d.Title != sampleDoc().Text {
				t.Fatalf("%+v %v", d.Meta, err)
			}
			if mt, _ := l.Meta(victim.ID); mt.Annotations != 3 || !mt.HasLabel("ORG") {
				t.Fatalf("rebuilt entry %+v", mt)
			}
			if err := l.Rename(good.ID, "Good again", 5); err != nil {
				t.Fatal(err)
			}
			if v, _, _ := m.Get(QuarantinePrefix + key); value != "" && v != value {
				t.Fatalf("old bucket not kept aside: %q", v)
			}
			l2 := mustOpen(t, m)
			if len(l2.List()) != 2 {
				t.Fatal(l2.List())
			}
			if mt, _ := l2.Meta(good.ID); mt.Title != "Good again" {
				t.Fatal(mt)
			}
		})
	}
}

func TestDamagedListingEntry(t *testing.T) {
	m, good, victim := twoDocs(t)
	key := bucketKey(bucketOf(good.ID))
	other := "zzz"
	for i := 0; bucketOf(other) == bucketOf(good.ID); i++ {
		other = fmt.Sprintf("zzz%d", i)
	}
	raw, _, _ := m.Get(key)
	raw = strings.Replace(raw, `"docs":[`, `"docs":[7,{"id":"good","text":1},{"id":"vic/tim","text":1},{"id":"`+other+`","text":1},`, 1)
	m.Set(key, raw)
	l, probs, _ := Open(m)
	if len(probs) != 4 || !hasProblem(probs, key, "Entry 1") || !hasProblem(probs, key, "listed twice") || !hasProblem(probs, key, "article id") || !hasProblem(probs, key, "another bucket") {
		t.Fatalf("%+v", probs)
	}
	if ls := l.List(); len(ls) != 2 || (ls[0].ID != good.ID && ls[1].ID != good.ID) || l.entries[victim.ID] == nil {
		t.Fatalf("%+v", ls)
	}
	// The next write stores the bucket without them, the damaged one kept aside.
	if err := l.SetStatus(victim.ID, StatusDone, 9); err != nil {
		t.Fatal(err)
	}
	if v, _, _ := m.Get(QuarantinePrefix + key); v != raw {
		t.Fatalf("quarantine %q", v)
	}
	mustOpen(t, m)
}

func TestDamagedSmallRecords(t *testing.T) {
	m, _, _ := twoDocs(t)
	m.Set(LabelsKey, encode(`[{"name":"","color":"red"}]`))
	m.Set(GazetteerKey, encode(`{"oops"`))
	m.Set(SettingsKey, encode(`["not","a","map"]`))
	m.Set(SchemaKey, encode(`version one`))
	l, probs, err := Open(m)
	if err != nil || len(probs) != 4 || l.ReadOnly() {
		t.Fatalf("%+v %v", probs, err)
	}
	for _, k := range []string{LabelsKey, GazetteerKey, SettingsKey, SchemaKey} {
		if !hasProblem(probs, k, "damaged") {
			t.Errorf("no problem for %s", k)
		}
	}
	if !reflect.DeepEqual(l.Labels(), annot.DefaultLabels()) || l.Gazetteer() != nil {
		t.Fatal("defaults not used")
	}
	if err := l.SaveSetting("a", "b"); err != nil {
		t.Fatal(err)
	}
	if err := l.SaveLabels(annot.DefaultLabels()); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{LabelsKey, SettingsKey} {
		if _, ok, _ := m.Get(QuarantinePrefix + k); !ok {
			t.Errorf("%s not kept aside", k)
		}
	}
	if _, ok, _ := m.Get(QuarantinePrefix + GazetteerKey); ok {
		t.Error("gazetteer moved though never written")
	}
}
