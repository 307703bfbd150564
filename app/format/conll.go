package format

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"gloss/app/annot"
	gtext "gloss/app/text"
)

// conllFormat is "token<TAB>tag" one a line, a blank line between
// sentences, tags in IOB2 (B-, I-, O) or BILOU (B-, I-, L-, U-, O). Both
// read either scheme (and IOB1, BIOES); they differ in what they write.
type conllFormat struct{ bilou bool }

func (f conllFormat) Name() string {
	if f.bilou {
		return "bilou"
	}
	return "conll"
}

func (conllFormat) Ext() string { return ".conll" }

// token is a token of the article, in code points.
type token struct {
	start, end int
	sentence   int
}

// tokenize splits text into words (letter, digit and mark runs with inner
// hyphens and apostrophes) and single punctuation marks, each in the
// sentence text.Sentences puts it in. Those end at every line break and
// read characters, not spacing, so text rebuilt from a CoNLL file (one
// sentence a line) gives back the same file.
func tokenize(text string) []token {
	var out []token
	rs := []rune(text)
	sents := gtext.Sentences(text)
	sent := 0
	isWord := gtext.IsWordRune
	glue := func(r rune) bool { return unicode.IsMark(r) || r == '\u200d' || r >= 0x1F3FB && r <= 0x1F3FF }
	for i := 0; i < len(rs); {
		r := rs[i]
		if unicode.IsSpace(r) {
			i++
			continue
		}
		start := i
		i++
		if isWord(r) {
			for i < len(rs) {
				if isWord(rs[i]) || rs[i] == '\u200d' {
					i++
				} else if (rs[i] == '-' || rs[i] == '\'' || rs[i] == '’') && i+1 < len(rs) && isWord(rs[i+1]) {
					i += 2
				} else {
					break
				}
			}
		} else {
			// Variation selectors, skin tones and zero-width joiner
			// sequences stay with their symbol: 👩‍🔬 is one token.
			for i < len(rs) && glue(rs[i]) {
				if rs[i] == '\u200d' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) {
					i++
				}
				i++
			}
		}
		for sent+1 < len(sents) && sents[sent].End <= start {
			sent++
		}
		out = append(out, token{start, i, sent})
	}
	return out
}

// plan chooses what a CoNLL file of d holds: CoNLL gives a token one tag,
// so of overlapping annotations the outer one (the earliest, then the
// longest) is written and the others are left out, and an annotation over
// no word (only spaces) has no token to tag. It returns the annotations
// written, the tokens (split at annotation boundaries) and what was left out.
func (f conllFormat) plan(d Doc) ([]annot.Annotation, []token, []Omission) {
	as := sorted(d.Annotations)
	sort.SliceStable(as, func(i, j int) bool {
		if as[i].Start != as[j].Start {
			return as[i].Start < as[j].Start
		}
		return as[i].End > as[j].End
	})
	var keep []annot.Annotation
	var left []Omission
	end := -1
	for _, a := range as {
		if a.Start >= end {
			keep = append(keep, a)
			end = a.End
			continue
		}
		k := keep[len(keep)-1]
		how := "overlaps"
		switch {
		case a.Start == k.Start && a.End == k.End:
			how = "labels the same span as"
		case a.End <= k.End:
			how = "is inside"
		}
		left = append(left, Omission{a, fmt.Sprintf("%s “%s” (%s), which was written: %s gives a token one tag", how, clipText(k.Text, 40), k.Label, f.Name())})
	}
	// Split tokens at annotation boundaries.
	cuts := map[int]bool{}
	for _, a := range keep {
		cuts[a.Start], cuts[a.End] = true, true
	}
	var toks []token
	for _, t := range tokenize(d.Text) {
		s := t.start
		for i := t.start + 1; i < t.end; i++ {
			if cuts[i] {
				toks = append(toks, token{s, i, t.sentence})
				s = i
			}
		}
		toks = append(toks, token{s, t.end, t.sentence})
	}
	// An annotation over spaces only has no token.
	written := keep[:0:0]
	ti := 0
	for _, a := range keep {
		for ti < len(toks) && toks[ti].end <= a.Start {
			ti++
		}
		if ti < len(toks) && toks[ti].start >= a.Start && toks[ti].end <= a.End {
			written = append(written, a)
			continue
		}
		left = append(left, Omission{a, "covers no word to tag"})
	}
	sort.SliceStable(left, func(i, j int) bool { return annot.Less(left[i].Annotation, left[j].Annotation) })
	return written, toks, left
}

