package store

import (
	"gloss/app/annot"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestBackupRoundTrip(t *testing.T) {
	data, err := os.ReadFile("testdata/backup.json")
	if err != nil {
		t.Fatal(err)
	}
	m := NewMemory()
	l := mustOpen(t, m)
	rep, err := l.RestoreBackup(data)
	if err != nil || rep.Added != 2 {
		t.Fatalf("restore: %+v %v", rep, err)
	}
	d, err := l.Load("emoji")
	if err != nil || len(d.Annotations) != 4 || d.Title != "Zoë in 東京 👋" || d.Updated != 1700000001000 || d.Status != StatusToDo {
		t.Fatalf("%+v %v", d, err)
	}
	if l.Labels().Index("EVENT") != 4 || l.Setting("theme") != "dark" || l.Setting("constructor") != "x" || !strings.Contains(string(l.Gazetteer()), "ACME") {
		t.Fatal("labels, settings or gazetteer not restored")
	}
	// Everything of an article survives backup, delete and restore.
	if err := l.Update("emoji", Change{Orphans: &[]annot.Orphan{{Annotation: annot.Annotation{ID: "o1", Start: 1, End: 3, Label: "PER", Text: "xy"}, Reason: "gone"}},
		Kept: map[string][]string{"brat": {"R1\tRel Arg1:T1 Arg2:T2\n"}}, Status: ptr(StatusDone), Source: ptr("zoe.html")}, 1700000002000); err != nil {
		t.Fatal(err)
	}
	want, _ := l.Load("emoji")
	out, err := l.Backup(42)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Delete("emoji"); err != nil {
		t.Fatal(err)
	}
	if rep, err := l.RestoreBackup(out); err != nil || rep.Added != 1 || rep.Skipped != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	if got, _ := l.Load("emoji"); !reflect.DeepEqual(got, want) {
		t.Fatalf("after delete and restore:\n%+v\nwant\n%+v", got, want)
	}
	m2 := NewMemory()
	l2 := mustOpen(t, m2)
	if rep, err := l2.RestoreBackup(out); err != nil || rep.Added != 2 {
		t.Fatalf("%+v %v", rep, err)
	}
	for _, meta := range l.List() {
		a, _ := l.Load(meta.ID)
		b, _ := l2.Load(meta.ID)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("round trip:\n%+v\n%+v", a, b)
		}
	}
}

func ptr[T any](v T) *T { return &v }

// Restoring the same file twice leaves the library as the first restore did.
func TestRestoreTwice(t *testing.T) {
	data, _ := os.ReadFile("testdata/backup.json")
	m := NewMemory()
	l := mustOpen(t, m)
	if _, err := l.RestoreBackup(data); err != nil {
		t.Fatal(err)
	}
	before := snapshot(m)
	rep, err := l.RestoreBackup(data)
	if err != nil || rep.Added != 0 || rep.Merged != 0 || rep.Skipped != 2 {
		t.Fatalf("%+v %v", rep, err)
	}
	if !reflect.DeepEqual(snapshot(m), before) {
		t.Fatal("a second restore changed the storage")
	}
	if got := rep.String(); got != "0 articles added, 0 merged, 2 already here unchanged (skipped)" {
		t.Fatalf("message %q", got)
	}
}

// The same article under the same ID is merged: annotations by ID, the
// newer copy's edit winning, nothing duplicated; the same text under another
// ID too.
func TestRestoreMerges(t *testing.T) {
	data, _ := os.ReadFile("testdata/backup.json")
	l := mustOpen(t, NewMemory())
	l.RestoreBackup(data)
	d, _ := l.Load("emoji")
	as := d.Annotations
	as[0].Label = "ORG" // a1 relabelled here, later than the file
	as = append(as[:1], as[2:]...)
	as = append(as, annot.Annotation{ID: "mine", Start: 0, End: 1, Label: "MISC", Text: "👋"})
	if err := l.SaveAnnotations("emoji", as, 1800000000000); err != nil {
		t.Fatal(err)
	}
	rep, err := l.RestoreBackup(data)
	if err != nil || rep.Merged != 1 || rep.Skipped != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	got, _ := l.Load("emoji")
	ids := map[string]string{}
	for _, a := range got.Annotations {
		ids[a.ID] = a.Label
	}
	if len(got.Annotations) != 5 || ids["a1"] != "ORG" || ids["a2"] != "LOC" || ids["mine"] != "MISC" {
		t.Fatalf("%+v", got.Annotations)
	}
	// The same text under another ID merges into the article holding it.
	other := strings.ReplaceAll(string(data), `"id": "emoji"`, `"id": "copy"`)
	if rep, err := l.RestoreBackup([]byte(other)); err != nil || rep.Added != 0 || len(l.List()) != 2 {
		t.Fatalf("%+v %v %d", rep, err, len(l.List()))
	}
}

