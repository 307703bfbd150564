package listing

import (
	"reflect"
	"testing"

	"gloss/app/store"
)

func lib() []store.Meta {
	return []store.Meta{
		{ID: "a", Title: "Élysée talks", Status: store.StatusDone, Labels: "LOC\tPER"},
		{ID: "b", Title: "Market news", Status: store.StatusInProgress, Labels: "ORG", Source: "feeds/market.txt"},
		{ID: "c", Title: "Untitled", Labels: ""},
		{ID: "d", Title: "Weather", Status: store.StatusToDo, Labels: "LOC"},
	}
}

func ids(ms []store.Meta) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}

func TestCount(t *testing.T) {
	c := Count(lib())
	if c != (Counts{Total: 4, ToDo: 2, InProgress: 1, Done: 1}) || c.String() != "1 of 4 done, 1 in progress" {
		t.Errorf("%+v %q", c, c.String())
	}
	if s := Count(nil).String(); s != "0 of 0 done" {
		t.Errorf("%q", s)
	}
}

func TestApply(t *testing.T) {
	texts := map[string]string{"c": "The Zürich bank said", "d": "Rain in Oslo"}
	text := func(id string) string { return texts[id] }
	for _, c := range []struct {
		f    Filter
		want []string
	}{
		{Filter{}, []string{"a", "b", "c", "d"}},
		{Filter{Status: store.StatusToDo}, []string{"c", "d"}},
		{Filter{Label: "LOC"}, []string{"a", "d"}},
		{Filter{Label: "LOC", Status: store.StatusDone}, []string{"a"}},
		{Filter{Query: "elysee"}, []string{"a"}},     // accents and case ignored
		{Filter{Query: "zurich"}, []string{"c"}},     // in the text
		{Filter{Query: "market.txt"}, []string{"b"}}, // the source file
		{Filter{Query: "nowhere"}, nil},
	} {
		if got := ids(Apply(lib(), c.f, text)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%+v: %v, want %v", c.f, got, c.want)
		}
	}
	if got := ids(Apply(lib(), Filter{Query: "zurich"}, nil)); got != nil {
		t.Errorf("titles only: %v", got)
	}
}

func TestStep(t *testing.T) {
	ms := lib()
	for _, c := range []struct {
		cur  string
		by   int
		want string
	}{
		{"a", 1, "b"}, {"d", 1, "a"}, {"a", -1, "d"}, {"x", 1, "a"}, {"x", -1, "d"},
	} {
		if got, ok := Step(ms, c.cur, c.by); !ok || got != c.want {
			t.Errorf("Step(%s, %d) = %s", c.cur, c.by, got)
		}
	}
	if _, ok := Step(nil, "a", 1); ok {
		t.Error("empty list")
	}
	if got, _ := NextToDo(ms, "c"); got != "d" {
		t.Errorf("next to do after c: %s", got)
	}
	if got, _ := NextToDo(ms, "d"); got != "c" {
		t.Errorf("next to do after d wraps: %s", got)
	}
	if _, ok := NextToDo(ms[:2], "a"); ok {
		t.Error("nothing to do")
	}
	if Cycle(store.StatusToDo) != store.StatusInProgress || Cycle(store.StatusDone) != store.StatusToDo || Cycle("") != store.StatusInProgress {
		t.Error("cycle")
	}
}
