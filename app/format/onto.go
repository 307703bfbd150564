package format

import (
	"strings"
	"unicode"

	"gloss/app/annot"
)

// Placement says how a file's annotations were placed onto an article
// whose text may differ from the one the file was made on.
type Placement struct {
	// Annotations are those placed, at their spans in the article.
	Annotations []annot.Annotation
	// Moved counts those of Annotations found elsewhere than where the
	// file put them (the text was edited before or inside them).
	Moved int
	// Orphans could not be placed confidently; each says why. Nothing is
	// moved silently.
	Orphans []annot.Orphan
}

// DecodeOnto reads a file's annotations onto text, the open article. When
// the file fits text, each annotation is where the file says. When the text
// differs — the file was made on an edited copy — each is found again from
// its quote and the text around it, as annot.Reanchor does for an edited
// article: JSONL and spaCy from the text they carry, W3C from its
// TextQuoteSelector (exact, prefix, suffix) and TextPositionSelector, CSV
// and brat from their quotes and offsets, CoNLL from its tokens. The Doc
// holds the file's title, notes and the brat lines kept verbatim.
func DecodeOnto(f Format, data []byte, text string) (Doc, Placement, Report, error) {
	d, rep, err := f.Decode(data, text)
	if err == nil && (d.Text == "" || d.Text == text) {
		d.Text = text
		return d, Placement{Annotations: d.Annotations}, rep, nil
	}
	var p Placement
	switch f := f.(type) {
	case jsonlFormat, conllFormat:
		// The file carries its text (CoNLL: its tokens, one space apart).
		own, r, derr := f.Decode(data, "")
		if derr != nil {
			if err == nil {
				err = derr
			}
			return Doc{}, p, rep, err
		}
		rep = r
		d = own
		if _, ok := f.(conllFormat); ok {
			p = ontoTokens(own.Text, text, own.Annotations)
		} else {
			placed, lost := annot.Reanchor(own.Text, text, own.Annotations)
			p = Placement{Annotations: placed, Orphans: lost}
			was := make(map[string]int, len(own.Annotations))
			for _, a := range own.Annotations {
				was[a.ID] = a.Start
			}
			for _, a := range placed {
				if a.Start != was[a.ID] {
					p.Moved++
				}
			}
		}
	case w3cFormat:
		var r Report
		doc, items, perr := parseW3C(data, &r)
		if perr != nil {
			return Doc{}, p, rep, perr
		}
		d, rep = doc, r
		for _, it := range items {
			if it.hasPos {
				if cerr := checkSpans([]rawSpan{it.span}); cerr != nil {
					return Doc{}, p, rep, errorf("w3c", "%v; nothing imported", cerr)
				}
			}
		}
		qs := make([]annot.Quote, 0, len(items))
		where := map[int]string{}
		for i, it := range items {
			where[i] = it.where
			q := annot.Quote{Annotation: it.a, Prefix: it.prefix, Suffix: it.suffix}
			q.Start, q.End = -1, -1
			if it.hasPos {
				q.Start, q.End = it.span.frags[0][0], it.span.frags[0][1]
			}
			q.Text = it.quote
			qs = append(qs, q)
		}
		p = place(text, qs, where)
	case csvFormat:
		as, spans, perr := parseCSV(data)
		if perr != nil {
			return Doc{}, p, rep, perr
		}
		if cerr := checkSpans(spans); cerr != nil {
			return Doc{}, p, rep, errorf("csv", "%v; nothing imported", cerr)
		}
		if len(spans) > 0 && !spans[0].hasText {
			return Doc{}, p, rep, err // no quotes to look for
		}
		qs := make([]annot.Quote, len(as))
		where := map[int]string{}
		for i, a := range as {
			qs[i] = annot.Quote{Annotation: a}
			qs[i].Start, qs[i].End, qs[i].Text = spans[i].frags[0][0], spans[i].frags[0][1], spans[i].text
			where[i] = spans[i].where
		}
		p = place(text, qs, where)
		rep = Report{}
	case bratFormat:
		lines, ts, _, spans, perr := parseBrat(data)
		if perr != nil {
			return Doc{}, p, rep, perr
		}
		if cerr := checkSpans(spans); cerr != nil {
			return Doc{}, p, rep, errorf("brat", "%v; nothing imported", cerr)
		}
		qs := make([]annot.Quote, len(ts))
		where := map[int]string{}
		for i, t := range ts {
			where[i] = spans[i].where
			qs[i] = annot.Quote{Annotation: annot.Annotation{ID: t.id, Label: t.label, Text: t.text,
				Start: t.frags[0][0], End: t.frags[len(t.frags)-1][1]}}
		}
		p = place(text, qs, where)
		extra := &BratExtra{Lines: make([]string, len(lines))}
		for i, l := range lines {
			extra.Lines[i] = l.body + l.eol
		}
		d = Doc{Brat: extra}
		rep = Report{}
	default:
		return Doc{}, p, rep, err
	}
	d.Text = text
	d.Annotations = p.Annotations
	fillIDs(d.Annotations)
	p.Annotations = d.Annotations
	return d, p, rep, nil
}