// A different article under an ID the library uses is added under a new ID
// and keeps its orphans and kept lines; the stored one is untouched.
func TestRestoreClash(t *testing.T) {
	l := mustOpen(t, NewMemory())
	mine := sampleDoc()
	mine.ID = "emoji"
	mine.Orphans = []annot.Orphan{{Annotation: annot.Annotation{ID: "m1", Start: 0, End: 1, Label: "PER", Text: "Z"}}}
	if _, err := l.Create(mine); err != nil {
		t.Fatal(err)
	}
	stored, _ := l.Load("emoji")
	data, _ := os.ReadFile("testdata/backup.json")
	// A v1 backup: orphans and brat lines were settings named after the ID.
	v1 := strings.Replace(string(data), `"settings": [`, `"settings": [
  {"name": "orphans/emoji", "value": "[{\"id\":\"o9\",\"start\":0,\"end\":2,\"label\":\"LOC\",\"text\":\"Mo\",\"Reason\":\"gone\"}]"},
  {"name": "brat/emoji", "value": "{\"Lines\":[\"R1\\tRel Arg1:T1 Arg2:T2\\n\"]}"},`, 1)
	if v1 == string(data) {
		t.Fatal("fixture has no settings list")
	}
	rep, err := l.RestoreBackup([]byte(v1))
	if err != nil || rep.Added != 2 || len(rep.Renamed) != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	if got, _ := l.Load("emoji"); !reflect.DeepEqual(got, stored) {
		t.Fatalf("the stored article changed: %+v", got)
	}
	copy, err := l.Load(rep.Renamed["emoji"])
	if err != nil || len(copy.Annotations) != 4 || len(copy.Orphans) != 1 || copy.Orphans[0].ID != "o9" || len(copy.Kept["brat"]) != 1 {
		t.Fatalf("%+v %v", copy, err)
	}
	if l.Setting("orphans/emoji") != "" || l.Setting("brat/emoji") != "" {
		t.Fatal("v1 article settings restored as settings")
	}
	if !strings.Contains(rep.String(), "1 under a new ID") {
		t.Fatal(rep.String())
	}
}

func TestRestoreBackupRefuses(t *testing.T) {
	good, err := os.ReadFile("testdata/backup.json")
	if err != nil {
		t.Fatal(err)
	}
	edit := func(from, to string) string {
		if !strings.Contains(string(good), from) {
			t.Fatalf("fixture lacks %q", from)
		}
		return strings.Replace(string(good), from, to, 1)
	}
	cases := map[string]struct{ data, want string }{
		"reversed":      {edit(`"start": 23, "end": 25`, `"start": 40, "end": 38`), `backup: article 1 "Zoë in 東京 👋": annotation a2 offsets 40-38 reversed; nothing restored`},
		"outside":       {edit(`"start": 37, "end": 41`, `"start": 37, "end": 90`), "annotation a4: span 37-90 is outside the article"},
		"text mismatch": {edit(`"text": "ACME"`, `"text": "ACNE"`), `annotation a3: text "ACNE" does not match the article's "ACME"`},
		"no id":         {edit(`"id": "a1", `, ``), "has no id"},
		"dup ids":       {edit(`"id": "plain"`, `"id": "emoji"`), `article 2 "Plain": id "emoji" is used twice`},
		"bad id":        {edit(`"id": "plain"`, `"id": "a/b"`), "article 2"},
		"proto":         {edit(`"gazetteer": {`, `"gazetteer": {"__proto__": 1, `), `key "__proto__"`},
		"constructor":   {edit(`"note": "Tokyo"`, `"constructor": "Tokyo"`), `key "constructor"`},
		"label":         {edit(`"#123456"`, `"blue"`), "colour"},
		"not backup":    {`{"articles":[]}`, "not a Gloss backup"},
		"newer":         {edit(`"version": 1`, `"version": 3`), "newer Gloss"},
		"wrong shape":   {edit(`"annotations": []`, `"annotations": "none"`), "not a Gloss backup"},
		"truncated":     {string(good[:len(good)/2]), "backup: the file is not valid JSON"},
		"deep":          {`{"format":"gloss-backup","version":1,"x":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`, "the file nests deeper than 64 levels"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			m := NewMemory()
			l := mustOpen(t, m)
			l.Create(sampleDoc())
			before := snapshot(m)
			n, err := l.RestoreBackup([]byte(c.data))
			if err == nil || n.Added+n.Merged != 0 || !strings.Contains(err.Error(), c.want) || !strings.HasSuffix(err.Error(), "nothing restored") {
				t.Fatalf("got %+v, %v\nwant error containing %q", n, err, c.want)
			}
			if !reflect.DeepEqual(snapshot(m), before) {
				t.Fatal("a refused backup changed the storage")
			}
		})
	}
}

func TestRestoreBackupQuota(t *testing.T) {
	good, _ := os.ReadFile("testdata/backup.json")
	m := NewMemory()
	l := mustOpen(t, m)
	l.Create(sampleDoc())
	before := snapshot(m)
	m.Quota = m.Used() + 300
	if _, err := l.RestoreBackup(good); err == nil || !strings.Contains(err.Error(), "storage is full") {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(snapshot(m), before) {
		t.Fatal("a failed restore left records")
	}
}

func TestBackupOfDamagedLibrary(t *testing.T) {
	m, _, victim := twoDocs(t)
	m.Set(annKey(victim.ID, 1), encode("[oops"))
	l, _, _ := Open(m)
	data, err := l.Backup(1)
	if err == nil || !strings.Contains(err.Error(), "Sample") {
		t.Fatalf("err = %v", err)
	}
	l2 := mustOpen(t, NewMemory())
	if n, err := l2.RestoreBackup(data); n.Added != 2 || err != nil {
		t.Fatalf("%+v %v", n, err)
	}
	if d, _ := l2.Load(victim.ID); d.Text != sampleDoc().Text || len(d.Annotations) != 0 {
		t.Fatalf("%+v", d)
	}
	if _, err := l2.RestoreBackup(data); err != nil || len(l2.List()) != 2 {
		t.Fatal(err)
	}
}
