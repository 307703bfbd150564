package entity

import (
	"strings"
	"testing"
	"unsafe"
)

// TestKeysShareOneString: the entities' keys are cut from one string (one
// object for the collector), and each is still its name folded.
func TestKeysShareOneString(t *testing.T) {
	text := strings.Repeat("Jean-Yves Le Drian met François Hollande in Paris. The Élysée said Mr Le Drian would fly to Damascus. ", 3)
	ents := Find(text, nil)
	if len(ents) < 4 {
		t.Fatalf("found %d entities", len(ents))
	}
	lo, hi := uintptr(1<<63), uintptr(0)
	total := 0
	for _, e := range ents {
		if e.Key != Fold(e.Name) && e.Key != Fold(e.Variants[0]) {
			t.Errorf("key %q of %q", e.Key, e.Name)
		}
		p := uintptr(unsafe.Pointer(unsafe.StringData(e.Key)))
		lo, hi = min(lo, p), max(hi, p+uintptr(len(e.Key)))
		total += len(e.Key)
	}
	// One string holds every group's key, those of groups that joined
	// another too: allow them, not separate allocations far apart.
	if hi-lo > uintptr(4*total) {
		t.Errorf("keys spread over %d bytes for %d bytes of keys: not one string", hi-lo, total)
	}
}
