package main

import (
	"bufio"
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
)

func init() {
	sections = append(sections, section{name: "typo", folder: "ner-dev", run: evalTypo})
}

// typoKinds are the queries made of each gold name: as written (in lower
// case) and with one typo of each kind in the middle of the name.
var typoKinds = []string{"as written", "dropped", "swapped", "replaced", "doubled"}

// typoSentence is one sentence of an IOB2 file with its gold name spans
// (code points into text).
type typoSentence struct {
	doc   string
	text  string
	names []entity.Span
}

// typoArticle is a run of sentences joined into one article.
type typoArticle struct {
	text  string
	names []entity.Span
}

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
	fmt.Fprintln(w, "Gold names of five letters or more, one query each per kind; articles of about 30 sentences.")
	fmt.Fprintln(w, "A hit: one of the first k results has a mention covering a gold mention of the name.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| language | query | names | recall@1 | recall@5 |")
	fmt.Fprintln(w, "| --- | --- | ---: | ---: | ---: |")
	for _, f := range files {
		sents, err := readTypoIOB2(f)
		if err != nil {
			return err
		}
		lang, _, _ := strings.Cut(filepath.Base(f), "_")
		var n int
		hit1 := make([]int, len(typoKinds))
		hit5 := make([]int, len(typoKinds))
		var misses []string
		for _, a := range typoArticles(sents, 30) {
			ents := entity.Find(a.text, nil)
			idx := entity.NewIndex(a.text, ents)
			runes := []rune(a.text)
			// Each distinct name (folded) once, with all its gold mentions.
			byName := map[string][]entity.Span{}
			var order []string
			for _, sp := range a.names {
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
			fmt.Fprintf(w, "| %s | %s | %d | %.3f | %.3f |\n", lang, kind, n, ratio(hit1[k], n), ratio(hit5[k], n))
		}
		for _, m := range misses {
			fmt.Fprintln(os.Stderr, "miss", m)
		}
	}
	return nil
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// covers reports whether some mention contains some gold span.
func covers(mentions, gold []entity.Span) bool {
	for _, m := range mentions {
		for _, g := range gold {
			if m.Start <= g.Start && g.End <= m.End {
				return true
			}
		}
	}
	return false
}

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

// typoArticles joins consecutive documents into articles of at least size
// sentences; documents are separated by a blank line, sentences by a space.
func typoArticles(sents []typoSentence, size int) []typoArticle {
	var out []typoArticle
	var b strings.Builder
	var names []entity.Span
	cp, count := 0, 0
	flush := func() {
		if count > 0 {
			out = append(out, typoArticle{text: b.String(), names: names})
		}
		b.Reset()
		names, cp, count = nil, 0, 0
	}
	for i, s := range sents {
		if i > 0 && s.doc != sents[i-1].doc && count >= size {
			flush()
		}
		if count > 0 {
			sep := " "
			if s.doc != sents[i-1].doc {
				sep = "\n\n"
			}
			b.WriteString(sep)
			cp += len(sep)
		}
		for _, sp := range s.names {
			names = append(names, entity.Span{Start: cp + sp.Start, End: cp + sp.End})
		}
		b.WriteString(s.text)
		cp += utf8.RuneCountInString(s.text)
		count++
	}
	flush()
	return out
}

// readTypoIOB2 reads a UNER IOB2 file: "# newdoc id", "# text =" and one
// token a line (index, token, tag). Tokens are found in order in the raw
// sentence to give each name its code point span.
func readTypoIOB2(path string) ([]typoSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []typoSentence
	var cur *typoSentence
	var runes []rune
	pos := 0             // code point where the next token is looked for
	start, end := -1, -1 // the name being read
	doc := ""
	closeName := func() {
		if cur != nil && start >= 0 {
			cur.names = append(cur.names, entity.Span{Start: start, End: end})
		}
		start, end = -1, -1
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "# newdoc id ="):
			doc = strings.TrimSpace(strings.TrimPrefix(l, "# newdoc id ="))
		case strings.HasPrefix(l, "# text ="):
			closeName()
			out = append(out, typoSentence{doc: doc, text: strings.TrimSpace(strings.TrimPrefix(l, "# text ="))})
			cur = &out[len(out)-1]
			runes, pos = []rune(cur.text), 0
		case strings.HasPrefix(l, "#"):
		case strings.TrimSpace(l) == "":
			closeName()
		default:
			cols := strings.Split(l, "\t")
			if cur == nil || len(cols) < 3 {
				return nil, fmt.Errorf("%s:%d: a token line outside a sentence or without a tag", path, line)
			}
			tok, tag := []rune(cols[1]), cols[2]
			s := findRunes(runes, tok, pos)
			if s < 0 {
				return nil, fmt.Errorf("%s:%d: token %q is not in the sentence text", path, line, cols[1])
			}
			pos = s + len(tok)
			switch {
			case strings.HasPrefix(tag, "B-"):
				closeName()
				start, end = s, pos
			case strings.HasPrefix(tag, "I-") && start >= 0:
				end = pos
			default:
				closeName()
			}
		}
	}
	closeName()
	return out, sc.Err()
}

// findRunes returns the first index at or after from where tok occurs in rs, or -1.
func findRunes(rs, tok []rune, from int) int {
	for i := from; i+len(tok) <= len(rs); i++ {
		if string(rs[i:i+len(tok)]) == string(tok) {
			return i
		}
	}
	return -1
}
