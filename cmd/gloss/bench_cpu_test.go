package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// On these shared 2-core machines a long task's wall-clock duration is
// mostly the other processes' load: the same 20 ms slice of work shows as
// 50 to 500 ms. The trace's thread time of each task of the page's main
// thread (RunTask's tdur) is the processor time it took, which the load
// barely moves: mainThreadTrace records it, so that two builds measured at
// different loads can be compared.

// taskTrace is the main-thread tasks a trace recorded.
type taskTrace struct {
	*chromeTrace
	mu    sync.Mutex
	marks map[string]float64 // performance.mark name -> trace ts (µs)
	// every mark in the order recorded, with its thread (timeline)
	all []traceMark
	// tasks per renderer thread (pid/tid): ts, wall and thread durations (µs)
	tasks   map[[2]int64][][3]float64
	threads map[[2]int64]string
	// inner: the timeline's events inside the tasks (layout, style, script,
	// collection) per thread, so that top can say what a long task did.
	inner map[[2]int64][]innerEvent
}

// innerEvent is one timeline event inside a task: its name, start and
// wall duration (µs).
type innerEvent struct {
	name    string
	ts, dur float64
}

// startTaskTrace starts a trace of the page's tasks and user timing marks.
func startTaskTrace(t *testing.T, ctx context.Context) (*taskTrace, context.CancelFunc) {
	tt := &taskTrace{marks: map[string]float64{}, tasks: map[[2]int64][][3]float64{}, threads: map[[2]int64]string{}, inner: map[[2]int64][]innerEvent{}}
	tt.chromeTrace = startTrace(t, ctx, []string{"disabled-by-default-devtools.timeline", "devtools.timeline", "blink.user_timing", "toplevel", "v8.wasm", "disabled-by-default-v8.wasm.detailed"}, func(ev []byte) {
		tt.mu.Lock()
		defer tt.mu.Unlock()
		var x struct {
			Name string  `json:"name"`
			Cat  string  `json:"cat"`
			Ph   string  `json:"ph"`
			Pid  int64   `json:"pid"`
			Tid  int64   `json:"tid"`
			Ts   float64 `json:"ts"`
			Dur  float64 `json:"dur"`
			Tdur float64 `json:"tdur"`
			Args struct {
				Name string `json:"name"`
			} `json:"args"`
		}
		if json.Unmarshal(ev, &x) != nil {
			return
		}
		k := [2]int64{x.Pid, x.Tid}
		switch {
		case x.Ph == "M" && x.Name == "thread_name":
			tt.threads[k] = x.Args.Name
		case (x.Name == "RunTask" || x.Name == "ThreadPool_RunTask") && x.Ph == "X":
			tt.tasks[k] = append(tt.tasks[k], [3]float64{x.Ts, x.Dur, x.Tdur})
		case x.Ph == "X" && x.Name != "ThreadControllerImpl::RunTask" && x.Dur >= 2000:
			// Not ThreadControllerImpl::RunTask: like RunTask (the
			// case above), it is the task itself.
			tt.inner[k] = append(tt.inner[k], innerEvent{x.Name, x.Ts, x.Dur})
		case x.Cat == "blink.user_timing" && (x.Ph == "R" || x.Ph == "I" || x.Ph == "n"):
			tt.marks[x.Name] = x.Ts
			tt.all = append(tt.all, traceMark{x.Name, k, x.Ts})
		}
	})
	return tt, tt.cancel
}

// traceMark is one performance.mark of any thread of the trace.
type traceMark struct {
	name   string
	thread [2]int64
	ts     float64
}

// stop ends the trace and waits for its data.
func (tt *taskTrace) stop(t *testing.T, ctx context.Context) {
	t.Helper()
	if !tt.chromeTrace.stop(t, ctx, 60*time.Second) {
		t.Fatal("tracing did not complete")
	}
}

// cpu returns, for the page's main thread (the renderer main thread with
// the most thread time), the longest thread time of a task that started
// between the marks from and to and ended by to (as the longtask observer
// counts: the task that painted the mark from is not one, and the task that
// marked to is the benchmark's own, which collects garbage after it), and
// the thread time of all tasks between the marks begin and to, in
// milliseconds.
func (tt *taskTrace) cpu(begin, from, to string) (longest, total float64, ok bool) {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	b, okB := tt.marks[begin]
	f, okF := tt.marks[from]
	e, okE := tt.marks[to]
	if !okB || !okF || !okE {
		return 0, 0, false
	}
	best := -1.0
	for k, tasks := range tt.tasks {
		if tt.threads[k] != "CrRendererMain" {
			continue
		}
		var l, s float64
		for _, x := range tasks {
			ts, dur, tdur := x[0], x[1], x[2]
			if ts+dur >= b && ts <= e {
				s += tdur
			}
			if ts >= f && ts+dur <= e {
				l = max(l, tdur)
			}
		}
		if s > best {
			best, longest, total = s, l/1000, s/1000
		}
	}
	return longest, total, best >= 0
}

