package store

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// long returns a value of n bytes whose 4-byte characters fall on
// every cut PartSize would make.
func long(n int) string {
	var b strings.Builder
	for b.Len() < n {
		b.WriteString("Ada Lovelace wrote 𝔊loss notes. ")
		if b.Len()%PartSize > PartSize-8 {
			b.WriteString("𝔊𝔊𝔊𝔊")
		}
	}
	s := b.String()
	cut := n
	for !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + strings.Repeat("x", n-cut) // n bytes exactly
}

// raw lists the keys the inner backend holds.
func raw(t *testing.T, m *Memory) []string {
	t.Helper()
	keys, err := m.Keys()
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

func TestPartsRoundTrip(t *testing.T) {
	const key = "gloss/v2/doc/a/text.1"
	for _, tc := range []struct {
		name  string
		sizes []int // values written one after the other under key
		parts int   // parts left in the inner backend
	}{
		{"short stays one record", []int{100}, 0},
		{"exactly PartSize stays one record", []int{PartSize}, 0},
		{"long goes in parts", []int{3*PartSize + 5}, 4},
		{"long over long drops the old parts", []int{3*PartSize + 5, 2*PartSize + 1}, 3},
		{"short over long drops the parts", []int{3 * PartSize, 10}, 0},
		{"long over short", []int{10, PartSize + 1}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := NewMemory()
			p := Parts(m)
			var want string
			for _, n := range tc.sizes {
				want = strings.Repeat("x", n)
				if n > 1000 {
					want = long(n)
				}
				if err := p.Set(key, want); err != nil {
					t.Fatal(err)
				}
			}
			got, ok, err := p.Get(key)
			if err != nil || !ok || got != want {
				t.Fatalf("Get: %d bytes, %v, %v; want %d bytes", len(got), ok, err, len(want))
			}
			keys := raw(t, m)
			if len(keys) != 1+tc.parts {
				t.Fatalf("inner keys %q, want the head and %d parts", keys, tc.parts)
			}
			for _, k := range keys[1:] {
				v, _, _ := m.Get(k)
				if !IsPart(k) || !utf8.ValidString(v) || len(v) > PartSize {
					t.Errorf("part %s: %d bytes, valid UTF-8 %v", k, len(v), utf8.ValidString(v))
				}
			}
			if ks, _ := p.Keys(); len(ks) != 1 || ks[0] != key {
				t.Errorf("Keys() = %q, want only %s", ks, key)
			}
			if err := p.Delete(key); err != nil {
				t.Fatal(err)
			}
			if keys := raw(t, m); len(keys) != 0 {
				t.Errorf("after Delete the inner backend holds %q", keys)
			}
		})
	}
}

// A write refused part-way keeps the old value whole and leaves none of
// the new parts behind.
func TestPartsRefusedWrite(t *testing.T) {
	const key = "gloss/v2/doc/a/text.1"
	old := long(2*PartSize + 7)
	for _, quota := range []int{len(old) + 3*PartSize, len(old) + 5*PartSize + 100} {
		m := NewMemory()
		p := Parts(m)
		if err := p.Set(key, old); err != nil {
			t.Fatal(err)
		}
		m.Quota = quota
		// Refused at its third part, or at its head (the parts fit).
		next := long(5 * PartSize)
		err := p.Set(key, next)
		if !errors.Is(err, ErrQuota) {
			t.Fatalf("quota %d: Set = %v, want ErrQuota", quota, err)
		}
		if got, _, err := p.Get(key); err != nil || got != old {
			t.Fatalf("quota %d: after a refused write Get = %d bytes, %v; want the old %d", quota, len(got), err, len(old))
		}
		if keys := raw(t, m); len(keys) != 1+3 {
			t.Errorf("quota %d: inner keys %q, want the old head and its 3 parts", quota, keys)
		}
	}
}

func TestPartsMissingPart(t *testing.T) {
	const key = "gloss/v2/doc/a/text.1"
	m := NewMemory()
	p := Parts(m)
	if err := p.Set(key, long(2*PartSize+1)); err != nil {
		t.Fatal(err)
	}
	keys := raw(t, m)
	m.Delete(keys[2])
	if _, _, err := p.Get(key); err == nil || !strings.Contains(err.Error(), "part 2 of 3 is missing") {
		t.Fatalf("Get with a part missing: %v", err)
	}
}

// Keys deletes parts no head names once they are older than orphanAge,
// and leaves younger ones (another tab's write in progress) and the
// parts of every head.
func TestPartsSweep(t *testing.T) {
	m := NewMemory()
	at := time.UnixMilli(1_800_000_000_000)
	p := &parted{b: m, now: func() time.Time { return at }}
	if err := p.Set("gloss/v2/doc/a/text.1", long(PartSize+1)); err != nil {
		t.Fatal(err)
	}
	gen := func(t time.Time) string { return strconv.FormatInt(t.UnixMilli(), 36) }
	stale := PartKey("gloss/v2/doc/b/text.1", gen(at.Add(-2*orphanAge)), 1) // no head, long ago
	young := PartKey("gloss/v2/doc/c/text.1", gen(at.Add(-time.Second)), 1) // no head yet: another tab writing
	other := PartKey("gloss/v2/doc/a/text.1", gen(at.Add(-2*orphanAge)), 3) // a's head names another generation
	for _, k := range []string{stale, young, other} {
		m.Set(k, "x")
	}
	keys, err := p.Keys()
	if err != nil || len(keys) != 1 {
		t.Fatalf("Keys() = %q, %v", keys, err)
	}
	for k, kept := range map[string]bool{stale: false, other: false, young: true, PartKey("gloss/v2/doc/a/text.1", gen(at), 1): true} {
		if _, ok, _ := m.Get(k); ok != kept {
			t.Errorf("%s kept %v, want %v", k, ok, kept)
		}
	}
}

// A library over Parts keeps a long article whole: created, loaded,
// changed and deleted with nothing left behind.
func TestPartsLibrary(t *testing.T) {
	m := NewMemory()
	lib, probs, err := Open(Parts(m))
	if err != nil || len(probs) > 0 {
		t.Fatal(err, probs)
	}
	text := long(3 * PartSize)
	meta, err := lib.Create(Doc{Meta: Meta{Title: "Long"}, Text: text})
	if err != nil {
		t.Fatal(err)
	}
	parts := 0
	for _, k := range raw(t, m) {
		if IsPart(k) {
			parts++
		}
	}
	if parts != 4 {
		t.Errorf("%d parts stored, want 4", parts)
	}
	again, probs, err := Open(Parts(m))
	if err != nil || len(probs) > 0 {
		t.Fatal(err, probs)
	}
	d, err := again.Load(meta.ID)
	if err != nil || d.Text != text {
		t.Fatalf("Load: %d bytes, %v; want %d", len(d.Text), err, len(text))
	}
	if err := again.SetText(meta.ID, text+" More.", 2); err != nil {
		t.Fatal(err)
	}
	if d, err := again.Load(meta.ID); err != nil || d.Text != text+" More." {
		t.Fatalf("Load after SetText: %d bytes, %v", len(d.Text), err)
	}
	if _, err := again.Delete(meta.ID); err != nil {
		t.Fatal(err)
	}
	for _, k := range raw(t, m) {
		if strings.HasPrefix(k, docPrefix(meta.ID)) {
			t.Errorf("left after Delete: %s", k)
		}
	}
}
