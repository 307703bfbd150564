package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// wasmCodeSizes numbers functions as V8 does: imported ones first.
func TestWasmCodeSizes(t *testing.T) {
	section := func(id byte, payload ...byte) []byte { return append([]byte{id, byte(len(payload))}, payload...) }
	mod := []byte("\x00asm\x01\x00\x00\x00")
	mod = append(mod, section(1, 1, 0x60, 0, 0)...) // one type: () -> ()
	// Imports: a function "m"."f" of type 0, a memory "m"."e" (min 1, max 2).
	mod = append(mod, section(2, 2, 1, 'm', 1, 'f', 0, 0, 1, 'm', 1, 'e', 2, 1, 1, 2)...)
	mod = append(mod, section(3, 2, 0, 0)...) // two functions of type 0
	// Their bodies: 2 and 3 bytes.
	mod = append(mod, section(10, 2, 2, 0, 0x0b, 3, 0, 0x01, 0x0b)...)
	path := filepath.Join(t.TempDir(), "m.wasm")
	if err := os.WriteFile(path, mod, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := wasmCodeSizes(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{0, 2, 3}; !slices.Equal(got, want) {
		t.Errorf("sizes %v, want %v", got, want)
	}
	if _, err := wasmCodeSizes(filepath.Join(t.TempDir(), "none")); err == nil {
		t.Error("no error for a missing file")
	}
}
