package ui

import "testing"

// TestPauseParked: while the background build is parked (waiting for the
// worker's reply or for its next slice), entity.Pause called on the UI
// goroutine does nothing, even when that build was superseded meanwhile;
// the build's own next pause ends it.
func TestPauseParked(t *testing.T) {
	old := &buildJob{gen: 1}
	f := &finder{bgJob: old, job: &buildJob{gen: 2}} // superseded
	f.parked(func() {
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("a pause on the UI goroutine while the build is parked panicked: %v", r)
			}
		}()
		f.pause()
	})
	if f.bgJob != old {
		t.Fatalf("bgJob after the wait is %v, want the parked build back", f.bgJob)
	}
	defer func() {
		if _, ok := recover().(superseded); !ok {
			t.Error("the superseded build's own pause did not end it")
		}
	}()
	f.pause()
}
