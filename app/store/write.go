package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"

	"gloss/app/annot"
)

// writeErr says a write failed because storage is full or refused it, and
// that what was stored before is kept.
func writeErr(what string, err error) error {
	if errors.Is(err, ErrNewerSchema) {
		return err
	}
	reason := "storage refused the write"
	if errors.Is(err, ErrQuota) {
		reason = "storage is full"
	}
	return fmt.Errorf("store: %s not saved: %s (%w); what was stored before is kept", what, reason, err)
}

// put writes one record; a damaged record under key is first kept aside.
func (l *Library) put(key, value string) error {
	if l.damaged[key] {
		if err := l.keepAside(key); err != nil {
			return err
		}
	}
	return l.b.Set(key, value)
}

// remove deletes a record no longer listed; a damaged one is kept aside
// first, and left in place if that fails.
func (l *Library) remove(key string) {
	if l.damaged[key] && l.keepAside(key) != nil {
		return
	}
	_ = l.b.Delete(key) // a leftover record only costs space
}

// keepAside copies a damaged record under QuarantinePrefix, never over an
// earlier copy, so nothing stored is lost when Gloss writes past it.
func (l *Library) keepAside(key string) error {
	raw, ok, err := l.b.Get(key)
	if err != nil {
		return err
	}
	if ok {
		dest := QuarantinePrefix + key
		for i := 2; ; i++ {
			_, taken, err := l.b.Get(dest)
			if err != nil {
				return err
			}
			if !taken {
				break
			}
			dest = QuarantinePrefix + key + "~" + strconv.Itoa(i)
		}
		if err := l.b.Set(dest, raw); err != nil {
			return fmt.Errorf("the damaged record %s could not be kept aside: %w", key, err)
		}
	}
	delete(l.damaged, key)
	return nil
}

func (l *Library) writable() error { return l.roErr }

func (l *Library) ensureSchema() error {
	if l.schemaOK {
		return nil
	}
	if err := l.put(SchemaKey, encode(`{"version":`+strconv.Itoa(Version)+`}`)); err != nil {
		return err
	}
	l.schemaOK = true
	return nil
}

// copyEntries returns a copy of the entries, for a change of many.
func (l *Library) copyEntries() map[string]*entry {
	out := make(map[string]*entry, len(l.entries)+1)
	for k, v := range l.entries {
		out[k] = v
	}
	return out
}

func (l *Library) drop(keys []string) {
	for _, k := range keys {
		_ = l.b.Delete(k)
	}
}

func marshalAnn(as []annot.Annotation) string {
	if len(as) == 0 {
		return encode("[]")
	}
	data, err := json.Marshal(as)
	if err != nil {
		panic(err) // plain strings and ints always marshal
	}
	return encode(string(data))
}

// Create stores a new article: its text, its annotations and its listing
// entry. It assigns an ID when d.ID is empty; Chars and Annotations are
// computed. Updated defaults to Created.
func (l *Library) Create(d Doc) (Meta, error) {
	if err := l.writable(); err != nil {
		return Meta{}, err
	}
	if err := l.refresh(); err != nil {
		return Meta{}, err
	}
	if d.ID == "" {
		d.ID = newID(l.entries)
	}
	return l.add(d)
}

// Restore puts back an article returned by Delete, under the same ID.
func (l *Library) Restore(d Doc) error {
	if err := l.writable(); err != nil {
		return err
	}
	if err := l.refresh(); err != nil {
		return err
	}
	_, err := l.add(d)
	return err
}