func (f conllFormat) omitted(d Doc) []Omission {
	_, _, left := f.plan(d)
	return left
}

// Encode writes the article's tokens with their tags. A token cut by an
// annotation boundary is split there. What CoNLL cannot hold is left out
// as plan says; Omitted names it.
func (f conllFormat) Encode(d Doc) ([]byte, error) {
	idx := gtext.NewOffsets(d.Text)
	if err := checkAnnotations(f.Name(), idx, d.Annotations); err != nil {
		return nil, err
	}
	keep, toks, _ := f.plan(d)
	var b bytes.Buffer
	k := 0 // next annotation in keep
	for i, t := range toks {
		if i > 0 && toks[i-1].sentence != t.sentence {
			b.WriteByte('\n')
		}
		for k < len(keep) && keep[k].End <= t.start {
			k++
		}
		tag := "O"
		if k < len(keep) && keep[k].Start <= t.start && t.end <= keep[k].End {
			a := keep[k]
			label := bratLabel(a.Label)
			first := i == 0 || toks[i-1].end <= a.Start
			last := i == len(toks)-1 || toks[i+1].start >= a.End
			switch {
			case f.bilou && first && last:
				tag = "U-" + label
			case first:
				tag = "B-" + label
			case f.bilou && last:
				tag = "L-" + label
			default:
				tag = "I-" + label
			}
		}
		b.WriteString(idx.Slice(t.start, t.end))
		b.WriteByte('\t')
		b.WriteString(tag)
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

type conllTok struct {
	text, tag string
	line      int
	sentence  int
}

// Decode reads tokens and tags. With text, tokens are found in it in order
// (whitespace skipped); without, the text is rebuilt from the tokens joined
// by spaces, one sentence a line.
func (f conllFormat) Decode(data []byte, text string) (Doc, Report, error) {
	name := f.Name()
	var rep Report
	if err := checkSize(name, data); err != nil {
		return Doc{}, rep, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var toks []conllTok
	sent := 0
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			if len(toks) > 0 && toks[len(toks)-1].sentence == sent {
				sent++
			}
			continue
		}
		if words := strings.Fields(line); !strings.Contains(line, "\t") && len(words) > 0 && allPiped(words) {
			// spaCy's one sentence a line: word|POS|tag word|POS|tag …
			for _, w := range words {
				fs := strings.Split(w, "|")
				tok, tag := fs[0], fs[len(fs)-1]
				if err := checkTag(name, n+1, tag); err != nil {
					return Doc{}, rep, err
				}
				toks = append(toks, conllTok{tok, tag, n + 1, sent})
			}
			sent++
			continue
		}
		var fs []string
		if strings.Contains(line, "\t") {
			fs = strings.Split(line, "\t")
		} else {
			fs = strings.Fields(line)
		}
		if fs[0] == "-DOCSTART-" {
			continue
		}
		if len(fs) < 2 {
			return Doc{}, rep, errorf(name, "line %d: %q has no tag (want token<TAB>tag); nothing imported", n+1, line)
		}
		tok, tag := fs[0], strings.TrimSpace(fs[len(fs)-1])
		if tok == "" || strings.ContainsFunc(tok, unicode.IsSpace) {
			return Doc{}, rep, errorf(name, "line %d: empty token; nothing imported", n+1)
		}
		if err := checkTag(name, n+1, tag); err != nil {
			return Doc{}, rep, err
		}
		toks = append(toks, conllTok{tok, tag, n + 1, sent})
	}
	// Place the tokens.
	pos := make([][2]int, len(toks))
	if text == "" {
		var b strings.Builder
		cp := 0
		for i, t := range toks {
			if i > 0 {
				if toks[i-1].sentence != t.sentence {
					b.WriteByte('\n')
				} else {
					b.WriteByte(' ')
				}
				cp++
			}
			n := utf8.RuneCountInString(t.text)
			pos[i] = [2]int{cp, cp + n}
			b.WriteString(t.text)
			cp += n
		}
		text = b.String()
	} else {
		rs := []rune(text)
		cp := 0
		for i, t := range toks {
			for cp < len(rs) && unicode.IsSpace(rs[cp]) {
				cp++
			}
			tr := []rune(t.text)
			if cp+len(tr) > len(rs) || string(rs[cp:cp+len(tr)]) != t.text {
				got := string(rs[cp:min(cp+len(tr), len(rs))])
				return Doc{}, rep, errorf(name, "line %d: token %q does not match the text at %d (%q); nothing imported", t.line, t.text, cp, got)
			}
			pos[i] = [2]int{cp, cp + len(tr)}
			cp += len(tr)
		}
	}
	// Turn tags into spans.
	idx := gtext.NewOffsets(text)
	var as []annot.Annotation
	open := -1 // index in as of the span still open
	for i, t := range toks {
		p, label, _ := strings.Cut(t.tag, "-")
		cont := open >= 0 && as[open].Label == label && toks[i-1].sentence == t.sentence
		switch p {
		case "O":
			open = -1
			continue
		case "I", "L", "E":
			if cont {
				as[open].End = pos[i][1]
				if p != "I" {
					open = -1
				}
				continue
			}
		}
		as = append(as, annot.Annotation{Start: pos[i][0], End: pos[i][1], Label: label})
		open = len(as) - 1
		if p == "U" || p == "S" || p == "L" || p == "E" {
			open = -1
		}
	}
	for i := range as {
		as[i].Text = idx.Slice(as[i].Start, as[i].End)
	}
	fillIDs(as)
	if n := len(toks); n > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("%s in %s", plural(n, "token", "tokens"), plural(toks[n-1].sentence+1, "sentence", "sentences")))
	}
	return Doc{Text: text, Annotations: as}, rep, nil
}

