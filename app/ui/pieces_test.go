package ui

import (
	"reflect"
	"testing"
)

func TestNest(t *testing.T) {
	tests := []struct {
		name string
		in   []span
		want []piece
	}{
		{"disjoint", []span{{5, 8, "b", true, true}, {0, 3, "a", true, true}},
			[]piece{{0, 3, "a", true, true}, {5, 8, "b", true, true}}},
		{"contained", []span{{2, 4, "in", true, true}, {0, 10, "out", true, true}},
			[]piece{{0, 10, "out", true, true}, {2, 4, "in", true, true}}},
		{"crossing", []span{{0, 5, "a", true, true}, {3, 9, "b", true, true}},
			[]piece{{0, 5, "a", true, true}, {3, 5, "b", true, false}, {5, 9, "b", false, true}}},
		{"continued from the paragraph before", []span{{0, 4, "a", false, true}},
			[]piece{{0, 4, "a", false, true}}},
		{"empty dropped", []span{{3, 3, "e", true, true}}, nil},
	}
	for _, tt := range tests {
		if got := nest(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: nest = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// Every piece must lie inside the piece still open before it, or after it.
func TestNestIsWellFormed(t *testing.T) {
	in := []span{{0, 10, "a", true, true}, {2, 14, "b", true, true}, {4, 6, "c", true, true},
		{5, 12, "d", true, true}, {11, 20, "e", true, true}}
	var open []int
	cover := map[string]int{}
	for _, p := range nest(in) {
		for len(open) > 0 && open[len(open)-1] <= p.Start {
			open = open[:len(open)-1]
		}
		if n := len(open); n > 0 && p.End > open[n-1] {
			t.Fatalf("piece %v crosses the open piece ending at %d", p, open[n-1])
		}
		open = append(open, p.End)
		cover[p.ID] += p.End - p.Start
	}
	for _, s := range in {
		if cover[s.ID] != s.End-s.Start {
			t.Errorf("span %s covered %d units, want %d", s.ID, cover[s.ID], s.End-s.Start)
		}
	}
}
