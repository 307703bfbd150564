package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"gloss/app/text"
)

// evalSentences prints how well text.Sentences finds the gold sentence
// boundaries: each PUD document's sentences (`# text =`) are joined by one
// space, as in an article's paragraph, and every sentence start the splitter
// finds after the first is compared with the gold ones.
func evalSentences(dir string, w io.Writer) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.iob2"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no *.iob2 files in %s", dir)
	}
	sort.Strings(files)
	fmt.Fprintln(w, "Sentence starts inside documents (the sentences of a `# newdoc` joined by a space).")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| lang | documents | gold starts | found | P | R | F1 |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- | --- |")
	for _, f := range files {
		docs, err := readDocSentences(f)
		if err != nil {
			return err
		}
		gold, found, hit := 0, 0, 0
		for _, sents := range docs {
			want := map[int]bool{}
			cp := 0
			for i, s := range sents {
				if i > 0 {
					want[cp] = true
				}
				cp += utf8.RuneCountInString(s) + 1
			}
			gold += len(want)
			for i, sp := range text.Sentences(strings.Join(sents, " ")) {
				if i == 0 {
					continue
				}
				found++
				if want[sp.Start] {
					hit++
				}
			}
		}
		p, r := ratio(hit, found), ratio(hit, gold)
		lang, _, _ := strings.Cut(filepath.Base(f), "_")
		fmt.Fprintf(w, "| %s | %d | %d | %d | %.3f | %.3f | %.3f |\n", lang, len(docs), gold, found, p, r, f1(p, r))
	}
	return nil
}

// readDocSentences returns the `# text =` lines of each `# newdoc`.
func readDocSentences(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# newdoc"):
			docs = append(docs, nil)
		case strings.HasPrefix(line, "# text = ") && len(docs) > 0:
			docs[len(docs)-1] = append(docs[len(docs)-1], strings.TrimPrefix(line, "# text = "))
		}
	}
	return docs, sc.Err()
}
