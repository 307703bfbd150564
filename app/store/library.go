package store

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"gloss/app/random"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gloss/app/annot"
)

// Meta describes one article in the library listing.
type Meta struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Chars       int    `json:"chars"` // code points
	Annotations int    `json:"annotations"`
	Created     int64  `json:"created"` // unix ms, given by the caller (store never reads the clock)
	Updated     int64  `json:"updated"`
	Kind        string `json:"kind,omitempty"`
	// Status is where the person's work on the article stands; Create
	// sets StatusToDo when it is empty.
	Status Status `json:"status,omitempty"`
	// Source is the name of the file the article was loaded from ("" when
	// pasted), shown in the listing and used to match imports to articles.
	Source string `json:"source,omitempty"`
	// Labels are the labels the article's annotations use, sorted and
	// separated by tabs (which label names cannot hold; a string keeps Meta
	// comparable), so the library can be filtered by label without reading
	// every article. HasLabel tests one.
	Labels string `json:"labels,omitempty"`
}

// HasLabel reports whether one of the article's annotations has the label.
func (m Meta) HasLabel(label string) bool {
	for l := range strings.SplitSeq(m.Labels, "\t") {
		if l == label && l != "" {
			return true
		}
	}
	return false
}

// Doc is a whole article: everything that belongs to it is written,
// deleted, backed up, restored and reloaded with it.
type Doc struct {
	Meta
	Text        string
	Annotations []annot.Annotation
	// Orphans are annotations that could not be placed again after the
	// text was edited or a file imported, kept for the person to place or
	// drop. Their offsets are those they had.
	Orphans []annot.Orphan
	// Kept holds, per format name ("brat"), the lines of an imported file
	// that Gloss does not model, so an export writes them back verbatim.
	Kept map[string][]string
}

// Problem is something found damaged or refused while opening or reading;
// the UI shows Message. Key is the backend key concerned, if one.
type Problem struct{ Key, Message string }

// Errors the library returns; test with errors.Is.
var (
	// ErrNewerSchema is returned by every write of a library opened
	// read-only because a newer Gloss wrote it.
	ErrNewerSchema = errors.New("store: the library was written by a newer Gloss; opened read-only so its data is not overwritten")
	// ErrNotFound is returned for an article ID the library does not hold.
	ErrNotFound = errors.New("no such article")
	// ErrDamaged is wrapped by the error of Load (and Backup) when part of
	// an article is damaged: the Doc returned still holds everything
	// readable, and the damaged record is kept as stored.
	ErrDamaged = errors.New("damaged record kept as stored")
)

// entry is an article's listing entry: its Meta and the revisions of its
// records. A change writes a new revision under a new key, switches the
// entry to it, then deletes the old one, so a failed write never leaves a
// half-written article.
type entry struct {
	Meta
	Text int `json:"text"`
	Ann  int `json:"ann"`
	Side int `json:"side,omitempty"` // 0: no side record
	// Sum is a hash of the text (textSum), so finding an article by its
	// text reads only the articles whose hash matches; "" in entries
	// written before it was kept.
	Sum string `json:"sum,omitempty"`
}

type schemaRecord struct {
	Version int `json:"version"`
}

// Library is the collection of articles with their annotations, the label
// set, the gazetteer and the settings, read from and saved to a Backend.
// Every change is written at once and touches only the records it changes.
// A Library is not safe for concurrent use.
type Library struct {
	b        Backend
	roErr    error // non-nil: read-only, returned by every write
	schemaOK bool  // the schema record is stored

	list    listing           // the stored listing, as read or written
	entries map[string]*entry // every article's entry, by id

	labels      annot.Labels
	labelsRaw   string
	gazetteer   []byte
	gazRaw      string
	settings    map[string]string
	settingsRaw string

	// facts: the last text's code points and sum (textFacts).
	facts textFacts

	// damaged holds keys found damaged; they are copied under
	// QuarantinePrefix before being overwritten or deleted.
	damaged map[string]bool
	// known is, per article, the annotations revision this Library last
	// wrote or read: MergeAnnotations skips reading back its own write.
	known map[string]int

	// pending collects what a refresh before a write found another tab
	// changed, for the next Reload to report.
	pending         Changes
	pendingProblems []Problem
}

