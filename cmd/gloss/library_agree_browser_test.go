package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"gloss/app/agree"
	"gloss/app/annot"
	"gloss/app/corpus"
)

// TestBrowserLibraryAgreement imports a corpus, then compares the library
// with a colleague's export of it (other file names: paired by text) and
// reads the table per label and overall, κ and the confusion of labels.
func TestBrowserLibraryAgreement(t *testing.T) {
	ctx, _, _ := openApp(t)
	dropFile(t, ctx, "corpus.zip", corpusZip(t, 3))
	if sum := waitSummary(t, ctx); !strings.HasPrefix(sum, "Imported 4 articles") {
		t.Fatalf("import: %q", sum)
	}
	text := func(i int) string { return fmt.Sprintf("Report %02d\n\nAda Lovelace visited Zürich on day %d.", i, i) }
	per := annot.Annotation{ID: "T1", Start: 11, End: 23, Label: "PER", Text: "Ada Lovelace"}
	loc := annot.Annotation{ID: "T2", Start: 32, End: 38, Label: "LOC", Text: "Zürich"}
	misc := loc
	misc.Label = "MISC"
	short := annot.Annotation{ID: "T1", Start: 15, End: 23, Label: "PER", Text: "Lovelace"}
	theirs := [][]annot.Annotation{{per, loc}, {per, misc}, {short}} // the same; another label; a shorter span, one missed
	var files []corpus.File
	var docs []agree.Doc
	for i, as := range theirs {
		var ann strings.Builder
		for _, a := range as {
			fmt.Fprintf(&ann, "%s\t%s %d %d\t%s\n", a.ID, a.Label, a.Start, a.End, a.Text)
		}
		name := fmt.Sprintf("export/Report %02d", i)
		files = append(files, corpus.File{Name: name + ".txt", Data: []byte(text(i))}, corpus.File{Name: name + ".ann", Data: []byte(ann.String())})
		docs = append(docs, agree.Doc{Text: text(i), A: []annot.Annotation{per, loc}, B: as})
	}
	zip, err := corpus.Zip(files)
	if err != nil {
		t.Fatal(err)
	}
	want := agree.Compare(docs)
	path := filepath.Join(t.TempDir(), "theirs.zip")
	if err := os.WriteFile(path, zip, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="library-agree-input"]`), []string{path})); err != nil {
		t.Fatal(err)
	}
	if _, err := pollJS[bool](ctx, `!!document.querySelector('[data-testid="library-agree-table"]')`); err != nil {
		t.Fatalf("no agreement table; message %q", message(ctx))
	}
	rows, _ := evalJS[map[string][]string](ctx, `Object.fromEntries([...document.querySelectorAll('[data-testid="library-agree-table"] tbody tr')].map(tr => [tr.dataset.label, [...tr.querySelectorAll('td')].map(td => td.textContent)]))`)
	for label, w := range map[string][]string{
		"PER": {"0.67", "0.67", "0.67", "1.00", "3/3"},
		"LOC": {"1.00", "0.33", "0.50", "0.50", "3/1"},
		"all": {"0.60", "0.50", "0.55", "0.73", "6/5"},
	} {
		if strings.Join(rows[label], " ") != strings.Join(w, " ") {
			t.Errorf("%s: %q, want %q", label, rows[label], w)
		}
	}
	if _, ok := rows["MISC"]; !ok {
		t.Errorf("no MISC row: %v", rows)
	}
	kappa, _ := evalJS[string](ctx, `document.querySelector('[data-testid="library-agree-kappa"]').textContent`)
	if w := fmt.Sprintf("Cohen's κ %.2f over %d tokens", want.Kappa.Value, want.Kappa.Tokens); !strings.HasPrefix(kappa, w) {
		t.Errorf("κ %q, want %q", kappa, w)
	}
	cell, _ := evalJS[string](ctx, `(() => { const tr = document.querySelector('[data-testid="library-agree-confusion"] tr[data-label="LOC"]'); const ths = [...document.querySelectorAll('[data-testid="library-agree-confusion"] thead th')].map(th => th.textContent); return tr.children[ths.indexOf("MISC")].textContent })()`)
	if cell != "1" {
		t.Errorf("confusion LOC→MISC %q, want 1 (Zürich)", cell)
	}
	head, _ := evalJS[string](ctx, `document.querySelector('[data-testid="library-agree"] p').textContent`)
	if !strings.Contains(head, "over 3 articles") {
		t.Errorf("heading %q", head)
	}
	notes, _ := evalJS[string](ctx, `(document.querySelector('[data-testid="library-agree-notes"]')||{}).textContent||""`)
	if !strings.Contains(notes, "zz.txt has no document in theirs.zip; left out") {
		t.Errorf("notes %q", notes)
	}
	// On a phone the library opens over the page, one section under the
	// other, none wider than the column.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	if _, err := evalJS[bool](ctx, `(document.querySelector('[data-testid="library-toggle"]').click(), true)`); err != nil {
		t.Fatal(err)
	}
	fits := `(() => { const s = document.querySelector('.side.left'), g = document.querySelector('[data-testid="library-agree"]'), l = document.querySelector('[data-testid="library"]');
		if (getComputedStyle(s).display === "none") return false;
		const r = s.getBoundingClientRect(), gr = g.getBoundingClientRect(), lr = l.getBoundingClientRect();
		return s.scrollWidth <= s.clientWidth + 1 && gr.left >= r.left && gr.right <= r.right + 1 && lr.bottom <= gr.top && lr.height > 100 })()`
	if _, err := pollJS[bool](ctx, fits); err != nil {
		t.Error("on a phone, the library column is not laid out one section under the other")
	}
	if os.Getenv("GLOSS_SHOTS") != "" {
		shots(t, ctx, "library-agreement", `(() => { const side = document.querySelector('.side.left');
			if (getComputedStyle(side).display === "none") document.querySelector('[data-testid="library-toggle"]').click();
			return getComputedStyle(side).display !== "none" && (document.querySelector('[data-testid="library-agree"]').scrollIntoView(), true) })()`)
	}
}
