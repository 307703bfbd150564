package store

import (
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
	n, err := l.RestoreBackup(data, "")
	if err != nil || n != 2 {
		t.Fatalf("restore: %d %v", n, err)
	}
	d, err := l.Load("emoji")
	if err != nil || len(d.Annotations) != 4 || d.Title != "Zoë in 東京 👋" || d.Updated != 1700000001000 {
		t.Fatalf("%+v %v", d, err)
	}
	if l.Labels().Index("EVENT") != 4 || l.Setting("theme") != "dark" || l.Setting("constructor") != "x" || !strings.Contains(string(l.Gazetteer()), "ACME") {
		t.Fatal("labels, settings or gazetteer not restored")
	}

	out, err := l.Backup(42)
	if err != nil {
		t.Fatal(err)
	}
	m2 := NewMemory()
	l2 := mustOpen(t, m2)
	if n, err := l2.RestoreBackup(out, RestoreReplace); err != nil || n != 2 {
		t.Fatalf("%d %v", n, err)
	}
	for _, meta := range l.List() {
		a, _ := l.Load(meta.ID)
		b, _ := l2.Load(meta.ID)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("round trip:\n%+v\n%+v", a, b)
		}
	}

	// keep: the present article stays, the backup's copy is added.
	l.Rename("emoji", "Mine", 5)
	if n, err := l.RestoreBackup(out, RestoreKeep); err != nil || n != 2 || len(l.List()) != 4 {
		t.Fatalf("keep: %d %v %d", n, err, len(l.List()))
	}
	if mm, _ := l.Meta("emoji"); mm.Title != "Mine" {
		t.Fatal("keep replaced an article")
	}
	// replace: the present article is replaced, old records deleted.
	if _, err := l.RestoreBackup(out, RestoreReplace); err != nil || len(l.List()) != 4 {
		t.Fatal(err)
	}
	if mm, _ := l.Meta("emoji"); mm.Title != "Zoë in 東京 👋" {
		t.Fatal("replace kept the article")
	}
	for k := range snapshot(m) {
		if strings.HasPrefix(k, docPrefix("emoji")) && k != textKey("emoji", 2) && k != annKey("emoji", 2) {
			t.Fatalf("stale record %s", k)
		}
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
	cases := map[string]struct{ data, mode, want string }{
		"reversed":      {edit(`"start": 23, "end": 25`, `"start": 40, "end": 38`), "", `backup: article 1 "Zoë in 東京 👋": annotation a2 offsets 40-38 reversed; nothing restored`},
		"outside":       {edit(`"start": 37, "end": 41`, `"start": 37, "end": 90`), "", "annotation a4: span 37-90 is outside the article"},
		"text mismatch": {edit(`"text": "ACME"`, `"text": "ACNE"`), "", `annotation a3: text "ACNE" does not match the article's "ACME"`},
		"no id":         {edit(`"id": "a1", `, ``), "", "has no id"},
		"dup ids":       {edit(`"id": "plain"`, `"id": "emoji"`), "", `article 2 "Plain": id "emoji" is used twice`},
		"bad id":        {edit(`"id": "plain"`, `"id": "a/b"`), "", "article 2"},
		"proto":         {edit(`"gazetteer": {`, `"gazetteer": {"__proto__": 1, `), "", `key "__proto__"`},
		"constructor":   {edit(`"note": "Tokyo"`, `"constructor": "Tokyo"`), "", `key "constructor"`},
		"label":         {edit(`"#123456"`, `"blue"`), "", "colour"},
		"not backup":    {`{"articles":[]}`, "", "not a Gloss backup"},
		"newer":         {edit(`"version": 1`, `"version": 2`), "", "newer Gloss"},
		"wrong shape":   {edit(`"annotations": []`, `"annotations": "none"`), "", "not a Gloss backup"},
		"truncated":     {string(good[:len(good)/2]), "", "backup: json: invalid"},
		"mode":          {string(good), "merge", "unknown mode"},
		"deep":          {`{"format":"gloss-backup","version":1,"x":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`, "", "nested deeper than 64"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			m := NewMemory()
			l := mustOpen(t, m)
			l.Create(sampleDoc())
			before := snapshot(m)
			n, err := l.RestoreBackup([]byte(c.data), c.mode)
			if err == nil || n != 0 || !strings.Contains(err.Error(), c.want) || !strings.HasSuffix(err.Error(), "nothing restored") {
				t.Fatalf("got %d, %v\nwant error containing %q", n, err, c.want)
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
	if _, err := l.RestoreBackup(good, ""); err == nil || !strings.Contains(err.Error(), "storage is full") {
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
	if n, err := l2.RestoreBackup(data, ""); n != 2 || err != nil {
		t.Fatalf("%d %v", n, err)
	}
	if d, _ := l2.Load(victim.ID); d.Text != sampleDoc().Text || len(d.Annotations) != 0 {
		t.Fatalf("%+v", d)
	}
	if _, err := l2.RestoreBackup(data, ""); err != nil || len(l2.List()) != 4 {
		t.Fatal(err)
	}
}
