package format

import (
	"slices"
	"strconv"
	"strings"

	"gloss/app/annot"
	gtext "gloss/app/text"
)

// BratExtra keeps a brat .ann file as it was read, so that what Gloss does
// not model (relations, events, attributes, normalisations, equivalences,
// notes on anything but a text-bound annotation, discontinuous fragments,
// blank or unknown lines) is written back unchanged. Its fields are plain
// data so that it can be stored with the article.
type BratExtra struct {
	// Lines are the lines of the .ann in order, each with its line
	// terminator ("\n", "\r\n" or none for a last line without one). T
	// lines are stored with code point offsets.
	Lines []string
}

type bratFormat struct{}

func (bratFormat) Name() string { return "brat" }
func (bratFormat) Ext() string  { return ".ann" }

// bratT is a parsed text-bound (T) line.
type bratT struct {
	id, label, text string
	hasText         bool
	frags           [][2]int
}

// bratLine is one line of an .ann split into its parts.
type bratLine struct {
	body, eol string // content and terminator
	id        string // the first field: T1, R2, #3, * …
	rest      string // after the first tab
}

func splitBratLines(s string) []bratLine {
	var out []bratLine
	for s != "" {
		i := strings.IndexByte(s, '\n')
		var raw string
		if i < 0 {
			raw, s = s, ""
		} else {
			raw, s = s[:i+1], s[i+1:]
		}
		l := bratLine{body: raw}
		switch {
		case strings.HasSuffix(raw, "\r\n"):
			l.body, l.eol = raw[:len(raw)-2], "\r\n"
		case strings.HasSuffix(raw, "\n"):
			l.body, l.eol = raw[:len(raw)-1], "\n"
		}
		l.id, l.rest, _ = strings.Cut(l.body, "\t")
		out = append(out, l)
	}
	return out
}

func bratLineStart(s string) bool {
	id, _, ok := strings.Cut(firstLine(s), "\t")
	if !ok || id == "" {
		return false
	}
	switch id[0] {
	case 'T', 'R', 'E', 'A', 'M', 'N', '#', '*':
		_, err := strconv.Atoi(id[1:])
		return err == nil || id == "*" || id == "#"
	}
	return false
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return strings.TrimSuffix(l, "\r")
}

func isTID(id string) bool {
	if len(id) < 2 || id[0] != 'T' {
		return false
	}
	_, err := strconv.Atoi(id[1:])
	return err == nil
}

// parseT reads "T1\tLabel 0 5;16 23\ttext"; ok is false with a reason.
func parseT(l bratLine) (bratT, string) {
	t := bratT{id: l.id}
	mid, text, hasText := strings.Cut(l.rest, "\t")
	t.text, t.hasText = text, hasText
	label, offs, ok := strings.Cut(mid, " ")
	if !ok || label == "" {
		return t, "no label and offsets"
	}
	t.label = label
	for _, f := range strings.Split(offs, ";") {
		fs := strings.Fields(f)
		if len(fs) != 2 {
			return t, "offsets " + strconv.Quote(offs) + " are not start end pairs"
		}
		a, err1 := strconv.Atoi(fs[0])
		b, err2 := strconv.Atoi(fs[1])
		if err1 != nil || err2 != nil || a < 0 || b < 0 {
			return t, "offsets " + strconv.Quote(offs) + " are not numbers"
		}
		t.frags = append(t.frags, [2]int{a, b})
	}
	return t, ""
}

// noteTarget returns the ID a "#1\tAnnotatorNotes T1\tnote" line refers to,
// and its note.
func noteTarget(l bratLine) (kind, target, note string, hasNote bool) {
	mid, note, hasNote := strings.Cut(l.rest, "\t")
	kind, target, _ = strings.Cut(mid, " ")
	return kind, strings.TrimSpace(target), note, hasNote
}

