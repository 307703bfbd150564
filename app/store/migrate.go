package store

import (
	"encoding/json"
	"errors"
	"strings"

	"gloss/app/annot"
)

// Schema v1 kept an article's orphans and the brat lines kept verbatim in
// the global settings, under names app/ui made up ("orphans/<id>",
// "brat/<id>"), so deleting, backing up or restoring an article left them
// behind. v2 keeps them in the article's side record, and the index entry
// holds the article's status and source file name.
//
// The migration copies every v1 record under the v2 prefix (records are in
// the same format), moves those settings into side records, and writes the
// v2 schema record last: until then the v1 records are untouched, and an
// interrupted migration is started again from them at the next Open. Only
// once v2 is written whole are the v1 records deleted.

const v1Prefix = "gloss/v1/"

// v1 setting names of what v2 keeps with the article.
const (
	v1OrphansSetting = "orphans/"
	v1BratSetting    = "brat/"
)

// errMigration is the read-only error of a library whose upgrade could not
// be written: it is served from memory so nothing is lost.
var errMigration = errors.New("store: the library could not be upgraded to this version of Gloss (storage is full or refused the write); it is shown read-only, as stored, so nothing is lost: download a backup, free some space and reload")

// needsMigration reports whether v1 records are present.
func needsMigration(keys []string) bool {
	for _, k := range keys {
		if strings.HasPrefix(k, v1Prefix) {
			return true
		}
	}
	return false
}

// migrate upgrades a v1 library in b to v2 and returns the backend to use:
// b, or when b refused the upgrade, a Memory holding it (to open read-only).
func migrate(b Backend, keys []string) (Backend, []Problem) {
	for _, k := range keys {
		if k == v2SchemaKey {
			// v2 was written whole; deleting v1 was interrupted.
			dropPrefix(b, keys, v1Prefix)
			return b, nil
		}
	}
	// A tab still running a v1 Gloss sees a newer schema at its next
	// storage event and turns read-only instead of writing v1 records.
	_ = b.Set(v1Prefix+"schema", encode(`{"version":2}`))
	dropPrefix(b, keys, Prefix) // what an interrupted upgrade wrote
	if err := writeV2(b, b, keys); err != nil {
		if now, kerr := b.Keys(); kerr == nil {
			dropPrefix(b, now, Prefix)
		}
		mem := NewMemory()
		if err := writeV2(b, mem, keys); err != nil {
			return mem, []Problem{{SchemaKey, "The library could not be read for the upgrade to this version of Gloss: " + err.Error()}}
		}
		return mem, []Problem{{SchemaKey, "The library could not be upgraded to this version of Gloss (" + err.Error() + "): it is shown read-only, as stored, so nothing is lost. Download a backup, free some space and reload."}}
	}
	dropPrefix(b, keys, v1Prefix)
	return b, nil
}

func dropPrefix(b Backend, keys []string, prefix string) {
	for _, k := range keys {
		if strings.HasPrefix(k, prefix) {
			_ = b.Delete(k)
		}
	}
}

// writeV2 writes into dst the v2 records of the v1 library in src.
func writeV2(src, dst Backend, keys []string) error {
	get := func(name string) (string, bool, error) { return src.Get(v1Prefix + name) }
	// Settings that belong to an article become its side record.
	sides := map[string]*side{}
	var settings map[string]string
	rawSettings, hasSettings, err := get("settings")
	if err != nil {
		return err
	}
	settingsOK := false
	if payload, err := decode(rawSettings); hasSettings && err == nil {
		settings, err = readSettingsMap(payload)
		settingsOK = err == nil
	}
	if settingsOK {
		for name, v := range settings {
			if id, ok := strings.CutPrefix(name, v1OrphansSetting); ok && checkID(id) == nil {
				var os []annot.Orphan
				if json.Unmarshal([]byte(v), &os) == nil {
					sideOf(sides, id).Orphans = os
				}
			}
			if id, ok := strings.CutPrefix(name, v1BratSetting); ok && checkID(id) == nil {
				var x struct{ Lines []string }
				if json.Unmarshal([]byte(v), &x) == nil && len(x.Lines) > 0 {
					sideOf(sides, id).Kept = map[string][]string{"brat": x.Lines}
				}
			}
		}
	}
	// The index gains each article's status and side record.
	rawIndex, hasIndex, err := get("index")
	if err != nil {
		return err
	}
	index := rawIndex
	if payload, err := decode(rawIndex); hasIndex && err == nil {
		var entries []*entry
		docs, err := readDocs(payload)
		ok := err == nil
		for _, r := range docs {
			var e entry
			if readEntry(r, &e) != nil || checkID(e.ID) != nil {
				ok = false
				break
			}
			entries = append(entries, &e)
		}
		if ok {
			for _, e := range entries {
				e.Status = StatusToDo
				if e.Annotations > 0 {
					e.Status = StatusInProgress
				}
				if s := sides[e.ID]; s != nil {
					e.Side = 1
					if err := dst.Set(sideKey(e.ID, 1), marshalSide(*s)); err != nil {
						return err
					}
					if s.Orphans != nil {
						delete(settings, v1OrphansSetting+e.ID)
					}
					if s.Kept != nil {
						delete(settings, v1BratSetting+e.ID)
					}
				}
			}
			data, err := json.Marshal(struct {
				Docs []*entry `json:"docs"`
			}{entries})
			if err != nil {
				return err
			}
			index = encode(string(data))
		}
	}
	// Everything else is copied as it is, damaged records included: v2
	// reports and keeps them aside exactly as v1 did.
	for _, k := range keys {
		name, ok := strings.CutPrefix(k, v1Prefix)
		if !ok || name == "schema" || name == "settings" || name == "index" {
			continue
		}
		v, present, err := src.Get(k)
		if err != nil {
			return err
		}
		if present {
			if err := dst.Set(Prefix+name, v); err != nil {
				return err
			}
		}
	}
	if hasSettings {
		v := rawSettings
		if settingsOK {
			data, err := json.Marshal(settings)
			if err != nil {
				return err
			}
			v = encode(string(data))
		}
		if err := dst.Set(SettingsKey, v); err != nil {
			return err
		}
	}
	if hasIndex {
		if err := dst.Set(v2IndexKey, index); err != nil {
			return err
		}
	}
	return dst.Set(v2SchemaKey, encode(`{"version":2}`))
}

func sideOf(m map[string]*side, id string) *side {
	if m[id] == nil {
		m[id] = &side{}
	}
	return m[id]
}
