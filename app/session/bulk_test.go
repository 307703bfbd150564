package session

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"gloss/app/annot"
	"gloss/app/corpus"
	"gloss/app/format"
	"gloss/app/store"
)

// corpusOf makes a corpus read: files, each with n articles of one
// annotation.
func corpusOf(files map[string]int, order ...string) *corpus.Result {
	r := &corpus.Result{}
	for _, f := range order {
		for i := range files[f] {
			text := strings.Repeat("Ada Lovelace met Charles Babbage. ", 3) + f + " " + strconv.Itoa(i)
			r.Articles = append(r.Articles, corpus.Article{Source: f, File: f, Index: i, Format: "jsonl",
				Doc: format.Doc{Title: f, Text: text, Annotations: []annot.Annotation{{ID: "a", Start: 0, End: 12, Label: "PER", Text: "Ada Lovelace"}}}})
		}
		r.Files = append(r.Files, corpus.FileReport{Name: f, Articles: files[f], Annotations: files[f], Notes: []string{"offsets were in bytes"}})
	}
	r.Files = append(r.Files, corpus.FileReport{Name: "bad.conll", Refused: "line 3: no tag"})
	return r
}

// roomFor measures the storage n articles of file take in a new library.
func roomFor(t *testing.T, file string, n int) int {
	s, m := newSession(t)
	used := m.Used()
	b := s.NewBulk(corpusOf(map[string]int{file: n}, file))
	for s.StoreBulk(b, 100) {
	}
	return m.Used() - used
}

func TestBulk(t *testing.T) {
	files := map[string]int{"a.jsonl": 3, "b.jsonl": 2, "c.jsonl": 4}
	order := []string{"a.jsonl", "b.jsonl", "c.jsonl"}
	cases := []struct {
		name    string
		quota   func(m *store.Memory) int // storage room, 0 for no limit
		batch   int
		steps   int    // StoreBulk calls
		added   int    // articles stored
		summary string // what the message says
		refused []string
	}{
		{"all, a file a step", nil, 1, 3, 9,
			"Imported 9 articles with 9 annotations from 3 files. 1 file refused, listed below.", []string{"bad.conll"}},
		{"all at once", nil, 100, 1, 9, "Imported 9 articles", []string{"bad.conll"}},
		{"storage full inside the second file: it is left out whole", func(m *store.Memory) int { return m.Used() + roomFor(t, "a.jsonl", 3) + roomFor(t, "b.jsonl", 1) }, 1, 2, 3,
			"Imported 3 articles with 3 annotations from 3 files. The browser's storage is full: 6 articles were not imported.", []string{"bad.conll", "b.jsonl"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, m := newSession(t)
			before := len(s.Lib.List())
			if c.quota != nil {
				m.Quota = c.quota(m)
			}
			b := s.NewBulk(corpusOf(files, order...))
			steps := 0
			for more := true; more; steps++ {
				more = s.StoreBulk(b, c.batch)
			}
			if steps != c.steps || b.Added != c.added || len(s.Lib.List())-before != c.added {
				t.Fatalf("%d steps, %d added, %d in the library", steps, b.Added, len(s.Lib.List())-before)
			}
			if !strings.HasPrefix(b.Summary(), c.summary) {
				t.Errorf("summary %q", b.Summary())
			}
			var refused []string
			for _, f := range b.Refused {
				refused = append(refused, f.Name)
			}
			if strings.Join(refused, " ") != strings.Join(c.refused, " ") {
				t.Errorf("refused %v", refused)
			}
			if c.quota != nil && !errors.Is(b.Full, store.ErrQuota) {
				t.Errorf("full: %v", b.Full)
			}
			if n := len(b.Notes()); n != 3 || b.Notes()[0] != "a.jsonl: offsets were in bytes" {
				t.Errorf("notes %q", b.Notes())
			}
			// What was stored is whole: its text, annotation and kind.
			first, err := s.Lib.Load(b.FirstID)
			if err != nil || first.Title != "a.jsonl" || len(first.Annotations) != 1 || first.Kind != "text" {
				t.Errorf("first stored: %+v %v", first.Meta, err)
			}
		})
	}
}

// A corpus imported again stores no copy: articles whose text the library
// holds get the annotations they lack, and the summary says so; a file of
// the same name with another text is kept beside, with a note.
func TestBulkAgain(t *testing.T) {
	s, _ := newSession(t)
	files := map[string]int{"a.jsonl": 2, "b.jsonl": 1}
	b := s.NewBulk(corpusOf(files, "a.jsonl", "b.jsonl"))
	for s.StoreBulk(b, 100) {
	}
	if b.Added != 3 {
		t.Fatalf("first import: %s", b.Summary())
	}
	again := corpusOf(files, "a.jsonl", "b.jsonl")
	again.Articles[1].Doc.Annotations = append(again.Articles[1].Doc.Annotations, annot.Annotation{ID: "a", Start: 17, End: 32, Label: "PER", Text: "Charles Babbage"})
	again.Articles[2].Source = "export.zip/b.jsonl" // another zip, the same file, another text
	again.Articles[2].Doc.Text += " Revised."
	b = s.NewBulk(again)
	for s.StoreBulk(b, 100) {
	}
	want := "Imported 1 article with 1 annotation from 2 files. 2 articles were already in the library (same text), not stored twice: 1 annotation from the files added to 1 of them, nothing new in the other 1. 1 file refused, listed below."
	if b.Summary() != want || b.Added != 1 || b.Same != 1 || b.Merged != 1 {
		t.Errorf("summary %q\nwant    %q", b.Summary(), want)
	}
	if notes := strings.Join(b.Notes(), "|"); !strings.Contains(notes, `export.zip/b.jsonl: the library already held "b.jsonl" from a file of this name, with another text; both are kept.`) {
		t.Errorf("notes %q", notes)
	}
	if n := len(s.Lib.List()); n != 1+4 { // newSession's article, and a0, a1, b, b revised
		t.Errorf("%d articles", n)
	}
	for _, m := range s.Lib.List() {
		if d, _ := s.Lib.Load(m.ID); strings.HasSuffix(d.Text, "a.jsonl 1") && len(d.Annotations) != 2 {
			t.Errorf("merged article: %+v", d.Annotations)
		}
	}
}
