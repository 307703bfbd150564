package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gloss/app/entity"
	gtext "gloss/app/text"
)

// searchArticle has CRLF line ends, which the browser turns into LF: the
// offsets printed must be the browser's.
const searchArticle = "Talks in Moscow\r\n\r\nFrench President Francois Hollande met Vladimir Putin in Moscow.\r\n" +
	"Hollande and Putin agreed; Russian Defense Minister Sergey Shoigu and the Bank of Scotland did not.\r\n"

func TestSearchCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "article.txt")
	if err := os.WriteFile(path, []byte(searchArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	art, _, err := gtext.Load("article.txt", []byte(searchArticle))
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(art.Text)
	var out, errb bytes.Buffer
	queries := []string{"hollnade", "ptuin", "shoiigu", "bank fo scotland", "moskow"}
	if err := runSearch(append([]string{"-n", "3", path}, queries...), &out, &errb); err != nil {
		t.Fatal(err, errb.String())
	}
	first := map[string]searchLine{}
	count := map[string]int{}
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		var l searchLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("not a JSON line: %q: %v", sc.Text(), err)
		}
		if _, ok := first[l.Query]; !ok {
			first[l.Query] = l
		}
		count[l.Query]++
		if len(l.Mentions) == 0 {
			t.Errorf("%q: hit %q has no mentions", l.Query, l.Text)
		}
		for _, m := range l.Mentions {
			if m[0] < 0 || m[1] > len(runes) || m[0] >= m[1] {
				t.Fatalf("%q: mention %v outside the text", l.Query, m)
			}
			// An entity's mentions are of all its variants ("Francois
			// Hollande" for Hollande).
			got, want := entity.Fold(string(runes[m[0]:m[1]])), entity.Fold(l.Text)
			if !strings.Contains(got, want) && !strings.Contains(want, got) {
				t.Errorf("%q: mention %v is %q in the loaded text, not %q", l.Query, m, got, l.Text)
			}
		}
	}
	for q, want := range map[string]string{"hollnade": "Hollande", "ptuin": "Putin", "shoiigu": "Shoigu",
		"bank fo scotland": "Bank of Scotland", "moskow": "Moscow"} {
		if l, ok := first[q]; !ok || !strings.Contains(l.Text, want) {
			t.Errorf("%q: first hit %+v, want %q", q, l, want)
		}
		if count[q] > 3 {
			t.Errorf("%q: %d hits for -n 3", q, count[q])
		}
	}
	// The same hits as the index the browser builds, best first.
	x := entity.NewIndex(art.Text, entity.Find(art.Text, nil))
	if h := x.Search("ptuin", 3); len(h) == 0 || h[0].Text != first["ptuin"].Text || h[0].Score != first["ptuin"].Score {
		t.Errorf("index says %v, command %+v", h, first["ptuin"])
	}
	// Standard input, and errors.
	searchStdin = strings.NewReader(searchArticle)
	out.Reset()
	if err := runSearch([]string{"-", "putin"}, &out, &errb); err != nil || !strings.Contains(out.String(), `"text":"Putin"`) {
		t.Errorf("stdin: %q (%v)", out.String(), err)
	}
	for _, args := range [][]string{{path}, {"-n", "0", path, "x"}, {filepath.Join(dir, "missing.txt"), "x"}, {path, " "}} {
		if err := runSearch(args, &out, &errb); err == nil {
			t.Errorf("gloss search %q: no error", args)
		}
	}
}
