package main

import (
	"regexp"
	"strings"
	"testing"
)

// newUUID gives what github.com/google/uuid's NewString gave go-app: a
// random version 4, variant 10 UUID in lower-case hex with its dashes.
func TestNewUUID(t *testing.T) {
	form := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	seen := map[string]bool{}
	for range 1000 {
		id := newUUID()
		if !form.MatchString(id) {
			t.Fatalf("newUUID() = %q, not a version 4 UUID", id)
		}
		if seen[id] {
			t.Fatalf("newUUID() gave %q twice", id)
		}
		seen[id] = true
	}
}

// The text written into go-app's copy is newUUID whole, without the
// comment that says where it goes.
func TestNewUUIDSource(t *testing.T) {
	src := newUUIDSource()
	if !strings.HasPrefix(src, "// newUUID returns") || !strings.Contains(src, "func newUUID() string {") || !strings.HasSuffix(src, "}\n\n") {
		t.Errorf("newUUIDSource() = %q", src)
	}
	if strings.Contains(src, "package main") || strings.Contains(src, "is written into") {
		t.Errorf("newUUIDSource() holds more than the function: %q", src)
	}
}

// The copy's readRandom is gloss/app/random's read for the browser,
// renamed, in package app.
func TestRandomSource(t *testing.T) {
	src := randomSource()
	if !strings.HasPrefix(src, "package app\n") || !strings.Contains(src, "\nfunc readRandom(b []byte) {\n") || !strings.Contains(src, "getRandomValues") {
		t.Errorf("randomSource() = %q", src)
	}
}
