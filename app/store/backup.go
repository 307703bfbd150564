package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"gloss/app/annot"
)

// Limits RestoreBackup applies before decoding a backup.
const (
	MaxBackupBytes = 50 << 20
	MaxBackupDepth = 64
)

// backupFormat names a Gloss backup file in its "format" field.
const backupFormat = "gloss-backup"

type backupFile struct {
	Format    string          `json:"format"`
	Version   int             `json:"version"`
	Created   int64           `json:"created"`
	Articles  []backupArticle `json:"articles"`
	Labels    annot.Labels    `json:"labels,omitempty"`
	Gazetteer json.RawMessage `json:"gazetteer,omitempty"`
	// Settings is a list, not an object: setting names then never become
	// JSON keys, which CheckJSON would refuse for "constructor" and the like.
	Settings []backupSetting `json:"settings,omitempty"`
}

type backupSetting struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

type backupArticle struct {
	ID          string             `json:"id"`
	Title       string             `json:"title"`
	Kind        string             `json:"kind,omitempty"`
	Created     int64              `json:"created"`
	Updated     int64              `json:"updated"`
	Text        string             `json:"text"`
	Annotations []annot.Annotation `json:"annotations"`
}

// Backup returns one JSON file with every article, annotation, the label
// set, the gazetteer and the settings; now (unix ms) is recorded in it. If
// some records are damaged the file holds everything readable and the error
// (wrapping ErrDamaged) says what was left out.
func (l *Library) Backup(now int64) ([]byte, error) {
	f := backupFile{Format: backupFormat, Version: Version, Created: now,
		Articles: []backupArticle{}, Labels: l.Labels()}
	for _, k := range sortedKeys(l.settings) {
		f.Settings = append(f.Settings, backupSetting{k, l.settings[k]})
	}
	if len(l.gazetteer) > 0 {
		f.Gazetteer = l.gazetteer
	}
	var lost []string
	for _, m := range l.List() {
		d, err := l.Load(m.ID)
		if err != nil {
			lost = append(lost, err.Error())
			if !errors.Is(err, ErrDamaged) {
				continue
			}
		}
		f.Articles = append(f.Articles, backupArticle{ID: d.ID, Title: d.Title, Kind: d.Kind,
			Created: d.Created, Updated: d.Updated, Text: d.Text, Annotations: d.Annotations})
	}
	data, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		return nil, fmt.Errorf("store: backup: %v", err)
	}
	if len(lost) > 0 {
		return data, fmt.Errorf("store: backup made without what is damaged: %s: %w", strings.Join(lost, "; "), ErrDamaged)
	}
	return data, nil
}

// Restore modes for RestoreBackup.
const (
	RestoreReplace = "replace" // an article whose ID is present is replaced
	RestoreKeep    = "keep"    // it is kept, the backup's copy added as a new article ("" means keep)
)