// Open reads the listing, label set, gazetteer and settings; an article's
// text and annotations are read (and checked) by Load, so opening costs the
// same whatever the articles hold. It never fails on damaged data: a record
// that is unreadable, truncated, of the wrong shape or of a newer format is
// left in place, reported as a Problem, and the rest loads. An older
// library is upgraded first (migrate.go, migrate_v3.go). If the stored
// schema is newer than this code's, the library opens read-only. Only a
// backend that cannot list its keys returns an error.
func Open(b Backend) (*Library, []Problem, error) {
	keys, err := b.Keys()
	if err != nil {
		return nil, nil, fmt.Errorf("store: cannot read the browser's storage: %w", err)
	}
	l := &Library{b: b, damaged: map[string]bool{}, known: map[string]int{}}
	var probs []Problem
	newest := 0
	for _, k := range keys {
		if v := newerSchema(k); v > newest {
			newest = v
		}
	}
	if newest == 0 && needsMigration(keys) {
		var mp []Problem
		l.b, mp = migrate(l.b, keys)
		probs = append(probs, mp...)
		if l.b != b {
			l.roErr = errMigration
		}
		if keys, err = l.b.Keys(); err != nil {
			return nil, nil, fmt.Errorf("store: cannot read the browser's storage: %w", err)
		}
	}
	if newest == 0 && needsV3(l.b, keys) {
		mb, mp := migrateV3(l.b, keys)
		probs = append(probs, mp...)
		if mb != l.b {
			l.b, l.roErr = mb, errMigration
		}
		if keys, err = l.b.Keys(); err != nil {
			return nil, nil, fmt.Errorf("store: cannot read the browser's storage: %w", err)
		}
	}
	if newest > 0 {
		l.roErr = ErrNewerSchema
		probs = append(probs, Problem{Key: "gloss/v" + strconv.Itoa(newest) + "/",
			Message: fmt.Sprintf("This storage holds a library written by a newer Gloss (schema v%d): it is opened read-only so nothing of it is overwritten.", newest)})
	}
	probs = append(probs, l.openSchema()...)
	probs = append(probs, l.readListing(func() []string { return keys })...)
	probs = append(probs, l.readLabels()...)
	probs = append(probs, l.readGazetteer()...)
	probs = append(probs, l.readSettings()...)
	present := make(map[string]bool, len(keys))
	for _, k := range keys {
		present[k] = true
	}
	for _, id := range l.ids() {
		e := l.entries[id]
		if k := textKey(id, e.Text); !present[k] {
			probs = append(probs, Problem{k, fmt.Sprintf("Article %q: its text is missing from storage.", e.Title)})
		}
	}
	return l, probs, nil
}

// openSchema reads the schema record (an older library was migrated before).
func (l *Library) openSchema() []Problem {
	raw, ok, err := l.b.Get(SchemaKey)
	switch {
	case err != nil:
		return []Problem{{SchemaKey, "The library's version could not be read: " + err.Error()}}
	case !ok:
		return nil // a new library, or one whose schema record was lost: this version is assumed
	}
	var s schemaRecord
	payload, err := decode(raw)
	if err == nil {
		s, err = readSchema(payload)
	}
	if err != nil {
		l.damaged[SchemaKey] = true
		return []Problem{{SchemaKey, "The library's version record is damaged (" + err.Error() + "); version " + strconv.Itoa(Version) + " is assumed and the record is kept aside."}}
	}
	switch {
	case s.Version == Version:
		l.schemaOK = true
		return nil
	case s.Version > Version:
		l.roErr = ErrNewerSchema
		return []Problem{{SchemaKey, fmt.Sprintf("This library was written by a newer Gloss (schema v%d): it is opened read-only so nothing of it is overwritten.", s.Version)}}
	}
	l.roErr = fmt.Errorf("store: the library's schema record says v%d under %s; opened read-only", s.Version, ListPrefix)
	return []Problem{{SchemaKey, fmt.Sprintf("This library's version record says v%d, which does not match where it is stored: it is opened read-only.", s.Version)}}
}

// rebuildEntries lists the articles whose records are among keys and that
// want accepts, taking the newest revision of each record; titles come from
// the text's first line, counts and labels from the annotations record.
func (l *Library) rebuildEntries(keys []string, want func(id string) bool) map[string]*entry {
	entries := map[string]*entry{}
	for _, k := range keys {
		id, kind, rev, ok := parseDocKey(k)
		if !ok || !want(id) {
			continue
		}
		e := entries[id]
		if e == nil {
			e = &entry{Meta: Meta{ID: id}}
			entries[id] = e
		}
		switch {
		case kind == "text" && rev > e.Text:
			e.Text = rev
		case kind == "ann" && rev > e.Ann:
			e.Ann = rev
		case kind == "side" && rev > e.Side:
			e.Side = rev
		}
	}
	for id, e := range entries {
		if e.Text == 0 { // annotations without a text: nothing to show
			delete(entries, id)
			continue
		}
		e.Title = "Recovered article " + id
		e.Status = StatusToDo
		if raw, ok, err := l.b.Get(textKey(id, e.Text)); err == nil && ok {
			if text, err := decode(raw); err == nil {
				e.Chars, e.Sum = utf8.RuneCountInString(text), textSum(text)
				if t := firstLine(text); t != "" {
					e.Title = t
				}
			}
		}
		as, _ := l.readAnn(e, e.Chars)
		e.Annotations, e.Labels = len(as), labelsOf(as)
	}
	return entries
}

func firstLine(s string) string {
	const max = 80
	out := make([]rune, 0, max)
	for _, r := range s {
		if r == '\n' || r == '\r' {
			if len(out) > 0 {
				break
			}
			continue
		}
		if len(out) == max {
			return string(out) + "…"
		}
		out = append(out, r)
	}
	return string(out)
}

func (l *Library) readLabels() []Problem {
	delete(l.damaged, LabelsKey)
	l.labels, l.labelsRaw = nil, ""
	raw, ok, err := l.b.Get(LabelsKey)
	if err != nil || !ok {
		return nil
	}
	l.labelsRaw = raw
	var ls annot.Labels
	payload, err := decode(raw)
	if err == nil {
		ls, err = readLabelSet(payload)
	}
	if err == nil {
		err = checkLabels(ls)
	}
	if err != nil {
		l.damaged[LabelsKey] = true
		return []Problem{{LabelsKey, "The label set is damaged (" + err.Error() + "); the default labels are used and the stored set is kept aside."}}
	}
	l.labels = ls
	return nil
}

func checkLabels(ls annot.Labels) error {
	seen := map[string]bool{}
	for i, lb := range ls {
		if err := annot.CheckName(lb.Name); err != nil {
			return fmt.Errorf("label %d: %v", i+1, err)
		}
		if err := annot.CheckColor(lb.Color); err != nil {
			return fmt.Errorf("label %q: %v", lb.Name, err)
		}
		if seen[lb.Name] {
			return fmt.Errorf("label %q is listed twice", lb.Name)
		}
		seen[lb.Name] = true
	}
	return nil
}

func (l *Library) readGazetteer() []Problem {
	delete(l.damaged, GazetteerKey)
	l.gazetteer, l.gazRaw = nil, ""
	raw, ok, err := l.b.Get(GazetteerKey)
	if err != nil || !ok {
		return nil
	}
	l.gazRaw = raw
	payload, err := decode(raw)
	if err == nil && !json.Valid([]byte(payload)) {
		err = errors.New("not valid JSON")
	}
	if err != nil {
		l.damaged[GazetteerKey] = true
		return []Problem{{GazetteerKey, "The gazetteer is damaged (" + err.Error() + "); it is not used and is kept aside."}}
	}
	l.gazetteer = []byte(payload)
	return nil
}

func (l *Library) readSettings() []Problem {
	delete(l.damaged, SettingsKey)
	l.settings, l.settingsRaw = map[string]string{}, ""
	raw, ok, err := l.b.Get(SettingsKey)
	if err != nil || !ok {
		return nil
	}
	l.settingsRaw = raw
	var m map[string]string
	payload, err := decode(raw)
	if err == nil {
		m, err = readSettingsMap(payload)
	}
	if err != nil {
		l.damaged[SettingsKey] = true
		return []Problem{{SettingsKey, "The settings are damaged (" + err.Error() + "); defaults are used and the stored settings are kept aside."}}
	}
	l.settings = m
	return nil
}

// readAnn reads an article's annotations record and checks each annotation
// against an article of n code points. It returns the readable annotations
// and an error (wrapping ErrDamaged) saying what was left out.
func (l *Library) readAnn(e *entry, n int) ([]annot.Annotation, error) {
	if e.Ann == 0 {
		return nil, nil
	}
	key := annKey(e.ID, e.Ann)
	damaged := func(format string, args ...any) error {
		l.damaged[key] = true
		return fmt.Errorf("Article %q: annotations record %s %s; %w", e.Title, key, fmt.Sprintf(format, args...), ErrDamaged)
	}
	raw, ok, err := l.b.Get(key)
	switch {
	case err != nil:
		return nil, fmt.Errorf("Article %q: annotations could not be read: %v", e.Title, err)
	case !ok:
		return nil, fmt.Errorf("Article %q: annotations record %s is missing; %w", e.Title, key, ErrDamaged)
	}
	payload, err := decode(raw)
	if err != nil {
		return nil, damaged("is %v", err)
	}
	// What parses is kept when only some elements are of the wrong shape.
	as, bad, err := readAnnotations(payload)
	if err != nil {
		return nil, damaged("is unreadable (%v)", err)
	}
	if bad > 0 {
		good, _ := checkAnnotations(as, n)
		return good, damaged("has %d unreadable annotations, left out", bad)
	}
	good, err := checkAnnotations(as, n)
	if err != nil {
		return good, damaged("%v", err)
	}
	return good, nil
}

// checkAnnotations returns the annotations valid for an article of n code
// points and an error naming the first invalid one and how many there are.
func checkAnnotations(as []annot.Annotation, n int) ([]annot.Annotation, error) {
	var first error
	bad := 0
	seen := make(map[string]bool, len(as))
	good := as[:0:0]
	for _, a := range as {
		err := a.Valid(n)
		switch {
		case err != nil:
		case a.ID == "":
			err = fmt.Errorf("span %d-%d has no id", a.Start, a.End)
		case seen[a.ID]:
			err = fmt.Errorf("id %q is used twice", a.ID)
		}
		if err != nil {
			if first == nil {
				first = fmt.Errorf("annotation %s: %v", a.ID, err)
			}
			bad++
			continue
		}
		seen[a.ID] = true
		good = append(good, a)
	}
	if bad == 1 {
		return good, fmt.Errorf("%v (left out)", first)
	}
	if bad > 1 {
		return good, fmt.Errorf("%v, and %d more (left out)", first, bad-1)
	}
	return good, nil
}

func (l *Library) ids() []string {
	ids := make([]string, 0, len(l.entries))
	for id := range l.entries {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// ReadOnly reports whether writes are refused because a newer Gloss wrote
// the library (or it could not be upgraded).
func (l *Library) ReadOnly() bool { return l.roErr != nil }

// List returns the articles, most recently updated first.
func (l *Library) List() []Meta {
	out := make([]Meta, 0, len(l.entries))
	for _, e := range l.entries {
		out = append(out, e.Meta)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Updated != out[j].Updated {
			return out[i].Updated > out[j].Updated
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Meta returns one article's listing entry.
func (l *Library) Meta(id string) (Meta, bool) {
	e := l.entries[id]
	if e == nil {
		return Meta{}, false
	}
	return e.Meta, true
}

// Load reads a whole article. When the text is readable but some or all of
// the annotations are damaged, Load returns the Doc with the readable ones
// and an error wrapping ErrDamaged that names the article and the damage:
// show it as a notice. The damaged record stays as stored (it is copied
// aside under QuarantinePrefix when next saved over).
func (l *Library) Load(id string) (Doc, error) {
	// Another tab may have switched the article to new records.
	if err := l.refresh(); err != nil {
		return Doc{}, err
	}
	e := l.entries[id]
	if e == nil {
		return Doc{}, fmt.Errorf("store: article %q: %w", id, ErrNotFound)
	}
	key := textKey(id, e.Text)
	raw, ok, err := l.b.Get(key)
	switch {
	case err != nil:
		return Doc{}, fmt.Errorf("store: article %q: text could not be read: %w", e.Title, err)
	case !ok:
		return Doc{}, fmt.Errorf("store: article %q: its text (%s) is missing from storage", e.Title, key)
	}
	text, err := decode(raw)
	if err != nil {
		l.damaged[key] = true
		return Doc{}, fmt.Errorf("store: article %q: its text (%s) is %v; kept as stored", e.Title, key, err)
	}
	d := Doc{Meta: e.Meta, Text: text}
	d.Chars = utf8.RuneCountInString(text)
	e.Chars = d.Chars
	d.Annotations, err = l.readAnn(e, d.Chars)
	d.Meta.Annotations = len(d.Annotations)
	d.Meta.Labels = labelsOf(d.Annotations)
	sd, sideErr := l.readSide(e)
	d.Orphans, d.Kept = sd.Orphans, sd.Kept
	if err == nil {
		err = sideErr
	}
	if err != nil {
		return d, fmt.Errorf("store: %w", err)
	}
	l.known[id] = e.Ann
	return d, nil
}

// AnnotationsKey returns the backend key currently holding an article's
// annotations. It changes with every save (a new revision is written, then
// the listing switched to it); to follow another tab, match storage events
// with DocOf, or simply call Reload on any IsKey event.
func (l *Library) AnnotationsKey(id string) string {
	if e := l.entries[id]; e != nil {
		return annKey(id, e.Ann)
	}
	return ""
}

// Labels returns the label set, DefaultLabels when none is stored.
func (l *Library) Labels() annot.Labels {
	if l.labels == nil {
		return annot.DefaultLabels()
	}
	return append(annot.Labels(nil), l.labels...)
}

// Gazetteer returns the stored gazetteer JSON (owned by package entity), or
// nil if none. The caller must not modify it.
func (l *Library) Gazetteer() []byte { return l.gazetteer }

// Setting returns a setting's value, "" when unset.
func (l *Library) Setting(name string) string { return l.settings[name] }

func newID(taken map[string]*entry) string {
	for {
		var b [6]byte
		random.Read(b[:])
		id := "d" + hex.EncodeToString(b[:])
		if taken[id] == nil {
			return id
		}
	}
}
