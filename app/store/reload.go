package store

import (
	"sort"
)

// Changes says what another tab changed, as found by Reload.
type Changes struct {
	Index bool     // articles added, removed, renamed or recounted
	Docs  []string // ids whose text, annotations or side record changed (or that were removed)
	// Labels, Gazetteer and Settings say those records changed.
	Labels, Gazetteer, Settings bool
}

// Any reports whether anything changed.
func (c Changes) Any() bool {
	return c.Index || len(c.Docs) > 0 || c.Labels || c.Gazetteer || c.Settings
}

func (c *Changes) add(o Changes) {
	c.Index = c.Index || o.Index
	c.Labels = c.Labels || o.Labels
	c.Gazetteer = c.Gazetteer || o.Gazetteer
	c.Settings = c.Settings || o.Settings
	for _, id := range o.Docs {
		found := false
		for _, d := range c.Docs {
			found = found || d == id
		}
		if !found {
			c.Docs = append(c.Docs, id)
		}
	}
	sort.Strings(c.Docs)
}

// diff compares two listings (or two buckets of them).
func diff(old, cur map[string]*entry) Changes {
	var c Changes
	for id, o := range old {
		n := cur[id]
		switch {
		case n == nil:
			c.Index = true
			c.Docs = append(c.Docs, id)
		default:
			if o.Meta != n.Meta {
				c.Index = true
			}
			if o.Text != n.Text || o.Ann != n.Ann || o.Side != n.Side {
				c.Docs = append(c.Docs, id)
			}
		}
	}
	for id := range cur {
		if old[id] == nil {
			c.Index = true
		}
	}
	sort.Strings(c.Docs)
	return c
}

// Reload re-reads the library after another tab changed the storage (the
// browser's storage event) and returns what changed since Open or the last
// Reload. Only changed records are read.
func (l *Library) Reload() (Changes, []Problem) {
	ch, probs := l.pending, l.pendingProblems
	l.pending, l.pendingProblems = Changes{}, nil
	if raw, ok, err := l.b.Get(SchemaKey); err == nil && ok && l.roErr == nil {
		if payload, err := decode(raw); err == nil {
			if s, err := readSchema(payload); err == nil && s.Version > Version {
				l.roErr = ErrNewerSchema
				probs = append(probs, Problem{SchemaKey, "Another tab upgraded this library with a newer Gloss: this tab is now read-only so nothing of it is overwritten."})
			}
		}
	}
	if err := l.refresh(); err != nil {
		probs = append(probs, Problem{HeadKey, err.Error()})
	}
	probs = append(probs, l.pendingProblems...)
	l.pendingProblems = nil
	fresh := l.pending
	ch.add(fresh)
	l.pending = Changes{}
	for _, id := range fresh.Docs {
		if e := l.entries[id]; e != nil {
			if _, err := l.readAnn(e, e.Chars); err != nil {
				probs = append(probs, Problem{annKey(id, e.Ann), err.Error()})
			}
		}
	}
	if raw, _, err := l.b.Get(LabelsKey); err == nil && raw != l.labelsRaw {
		probs = append(probs, l.readLabels()...)
		ch.Labels = true
	}
	if raw, _, err := l.b.Get(GazetteerKey); err == nil && raw != l.gazRaw {
		probs = append(probs, l.readGazetteer()...)
		ch.Gazetteer = true
	}
	if raw, _, err := l.b.Get(SettingsKey); err == nil && raw != l.settingsRaw {
		probs = append(probs, l.readSettings()...)
		ch.Settings = true
	}
	return ch, probs
}