func checkTag(name string, line int, tag string) error {
	if tag != "O" {
		p, l, ok := strings.Cut(tag, "-")
		if !ok || l == "" || len(p) != 1 || !strings.Contains("BILUES", p) {
			return errorf(name, "line %d: tag %q is not O or B-, I-, L-, U-, E-, S- and a label; nothing imported", line, tag)
		}
	}
	return nil
}

func allPiped(words []string) bool {
	for _, w := range words {
		if strings.Count(w, "|") < 1 || strings.HasPrefix(w, "|") {
			return false
		}
	}
	return true
}

// looksLikeConll reports whether the first non-blank line reads token, tag.
func looksLikeConll(s string) bool {
	for _, line := range strings.SplitN(s, "\n", 20) {
		fs := strings.Fields(line)
		if len(fs) == 0 || fs[0] == "-DOCSTART-" {
			continue
		}
		tag := fs[len(fs)-1]
		return len(fs) >= 2 && (tag == "O" || len(tag) > 2 && tag[1] == '-' && strings.ContainsRune("BILUES", rune(tag[0])))
	}
	return false
}

// sniffTags tells BILOU from IOB by the tags used.
func sniffTags(s string) Format {
	for _, line := range strings.Split(s, "\n") {
		fs := strings.Fields(line)
		if len(fs) < 2 {
			continue
		}
		tag := fs[len(fs)-1]
		if len(tag) > 2 && tag[1] == '-' && strings.ContainsRune("LUES", rune(tag[0])) {
			return BILOU
		}
	}
	return CoNLL
}
