package ui

import (
	"math/rand"
	"reflect"
	"sort"
	"testing"

	"gloss/app/entity"
	"gloss/app/text"
)

// TestSortOf: the entity panel's three orders, each stable (ties keep the
// order of first mention), as a plain stable sort of the entities gives.
func TestSortOf(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	labels := []string{"", "PER", "ORG", "LOC"}
	ents := make([]entity.Entity, 300)
	for i := range ents {
		ents[i] = entity.Entity{Key: string(rune('a'+i%26)) + string(rune('a'+i/26)), First: rng.Intn(50),
			Label: labels[rng.Intn(len(labels))], Mentions: make([]text.Span, 1+rng.Intn(5))}
	}
	want := map[string]func(a, b entity.Entity) bool{
		"":      func(a, b entity.Entity) bool { return len(a.Mentions) > len(b.Mentions) },
		"count": func(a, b entity.Entity) bool { return len(a.Mentions) > len(b.Mentions) },
		"label": func(a, b entity.Entity) bool {
			if a.Label != b.Label {
				if a.Label == "" || b.Label == "" {
					return b.Label == ""
				}
				return a.Label < b.Label
			}
			return len(a.Mentions) > len(b.Mentions)
		},
		"first": func(a, b entity.Entity) bool { return a.First < b.First },
	}
	for by, less := range want {
		f := &finder{ents: ents, entSort: by}
		exp := append([]entity.Entity(nil), ents...)
		sort.SliceStable(exp, func(i, j int) bool { return less(exp[i], exp[j]) })
		var got []entity.Entity
		for _, i := range f.sortOf() {
			got = append(got, ents[i])
		}
		if !reflect.DeepEqual(got, exp) {
			t.Errorf("sort %q: differs from a stable sort", by)
		}
	}
}
