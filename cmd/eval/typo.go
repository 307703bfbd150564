package main

import (
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"gloss/app/entity"
	"gloss/app/text"
)

func init() {
	sections = append(sections, section{name: "typo", folder: "ner-dev", run: evalTypo})
}

// typoKinds are the queries made of each gold name: as written (in lower
// case) and with one typo of each kind in the middle of the name.
var typoKinds = []string{"as written", "dropped", "swapped", "replaced", "doubled"}

// evalTypo queries every gold name of five letters or more, as written and
// with each kind of typo, against the search index of its article, and
// prints recall@1 and recall@5 per kind and language. A query is a hit at k
// when one of the first k results has a mention covering a gold mention of
// that name.
func evalTypo(dir string, w io.Writer) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.iob2"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no .iob2 files in %s", dir)
	}
	sort.Strings(files)
	fmt.Fprintf(w, "Gold names of five letters or more, one query each per kind, in articles of %d sentences (as the ner section)\n", nerDocSentences)
	fmt.Fprintf(w, "and of %d (a long article: more words compete).\n", typoLongDocs*nerDocSentences)
	fmt.Fprintln(w, "A hit: one of the first k results has a mention covering a gold mention of the name.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| language | sentences | query | names | recall@1 | recall@5 |")
	fmt.Fprintln(w, "| --- | ---: | --- | ---: | ---: | ---: |")
	for _, f := range files {
		docs, err := readIOB2(f)
		if err != nil {
			return err
		}
		lang, _, _ := strings.Cut(filepath.Base(f), "_")
		if err := typoRecall(w, lang, nerDocSentences, docs); err != nil {
			return err
		}
		if err := typoRecall(w, lang, typoLongDocs*nerDocSentences, joinDocs(docs, typoLongDocs)); err != nil {
			return err
		}
	}
	return nil
}

// typoLongDocs is how many documents make one long article.
const typoLongDocs = 5

// joinDocs joins every n consecutive documents into one.
func joinDocs(docs []nerDoc, n int) []nerDoc {
	var out []nerDoc
	for i := 0; i < len(docs); i += n {
		var d nerDoc
		for _, x := range docs[i:min(i+n, len(docs))] {
			if d.text != "" {
				d.text += "\n\n"
			}
			base := utf8.RuneCountInString(d.text)
			for _, g := range x.gold {
				g.start += base
				g.end += base
				d.gold = append(d.gold, g)
			}
			d.text += x.text
		}
		out = append(out, d)
	}
	return out
}

// typoRecall prints the figures of one language for one article size.
func typoRecall(w io.Writer, lang string, size int, docs []nerDoc) error {
	{
		var n int
		hit1 := make([]int, len(typoKinds))
		hit5 := make([]int, len(typoKinds))
		var misses []string
		for _, a := range docs {
			ents := entity.Find(a.text, nil)
			idx := entity.NewIndex(a.text, ents)
			runes := []rune(a.text)
			// Each distinct name (folded) once, with all its gold mentions.
			byName := map[string][]text.Span{}
			var order []string
			for _, g := range a.gold {
				// A trailing apostrophe or full stop ("Darius'", "Heinrich
				// I.") is punctuation, not something a mention must cover.
				sp := text.Span{Start: g.start, End: g.end}
				for sp.End > sp.Start && !isWord(runes[sp.End-1]) {
					sp.End--
				}
				for sp.Start < sp.End && !isWord(runes[sp.Start]) {
					sp.Start++
				}
				name := strings.ToLower(string(runes[sp.Start:sp.End]))
				if letterCount(name) < 5 {
					continue
				}
				if _, ok := byName[name]; !ok {
					order = append(order, name)
				}
				byName[name] = append(byName[name], sp)
			}
			for _, name := range order {
				n++
				for k, kind := range typoKinds {
					q := makeTypo(name, kind)
					hits := idx.Search(q, 5)
					at := -1
					for i, h := range hits {
						if covers(h.Mentions, byName[name]) {
							at = i
							break
						}
					}
					if at == 0 {
						hit1[k]++
					}
					if at >= 0 {
						hit5[k]++
					} else if os.Getenv("GLOSS_EVAL_MISSES") != "" {
						var top []string
						for _, h := range hits {
							top = append(top, h.Text)
						}
						misses = append(misses, fmt.Sprintf("%s %-10s %q → %q: %q", lang, kind, name, q, top))
					}
				}
			}
		}
		for k, kind := range typoKinds {
			fmt.Fprintf(w, "| %s | %d | %s | %d | %.3f | %.3f |\n", lang, size, kind, n, ratio(hit1[k], n), ratio(hit5[k], n))
		}
		for _, m := range misses {
			fmt.Fprintln(os.Stderr, "miss", m)
		}
	}
	return nil
}

// covers reports whether some mention contains some gold span.
func covers(mentions, gold []text.Span) bool {
	for _, m := range mentions {
		for _, g := range gold {
			if m.Start <= g.Start && g.End <= m.End {
				return true
			}
		}
	}
	return false
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// makeTypo returns name with one typo of the given kind at a letter in its
// middle (never the first or last letter), chosen by a hash of the name so
// the figures are the same on every run.
func makeTypo(name, kind string) string {
	rs := []rune(name)
	if kind == "as written" {
		return name
	}
	h := fnv.New64a()
	io.WriteString(h, kind+"\x00"+name)
	seed := h.Sum64()
	// Positions whose letter (and, for a swap, the next letter) can take
	// the typo.
	var at []int
	for i := 1; i < len(rs)-1; i++ {
		if !unicode.IsLetter(rs[i]) {
			continue
		}
		if kind == "swapped" && (i+1 >= len(rs)-1 || !unicode.IsLetter(rs[i+1]) || rs[i] == rs[i+1]) {
			continue
		}
		at = append(at, i)
	}
	if len(at) == 0 {
		return name
	}
	i := at[seed%uint64(len(at))]
	out := make([]rune, 0, len(rs)+1)
	switch kind {
	case "dropped":
		out = append(append(out, rs[:i]...), rs[i+1:]...)
	case "swapped":
		out = append(append(out, rs[:i]...), rs[i+1], rs[i])
		out = append(out, rs[i+2:]...)
	case "replaced":
		c := rune('a' + (seed/7)%25)
		if c >= rs[i] && rs[i] >= 'a' && rs[i] <= 'z' {
			c++ // skip the letter itself: 25 choices, never the same
		}
		out = append(append(append(out, rs[:i]...), c), rs[i+1:]...)
	case "doubled":
		out = append(append(out, rs[:i+1]...), rs[i:]...)
	}
	return string(out)
}
