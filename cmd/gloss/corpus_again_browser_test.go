package main

import (
	"fmt"
	"strings"
	"testing"

	"gloss/app/corpus"
)

// TestBrowserCorpusAgain imports a corpus, then a second export of it: the
// library shows each article's file, articles whose text it holds are not
// stored twice (the annotations they lack are added), and the summary says
// so; a file of the same name with another text is kept beside, with a note.
func TestBrowserCorpusAgain(t *testing.T) {
	ctx, _, _ := openApp(t)
	dropFile(t, ctx, "corpus.zip", corpusZip(t, 3))
	if sum := waitSummary(t, ctx); !strings.HasPrefix(sum, "Imported 4 articles") {
		t.Fatalf("first import: %q", sum)
	}
	src, err := evalJS[[]string](ctx, `[...document.querySelectorAll('[data-testid="library-source"]')].map(e => e.textContent + "|" + e.title).sort()`)
	// A brat pair's article is named by its .ann; the row shows the file's name, the tooltip its path.
	if err != nil || strings.Join(src, ",") != "r00.ann|From the file corpus.zip/corpus/r00.ann,r01.ann|From the file corpus.zip/corpus/r01.ann,r02.ann|From the file corpus.zip/corpus/r02.ann,zz.txt|From the file corpus.zip/corpus/zz.txt" {
		t.Errorf("file names in the library: %q %v", src, err)
	}
	if _, err := evalJS[bool](ctx, `(document.querySelector('[data-testid="import-summary-close"]').click(), true)`); err != nil {
		t.Fatal(err)
	}
	if _, err := pollJS[bool](ctx, `!document.querySelector('[data-testid="import-summary"]')`); err != nil {
		t.Fatal("the summary did not close")
	}

	pair := func(i int, txt, ann string) []corpus.File {
		return []corpus.File{{Name: fmt.Sprintf("again/r%02d.txt", i), Data: []byte(txt)}, {Name: fmt.Sprintf("again/r%02d.ann", i), Data: []byte(ann)}}
	}
	text := func(i int) string { return fmt.Sprintf("Report %02d\n\nAda Lovelace visited Zürich on day %d.", i, i) }
	const ann = "T1\tPER 11 23\tAda Lovelace\nT2\tLOC 32 38\tZürich\n"
	var files []corpus.File
	files = append(files, pair(0, text(0), ann)...)                                         // the same
	files = append(files, pair(1, text(1), ann+"T3\tMISC 0 9\tReport 01\n")...)             // the same text, one more annotation
	files = append(files, pair(9, text(9), ann)...)                                         // new
	files = append(files, pair(2, text(2)+" Revised.", ann)...)                             // same name, another text
	files[len(files)-2].Name, files[len(files)-1].Name = "corpus/r02.txt", "corpus/r02.ann" // as first imported (from another zip)
	zip, err := corpus.Zip(files)
	if err != nil {
		t.Fatal(err)
	}
	dropFile(t, ctx, "again.zip", zip)
	sum := waitSummary(t, ctx)
	want := "Imported 2 articles with 4 annotations from 4 files. 2 articles were already in the library (same text), not stored twice: 1 annotation from the files added to 1 of them, nothing new in the other 1."
	if sum != want {
		t.Errorf("summary\n%q\nwant\n%q", sum, want)
	}
	notes, _ := evalJS[string](ctx, `(document.querySelector('[data-testid="import-summary"] details')||{}).textContent||""`)
	if !strings.Contains(notes, `again.zip/corpus/r02.ann: the library already held "Report 02" from a file of this name, with another text; both are kept.`) {
		t.Errorf("notes %q", notes)
	}
	if _, err := pollJS[bool](ctx, `document.querySelector('[data-testid="library-counts"]').textContent.includes(" of 6 ")`); err != nil {
		t.Fatalf("library counts %q", message(ctx))
	}
	// Report 01 gained the annotation it lacked, once.
	if _, err := evalJS[bool](ctx, `(() => { [...document.querySelectorAll('[data-testid="library-title"]')].find(e => e.textContent === "Report 01").click(); return true })()`); err != nil {
		t.Fatal(err)
	}
	marks, err := pollJS[[]string](ctx, `(() => { const m = [...document.querySelectorAll('[data-testid="annotation"]')].map(e => e.dataset.label + ":" + e.textContent); return m.length === 3 ? m : null })()`)
	if err != nil || strings.Join(marks, ",") != "MISC:Report 01,PER:Ada Lovelace,LOC:Zürich" {
		t.Errorf("marks %q %v", marks, err)
	}
}
