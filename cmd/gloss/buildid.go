package main

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
)

// buildSection is the name of the custom section stampBuild appends to
// app.wasm. Every visit after the first gets app.wasm from the network
// (the HTTP cache, where V8 keeps its compiled code; see ui.ServiceWorker)
// while its page comes from the service worker's cache: web/wasm-start.js
// reads this section of the module it compiled and, when it is another
// build than its page's (data-build), compiles the worker's copy instead.
const buildSection = "gloss.build"

// stampBuild returns wasm with a custom section naming its build (the
// first 16 hex digits of its SHA-256) appended, and that name. A custom
// section may follow the others; the module's code is unchanged.
func stampBuild(wasm []byte) ([]byte, string) {
	sum := sha256.Sum256(wasm)
	id := hex.EncodeToString(sum[:])[:16]
	var body []byte
	body = binary.AppendUvarint(body, uint64(len(buildSection)))
	body = append(body, buildSection...)
	body = append(body, id...)
	out := make([]byte, 0, len(wasm)+len(body)+6)
	out = append(out, wasm...)
	out = append(out, 0) // custom section
	out = binary.AppendUvarint(out, uint64(len(body)))
	return append(out, body...), id
}
