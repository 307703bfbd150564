package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// wasmCacheEvents loads url with Chromium tracing on and counts the trace
// events about WebAssembly modules and V8's code cache (the timeline's
// v8.wasm.cachedModule, moduleCacheHit, compiledModule and the like): the
// one sign, independent of the machine's load, that a visit compiled the
// module again or took it from the cache.
func wasmCacheEvents(t *testing.T, ctx context.Context, url string) map[string]int {
	names := map[string]int{}
	// GLOSS_BENCH_TRACE_OUT=path also writes each such visit's whole trace
	// (path.1.json, path.2.json, ...: one per run of benchLoad, the code
	// cache's last), with the categories that show the main thread's tasks.
	out := os.Getenv("GLOSS_BENCH_TRACE_OUT")
	cats := []string{"v8.wasm", "disabled-by-default-devtools.timeline", "devtools.timeline", "v8"}
	if out != "" {
		cats = append(cats, "toplevel", "blink", "loading", "navigation", "ServiceWorker", "disabled-by-default-v8.compile", "blink.user_timing")
	}
	var raw [][]byte
	tr := startTrace(t, ctx, cats, func(ev []byte) {
		if out != "" {
			raw = append(raw, append([]byte(nil), ev...))
		}
		var x struct {
			Name string `json:"name"`
			Cat  string `json:"cat"`
		}
		if json.Unmarshal(ev, &x) == nil && (strings.Contains(strings.ToLower(x.Name), "wasm") || strings.Contains(strings.ToLower(x.Cat), "wasm")) {
			names[x.Name]++
		}
	})
	loadTiming(t, ctx, url)
	if !tr.stop(t, ctx, 30*time.Second) {
		t.Log("tracing did not complete")
	}
	if out != "" {
		n := 0
		for {
			n++
			if _, err := os.Stat(fmt.Sprintf("%s.%d.json", out, n)); err != nil {
				break
			}
		}
		if err := writeTrace(fmt.Sprintf("%s.%d.json", out, n), raw); err != nil {
			t.Log(err)
		}
	}
	return names
}

// traceToFile traces the page into file (a JSON array of trace events)
// until the returned func is called; with file empty it does nothing.
func traceToFile(t *testing.T, ctx context.Context, file string) (stop func()) {
	if file == "" {
		return func() {}
	}
	var raw [][]byte
	tr := startTrace(t, ctx, []string{"devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "toplevel", "blink", "blink.user_timing", "cc", "viz", "gpu", "input", "benchmark", "disabled-by-default-devtools.timeline.invalidationTracking"}, func(ev []byte) {
		raw = append(raw, append([]byte(nil), ev...))
	})
	return func() {
		if !tr.stop(t, ctx, 60*time.Second) {
			t.Log("tracing did not complete")
		}
		if err := writeTrace(file, raw); err != nil {
			t.Log(err)
		}
	}
}

// writeTrace writes trace events (each a JSON object) to file as one JSON
// array, which DevTools' performance panel opens.
func writeTrace(file string, events [][]byte) error {
	return os.WriteFile(file, append(append([]byte("["), bytes.Join(events, []byte(",\n"))...), ']'), 0o644)
}
