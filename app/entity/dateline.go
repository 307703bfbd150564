package entity

import "strings"

// A wire story opens with its dateline: the place it was filed from, in
// capitals at the start of a line, then its region or country, the date or
// the agency ("VAIL, Colorado 1996-12-07", "MOSCOW 1996-12-06", "LONDON
// (Reuters) -"). That place is a place even when no list knows it and it
// is short enough to read as an acronym.

// datelineClues speak for a place for a mention in a dateline, once.
func (f *finder) datelineClues(clues []clue, e *Entity) []clue {
	for _, t := range f.mentionToks(e)[:len(firstMentions(e))] {
		if a, b := int(t.a), int(t.b); t.okA && t.okB && f.dateline(a, b+1) {
			return append(clues, clue{TypeLOC, wWholeName, "a dateline's place", ""})
		}
	}
	return clues
}

// dateline reports whether tokens a..b-1, in capitals, open a line and are
// followed by a comma and a capitalised word, a date, or "(".
func (f *finder) dateline(a, b int) bool {
	for i := a; i < b; i++ {
		if t := f.toks[i]; !t.upper && !(t.cap && t.end-t.start == 1) {
			return false
		}
	}
	start := int(f.toks[a].bstart)
	if start > 0 && f.text[start-1] != '\n' && f.text[start-1] != '\r' {
		return false
	}
	if b >= len(f.toks) {
		return false
	}
	gap := f.text[f.toks[b-1].bend:f.toks[b].bstart]
	if strings.ContainsAny(gap, "\n\r") {
		return false
	}
	switch strings.TrimSpace(gap) {
	case ",":
		return f.toks[b].cap
	case "":
		return gap != "" && f.digits(b) && f.toks[b].end-f.toks[b].start == 4 // a date
	case "(":
		return true
	}
	return false
}
