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
	gtext "gloss/app/text"
	"gloss/web"
)

// nerDocSentences is how many gold sentences make one evaluated document:
// grouping and typing use the whole article, so sentences are not run one
// by one, and a PUD "document" (1–5 sentences) is shorter than an article.
const nerDocSentences = 20

// nerSpan is one mention: code points in its document, and its type.
type nerSpan struct {
	start, end int
	typ        string
	why        string // the evidence, for NER_ERRORS
}

// nerDoc is a document rebuilt from gold sentences.
type nerDoc struct {
	text string
	gold []nerSpan
}

// predicted returns the mentions Gloss finds in text, with their types and
// evidence; MISC ones only when the gold has MISC.
func predicted(text string, lex *entity.Lexicon, misc bool) []nerSpan {
	var pred []nerSpan
	for _, e := range entity.FindWith(text, entity.Options{Lexicon: lex}) {
		if e.Type == entity.TypeMISC && !misc {
			continue
		}
		for _, m := range e.Mentions {
			pred = append(pred, nerSpan{m.Start, m.End, e.Type, strings.Join(e.Evidence, "; ")})
		}
	}
	return pred
}

// iobSpans turns B-/I-/O tags, token by token, into spans: an I- tag after
// a span of its type extends it, one after anything else starts a span.
type iobSpans struct {
	spans []nerSpan
	open  int // index of the span an I- tag may extend, or -1
}

// tag adds the token at [start, end) tagged tag.
func (s *iobSpans) tag(tag string, start, end int) {
	switch {
	case strings.HasPrefix(tag, "I-") && s.open >= 0 && s.spans[s.open].typ == tag[2:]:
		s.spans[s.open].end = end
	case strings.HasPrefix(tag, "B-"), strings.HasPrefix(tag, "I-"):
		s.spans = append(s.spans, nerSpan{start: start, end: end, typ: tag[2:]})
		s.open = len(s.spans) - 1
	default:
		s.open = -1
	}
}

// shifted appends spans to dst, moved base code points on.
func shifted(dst, spans []nerSpan, base int) []nerSpan {
	for _, sp := range spans {
		sp.start += base
		sp.end += base
		dst = append(dst, sp)
	}
	return dst
}

// evalNER prints, per language file (*.iob2), exact-boundary precision and
// recall of the candidates, typed precision/recall/F1 on exact spans and
// typed F1 on overlapping spans.
func evalNER(dir string, w io.Writer) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.iob2"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no *.iob2 files in %s", dir)
	}
	sort.Strings(files)
	lex, err := entity.ParseLexicon(web.Lexicon)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Documents of %d sentences; MISC suggestions are left out (the gold has PER/ORG/LOC only).\n\n", nerDocSentences)
	fmt.Fprintln(w, "| lang | gold | found | boundary P | boundary R | name R (overlap) | typed P | typed R | typed F1 | typed F1 (overlap) | PER R | ORG R | LOC R |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
	var wrapped []string
	for _, f := range files {
		docs, err := readIOB2(f)
		if err != nil {
			return err
		}
		var s, ws nerScore
		for _, d := range docs {
			pred := predicted(d.text, lex, false)
			s.add(d.gold, pred)
			if os.Getenv("NER_ERRORS") != "" {
				printNERErrors(os.Stderr, filepath.Base(f), d, pred)
			}
			ws.add(d.gold, predicted(gtext.Wrap(d.text, wrapWidth), lex, false))
		}
		lang := strings.SplitN(filepath.Base(f), "_", 2)[0]
		wrapped = append(wrapped, fmt.Sprintf("| %s | %.3f | %.3f | %.3f |", lang,
			f1(ratio(s.typed, s.pred), ratio(s.typed, s.gold)), f1(ratio(ws.typed, ws.pred), ratio(ws.typed, ws.gold)), ratio(ws.named, ws.gold)))
		fmt.Fprintf(w, "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n",
			lang, s.gold, s.pred, ratio(s.exact, s.pred), ratio(s.exact, s.gold), ratio(s.named, s.gold),
			ratio(s.typed, s.pred), ratio(s.typed, s.gold), f1(ratio(s.typed, s.pred), ratio(s.typed, s.gold)),
			f1(ratio(s.overPred, s.pred), ratio(s.overGold, s.gold)),
			ratio(s.byType["PER"][0], s.byType["PER"][1]), ratio(s.byType["ORG"][0], s.byType["ORG"][1]), ratio(s.byType["LOC"][0], s.byType["LOC"][1]))
	}
	fmt.Fprintf(w, "\nThe same documents hard-wrapped at %d columns, as text copied from a PDF or a plain-text e-mail is (a space before the column made a line break: the same text, the same offsets):\n\n", wrapWidth)
	fmt.Fprintln(w, "| lang | typed F1 on one line | typed F1 wrapped | name R (overlap) wrapped |")
	fmt.Fprintln(w, "| --- | --- | --- | --- |")
	for _, l := range wrapped {
		fmt.Fprintln(w, l)
	}
	return nil
}