func (l *Library) add(d Doc) (Meta, error) {
	what := fmt.Sprintf("article %q", d.Title)
	if err := checkID(d.ID); err != nil {
		return Meta{}, fmt.Errorf("store: %s not saved: %v", what, err)
	}
	if l.entries[d.ID] != nil {
		return Meta{}, fmt.Errorf("store: %s not saved: id %q is taken", what, d.ID)
	}
	n, sum := l.textFacts(d.Text)
	l.facts = textFacts{} // not kept for a text the library now holds
	if _, err := checkAnnotations(d.Annotations, n); err != nil {
		return Meta{}, fmt.Errorf("store: %s not saved: %v", what, err)
	}
	if d.Status == "" {
		d.Status = StatusToDo
	}
	if err := checkStatus(d.Status); err != nil {
		return Meta{}, fmt.Errorf("store: %s not saved: %v", what, err)
	}
	e := &entry{Meta: d.Meta, Text: 1, Ann: 1, Sum: sum}
	e.Chars, e.Annotations, e.Labels = n, len(d.Annotations), labelsOf(d.Annotations)
	if e.Updated == 0 {
		e.Updated = e.Created
	}
	added := []string{textKey(d.ID, 1), annKey(d.ID, 1)}
	values := []string{encode(d.Text), marshalAnn(d.Annotations)}
	if sd := (side{Orphans: d.Orphans, Kept: withKept(nil, d.Kept)}); !sd.empty() {
		e.Side = 1
		added, values = append(added, sideKey(d.ID, 1)), append(values, marshalSide(sd))
	}
	for i, k := range added {
		if err := l.put(k, values[i]); err != nil {
			l.drop(added[:i])
			return Meta{}, writeErr(what, err)
		}
	}
	if err := l.writeEntries(map[string]*entry{d.ID: e}); err != nil {
		l.drop(added)
		return Meta{}, writeErr(what, err)
	}
	return e.Meta, nil
}

// Change is a change to one article saved as one step: the listing switches
// to every record it writes at once, so a failed write changes nothing.
// Nil fields are left as they are.
type Change struct {
	Text        *string
	Annotations *[]annot.Annotation
	Orphans     *[]annot.Orphan
	// Kept sets the kept lines of each format it names; a nil or empty
	// list removes that format's.
	Kept   map[string][]string
	Title  *string
	Status *Status
	Source *string
}

// SaveAnnotations replaces an article's annotations. It writes only the
// annotations record and the listing entry (for the count), never the text.
// Annotations outside the article are refused and nothing is saved.
func (l *Library) SaveAnnotations(id string, as []annot.Annotation, updated int64) error {
	return l.Update(id, Change{Annotations: &as}, updated)
}

// SetText replaces an article's text (after an edit). Annotations are saved
// separately; SaveDoc saves both as one change.
func (l *Library) SetText(id, text string, updated int64) error {
	return l.Update(id, Change{Text: &text}, updated)
}

// SaveDoc replaces an article's text and annotations as one change (the
// listing switches to both at once), as after re-anchoring an edited text.
func (l *Library) SaveDoc(id, text string, as []annot.Annotation, updated int64) error {
	return l.Update(id, Change{Text: &text, Annotations: &as}, updated)
}

// SaveOrphans replaces an article's orphans.
func (l *Library) SaveOrphans(id string, os []annot.Orphan, updated int64) error {
	return l.Update(id, Change{Orphans: &os}, updated)
}

// SaveKept replaces the lines of format kept verbatim for an article (nil
// removes them).
func (l *Library) SaveKept(id, format string, lines []string, updated int64) error {
	return l.Update(id, Change{Kept: map[string][]string{format: lines}}, updated)
}

// SetStatus changes an article's status; only the listing is written.
func (l *Library) SetStatus(id string, s Status, updated int64) error {
	return l.Update(id, Change{Status: &s}, updated)
}

// Rename changes an article's title.
func (l *Library) Rename(id, title string, updated int64) error {
	return l.Update(id, Change{Title: &title}, updated)
}

