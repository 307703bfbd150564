package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/chromedp/chromedp"
)

// browserFaults returns the page faults Chromium's processes (the browser
// of ctx and every process below it) have taken so far, those of children
// already reaped included (cminflt): the difference over a visit is what it
// cost in fresh memory. On a virtual machine whose faults exit to the host
// that count, not the processor, sets many timings; unlike them, it barely
// moves with the machine's load.
func browserFaults(ctx context.Context) (int64, bool) {
	byType, ok := browserFaultsByType(ctx)
	var sum int64
	for _, n := range byType {
		sum += n
	}
	return sum, ok
}

// browserFaultsByType is browserFaults by kind of process: "browser",
// "renderer", "gpu-process", "zygote" (the renderers it reaped), and the
// utility processes by service ("network", "storage", ...).
func browserFaultsByType(ctx context.Context) (map[string]int64, bool) {
	stats, ok := browserProcs(ctx)
	if !ok {
		return nil, false
	}
	out := map[string]int64{}
	for pid, f := range stats {
		out[processKind(pid)] += statFaults(f, true)
	}
	return out, true
}

// browserFaultsByThread is browserFaults by process kind and thread name
// ("renderer chromium", the main thread; "renderer DedicatedWorker"; ...):
// the build workers are threads of the page's renderer. Threads that have
// ended count under "(ended threads)", reaped children under "(reaped)".
func browserFaultsByThread(ctx context.Context) (map[string]int64, bool) {
	stats, ok := browserProcs(ctx)
	if !ok {
		return nil, false
	}
	out := map[string]int64{}
	for pid, f := range stats {
		kind := processKind(pid)
		own := statFaults(f, false)
		out[kind+" (reaped)"] += statFaults(f, true) - own
		dir := "/proc/" + strconv.Itoa(pid) + "/task/"
		tasks, _ := filepath.Glob(dir + "[0-9]*")
		for _, t := range tasks {
			b, err := os.ReadFile(t + "/stat")
			if err != nil {
				continue
			}
			tf := statFields(string(b))
			if tf == nil {
				continue
			}
			name, _ := os.ReadFile(t + "/comm")
			n := statFaults(tf, false)
			out[kind+" "+threadName(string(name))] += n
			own -= n
		}
		out[kind+" (ended threads)"] += own
	}
	return out, true
}

// threadName is a thread's name (at most 15 bytes: "ThreadPoolForeg",
// "DedicatedWorker") without its number: threads of one kind count
// together.
func threadName(comm string) string {
	return strings.TrimRight(strings.TrimSpace(comm), "0123456789/ ")
}

// browserProcs reads /proc/<pid>/stat of the browser of ctx and every
// process below it.
func browserProcs(ctx context.Context) (map[int][]string, bool) {
	c := chromedp.FromContext(ctx)
	if c == nil || c.Browser == nil || c.Browser.Process() == nil {
		return nil, false
	}
	root := c.Browser.Process().Pid
	stats := map[int][]string{} // pid -> stat fields after the command
	parent := map[int]int{}
	dirs, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, d := range dirs {
		b, err := os.ReadFile(d)
		if err != nil {
			continue
		}
		f := statFields(string(b))
		if f == nil {
			continue
		}
		pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(d)))
		pp, _ := strconv.Atoi(f[1])
		stats[pid], parent[pid] = f, pp
	}
	in := func(pid int) bool {
		for n := 0; pid > 1 && n < 64; n++ {
			if pid == root {
				return true
			}
			pid = parent[pid]
		}
		return false
	}
	for pid := range stats {
		if !in(pid) {
			delete(stats, pid)
		}
	}
	return stats, true
}

// statFields is a /proc stat line's fields after the command (which may
// hold spaces): f[0] state, f[1] ppid, f[7] minflt, f[8] cminflt,
// f[9] majflt, f[10] cmajflt; nil if it is not one.
func statFields(s string) []string {
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return nil
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 11 {
		return nil
	}
	return f
}

// statFaults is the minor and major faults of stat fields f, with those
// of reaped children when children.
func statFaults(f []string, children bool) int64 {
	ks := []int{7, 9}
	if children {
		ks = []int{7, 8, 9, 10}
	}
	var n int64
	for _, k := range ks {
		v, _ := strconv.ParseInt(f[k], 10, 64)
		n += v
	}
	return n
}

// processKind reads a Chromium process's --type (and a utility process's
// service) from its command line. Processes forked from the zygote rewrite
// their title as one string, arguments separated by spaces rather than NULs.
func processKind(pid int) string {
	b, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
	kind, sub := "browser", ""
	args := strings.FieldsFunc(string(b), func(r rune) bool { return r == 0 || r == ' ' })
	for _, a := range args {
		if v, ok := strings.CutPrefix(a, "--type="); ok {
			kind = v
		}
		if v, ok := strings.CutPrefix(a, "--utility-sub-type="); ok {
			sub = strings.TrimSuffix(strings.TrimSuffix(v, ".mojom.NetworkService"), "Service")
			if i := strings.LastIndexByte(sub, '.'); i >= 0 {
				sub = sub[i+1:]
			}
		}
	}
	if kind == "utility" && sub != "" {
		return sub
	}
	return kind
}

// pageFaultMicros measures what touching one fresh 4 KB page of anonymous
// memory costs this machine, in µs (about 0.1–0.3 on a physical Linux
// host): the benchmark prints it so that its timings can be read against
// the machine they came from.
func pageFaultMicros() (float64, bool) {
	const size = 64 << 20
	best := 0.0
	for r := 0; r < 3; r++ {
		b, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
		if err != nil {
			return 0, false
		}
		t0 := time.Now()
		for i := 0; i < len(b); i += 4096 {
			b[i] = 1
		}
		us := float64(time.Since(t0).Microseconds()) / (size / 4096)
		syscall.Munmap(b)
		if r == 0 || us < best {
			best = us
		}
	}
	return best, true
}