// wrapWidth is the column the wrapped documents break at: a plain-text
// e-mail's.
const wrapWidth = 72

// nerScore counts matches over documents.
type nerScore struct {
	gold, pred   int
	exact, typed int // predictions whose span (and type) equals a gold one
	// Overlap: gold mentions overlapped by a prediction of the same type,
	// and predictions overlapping a gold mention of the same type.
	overGold, overPred int
	// named: gold mentions overlapped by any prediction, whatever its type
	// and boundaries: the names a person sees suggested at all.
	named  int
	byType map[string][2]int // exact-span typed hits, gold count
}

func (s *nerScore) add(gold, pred []nerSpan) {
	if s.byType == nil {
		s.byType = map[string][2]int{}
	}
	s.gold += len(gold)
	s.pred += len(pred)
	type key struct{ a, b int }
	gs := map[key]string{}
	for _, g := range gold {
		gs[key{g.start, g.end}] = g.typ
		c := s.byType[g.typ]
		c[1]++
		s.byType[g.typ] = c
	}
	for _, p := range pred {
		if t, ok := gs[key{p.start, p.end}]; ok {
			s.exact++
			if t == p.typ {
				s.typed++
				c := s.byType[t]
				c[0]++
				s.byType[t] = c
			}
		}
		for _, g := range gold {
			if g.typ == p.typ && g.start < p.end && p.start < g.end {
				s.overPred++
				break
			}
		}
	}
	for _, g := range gold {
		named := false
		for _, p := range pred {
			if g.start < p.end && p.start < g.end {
				named = true
				if g.typ == p.typ {
					s.overGold++
					break
				}
			}
		}
		if named {
			s.named++
		}
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// readIOB2 reads a UNER file: each sentence's text from its "# text ="
// line, its tokens located in that text in order, the gold spans from the
// B-/I- tags. Sentences are joined with a space inside a source document
// and a blank line between documents, nerDocSentences to a document.
func readIOB2(path string) ([]nerDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []nerDoc
	var cur strings.Builder
	var curGold []nerSpan
	nsent := 0
	newSource := false
	var text string
	var toks [][2]string // form, tag
	flush := func() error {
		if text == "" {
			return nil
		}
		if nsent == nerDocSentences {
			docs = append(docs, nerDoc{text: cur.String(), gold: curGold})
			cur.Reset()
			curGold, nsent = nil, 0
		}
		if cur.Len() > 0 {
			if newSource {
				cur.WriteString("\n\n")
			} else {
				cur.WriteByte(' ')
			}
		}
		base := utf8.RuneCountInString(cur.String())
		spans, err := goldSpans(text, toks)
		if err != nil {
			return fmt.Errorf("%s: %q: %v", path, text, err)
		}
		curGold = shifted(curGold, spans, base)
		cur.WriteString(text)
		nsent++
		text, toks, newSource = "", nil, false
		return nil
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# newdoc"):
			newSource = true
		case strings.HasPrefix(line, "# text = "):
			text = strings.TrimPrefix(line, "# text = ")
		case strings.HasPrefix(line, "#"):
		case line == "":
			if err := flush(); err != nil {
				return nil, err
			}
		default:
			cols := strings.Split(line, "\t")
			if len(cols) >= 3 {
				toks = append(toks, [2]string{cols[1], cols[2]})
			}
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if cur.Len() > 0 {
		docs = append(docs, nerDoc{text: cur.String(), gold: curGold})
	}
	return docs, sc.Err()
}

// goldSpans finds each token in text, in order, and returns the tagged
// spans in code points of text.
func goldSpans(text string, toks [][2]string) ([]nerSpan, error) {
	tags := iobSpans{open: -1}
	pos := 0 // byte offset in text
	for _, t := range toks {
		i := strings.Index(text[pos:], t[0])
		if i < 0 {
			return nil, fmt.Errorf("token %q not found", t[0])
		}
		start := pos + i
		pos = start + len(t[0])
		tags.tag(t[1], utf8.RuneCountInString(text[:start]), utf8.RuneCountInString(text[:pos]))
	}
	return tags.spans, nil
}

// printNERErrors lists, for NER_ERRORS=1, each gold mention missed or
// mistyped and each prediction that is not a gold mention, with its type
// and evidence; NER_ERRORS=all lists the right ones too.
func printNERErrors(w io.Writer, name string, d nerDoc, pred []nerSpan) {
	r := []rune(d.text)
	type key struct{ a, b int }
	ps := map[key]string{}
	why := map[key]string{}
	for _, p := range pred {
		ps[key{p.start, p.end}] = p.typ
		why[key{p.start, p.end}] = p.why
	}
	gs := map[key]bool{}
	for _, g := range d.gold {
		gs[key{g.start, g.end}] = true
		if t, ok := ps[key{g.start, g.end}]; !ok {
			kind := "missed"
			if !overlapsAny(g, pred) {
				kind = "unnamed" // no suggestion touches it: a name-recall miss
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%q%s\n", name, kind, g.typ, string(r[g.start:g.end]), around(r, g.start, g.end))
		} else if t != g.typ {
			fmt.Fprintf(w, "%s\ttype\t%s→%s\t%q\t%s%s\n", name, g.typ, t, string(r[g.start:g.end]), why[key{g.start, g.end}], around(r, g.start, g.end))
		} else if os.Getenv("NER_ERRORS") == "all" {
			fmt.Fprintf(w, "%s\tright\t%s\t%q\t%s\n", name, t, string(r[g.start:g.end]), why[key{g.start, g.end}])
		}
	}
	for _, p := range pred {
		if !gs[key{p.start, p.end}] {
			fmt.Fprintf(w, "%s\tspurious\t%s\t%q\t%s%s\n", name, p.typ, string(r[p.start:p.end]), p.why, around(r, p.start, p.end))
		}
	}
}

// overlapsAny reports whether any prediction overlaps the gold mention g.
func overlapsAny(g nerSpan, pred []nerSpan) bool {
	for _, p := range pred {
		if p.start < g.end && g.start < p.end {
			return true
		}
	}
	return false
}

// around returns, for NER_CONTEXT=1, a tab and the text around [a, b) on
// one line, the mention in brackets, so an error can be judged in place.
func around(r []rune, a, b int) string {
	if os.Getenv("NER_CONTEXT") == "" {
		return ""
	}
	lo, hi := max(0, a-60), min(len(r), b+60)
	s := string(r[lo:a]) + "[" + string(r[a:b]) + "]" + string(r[b:hi])
	return "\t" + strings.ReplaceAll(s, "\n", " ⏎ ")
}