// workerCPU returns the thread time (ms) of the dedicated workers' tasks
// that ended between the marks begin and to: the build workers' share of
// the work, on the machine's other core; and the busiest worker's alone.
func (tt *taskTrace) workerCPU(begin, to string) (total, busiest float64, ok bool) {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	b, okB := tt.marks[begin]
	e, okE := tt.marks[to]
	if !okB || !okE {
		return 0, 0, false
	}
	for k, tasks := range tt.tasks {
		if !strings.HasPrefix(tt.threads[k], "DedicatedWorker") {
			continue
		}
		var thread float64
		for _, x := range tasks {
			if end := x[0] + x[1]; end >= b && end <= e {
				thread += x[2]
			}
		}
		total += thread
		busiest = max(busiest, thread)
	}
	return total / 1000, busiest / 1000, true
}

// processCPU returns the thread time (ms) of every task of the page's
// renderer process (its main thread's pid) that ended between the marks
// begin and to: the main thread, the workers and the compiler threads.
func (tt *taskTrace) processCPU(begin, to string) (total float64, ok bool) {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	b, okB := tt.marks[begin]
	e, okE := tt.marks[to]
	if !okB || !okE {
		return 0, false
	}
	var pid int64 = -1
	most := 0
	for k, tasks := range tt.tasks {
		if tt.threads[k] == "CrRendererMain" && len(tasks) > most {
			pid, most = k[0], len(tasks)
		}
	}
	for k, tasks := range tt.tasks {
		if k[0] != pid {
			continue
		}
		for _, x := range tasks {
			if end := x[0] + x[1]; end >= b && end <= e {
				total += x[2]
			}
		}
	}
	return total / 1000, pid >= 0
}

// top lists the n main-thread tasks with the most thread time between the
// marks from and to: "ms after from: thread ms (wall ms)".
//
// With wall, it lists instead the first n tasks over 50 ms of wall time.
func (tt *taskTrace) top(from, to string, n int, wall bool) string {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	f, e := tt.marks[from], tt.marks[to]
	type task struct {
		x      [3]float64
		thread [2]int64
	}
	var all []task
	for k, tasks := range tt.tasks {
		if tt.threads[k] != "CrRendererMain" {
			continue
		}
		for _, x := range tasks {
			if x[0] >= f && x[0]+x[1] <= e {
				all = append(all, task{x, k})
			}
		}
	}
	if wall {
		// The tasks the longtask observer reports (over 50 ms of wall
		// time), in time order.
		long := all[:0]
		for _, t := range all {
			if t.x[1] > 50000 {
				long = append(long, t)
			}
		}
		all = long
		sort.Slice(all, func(i, j int) bool { return all[i].x[0] < all[j].x[0] })
	} else {
		sort.Slice(all, func(i, j int) bool { return all[i].x[2] > all[j].x[2] })
	}
	var b strings.Builder
	for _, t := range all[:min(n, len(all))] {
		x := t.x
		fmt.Fprintf(&b, " %.0f: %.0f (%.0f)%s", (x[0]-f)/1000, x[2]/1000, x[1]/1000, tt.within(t.thread, x[0], x[0]+x[1]))
	}
	return b.String()
}

// within lists the timeline events of thread between start and end (µs),
// the longest first: "[name wall ms, …]". tt.mu is held by the caller.
func (tt *taskTrace) within(thread [2]int64, start, end float64) string {
	var in []innerEvent
	for _, ev := range tt.inner[thread] {
		if ev.ts >= start && ev.ts+ev.dur <= end {
			in = append(in, ev)
		}
	}
	sort.Slice(in, func(i, j int) bool { return in[i].dur > in[j].dur })
	var b strings.Builder
	for i, ev := range in[:min(4, len(in))] {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %.0f", ev.name, ev.dur/1000)
	}
	// What the other threads did meanwhile says whether the task waited
	// for a processor (their thread time near the task's wall time) or
	// for something else.
	if o := tt.beside(thread, start, end); o != "" {
		fmt.Fprintf(&b, ", beside: %s", o)
	}
	// The page's own marks inside the task say which step it was.
	for _, m := range tt.all {
		if m.thread == thread && m.ts >= start && m.ts <= end {
			fmt.Fprintf(&b, ", mark %s", strings.TrimPrefix(m.name, "gloss-"))
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return " [" + strings.TrimPrefix(b.String(), ", ") + "]"
}

// phases lists the main-thread thread time between each two successive
// marks from begin to end (every mark of the page in between, in time
// order): "mark: thread ms (wall ms)", so the time to interactive can be
// accounted for step by step. A task is counted in the step it starts in.
func (tt *taskTrace) phases(begin, end string) string {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	b, e, ok := tt.span(begin, end)
	if !ok {
		return ""
	}
	type mark struct {
		name string
		ts   float64
	}
	var ms []mark
	for n, ts := range tt.marks {
		if ts >= b && ts <= e {
			ms = append(ms, mark{n, ts})
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].ts < ms[j].ts })
	var main [][3]float64
	for k, tasks := range tt.tasks {
		if tt.threads[k] == "CrRendererMain" && len(tasks) > len(main) {
			main = tasks
		}
	}
	var sb strings.Builder
	for i := 0; i+1 < len(ms); i++ {
		from, to := ms[i].ts, ms[i+1].ts
		var cpu float64
		for _, x := range main {
			if x[0] >= from && x[0] < to || i == 0 && x[0] < from && x[0]+x[1] > from {
				cpu += x[2]
			}
		}
		fmt.Fprintf(&sb, " %s→%s: %.0f (%.0f)", ms[i].name, ms[i+1].name, cpu/1000, (to-from)/1000)
	}
	return sb.String()
}

// span gives the times of the page's marks begin and end; false when
// either is missing. tt.mu is held by the caller.
func (tt *taskTrace) span(begin, end string) (b, e float64, ok bool) {
	b, okB := tt.marks[begin]
	e, okE := tt.marks[end]
	return b, e, okB && okE
}

// between returns the time (ms) from the first mark named from after the
// mark begin to the first mark named to after that, both before the mark
// end: how long one step of a build took (the worker's marks, by name).
func (tt *taskTrace) between(begin, end, from, to string) (float64, bool) {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	b, e, ok := tt.span(begin, end)
	if !ok {
		return 0, false
	}
	first := func(name string, after float64) (float64, bool) {
		at, found := 0.0, false
		for _, m := range tt.all {
			if m.name == name && m.ts >= after && m.ts <= e && (!found || m.ts < at) {
				at, found = m.ts, true
			}
		}
		return at, found
	}
	f, okF := first(from, b)
	if !okF {
		return 0, false
	}
	t, okT := first(to, f)
	if !okT {
		return 0, false
	}
	return (t - f) / 1000, true
}

// timeline lists every mark of every thread between the marks begin and
// end, in time order: "ms after begin thread:name", the thread "page" for
// the main thread and "wN" for the Nth worker thread seen: when the
// workers receive the text, build, answer, and the page takes it in.
func (tt *taskTrace) timeline(begin, end string) string {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	b, e, ok := tt.span(begin, end)
	if !ok {
		return ""
	}
	ms := append([]traceMark(nil), tt.all...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].ts < ms[j].ts })
	workers := map[[2]int64]string{}
	var sb strings.Builder
	for _, m := range ms {
		if m.ts < b || m.ts > e {
			continue
		}
		who := "page"
		if tt.threads[m.thread] != "CrRendererMain" {
			if workers[m.thread] == "" {
				workers[m.thread] = fmt.Sprintf("w%d", len(workers)+1)
			}
			who = workers[m.thread]
		}
		fmt.Fprintf(&sb, " %.0f %s:%s", (m.ts-b)/1000, who, strings.TrimPrefix(m.name, "gloss-"))
	}
	return sb.String()
}

// beside sums, for every thread but thread, the thread time of its tasks
// that overlap start..end (µs), each prorated by the share of its wall time
// inside the window, and lists the three busiest: "name ms, …". tt.mu is
// held by the caller.
func (tt *taskTrace) beside(thread [2]int64, start, end float64) string {
	type busy struct {
		name string
		ms   float64
	}
	var all []busy
	for k, tasks := range tt.tasks {
		if k == thread {
			continue
		}
		var sum float64
		for _, x := range tasks {
			s, e := max(x[0], start), min(x[0]+x[1], end)
			if e <= s || x[1] <= 0 {
				continue
			}
			sum += x[2] * (e - s) / x[1]
		}
		if sum >= 1000 {
			// The longest event of the thread inside the window says
			// what it did.
			what, longest := "", 0.0
			for _, ev := range tt.inner[k] {
				if ev.ts < end && ev.ts+ev.dur > start && ev.dur > longest {
					what, longest = " ("+ev.name+")", ev.dur
				}
			}
			all = append(all, busy{fmt.Sprintf("%s/%d%s", tt.threads[k], k[1], what), sum / 1000})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ms > all[j].ms })
	var b strings.Builder
	for i, x := range all[:min(3, len(all))] {
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%s %.0f", x.name, x.ms)
	}
	return b.String()
}
