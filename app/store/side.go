package store

import (
	"encoding/json"
	"fmt"

	"gloss/app/annot"
)

// side is the record of what belongs to an article besides its text and
// annotations: its orphans and the lines of imported files kept verbatim.
// It is written only when one of them changes.
type side struct {
	Orphans []annot.Orphan      `json:"orphans,omitempty"`
	Kept    map[string][]string `json:"kept,omitempty"`
}

func (s side) empty() bool { return len(s.Orphans) == 0 && len(s.Kept) == 0 }

func marshalSide(s side) string {
	data, err := json.Marshal(s)
	if err != nil {
		panic(err) // plain strings and ints always marshal
	}
	return encode(string(data))
}

// readSide reads an article's side record; a damaged one is reported
// (wrapping ErrDamaged) and kept as stored, and the article loads without it.
func (l *Library) readSide(e *entry) (side, error) {
	if e.Side == 0 {
		return side{}, nil
	}
	key := sideKey(e.ID, e.Side)
	raw, ok, err := l.b.Get(key)
	switch {
	case err != nil:
		return side{}, fmt.Errorf("Article %q: its orphans and kept lines could not be read: %v", e.Title, err)
	case !ok:
		return side{}, fmt.Errorf("Article %q: its orphans and kept lines (%s) are missing; %w", e.Title, key, ErrDamaged)
	}
	var s side
	payload, err := decode(raw)
	if err == nil {
		err = json.Unmarshal([]byte(payload), &s)
	}
	if err != nil {
		l.damaged[key] = true
		return side{}, fmt.Errorf("Article %q: its orphans and kept lines (%s) are unreadable (%v); %w", e.Title, key, err, ErrDamaged)
	}
	return s, nil
}

// withKept returns kept with each format of change set (a nil or empty
// list removes that format).
func withKept(kept, change map[string][]string) map[string][]string {
	out := make(map[string][]string, len(kept)+len(change))
	for k, v := range kept {
		out[k] = v
	}
	for k, v := range change {
		if len(v) == 0 {
			delete(out, k)
		} else {
			out[k] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