// Update saves a Change: it writes new revisions of the changed records,
// switches the listing entry to them, then deletes the old ones.
func (l *Library) Update(id string, c Change, updated int64) error {
	if err := l.writable(); err != nil {
		return err
	}
	if err := l.refresh(); err != nil {
		return err
	}
	old := l.entries[id]
	if old == nil {
		return fmt.Errorf("store: article %q: %w", id, ErrNotFound)
	}
	e := *old
	e.Updated = updated
	what := fmt.Sprintf("article %q", old.Title)
	if c.Title != nil {
		e.Title = *c.Title
	}
	if c.Source != nil {
		e.Source = *c.Source
	}
	if c.Status != nil {
		if err := checkStatus(*c.Status); err != nil {
			return fmt.Errorf("store: %s not saved: %v; nothing changed", what, err)
		}
		e.Status = *c.Status
	}
	var added, stale []string
	if c.Text != nil {
		e.Chars, e.Sum = utf8.RuneCountInString(*c.Text), textSum(*c.Text)
	}
	if c.Annotations != nil {
		what = fmt.Sprintf("annotations of %q", old.Title)
		if _, err := checkAnnotations(*c.Annotations, e.Chars); err != nil {
			return fmt.Errorf("store: %s not saved: %v; nothing changed", what, err)
		}
	}
	write := func(key, value string) error {
		if err := l.put(key, value); err != nil {
			l.drop(added)
			return writeErr(what, err)
		}
		added = append(added, key)
		return nil
	}
	if c.Text != nil {
		e.Text = old.Text + 1
		if err := write(textKey(id, e.Text), encode(*c.Text)); err != nil {
			return err
		}
		stale = append(stale, textKey(id, old.Text))
	}
	if c.Annotations != nil {
		e.Ann = old.Ann + 1
		e.Annotations, e.Labels = len(*c.Annotations), labelsOf(*c.Annotations)
		if err := write(annKey(id, e.Ann), marshalAnn(*c.Annotations)); err != nil {
			return err
		}
		if old.Ann > 0 {
			stale = append(stale, annKey(id, old.Ann))
		}
	}
	if c.Orphans != nil || c.Kept != nil {
		sd, err := l.readSide(old)
		if err != nil && !errors.Is(err, ErrDamaged) {
			return fmt.Errorf("store: %s not saved: %v", what, err)
		}
		if c.Orphans != nil {
			sd.Orphans = *c.Orphans
		}
		sd.Kept = withKept(sd.Kept, c.Kept)
		e.Side = 0
		if !sd.empty() {
			e.Side = old.Side + 1
			if err := write(sideKey(id, e.Side), marshalSide(sd)); err != nil {
				return err
			}
		}
		if old.Side > 0 {
			stale = append(stale, sideKey(id, old.Side))
		}
	}
	if err := l.writeEntries(map[string]*entry{id: &e}); err != nil {
		l.drop(added)
		return writeErr(what, err)
	}
	if c.Annotations != nil {
		l.known[id] = e.Ann
	}
	for _, k := range stale {
		l.remove(k)
	}
	return nil
}

// Delete removes an article and returns it so the UI can undo with Restore.
// If its text was damaged the article is still removed, the damaged records
// are kept under QuarantinePrefix, and the error (wrapping ErrDamaged) says
// that undo cannot bring the text back.
func (l *Library) Delete(id string) (Doc, error) {
	if err := l.writable(); err != nil {
		return Doc{}, err
	}
	if err := l.refresh(); err != nil {
		return Doc{}, err
	}
	e := l.entries[id]
	if e == nil {
		return Doc{}, fmt.Errorf("store: article %q: %w", id, ErrNotFound)
	}
	d, loadErr := l.Load(id)
	if loadErr != nil && !errors.Is(loadErr, ErrDamaged) {
		d = Doc{Meta: e.Meta}
		l.damaged[textKey(id, e.Text)] = true
		loadErr = fmt.Errorf("%v; the article was deleted but its text was kept aside under %s, undo cannot restore it: %w", loadErr, QuarantinePrefix, ErrDamaged)
	} else {
		loadErr = nil
	}
	if err := l.writeEntries(map[string]*entry{id: nil}); err != nil {
		return Doc{}, writeErr(fmt.Sprintf("deletion of %q", e.Title), err)
	}
	l.remove(textKey(id, e.Text))
	if e.Ann > 0 {
		l.remove(annKey(id, e.Ann))
	}
	if e.Side > 0 {
		l.remove(sideKey(id, e.Side))
	}
	return d, loadErr
}