// place places quotes and counts those moved; an orphan's reason starts
// with where the quote is in the file (where, by index in qs).
func place(text string, qs []annot.Quote, where map[int]string) Placement {
	at := map[string]string{}
	for i := range qs {
		if qs[i].ID == "" {
			qs[i].ID = annot.NewID()
		}
		at[qs[i].ID] = where[i]
	}
	placed, lost := annot.Place(text, qs)
	for i := range lost {
		if w := at[lost[i].ID]; w != "" {
			lost[i].Reason = w + ": " + lost[i].Reason
		}
	}
	p := Placement{Annotations: placed, Orphans: lost}
	start := map[string]int{}
	for _, q := range qs {
		start[q.ID] = q.Start
	}
	for _, a := range placed {
		if s, ok := start[a.ID]; ok && s != a.Start {
			p.Moved++
		}
	}
	return p
}

// ontoTokens places annotations made on tokens (CoNLL, text rebuilt one
// space apart) onto text: both sides are compared as their tokens one
// space apart, so spacing and line breaks do not count as edits.
func ontoTokens(own, text string, as []annot.Annotation) Placement {
	oldN, oldAt := spaced(own, func(s string) []token { return spaceSplit(s) })
	newN, newAt := spaced(text, tokenize)
	inv := make(map[int]int, len(oldAt))
	for i, o := range oldAt {
		if _, ok := inv[o]; !ok {
			inv[o] = i
		}
	}
	moved := make([]annot.Annotation, 0, len(as))
	var off []annot.Orphan
	for _, a := range as {
		s, ok1 := inv[a.Start]
		e, ok2 := inv[a.End]
		if !ok1 || !ok2 {
			off = append(off, annot.Orphan{Annotation: a, Reason: "its span does not fall on the file's tokens"})
			continue
		}
		b := a
		b.Start, b.End = s, e
		moved = append(moved, b)
	}
	placed, lost := annot.Reanchor(oldN, newN, moved)
	for i := range lost {
		lost[i].Start, lost[i].End = oldAt[lost[i].Start], oldAt[lost[i].End]
	}
	p := Placement{Orphans: append(off, lost...)}
	was := map[string]int{}
	for _, a := range as {
		was[a.ID] = a.Start
	}
	rs := []rune(text)
	for _, a := range placed {
		a.Start, a.End = newAt[a.Start], newAt[a.End]
		if a.Start >= a.End {
			p.Orphans = append(p.Orphans, annot.Orphan{Annotation: a, Reason: "its tokens could not be found again"})
			continue
		}
		a.Text = string(rs[a.Start:a.End])
		p.Annotations = append(p.Annotations, a)
		if was[a.ID] != a.Start {
			p.Moved++
		}
	}
	return p
}

// spaced writes the tokens of s one space apart and returns, for each code
// point of the result and for its end, the code point of s it stands for;
// a space between two tokens stands for the end of the one before it.
func spaced(s string, toks func(string) []token) (string, []int) {
	rs := []rune(s)
	var b strings.Builder
	var at []int
	end := 0
	for i, t := range toks(s) {
		if i > 0 {
			b.WriteByte(' ')
			at = append(at, end)
		}
		b.WriteString(string(rs[t.start:t.end]))
		for k := t.start; k < t.end; k++ {
			at = append(at, k)
		}
		end = t.end
	}
	return b.String(), append(at, end)
}

// spaceSplit returns the runs of non-space code points of s.
func spaceSplit(s string) []token {
	var out []token
	start := -1
	i := 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, token{start: start, end: i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i++
	}
	if start >= 0 {
		out = append(out, token{start: start, end: i})
	}
	return out
}