// RestoreBackup validates the whole file first (size ≤ MaxBackupBytes,
// depth ≤ MaxBackupDepth, no prototype keys, every annotation inside its
// article with Text equal to the code points it covers) and only then
// writes. An article whose ID is present is replaced when mode is
// RestoreReplace, else kept and the backup's copy added under a new ID.
// Labels missing by name are added (all replaced in replace mode), the
// gazetteer and settings likewise. It returns how many articles were
// restored. A file that fails validation changes nothing and the error
// names the first bad item.
func (l *Library) RestoreBackup(data []byte, mode string) (int, error) {
	if err := l.writable(); err != nil {
		return 0, err
	}
	bad := func(format string, args ...any) (int, error) {
		return 0, fmt.Errorf("backup: "+format+"; nothing restored", args...)
	}
	if mode == "" {
		mode = RestoreKeep
	}
	if mode != RestoreKeep && mode != RestoreReplace {
		return bad("unknown mode %q (want %q or %q)", mode, RestoreKeep, RestoreReplace)
	}
	if err := CheckJSON(data, MaxBackupBytes, MaxBackupDepth); err != nil {
		return bad("%v", err)
	}
	var f backupFile
	if err := json.Unmarshal(data, &f); err != nil {
		return bad("not a Gloss backup (%v)", err)
	}
	switch {
	case f.Format != backupFormat:
		return bad("not a Gloss backup (format is %q, want %q)", f.Format, backupFormat)
	case f.Version > Version:
		return bad("made by a newer Gloss (version %d)", f.Version)
	case f.Version < 1:
		return bad("version %d is unknown", f.Version)
	}
	if err := checkLabels(f.Labels); err != nil {
		return bad("%v", err)
	}
	ids := map[string]bool{}
	for i, a := range f.Articles {
		name := fmt.Sprintf("article %d %q", i+1, a.Title)
		if a.ID != "" {
			if err := checkID(a.ID); err != nil {
				return bad("%s: %v", name, err)
			}
			if ids[a.ID] {
				return bad("%s: id %q is used twice", name, a.ID)
			}
			ids[a.ID] = true
		}
		if err := checkBackupAnnotations(a.Text, a.Annotations); err != nil {
			return bad("%s: %v", name, err)
		}
	}
	if err := l.refresh(); err != nil {
		return 0, err
	}

	// Write every record first, then switch the index once: a failure on
	// the way leaves the library as it was.
	entries := l.with("", nil)
	var added, stale []string
	fail := func(err error) (int, error) {
		l.drop(added)
		return 0, writeErr("backup", err)
	}
	for _, a := range f.Articles {
		id := a.ID
		old := entries[id]
		if id == "" || (old != nil && mode != RestoreReplace) {
			id = newID(entries)
			old = nil
		}
		e := &entry{Meta: Meta{ID: id, Title: a.Title, Kind: a.Kind, Created: a.Created, Updated: a.Updated,
			Chars: utf8.RuneCountInString(a.Text), Annotations: len(a.Annotations)}, Text: 1, Ann: 1}
		if old != nil {
			e.Text, e.Ann = old.Text+1, old.Ann+1
			stale = append(stale, textKey(id, old.Text))
			if old.Ann > 0 {
				stale = append(stale, annKey(id, old.Ann))
			}
		}
		tk, ak := textKey(id, e.Text), annKey(id, e.Ann)
		if err := l.put(tk, encode(a.Text)); err != nil {
			return fail(err)
		}
		added = append(added, tk)
		if err := l.put(ak, marshalAnn(a.Annotations)); err != nil {
			return fail(err)
		}
		added = append(added, ak)
		entries[id] = e
	}
	if err := l.writeIndex(entries); err != nil {
		return fail(err)
	}
	for _, k := range stale {
		l.remove(k)
	}
	n := len(f.Articles)

	// Labels, gazetteer and settings are single records written in place.
	labels := l.Labels()
	if mode == RestoreReplace && len(f.Labels) > 0 {
		labels = f.Labels
	} else {
		for _, lb := range f.Labels {
			if labels.Index(lb.Name) < 0 {
				labels = append(labels, lb)
			}
		}
	}
	if err := l.SaveLabels(labels); err != nil {
		return n, fmt.Errorf("backup: %d articles restored, but %v", n, err)
	}
	if len(f.Gazetteer) > 0 && string(f.Gazetteer) != "null" && (mode == RestoreReplace || l.gazetteer == nil) {
		if err := l.SaveGazetteer(f.Gazetteer); err != nil {
			return n, fmt.Errorf("backup: %d articles restored, but %v", n, err)
		}
	}
	settings := make(map[string]string, len(l.settings)+len(f.Settings))
	for k, v := range l.settings {
		settings[k] = v
	}
	for _, st := range f.Settings {
		if mode == RestoreReplace || settings[st.Name] == "" {
			settings[st.Name] = st.Value
		}
	}
	if len(f.Settings) > 0 {
		if err := l.saveSettings(settings); err != nil {
			return n, fmt.Errorf("backup: %d articles restored, but %v", n, err)
		}
	}
	return n, nil
}

// checkBackupAnnotations checks that every annotation lies inside text and
// quotes the code points it covers.
func checkBackupAnnotations(text string, as []annot.Annotation) error {
	if len(as) == 0 {
		return nil
	}
	// Byte offset of every code point, and of the end.
	at := make([]int32, 0, len(text)+1)
	for i := range text {
		at = append(at, int32(i))
	}
	at = append(at, int32(len(text)))
	n := len(at) - 1
	seen := make(map[string]bool, len(as))
	for _, a := range as {
		name := "annotation " + a.ID
		switch {
		case a.ID == "":
			return fmt.Errorf("annotation at %d-%d has no id", a.Start, a.End)
		case seen[a.ID]:
			return fmt.Errorf("%s: id used twice", name)
		case a.Start > a.End:
			return fmt.Errorf("%s offsets %d-%d reversed", name, a.Start, a.End)
		}
		seen[a.ID] = true
		if err := a.Valid(n); err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		if got := text[at[a.Start]:at[a.End]]; got != a.Text {
			return fmt.Errorf("%s: text %.40q does not match the article's %.40q at %d-%d", name, a.Text, got, a.Start, a.End)
		}
	}
	return nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
