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

	"gloss/app/entity"
	"gloss/web"
)

// conllEnv names the folder holding CoNLL-2002 files (esp.testa, ned.testb…:
// one "token [POS] tag" line a token, IOB2 tags, a blank line between
// sentences). The data may only be used for research, so it is never part of
// the project: the section runs when this variable (or -conll) names it.
const conllEnv = "GLOSS_CONLL2002"

// evalCoNLL prints, per CoNLL file, exact-boundary precision and recall over
// all four types and typed precision/recall/F1 (PER/ORG/LOC/MISC, exact
// spans, as the shared task scores it).
func evalCoNLL(dir string, w io.Writer) error {
	return scoreCoNLL(dir, []string{"esp", "ned"}, false, w)
}

// scoreCoNLL scores the *.testa and *.testb files in dir whose names start
// with one of prefixes; english glues clitics ('s, n't) to the word before.
func scoreCoNLL(dir string, prefixes []string, english bool, w io.Writer) error {
	var files []string
	for _, pre := range prefixes {
		for _, pat := range []string{pre + "*.testa", pre + "*.testb"} {
			m, _ := filepath.Glob(filepath.Join(dir, pat))
			files = append(files, m...)
		}
	}
	if len(files) == 0 {
		return fmt.Errorf("no %s….testa or .testb files in %s", strings.Join(prefixes, "/"), dir)
	}
	sort.Strings(files)
	lex, err := entity.ParseLexicon(web.Lexicon)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "Articles rebuilt from tokens; MISC is scored.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| file | gold | found | boundary P | boundary R | name R (overlap) | typed P | typed R | typed F1 | typed F1 (overlap) | PER R | ORG R | LOC R | MISC R |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
	for _, f := range files {
		docs, err := readCoNLL(f, english)
		if err != nil {
			return err
		}
		var s nerScore
		for _, d := range docs {
			pred := predicted(d.text, lex, true)
			s.add(d.gold, pred)
			if os.Getenv("NER_ERRORS") != "" {
				printNERErrors(os.Stderr, filepath.Base(f), d, pred)
			}
		}
		r := func(t string) float64 { return ratio(s.byType[t][0], s.byType[t][1]) }
		fmt.Fprintf(w, "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n",
			filepath.Base(f), s.gold, s.pred, ratio(s.exact, s.pred), ratio(s.exact, s.gold), ratio(s.named, s.gold),
			ratio(s.typed, s.pred), ratio(s.typed, s.gold), f1(ratio(s.typed, s.pred), ratio(s.typed, s.gold)),
			f1(ratio(s.overPred, s.pred), ratio(s.overGold, s.gold)), r("PER"), r("ORG"), r("LOC"), r("MISC"))
	}
	return nil
}

// readCoNLL rebuilds articles from a CoNLL-2002 file. Dutch articles start
// at -DOCSTART-; Spanish ones (EFE wires) at a dateline, the sentence before
// a lone "-"; English ones (CoNLL-2003, Reuters) at -DOCSTART- too. A
// sentence with no final punctuation (a headline, a credit) is a line of its
// own; the others run on in one paragraph.
func readCoNLL(path string, english bool) ([]nerDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var sents [][][2]string // tokens: form, tag
	var cur [][2]string
	starts := map[int]bool{} // sentence indexes that begin an article
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		cols := strings.Fields(sc.Text())
		switch {
		case len(cols) == 0:
			if len(cur) > 0 {
				sents = append(sents, cur)
				cur = nil
			}
		case cols[0] == "-DOCSTART-":
			starts[len(sents)] = true
		default:
			cur = append(cur, [2]string{cols[0], cols[len(cols)-1]})
		}
	}
	if len(cur) > 0 {
		sents = append(sents, cur)
	}
	for i, s := range sents {
		if len(s) == 1 && s[0][0] == "-" && i > 0 {
			starts[i-1] = true
		}
	}
	var docs []nerDoc
	var b strings.Builder
	var gold []nerSpan
	for i, s := range sents {
		if starts[i] && b.Len() > 0 {
			docs = append(docs, nerDoc{text: b.String(), gold: gold})
			b.Reset()
			gold = nil
		}
		last := s[len(s)-1][0]
		headline := !strings.ContainsAny(last, ".?!:;\"»") && !(len(s) == 1 && last == "-")
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
			if headline {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		text, spans := detokenize(s, english)
		base := utf8.RuneCountInString(b.String())
		gold = shifted(gold, spans, base)
		b.WriteString(text)
		if headline {
			b.WriteString("\n")
		}
	}
	if b.Len() > 0 {
		docs = append(docs, nerDoc{text: b.String(), gold: gold})
	}
	return docs, sc.Err()
}

// detokenize writes a sentence's tokens as text (no space before closing
// punctuation or after opening, straight quotes alternately opening and
// closing; with english, clitics such as 's and n't glued to the word
// before) and returns the gold spans in code points of that text.
func detokenize(toks [][2]string, english bool) (string, []nerSpan) {
	var b strings.Builder
	tags := iobSpans{open: -1}
	glue := true // no space before the next token
	quoteOpen := false
	n := 0 // code points written
	for _, t := range toks {
		form := t[0]
		noSpaceBefore := strings.Contains(",.;:)]?!%", form) || (form == `"` && quoteOpen) ||
			(english && englishClitic(form))
		if !glue && !noSpaceBefore {
			b.WriteByte(' ')
			n++
		}
		start := n
		b.WriteString(form)
		n += utf8.RuneCountInString(form)
		glue = form == "(" || form == "[" || form == "¿" || form == "¡" || (form == `"` && !quoteOpen)
		if form == `"` {
			quoteOpen = !quoteOpen
		}
		tags.tag(t[1], start, n)
	}
	return b.String(), tags.spans
}

// englishClitic reports whether an English token is a clitic written against
// the word before it: 's, 're, 'll, n't…
func englishClitic(form string) bool {
	l := strings.ToLower(form)
	return l == "n't" || (len(l) >= 2 && len(l) <= 3 && l[0] == '\'' && l[1] >= 'a' && l[1] <= 'z')
}
