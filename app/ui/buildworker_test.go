package ui

import "testing"

// TestWantsWorker: long articles go to the worker, short ones stay in the
// page, and none goes once a build there failed.
func TestWantsWorker(t *testing.T) {
	for _, c := range []struct {
		n    int
		off  bool
		want bool
	}{
		{0, false, false},
		{buildWorkerMin - 1, false, false},
		{buildWorkerMin, false, true},
		{5 << 20, false, true},
		{5 << 20, true, false},
	} {
		if got := wantsWorker(c.n, c.off); got != c.want {
			t.Errorf("wantsWorker(%d, %v) = %v, want %v", c.n, c.off, got, c.want)
		}
	}
}
