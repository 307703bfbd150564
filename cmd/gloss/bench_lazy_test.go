package main

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"testing"
	"time"
)

// benchLazyCompiled loads url in a fresh profile (a cold visit) with
// Chromium tracing on and records which wasm functions V8 compiled on
// their first call (wasm.CompileLazy) before the article's first draw (the
// gloss-draw-start mark): how many, and how many bytes of app.wasm's code
// they are. Unlike the start-up times these do not move with the machine's
// load: they count the Go code the start runs.
func benchLazyCompiled(t *testing.T, figs *figures, url, wasmPath string, seed map[string]string) {
	bodies, err := wasmCodeSizes(wasmPath)
	if err != nil {
		t.Fatal(err)
	}
	ctx := benchBrowser(t, 90*time.Second)
	installInit(t, ctx, url[:len(url)-1], seed, true)
	type compile struct {
		fn int
		ts float64
	}
	var compiled []compile
	cut := 0.0
	tr := startTrace(t, ctx, []string{"v8.wasm", "blink.user_timing"}, func(ev []byte) {
		var x struct {
			Name string         `json:"name"`
			Ts   float64        `json:"ts"`
			Args map[string]any `json:"args"`
		}
		if json.Unmarshal(ev, &x) != nil {
			return
		}
		switch x.Name {
		case "gloss-draw-start":
			if cut == 0 {
				cut = x.Ts
			}
		case "wasm.CompileLazy":
			if f, ok := x.Args["func_index"].(float64); ok {
				compiled = append(compiled, compile{int(f), x.Ts})
			}
		}
	})
	loadTiming(t, ctx, url)
	if !tr.stop(t, ctx, 30*time.Second) {
		t.Log("tracing did not complete")
	}
	if cut == 0 || len(compiled) == 0 {
		figs.note("cold_load_lazy: no gloss-draw-start mark or no lazy compilation in the trace (%d compiled)", len(compiled))
		return
	}
	n, size := 0, 0
	for _, c := range compiled {
		if c.ts > cut {
			continue
		}
		n++
		if c.fn >= 0 && c.fn < len(bodies) {
			size += bodies[c.fn]
		}
	}
	figs.size("cold_load_functions_compiled", int64(n))
	figs.size("cold_load_code_compiled_bytes", int64(size))
}

// wasmCodeSizes returns each function's code size in a wasm module,
// indexed as V8 numbers functions: imported functions first (size 0).
func wasmCodeSizes(path string) ([]int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, errors.New(path + ": not a wasm module")
	}
	p := 8
	uleb := func() int {
		v, n := binary.Uvarint(b[p:])
		if n <= 0 {
			panic(fmt.Sprintf("%s: bad LEB128 at %d", path, p))
		}
		p += n
		return int(v)
	}
	var sizes []int
	for p < len(b) {
		id := b[p]
		p++
		size := uleb()
		end := p + size
		switch id {
		case 2: // imports: functions among them come first in the index space
			for n := uleb(); n > 0; n-- {
				p += uleb() // module
				p += uleb() // name
				kind := b[p]
				p++
				switch kind {
				case 0: // function: type index
					uleb()
					sizes = append(sizes, 0)
				case 1: // table: element type, limits
					p++
					if uleb()&1 == 1 {
						uleb()
					}
					uleb()
				case 2: // memory: limits
					if uleb()&1 == 1 {
						uleb()
					}
					uleb()
				case 3: // global: type, mutability
					p += 2
				default:
					return nil, fmt.Errorf("%s: import kind %d", path, kind)
				}
			}
		case 10: // code
			for n := uleb(); n > 0; n-- {
				l := uleb()
				sizes = append(sizes, l)
				p += l
			}
		}
		p = end
	}
	return sizes, nil
}