// Decode reads an .ann file; text is the content of the matching .txt.
func (f bratFormat) Decode(data []byte, text string) (Doc, Report, error) {
	var rep Report
	lines, ts, tLine, spans, err := parseBrat(data)
	if err != nil {
		return Doc{}, rep, err
	}
	idx := gtext.NewOffsets(text)
	if text == "" && len(spans) > 0 {
		return Doc{}, rep, errorf("brat", "the article text (the .txt next to the .ann) is needed; nothing imported")
	}
	unit, conv, err := detectUnit(idx, spans)
	if err != nil {
		return Doc{}, rep, errorf("brat", "%v; nothing imported", err)
	}
	if len(ts) == 0 {
		unit = UnitCodePoints
	}
	rep.Unit = unit
	extra := &BratExtra{Lines: make([]string, len(lines))}
	for i, l := range lines {
		extra.Lines[i] = l.body + l.eol
	}
	byID := map[string]int{}
	var as []annot.Annotation
	discontinuous := 0
	for k, t := range ts {
		t.frags = conv[k]
		if unit != UnitCodePoints {
			extra.Lines[tLine[k]] = bratTLine(t.id, t.label, t.frags, idx) + lines[tLine[k]].eol
		}
		if len(t.frags) > 1 {
			discontinuous++
		}
		start, end := t.frags[0][0], t.frags[len(t.frags)-1][1]
		if start > end {
			return Doc{}, rep, errorf("brat", "line %d: %s fragments run backwards; nothing imported", tLine[k]+1, t.id)
		}
		byID[t.id] = len(as)
		as = append(as, annot.Annotation{ID: t.id, Start: start, End: end, Label: t.label, Text: idx.Slice(start, end)})
	}
	// Attach the first AnnotatorNotes of each T as its note, even an empty
	// one: export writes the note back on that same line.
	counts := map[string]int{}
	noted := map[string]bool{}
	for _, l := range lines {
		switch {
		case l.id == "" && l.rest == "":
			continue
		case isTID(l.id):
			continue
		case strings.HasPrefix(l.id, "#"):
			kind, target, note, ok := noteTarget(l)
			if k, isT := byID[target]; isT && kind == "AnnotatorNotes" && !noted[target] {
				noted[target] = true
				if ok {
					as[k].Note = note
				}
				continue
			}
			counts["note"]++
		case l.id != "" && strings.ContainsRune("REAMN*", rune(l.id[0])):
			counts[l.id[:1]]++
		default:
			counts["other"]++
		}
	}
	var kept []string
	for _, c := range []struct{ key, one, many string }{
		{"R", "relation", "relations"}, {"E", "event", "events"}, {"A", "attribute", "attributes"},
		{"M", "modification", "modifications"}, {"N", "normalisation", "normalisations"},
		{"*", "equivalence", "equivalences"}, {"note", "note on other annotations", "notes on other annotations"},
		{"other", "other line", "other lines"},
	} {
		if n := counts[c.key]; n > 0 {
			kept = append(kept, plural(n, c.one, c.many))
		}
	}
	if discontinuous > 0 {
		kept = append(kept, plural(discontinuous, "discontinuous span's fragments", "discontinuous spans' fragments"))
	}
	if len(kept) > 0 {
		rep.Notes = append(rep.Notes, strings.Join(kept, ", ")+" kept unchanged for export")
	}
	if unit != UnitCodePoints {
		rep.Notes = append(rep.Notes, "offsets were in "+unit+"; converted to code points")
	}
	return Doc{Text: text, Annotations: as, Brat: extra}, rep, nil
}

// parseBrat splits an .ann into lines and reads its T lines: each T, the
// index of its line, and its span as the file gives it.
func parseBrat(data []byte) (lines []bratLine, ts []bratT, tLine []int, spans []rawSpan, err error) {
	if err := checkSize("brat", data); err != nil {
		return nil, nil, nil, nil, err
	}
	lines = splitBratLines(string(data))
	seen := map[string]int{}
	for i, l := range lines {
		if !isTID(l.id) {
			continue
		}
		if prev, dup := seen[l.id]; dup {
			return nil, nil, nil, nil, errorf("brat", "line %d: %s is defined twice (first on line %d); nothing imported", i+1, l.id, prev+1)
		}
		seen[l.id] = i
		t, bad := parseT(l)
		if bad != "" {
			return nil, nil, nil, nil, errorf("brat", "line %d: %s: %s; nothing imported", i+1, l.id, bad)
		}
		ts = append(ts, t)
		tLine = append(tLine, i)
		spans = append(spans, rawSpan{frags: t.frags, text: t.text, hasText: t.hasText, where: "line " + strconv.Itoa(i+1)})
	}
	return lines, ts, tLine, spans, nil
}

