package ui

import "testing"

// TestWantsWorker: long articles go to the worker, started for them if it
// does not run yet; short ones stay in the page; none goes once a build
// there failed.
func TestWantsWorker(t *testing.T) {
	for _, c := range []struct {
		n            int
		running, off bool
		want         bool
	}{
		{0, true, false, false},
		{buildWorkerMin - 1, true, false, false},
		{buildWorkerMin, true, false, true},
		{buildWorkerMin, false, false, false},
		{buildWorkerStart - 1, false, false, false},
		{buildWorkerStart, false, false, true},
		{5 << 20, true, false, true},
		{5 << 20, true, true, false},
		{5 << 20, false, true, false},
	} {
		if got := wantsWorker(c.n, c.running, c.off); got != c.want {
			t.Errorf("wantsWorker(%d, running %v, off %v) = %v, want %v", c.n, c.running, c.off, got, c.want)
		}
	}
}