// SaveLabels stores the label set.
func (l *Library) SaveLabels(ls annot.Labels) error {
	if err := l.writable(); err != nil {
		return err
	}
	if err := checkLabels(ls); err != nil {
		return fmt.Errorf("store: labels not saved: %v", err)
	}
	if ls == nil {
		ls = annot.Labels{}
	}
	data, err := json.Marshal(ls)
	if err != nil {
		return err
	}
	v := encode(string(data))
	if err := l.ensureSchema(); err != nil {
		return writeErr("labels", err)
	}
	if err := l.put(LabelsKey, v); err != nil {
		return writeErr("labels", err)
	}
	l.labels, l.labelsRaw = append(annot.Labels{}, ls...), v
	return nil
}

// SaveGazetteer stores the gazetteer JSON as given (package entity owns its
// shape); nil or empty removes it.
func (l *Library) SaveGazetteer(data []byte) error {
	if err := l.writable(); err != nil {
		return err
	}
	if len(data) == 0 {
		l.remove(GazetteerKey)
		l.gazetteer, l.gazRaw = nil, ""
		return nil
	}
	if !json.Valid(data) {
		return errors.New("store: gazetteer not saved: it is not valid JSON")
	}
	v := encode(string(data))
	if err := l.ensureSchema(); err != nil {
		return writeErr("gazetteer", err)
	}
	if err := l.put(GazetteerKey, v); err != nil {
		return writeErr("gazetteer", err)
	}
	l.gazetteer, l.gazRaw = append([]byte(nil), data...), v
	return nil
}

// SaveSetting stores one setting; an empty value removes it.
func (l *Library) SaveSetting(name, value string) error {
	if err := l.writable(); err != nil {
		return err
	}
	// Another tab may have saved other settings since.
	if raw, _, err := l.b.Get(SettingsKey); err == nil && raw != l.settingsRaw {
		l.pendingProblems = append(l.pendingProblems, l.readSettings()...)
		l.pending.Settings = true
	}
	// The app saves the open article at every start and every open: when
	// the record already says so, there is nothing to write (and no JSON
	// encoder to run, and compile, before a cold start's first render).
	if cur, ok := l.settings[name]; ok == (value != "") && cur == value && !l.damaged[SettingsKey] {
		return nil
	}
	m := make(map[string]string, len(l.settings)+1)
	for k, v := range l.settings {
		m[k] = v
	}
	if value == "" {
		delete(m, name)
	} else {
		m[name] = value
	}
	if err := l.saveSettings(m); err != nil {
		return fmt.Errorf("%w (setting %q)", err, name)
	}
	return nil
}

// saveSettings writes the whole settings record.
func (l *Library) saveSettings(m map[string]string) error {
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	v := encode(string(data))
	if err := l.ensureSchema(); err != nil {
		return writeErr("settings", err)
	}
	if err := l.put(SettingsKey, v); err != nil {
		return writeErr("settings", err)
	}
	l.settings, l.settingsRaw = m, v
	return nil
}

// MergeAnnotations saves the annotations of an article that another tab may
// have changed since this one read base: theirs are read from storage,
// annot.Merge(base, mine, theirs) is saved and returned. base must be the
// annotations this Library last loaded or saved for the article; when no one
// else wrote since, theirs is base and is not read again.
func (l *Library) MergeAnnotations(id string, base, mine []annot.Annotation, updated int64) ([]annot.Annotation, error) {
	if err := l.writable(); err != nil {
		return nil, err
	}
	if err := l.refresh(); err != nil {
		return nil, err
	}
	e := l.entries[id]
	if e == nil {
		return nil, fmt.Errorf("store: article %q: %w", id, ErrNotFound)
	}
	if rev, ok := l.known[id]; ok && rev == e.Ann {
		// Nobody wrote since this Library last read or wrote them: what is
		// stored is base, so the merge is mine. Labelling a span on a long
		// article then costs one write, not a read and a decode as well.
		if err := l.SaveAnnotations(id, mine, updated); err != nil {
			return nil, err
		}
		return mine, nil
	}
	theirs, err := l.readAnn(e, e.Chars)
	if err != nil && !errors.Is(err, ErrDamaged) {
		return nil, fmt.Errorf("store: annotations of %q not merged: %v", e.Title, err)
	}
	merged := annot.Merge(base, mine, theirs)
	if err := l.SaveAnnotations(id, merged, updated); err != nil {
		return nil, err
	}
	return merged, nil
}
