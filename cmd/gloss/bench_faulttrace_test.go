package main

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
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

// mainThread is browserFaultsByThread's key for the renderers' main
// threads: a process's first thread has the program's name.
const mainThread = "renderer chromium"

// traceFaults starts sampling; nil where faults cannot be counted.
func traceFaults(ctx context.Context) *faultTrace {
	return traceFaultsOf(func() (int64, bool) { return browserFaults(ctx) })
}

// traceMainThreadFaults samples the faults of the renderers' main threads
// (the page's, in a benchmark with one page open) alone.
func traceMainThreadFaults(ctx context.Context) *faultTrace {
	return traceFaultsOf(func() (int64, bool) {
		m, ok := browserFaultsByThread(ctx)
		return m[mainThread], ok
	})
}

// traceFaultsOf samples count; nil where it cannot count.
func traceFaultsOf(count func() (int64, bool)) *faultTrace {
	if _, ok := count(); !ok {
		return nil
	}
	ft := &faultTrace{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(ft.done)
		tick := time.NewTicker(faultTraceEvery)
		defer tick.Stop()
		for {
			if n, ok := count(); ok {
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

// markFaults says how many faults ft counted between each of the page's
// perf marks from first to last and the next, in thousands, in the order
// the marks were made; a stretch under 0.5 k is left out.
func markFaults(t *testing.T, ctx context.Context, ft *faultTrace, first, last string) string {
	t.Helper()
	m := inPage[struct {
		Origin float64  `json:"origin"`
		Marks  [][2]any `json:"marks"`
	}](t, ctx, `
		const all = performance.getEntriesByType("mark");
		const from = all.filter((e) => e.name === `+jsString(first)+`).pop();
		const to = all.filter((e) => e.name === `+jsString(last)+`).pop();
		if (!from || !to) return {origin: performance.timeOrigin, marks: []};
		const marks = all.filter((e) => e.startTime >= from.startTime && e.startTime <= to.startTime)
			.sort((a, b) => a.startTime - b.startTime).map((e) => [e.name, e.startTime]);
		return {origin: performance.timeOrigin, marks};`)
	var b strings.Builder
	for k := 0; k+1 < len(m.Marks); k++ {
		a, _ := m.Marks[k][1].(float64)
		z, _ := m.Marks[k+1][1].(float64)
		n, ok := ft.between(m.Origin, a, z)
		if !ok || n < 500 {
			continue
		}
		fmt.Fprintf(&b, " %v→%v: %.1f", strings.TrimPrefix(fmt.Sprint(m.Marks[k][0]), "gloss-"), strings.TrimPrefix(fmt.Sprint(m.Marks[k+1][0]), "gloss-"), float64(n)/1000)
	}
	if len(m.Marks) > 1 {
		a, _ := m.Marks[0][1].(float64)
		z, _ := m.Marks[len(m.Marks)-1][1].(float64)
		if n, ok := ft.between(m.Origin, a, z); ok {
			fmt.Fprintf(&b, " (in all %.1f)", float64(n)/1000)
		}
	}
	return strings.TrimSpace(b.String())
}

// faultsBetween says where the faults between two readings by process or
// by thread were taken, largest first, in thousands.
func faultsBetween(a, b map[string]int64) string {
	type kv struct {
		k string
		n int64
	}
	var d []kv
	for k, n := range b {
		if n-a[k] > 0 {
			d = append(d, kv{k, n - a[k]})
		}
	}
	sort.Slice(d, func(i, j int) bool { return d[i].n > d[j].n })
	var parts []string
	for _, x := range d {
		parts = append(parts, fmt.Sprintf("%s %.1f", x.k, float64(x.n)/1000))
	}
	return strings.Join(parts, ", ")
}

// faultsAdded is the faults between two readings by process or by thread,
// all together.
func faultsAdded(a, b map[string]int64) int64 {
	var n int64
	for k, v := range b {
		n += v - a[k]
	}
	return n
}
