package ui

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// TestWorkerWorking: the worker's own warm-up is no request for the page
// to wait for (the search's warm-up waits while the worker is working);
// any other request is, and a worker not running has none.
func TestWorkerWorking(t *testing.T) {
	w := &workerClient{worker: app.Null(), pending: map[int]chan workerReply{}}
	check := func(when string, busy, working bool) {
		t.Helper()
		if w.busy() != busy || w.working() != working {
			t.Errorf("%s: busy %v, working %v; want %v, %v", when, w.busy(), w.working(), busy, working)
		}
	}
	check("idle", false, false)
	w.pending[1] = make(chan workerReply, 1)
	w.warmID = 1
	check("warming up", true, false)
	w.pending[2] = make(chan workerReply, 1)
	check("warming up and building", true, true)
	delete(w.pending, 1)
	check("building", true, true)
	delete(w.pending, 2)
	check("idle again", false, false)
	w.pending[3] = make(chan workerReply, 1)
	w.worker = nil
	check("not running", false, false)
}
