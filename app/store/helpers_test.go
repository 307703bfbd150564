package store

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"gloss/app/annot"
)

// recorder counts the writes reaching a backend.
type recorder struct {
	Backend
	sets, deletes      []string
	setBytes, getBytes int
	paused             bool // counts nothing while set
}

func (r *recorder) Get(k string) (string, bool, error) {
	v, ok, err := r.Backend.Get(k)
	if !r.paused {
		r.getBytes += len(v)
	}
	return v, ok, err
}

func (r *recorder) Set(k, v string) error {
	if r.paused {
		return r.Backend.Set(k, v)
	}
	r.sets = append(r.sets, k)
	r.setBytes += len(v)
	return r.Backend.Set(k, v)
}

func (r *recorder) Delete(k string) error {
	r.deletes = append(r.deletes, k)
	return r.Backend.Delete(k)
}

func (r *recorder) reset() { r.sets, r.deletes, r.setBytes, r.getBytes = nil, nil, 0, 0 }

// failing refuses every write to keys with the given prefix.
type failing struct {
	Backend
	prefix string
}

func (f *failing) Set(k, v string) error {
	if f.prefix != "" && strings.HasPrefix(k, f.prefix) {
		return errors.New("blocked")
	}
	return f.Backend.Set(k, v)
}

func mustOpen(t testing.TB, b Backend) *Library {
	t.Helper()
	l, probs, err := Open(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) > 0 {
		t.Fatalf("unexpected problems: %+v", probs)
	}
	return l
}

func sampleDoc() Doc {
	text := "Zoë Ångström met 👋 ACME in 東京."
	return Doc{
		Meta: Meta{Title: "Sample", Created: 1000, Kind: "text"},
		Text: text,
		Annotations: []annot.Annotation{
			{ID: "a1", Start: 0, End: 12, Label: "PER", Text: "Zoë Ångström"},
			{ID: "a2", Start: 19, End: 23, Label: "ORG", Text: "ACME"},
			{ID: "a3", Start: 27, End: 29, Label: "LOC", Text: "東京", Note: "Tokyo"},
		},
	}
}

// snapshot copies every key and value of m.
func snapshot(m *Memory) map[string]string {
	out := map[string]string{}
	keys, _ := m.Keys()
	for _, k := range keys {
		out[k], _, _ = m.Get(k)
	}
	return out
}

// goAppWouldDelete mimics go-app's start-up scan of localStorage: it
// deletes a key whose value decodes with Value or EncryptedValue set and
// ExpiresAt in the past.
func goAppWouldDelete(v string) bool {
	var item struct {
		Value          json.RawMessage
		EncryptedValue []byte
		ExpiresAt      time.Time
	}
	if json.Unmarshal([]byte(v), &item) != nil {
		return false
	}
	return (len(item.Value) > 0 || len(item.EncryptedValue) > 0) && item.ExpiresAt.Before(time.Now())
}

func hasProblem(probs []Problem, key, substr string) bool {
	for _, p := range probs {
		if (key == "" || p.Key == key) && strings.Contains(p.Message, substr) {
			return true
		}
	}
	return false
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }
