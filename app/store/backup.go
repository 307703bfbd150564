package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"unicode/utf8"

	"gloss/app/annot"
	"gloss/app/jsonguard"
)

// Limits RestoreBackup applies before decoding a backup.
const (
	MaxBackupBytes = 50 << 20
	MaxBackupDepth = 64
)

// backupFormat names a Gloss backup file in its "format" field.
const backupFormat = "gloss-backup"

// backupVersion is the version of the backup file format: that of the
// schema it was last changed with (v2: orphans and kept lines with their
// article). Schema v3 changed only how the listing is stored, so a v2 Gloss
// still reads its backups.
const backupVersion = 2

type backupFile struct {
	Format    string          `json:"format"`
	Version   int             `json:"version"`
	Created   int64           `json:"created"`
	Articles  []backupArticle `json:"articles"`
	Labels    annot.Labels    `json:"labels,omitempty"`
	Gazetteer json.RawMessage `json:"gazetteer,omitempty"`
	// Settings is a list, not an object: setting names then never become
	// JSON keys, which jsonguard.Check would refuse for "constructor" and the like.
	Settings []backupSetting `json:"settings,omitempty"`
}

type backupSetting struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

type backupArticle struct {
	ID          string              `json:"id"`
	Title       string              `json:"title"`
	Kind        string              `json:"kind,omitempty"`
	Status      Status              `json:"status,omitempty"`
	Source      string              `json:"source,omitempty"`
	Created     int64               `json:"created"`
	Updated     int64               `json:"updated"`
	Text        string              `json:"text"`
	Annotations []annot.Annotation  `json:"annotations"`
	Orphans     []annot.Orphan      `json:"orphans,omitempty"`
	Kept        map[string][]string `json:"kept,omitempty"`
}

func (a backupArticle) doc() Doc {
	return Doc{Meta: Meta{ID: a.ID, Title: a.Title, Kind: a.Kind, Status: a.Status, Source: a.Source,
		Created: a.Created, Updated: a.Updated}, Text: a.Text, Annotations: a.Annotations, Orphans: a.Orphans, Kept: a.Kept}
}

// Backup returns one JSON file with every article and all that belongs to
// it (annotations, orphans, kept lines, status), the label set, the
// gazetteer and the settings; now (unix ms) is recorded in it. If some
// records are damaged the file holds everything readable and the error
// (wrapping ErrDamaged) says what was left out.
func (l *Library) Backup(now int64) ([]byte, error) {
	f := backupFile{Format: backupFormat, Version: backupVersion, Created: now,
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
		f.Articles = append(f.Articles, backupArticle{ID: d.ID, Title: d.Title, Kind: d.Kind, Status: d.Status, Source: d.Source,
			Created: d.Created, Updated: d.Updated, Text: d.Text, Annotations: d.Annotations, Orphans: d.Orphans, Kept: d.Kept})
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

// RestoreReport says what RestoreBackup did with the articles of a file.
type RestoreReport struct {
	Added   int // new to the library
	Merged  int // the same article was there: what the file adds was merged in
	Skipped int // the same article was there with everything the file holds
	// Renamed maps the ID in the file to the new ID of each added article
	// whose ID belonged to a different article of the library.
	Renamed map[string]string
}

// String says it as the message after a restore does, e.g. "2 articles
// added, 1 merged, 5 already here unchanged (skipped)".
func (r RestoreReport) String() string {
	parts := []string{plural(r.Added, "article") + " added"}
	if len(r.Renamed) > 0 {
		parts[0] += fmt.Sprintf(" (%d under a new ID, theirs being taken by another article)", len(r.Renamed))
	}
	parts = append(parts, fmt.Sprintf("%d merged", r.Merged), fmt.Sprintf("%d already here unchanged (skipped)", r.Skipped))
	return strings.Join(parts, ", ")
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// RestoreBackup validates the whole file first (size ≤ MaxBackupBytes,
// depth ≤ MaxBackupDepth, no prototype keys, every annotation inside its
// article with Text equal to the code points it covers) and only then
// writes, so a file that fails validation changes nothing and the error
// names the first bad item.
//
// Articles are restored by identity: the same article — the same ID with
// the same text, or another ID with the same text — is merged, never
// duplicated (annotations by ID, the newer edit winning where both hold
// one; orphans and kept lines added; title and status from the newer), so
// restoring a file twice changes nothing the second time. An article whose
// ID belongs to a different article is added under a new ID with all that
// belongs to it. Labels missing by name are added; the gazetteer and
// settings are restored where the library has none.
func (l *Library) RestoreBackup(data []byte) (RestoreReport, error) {
	var rep RestoreReport
	if err := l.writable(); err != nil {
		return rep, err
	}
	bad := func(format string, args ...any) (RestoreReport, error) {
		return RestoreReport{}, fmt.Errorf("backup: "+format+"; nothing restored", args...)
	}
	if err := jsonguard.Check(data, jsonguard.Limits{MaxBytes: MaxBackupBytes, MaxDepth: MaxBackupDepth}); err != nil {
		var e *jsonguard.Error
		if errors.As(err, &e) {
			return bad("the file %s%s", e.What, e.Where())
		}
		return bad("%v", err)
	}
	var f backupFile
	if err := json.Unmarshal(data, &f); err != nil {
		return bad("not a Gloss backup (%v)", err)
	}
	switch {
	case f.Format != backupFormat:
		return bad("not a Gloss backup (format is %q, want %q)", f.Format, backupFormat)
	case f.Version > backupVersion:
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
		if a.Status != "" {
			if err := checkStatus(a.Status); err != nil {
				return bad("%s: %v", name, err)
			}
		}
		if err := checkBackupAnnotations(a.Text, a.Annotations); err != nil {
			return bad("%s: %v", name, err)
		}
	}
	// A v1 backup holds orphans and brat lines in its settings.
	settings := f.Settings[:0:0]
	for _, st := range f.Settings {
		if !moveV1Setting(f.Articles, st) {
			settings = append(settings, st)
		}
	}
	if err := l.refresh(); err != nil {
		return rep, err
	}

	// Write every record first, then switch the listing once: a failure on
	// the way leaves the library as it was.
	r := restorer{l: l, entries: l.copyEntries(), docs: map[string]*Doc{}}
	for _, a := range f.Articles {
		if err := r.restore(a.doc(), &rep); err != nil {
			l.drop(r.added)
			return RestoreReport{}, writeErr("backup", err)
		}
	}
	if len(r.added) > 0 {
		changed := map[string]*entry{}
		for id, e := range r.entries {
			if l.entries[id] != e {
				changed[id] = e
			}
		}
		if err := l.writeEntries(changed); err != nil {
			l.drop(r.added)
			return RestoreReport{}, writeErr("backup", err)
		}
		for _, k := range r.stale {
			l.remove(k)
		}
	}
	done := func(err error) (RestoreReport, error) {
		return rep, fmt.Errorf("backup: %s, but %v", rep, err)
	}

	// Labels, gazetteer and settings are single records written in place.
	labels := l.Labels()
	for _, lb := range f.Labels {
		if labels.Index(lb.Name) < 0 {
			labels = append(labels, lb)
		}
	}
	if len(labels) != len(l.Labels()) {
		if err := l.SaveLabels(labels); err != nil {
			return done(err)
		}
	}
	if len(f.Gazetteer) > 0 && string(f.Gazetteer) != "null" && l.gazetteer == nil {
		if err := l.SaveGazetteer(f.Gazetteer); err != nil {
			return done(err)
		}
	}
	merged := make(map[string]string, len(l.settings)+len(settings))
	for k, v := range l.settings {
		merged[k] = v
	}
	changed := false
	for _, st := range settings {
		if merged[st.Name] == "" && st.Value != "" {
			merged[st.Name] = st.Value
			changed = true
		}
	}
	if changed {
		if err := l.saveSettings(merged); err != nil {
			return done(err)
		}
	}
	return rep, nil
}

// moveV1Setting puts a v1 backup's "orphans/<id>" or "brat/<id>" setting
// into the article it belongs to and reports whether it did.
func moveV1Setting(arts []backupArticle, st backupSetting) bool {
	for i := range arts {
		a := &arts[i]
		if a.ID == "" {
			continue
		}
		switch st.Name {
		case v1OrphansSetting + a.ID:
			var os []annot.Orphan
			if json.Unmarshal([]byte(st.Value), &os) != nil {
				return false
			}
			a.Orphans = append(a.Orphans, os...)
			return true
		case v1BratSetting + a.ID:
			var x struct{ Lines []string }
			if json.Unmarshal([]byte(st.Value), &x) != nil {
				return false
			}
			if len(x.Lines) > 0 {
				a.Kept = withKept(a.Kept, map[string][]string{"brat": x.Lines})
			}
			return true
		}
	}
	return false
}

// restorer writes the records of a restore; the listing is switched to them
// once at the end.
type restorer struct {
	l       *Library
	entries map[string]*entry
	docs    map[string]*Doc // articles read or written so far, by ID
	added   []string        // keys written
	stale   []string        // keys to delete once the listing is switched
}

// load returns a stored article, or nil when it cannot be read whole.
func (r *restorer) load(id string) *Doc {
	if d := r.docs[id]; d != nil {
		return d
	}
	d, err := r.l.Load(id)
	if err != nil {
		return nil
	}
	r.docs[id] = &d
	return &d
}

// same returns the ID of the library's article holding text, preferring id.
func (r *restorer) same(id, text string) string {
	if r.entries[id] != nil {
		if d := r.load(id); d != nil && d.Text == text {
			return id
		}
	}
	n := utf8.RuneCountInString(text)
	for _, other := range sortedIDs(r.entries) {
		if r.entries[other].Chars != n || other == id {
			continue
		}
		if d := r.load(other); d != nil && d.Text == text {
			return other
		}
	}
	return ""
}

func (r *restorer) restore(d Doc, rep *RestoreReport) error {
	target := r.same(d.ID, d.Text)
	if target == "" {
		if d.Status == "" {
			d.Status = StatusToDo
		}
		id := d.ID
		if id == "" || r.entries[id] != nil {
			id = newID(r.entries)
			if d.ID != "" {
				if rep.Renamed == nil {
					rep.Renamed = map[string]string{}
				}
				rep.Renamed[d.ID] = id
			}
		}
		d.ID = id
		rep.Added++
		return r.write(d, nil)
	}
	old := r.docs[target]
	m := mergeDoc(*old, d)
	if sameDoc(m, *old) {
		rep.Skipped++
		return nil
	}
	rep.Merged++
	return r.write(m, r.entries[target])
}

// write stores d's records at the revisions after old's (1 for a new one).
func (r *restorer) write(d Doc, old *entry) error {
	e := &entry{Meta: d.Meta, Text: 1, Ann: 1, Sum: textSum(d.Text)}
	e.Chars, e.Annotations, e.Labels = utf8.RuneCountInString(d.Text), len(d.Annotations), labelsOf(d.Annotations)
	if old != nil {
		e.Text, e.Ann = old.Text+1, old.Ann+1
		r.stale = append(r.stale, textKey(d.ID, old.Text))
		if old.Ann > 0 {
			r.stale = append(r.stale, annKey(d.ID, old.Ann))
		}
		if old.Side > 0 {
			r.stale = append(r.stale, sideKey(d.ID, old.Side))
		}
	}
	recs := [][2]string{{textKey(d.ID, e.Text), encode(d.Text)}, {annKey(d.ID, e.Ann), marshalAnn(d.Annotations)}}
	if sd := (side{Orphans: d.Orphans, Kept: withKept(nil, d.Kept)}); !sd.empty() {
		e.Side = 1
		if old != nil {
			e.Side = old.Side + 1
		}
		recs = append(recs, [2]string{sideKey(d.ID, e.Side), marshalSide(sd)})
	}
	for _, kv := range recs {
		if err := r.l.put(kv[0], kv[1]); err != nil {
			return err
		}
		r.added = append(r.added, kv[0])
	}
	r.entries[d.ID] = e
	d.Meta = e.Meta
	r.docs[d.ID] = &d
	return nil
}

// mergeDoc merges the file's copy b of an article into the stored one s:
// every annotation of either is kept; where both hold an ID, the copy edited
// last wins; an annotation of b on a span s already labels alike is left
// out. Orphans and kept lines are added, title and status come from the
// newer copy.
func mergeDoc(s, b Doc) Doc {
	newer := b.Updated > s.Updated
	out := s
	out.Annotations = append([]annot.Annotation(nil), s.Annotations...)
	type span struct {
		start, end int
		label      string
	}
	byID := map[string]int{}
	spans := map[span]bool{}
	for i, a := range out.Annotations {
		byID[a.ID] = i
		spans[span{a.Start, a.End, a.Label}] = true
	}
	for _, a := range b.Annotations {
		if i, ok := byID[a.ID]; ok {
			if newer {
				out.Annotations[i] = a
			}
			continue
		}
		if spans[span{a.Start, a.End, a.Label}] {
			continue
		}
		spans[span{a.Start, a.End, a.Label}] = true
		out.Annotations = append(out.Annotations, a)
	}
	annot.Sort(out.Annotations)
	out.Orphans = append([]annot.Orphan(nil), s.Orphans...)
	seen := map[string]bool{}
	for _, o := range out.Orphans {
		seen[o.ID] = true
	}
	for _, a := range out.Annotations {
		seen[a.ID] = true
	}
	for _, o := range b.Orphans {
		if !seen[o.ID] {
			seen[o.ID] = true
			out.Orphans = append(out.Orphans, o)
		}
	}
	out.Kept = withKept(nil, s.Kept)
	for f, lines := range b.Kept {
		if len(out.Kept[f]) == 0 {
			out.Kept = withKept(out.Kept, map[string][]string{f: lines})
		}
	}
	if newer {
		out.Title, out.Updated = b.Title, b.Updated
		if b.Status != "" {
			out.Status = b.Status
		}
		if b.Source != "" {
			out.Source = b.Source
		}
	}
	if b.Created != 0 && (out.Created == 0 || b.Created < out.Created) {
		out.Created = b.Created
	}
	return out
}

// sameDoc reports whether a merge changed nothing worth a write.
func sameDoc(a, b Doc) bool {
	norm := func(d *Doc) {
		if len(d.Annotations) == 0 {
			d.Annotations = nil
		}
		if len(d.Orphans) == 0 {
			d.Orphans = nil
		}
		d.Kept = withKept(nil, d.Kept)
		d.Meta.Annotations, d.Meta.Chars = 0, 0
	}
	norm(&a)
	norm(&b)
	return reflect.DeepEqual(a, b)
}

func sortedIDs(m map[string]*entry) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
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
