package main

import (
	"context"
	"sort"
	"time"
)

// faultTrace samples the browser's page-fault count (browserFaults) every
// few milliseconds while a visit loads, so that the faults can be put
// against the page's perf marks: which phase of the start touched the
// fresh memory.
type faultTrace struct {
	stop, done chan struct{}
	at         []time.Time
	n          []int64
}

// faultTraceEvery is the sampling period: reading /proc for Chromium's
// ~10 processes takes ~1 ms of the other core.
const faultTraceEvery = 5 * time.Millisecond

// traceFaults starts sampling; nil where faults cannot be counted.
func traceFaults(ctx context.Context) *faultTrace {
	if _, ok := browserFaults(ctx); !ok {
		return nil
	}
	ft := &faultTrace{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(ft.done)
		tick := time.NewTicker(faultTraceEvery)
		defer tick.Stop()
		for {
			if n, ok := browserFaults(ctx); ok {
				ft.at, ft.n = append(ft.at, time.Now()), append(ft.n, n)
			}
			select {
			case <-ft.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return ft
}

// end stops the sampling.
func (ft *faultTrace) end() {
	if ft == nil {
		return
	}
	close(ft.stop)
	<-ft.done
}

// count is the fault count at wall time w, interpolated between the
// samples around it.
func (ft *faultTrace) count(w time.Time) (int64, bool) {
	if ft == nil || len(ft.at) < 2 {
		return 0, false
	}
	i := sort.Search(len(ft.at), func(i int) bool { return !ft.at[i].Before(w) })
	switch {
	case i == 0:
		return ft.n[0], true
	case i == len(ft.at):
		return ft.n[len(ft.n)-1], true
	}
	a, b := ft.at[i-1], ft.at[i]
	frac := float64(w.Sub(a)) / float64(b.Sub(a))
	return ft.n[i-1] + int64(frac*float64(ft.n[i]-ft.n[i-1])), true
}

// between is the faults from page time t0 to t1 (ms since origin, the
// page's performance.timeOrigin in ms since the epoch).
func (ft *faultTrace) between(origin, t0, t1 float64) (int64, bool) {
	wall := func(t float64) time.Time { return time.UnixMicro(int64((origin + t) * 1000)) }
	a, ok1 := ft.count(wall(t0))
	b, ok2 := ft.count(wall(t1))
	return b - a, ok1 && ok2
}
