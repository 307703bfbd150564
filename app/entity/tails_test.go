package entity

import "testing"

// TestGroupTails checks that a name ending a longer one joins its entity
// (one word or several), and stays apart when two longer names end so.
func TestGroupTails(t *testing.T) {
	for _, c := range []struct {
		text   string
		name   string // entity of the longer name
		joined int    // its mentions
		apart  string // a name left as its own entity, or ""
	}{
		{"John Smith arrived on Monday, and then Smith left.", "John Smith", 2, ""},
		{"Maria Garcia Lopez spoke on Monday, and Garcia Lopez said more before Lopez left.", "Maria Garcia Lopez", 3, ""},
		{"John Smith and Anna Smith met on Monday, and then Smith left.", "John Smith", 1, "Smith"},
	} {
		ents := Find(c.text, nil)
		e := entityByName(ents, c.name)
		if e == nil || len(e.Mentions) != c.joined {
			t.Errorf("%q: %q is not an entity with %d mentions (%+v)", c.text, c.name, c.joined, ents)
		}
		if a := entityByName(ents, c.apart); c.apart != "" && (a == nil || len(a.Mentions) != 1) {
			t.Errorf("%q: %q is not an entity of its own (%+v)", c.text, c.apart, ents)
		}
	}
}