// bratTLine writes a T line without its terminator.
func bratTLine(id, label string, frags [][2]int, idx *gtext.Offsets) string {
	var b strings.Builder
	b.WriteString(id)
	b.WriteByte('\t')
	b.WriteString(bratLabel(label))
	parts := make([]string, len(frags))
	for i, f := range frags {
		if i == 0 {
			b.WriteByte(' ')
		} else {
			b.WriteByte(';')
		}
		b.WriteString(strconv.Itoa(f[0]))
		b.WriteByte(' ')
		b.WriteString(strconv.Itoa(f[1]))
		parts[i] = idx.Slice(f[0], f[1])
	}
	b.WriteByte('\t')
	b.WriteString(oneLine(strings.Join(parts, " ")))
	return b.String()
}

// bratLabel makes a label a valid brat type: no whitespace.
func bratLabel(l string) string {
	return strings.Join(strings.Fields(l), "_")
}

// oneLine replaces line breaks so that a value stays on its line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.NewReplacer("\r", " ", "\n", " ").Replace(s) // one for one: lengths stay

}

// Encode writes the .ann. Lines read from a brat file come back unchanged
// unless their annotation was edited; removed annotations take the lines
// that refer to them along; new annotations get fresh T ids at the end.
func (f bratFormat) Encode(d Doc) ([]byte, error) {
	idx := gtext.NewOffsets(d.Text)
	if err := checkAnnotations("brat", idx, d.Annotations); err != nil {
		return nil, err
	}
	var lines []bratLine
	if d.Brat != nil {
		lines = splitBratLines(strings.Join(d.Brat.Lines, ""))
	}
	byID := map[string]annot.Annotation{}
	for _, a := range d.Annotations {
		byID[a.ID] = a
	}
	eol := "\n"
	crlf := 0
	maxT, maxNote := 0, 0
	fileT := map[string]bool{}
	for _, l := range lines {
		if l.eol == "\r\n" {
			crlf++
		}
		if isTID(l.id) {
			fileT[l.id] = true
			n, _ := strconv.Atoi(l.id[1:])
			maxT = max(maxT, n)
		}
		if strings.HasPrefix(l.id, "#") {
			n, _ := strconv.Atoi(l.id[1:])
			maxNote = max(maxNote, n)
		}
	}
	if d.Brat == nil {
		// Annotations first read from brat keep their T ids where they can.
		for _, a := range d.Annotations {
			if isTID(a.ID) {
				n, _ := strconv.Atoi(a.ID[1:])
				maxT = max(maxT, n)
			}
		}
	}
	if crlf*2 > len(lines) {
		eol = "\r\n"
	}
	// IDs removed in Gloss, and everything that depends on them.
	removed := map[string]bool{}
	for id := range fileT {
		if _, ok := byID[id]; !ok {
			removed[id] = true
		}
	}
	for changed := len(removed) > 0; changed; {
		changed = false
		for _, l := range lines {
			if l.id == "" || removed[l.id] || isTID(l.id) || (l.id[0] != 'E' && l.id[0] != 'R') {
				continue
			}
			if refsRemoved(l, removed) {
				removed[l.id] = true
				changed = true
			}
		}
	}
	var b strings.Builder
	noted := map[string]bool{}
	write := func(s, eol string) {
		b.WriteString(s)
		b.WriteString(eol)
	}
	for _, l := range lines {
		switch {
		case isTID(l.id):
			a, ok := byID[l.id]
			if !ok {
				continue
			}
			t, bad := parseT(l)
			frags := t.frags
			if bad != "" || len(frags) == 0 || frags[0][0] != a.Start || frags[len(frags)-1][1] != a.End {
				frags = [][2]int{{a.Start, a.End}}
			}
			for _, fr := range frags {
				if fr[0] > fr[1] || fr[1] > idx.Len() {
					frags = [][2]int{{a.Start, a.End}}
				}
			}
			line := bratTLine(l.id, a.Label, frags, idx)
			parts := make([]string, len(frags))
			for i, fr := range frags {
				parts[i] = oneLine(idx.Slice(fr[0], fr[1]))
			}
			if bad == "" && t.label == a.Label && slices.Equal(t.frags, frags) && (!t.hasText || quotesFragments(t.text, parts)) {
				line = l.body // unchanged: keep the bytes as read
			}
			write(line, l.eol)
		case strings.HasPrefix(l.id, "#"):
			kind, target, note, hasNote := noteTarget(l)
			if removed[target] {
				continue
			}
			if a, isT := byID[target]; isT && fileT[target] && kind == "AnnotatorNotes" && !noted[target] {
				noted[target] = true
				switch {
				case a.Note == "":
					if strings.TrimSpace(note) == "" {
						write(l.body, l.eol) // a note line with no note, as read
					}
					continue
				case hasNote && note == oneLine(a.Note):
					write(l.body, l.eol)
				default:
					write(l.id+"\t"+kind+" "+target+"\t"+oneLine(a.Note), l.eol)
				}
				continue
			}
			write(l.body, l.eol)
		case l.id == "*":
			if !refsRemoved(l, removed) {
				write(l.body, l.eol)
				continue
			}
			fs := strings.Fields(l.rest)
			keep := fs[:1]
			for _, id := range fs[1:] {
				if !removed[id] {
					keep = append(keep, id)
				}
			}
			if len(keep) >= 3 {
				write("*\t"+strings.Join(keep, " "), l.eol)
			}
		case l.id != "" && strings.ContainsRune("REAMN", rune(l.id[0])):
			if removed[l.id] || refsRemoved(l, removed) {
				continue
			}
			write(l.body, l.eol)
		default:
			write(l.body, l.eol)
		}
	}
	// New annotations and notes added to annotations read from the file.
	var tail []string
	for _, a := range sorted(d.Annotations) {
		if fileT[a.ID] {
			if a.Note != "" && !noted[a.ID] {
				maxNote++
				tail = append(tail, "#"+strconv.Itoa(maxNote)+"\tAnnotatorNotes "+a.ID+"\t"+oneLine(a.Note))
			}
			continue
		}
		id := a.ID
		if !isTID(id) || fileT[id] || d.Brat != nil {
			maxT++
			id = "T" + strconv.Itoa(maxT)
		}
		fileT[id] = true
		tail = append(tail, bratTLine(id, a.Label, [][2]int{{a.Start, a.End}}, idx))
		if a.Note != "" {
			tail = append(tail, "#\tAnnotatorNotes "+id+"\t"+oneLine(a.Note)) // numbered below
		}
	}
	if len(tail) > 0 {
		out := b.String()
		if out != "" && !strings.HasSuffix(out, "\n") {
			b.WriteString(eol)
		}
		for _, t := range tail {
			if strings.HasPrefix(t, "#\t") {
				maxNote++
				t = "#" + strconv.Itoa(maxNote) + t[1:]
			}
			write(t, eol)
		}
	}
	return []byte(b.String()), nil
}

// refsRemoved reports whether a line refers to a removed ID: arguments
// "Role:T1", bare IDs ("A1\tNegated E1"), or equivalence members.
func refsRemoved(l bratLine, removed map[string]bool) bool {
	mid, _, _ := strings.Cut(l.rest, "\t")
	for _, f := range strings.Fields(mid) {
		if _, v, ok := strings.Cut(f, ":"); ok {
			f = v
		}
		if removed[f] {
			return true
		}
	}
	return false
}
