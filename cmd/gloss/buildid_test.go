package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
)

// customSections returns the payloads of the custom sections named name in
// the wasm module b, in order, or fails the test when b's sections do not
// parse to its end.
func customSections(t *testing.T, b []byte, name string) []string {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("\x00asm\x01\x00\x00\x00")) {
		t.Fatal("not a wasm module")
	}
	var out []string
	for p := 8; p < len(b); {
		id := b[p]
		size, n := binary.Uvarint(b[p+1:])
		if n <= 0 || p+1+n+int(size) > len(b) {
			t.Fatalf("section %d at %d runs past the module's end", id, p)
		}
		body := b[p+1+n : p+1+n+int(size)]
		p += 1 + n + int(size)
		if id != 0 {
			continue
		}
		l, m := binary.Uvarint(body)
		if m <= 0 || m+int(l) > len(body) {
			t.Fatalf("custom section at %d: bad name", p)
		}
		if string(body[m:m+int(l)]) == name {
			out = append(out, string(body[m+int(l):]))
		}
	}
	return out
}

// TestStampBuild: the site's app.wasm is the built module with one custom
// section appended, gloss.build, holding the first 16 hex digits of the
// module's SHA-256, which the page's wasm-start.js tag names (data-build):
// what the page checks a network copy of app.wasm against.
func TestStampBuild(t *testing.T) {
	web, _ := fakeWeb(t, "body {}")
	// A valid module: the header and a 2,000-byte custom section.
	pad := append([]byte{3}, "pad"...)
	pad = append(pad, bytes.Repeat([]byte("wasm"), 500)...)
	raw := append([]byte("\x00asm\x01\x00\x00\x00\x00"), binary.AppendUvarint(nil, uint64(len(pad)))...)
	raw = append(raw, pad...)
	wasm := filepath.Join(t.TempDir(), "app.wasm")
	if err := os.WriteFile(wasm, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	stamped, build := stampBuild(raw)
	sum := sha256.Sum256(raw)
	if build != hex.EncodeToString(sum[:])[:16] {
		t.Errorf("build %q, want the module's SHA-256 prefix", build)
	}
	if !bytes.HasPrefix(stamped, raw) {
		t.Error("the stamped module does not start with the built one")
	}
	if got := customSections(t, stamped, buildSection); len(got) != 1 || got[0] != build {
		t.Errorf("gloss.build sections %q, want [%q]", got, build)
	}
	if got := customSections(t, stamped, "pad"); len(got) != 1 || len(got[0]) != 2000 {
		t.Error("the module's own section changed")
	}

	out := filepath.Join(t.TempDir(), "dist")
	if _, err := writeSite(siteConfig{Out: out, Web: web, Wasm: wasm, Brotli: 1}); err != nil {
		t.Fatal(err)
	}
	site, err := os.ReadFile(filepath.Join(out, "web", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(site, stamped) {
		t.Error("the site's app.wasm is not the stamped module")
	}
	page, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !bytes.Contains(page, []byte(`<script data-build="`+build+`" src="/web/wasm-start.js">`)) {
		t.Error("the page's wasm-start.js tag does not name the build")
	}
}
