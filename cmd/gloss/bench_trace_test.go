package main

import (
	"context"
	"encoding/json"
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
	tr := startTrace(t, ctx, []string{"v8.wasm", "disabled-by-default-devtools.timeline", "devtools.timeline", "v8"}, func(ev []byte) {
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
	return names
}
