package main

import "testing"

// TestTraceBetween checks that a build step is timed from the first mark
// of its start after the window opens to the first mark of its end after
// that, and that a step not ended inside the window is not timed.
func TestTraceBetween(t *testing.T) {
	w1, w2 := [2]int64{1, 2}, [2]int64{1, 3}
	tt := &taskTrace{marks: map[string]float64{"click": 1000, "settled": 9000}, all: []traceMark{
		{"gloss-worker-split", w1, 500}, // an earlier build's, before the window
		{"click", [2]int64{1, 1}, 1000},
		{"gloss-worker-build", w1, 1200},
		{"gloss-worker-read", w2, 2500},
		{"gloss-worker-split", w1, 4200},
		{"gloss-worker-received", w2, 4800},
		{"gloss-worker-split", w1, 6000},   // a later one: not the first
		{"gloss-worker-indexed", w1, 9500}, // after the window
		{"settled", [2]int64{1, 1}, 9000},
	}}
	for _, c := range []struct {
		from, to string
		want     float64
		ok       bool
	}{
		{"gloss-worker-build", "gloss-worker-split", 3, true},
		{"gloss-worker-read", "gloss-worker-received", 2.3, true},
		{"gloss-worker-split", "gloss-worker-indexed", 0, false},
		{"gloss-worker-handed", "gloss-worker-indexed", 0, false},
	} {
		got, ok := tt.between("click", "settled", c.from, c.to)
		if ok != c.ok || ok && (got < c.want-1e-9 || got > c.want+1e-9) {
			t.Errorf("between(%s, %s) = %v, %v; want %v, %v", c.from, c.to, got, ok, c.want, c.ok)
		}
	}
	if _, ok := tt.between("click", "no such mark", "gloss-worker-build", "gloss-worker-split"); ok {
		t.Error("between timed a step in a window without its end mark")
	}
}
