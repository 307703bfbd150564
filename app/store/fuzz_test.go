package store

import (
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// FuzzOpen plants a value under one of the library's keys (after
// "gloss/"): Open must not panic, must not change the storage, and every
// article must still Load or fail with an error.
func FuzzOpen(f *testing.F) {
	bucket := "v3/list/" + strconv.FormatInt(int64(bucketOf("victim")), 16)
	f.Add(bucket, encode(`{"docs":[{"id":"x","text":1,"ann":1}]}`))
	f.Add(bucket, encode(`{"docs":[{"id":"victim","text":1,"ann":-1,"chars":-5}]}`))
	f.Add(bucket, `{"value":1,"expiresAt":"2000-01-01T00:00:00Z"}`)
	f.Add("v3/head", encode(`{"revs":[1]}`))
	f.Add("v3/head", encode(`{"revs":null}`))
	f.Add("v3/list/0", encode(`{"docs":[{"id":"victim","text":1}]}`))
	f.Add("v2/doc/victim/ann.1", encode(`[{"id":"a","start":-1,"end":99999999999,"label":"x"}]`))
	f.Add("v2/doc/victim/ann.1", encode(`[1,"2",null,{}]`))
	f.Add("v2/doc/victim/text.1", "G2\n")
	f.Add("v2/doc/victim/text.7", encode("newer orphan"))
	f.Add("v2/doc/other/ann.3", encode(`[]`))
	f.Add("v2/labels", encode(`[{"name":"PER","color":"#000000"},{"name":"PER","color":"#000000"}]`))
	f.Add("v2/settings", encode(`{"a":1}`))
	f.Add("v2/gazetteer", encode(`[[[[[[`))
	f.Add("v3/schema", encode(`{"version":99}`))
	f.Add("v3/schema", encode(`{"version":-1}`))
	f.Add("v2/schema", encode(`{"version":2}`))
	f.Fuzz(func(t *testing.T, key, value string) {
		m, _, _ := twoDocs(t)
		m.Set("gloss/"+key, value)
		before := snapshot(m)
		l, _, err := Open(m)
		if err != nil {
			t.Fatal(err)
		}
		// A v2 index beside v3 is an interrupted upgrade, which Open
		// finishes; v1 records are upgraded.
		upgrade := "gloss/"+key == v2IndexKey || strings.HasPrefix("gloss/"+key, v1Prefix)
		if !l.ReadOnly() && !upgrade && !reflect.DeepEqual(snapshot(m), before) {
			t.Fatal("Open changed the storage")
		}
		for _, meta := range l.List() {
			d, err := l.Load(meta.ID)
			if err != nil {
				continue
			}
			for _, a := range d.Annotations {
				if a.Valid(d.Chars) != nil {
					t.Fatalf("Load returned an invalid annotation %+v", a)
				}
			}
		}
		l.Labels()
		l.Reload()
		l.Backup(1)
	})
}

// FuzzRestoreBackup: a refused backup changes nothing; an accepted one
// loads back valid articles.
func FuzzRestoreBackup(f *testing.F) {
	good, err := os.ReadFile("testdata/backup.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(good))
	f.Add(`{"format":"gloss-backup","version":1,"articles":[{"text":"ab","annotations":[{"id":"x","start":0,"end":1,"label":"L","text":"a"}]}]}`)
	f.Add(`{"format":"gloss-backup","version":1,"articles":[{"id":"d","text":"👋x","annotations":[{"id":"x","start":1,"end":2,"label":"L","text":"x"}]}],"gazetteer":null}`)
	f.Add(`{"format":"gloss-backup","version":1,"settings":{"__proto__":"x"}}`)
	f.Add(`[` + strings.Repeat(`{"a":`, 70))
	f.Fuzz(func(t *testing.T, data string) {
		m := NewMemory()
		l := mustOpen(t, m)
		l.Create(sampleDoc())
		before := snapshot(m)
		n, err := l.RestoreBackup([]byte(data))
		if err != nil {
			if n.Added+n.Merged != 0 || !reflect.DeepEqual(snapshot(m), before) {
				t.Fatalf("refused (%v) but changed the storage", err)
			}
			return
		}
		for _, meta := range mustOpen(t, m).List() {
			d, err := l.Load(meta.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range d.Annotations {
				if a.Valid(d.Chars) != nil || string([]rune(d.Text)[a.Start:a.End]) != a.Text {
					t.Fatalf("restored a bad annotation %+v", a)
				}
			}
		}
	})
}
