package entity

import (
	"slices"
	"strings"
)

// maxParenLead is how far (in bytes) into a parenthesis an acronym may sit
// and still be defined by it ("(IS, formerly ISIS/ISIL)").
const maxParenLead = 40

// joinAcronyms merges an acronym defined in parentheses right after a name
// into that name's entity, so it takes its type and its group: "Islamic
// State (IS, formerly ISIS/ISIL)" puts IS, ISIS and ISIL with Islamic
// State. The acronym must start with the name's first letter.
func (f *finder) joinAcronyms(ents []Entity) []Entity {
	if len(ents) < 2 {
		return ents
	}
	endsAt := map[int]int{} // byte end of a mention of a name of two words or more → entity
	for i, e := range ents {
		if !strings.Contains(e.Key, " ") || isAcronym(e.Name) {
			continue
		}
		for _, m := range e.Mentions {
			if t, ok := f.tokenEnding(m.End); ok {
				endsAt[int(f.toks[t].bend)] = i
			}
		}
	}
	if len(endsAt) == 0 {
		return ents
	}
	into := make([]int, len(ents))
	merged := false
	for i := range into {
		into[i] = -1
	}
	for i, e := range ents {
		if !isAcronym(e.Name) || strings.Contains(e.Key, " ") && !strings.Contains(e.Name, ".") {
			continue
		}
		for _, m := range e.Mentions {
			t, ok := f.tokenAt(m.Start)
			if !ok {
				continue
			}
			j, ok := f.definedBy(int(f.toks[t].bstart), endsAt)
			if !ok || j == i || into[j] >= 0 || ents[j].Key[0] != e.Key[0] {
				continue
			}
			into[i], merged = j, true
			break
		}
	}
	if !merged {
		return ents
	}
	out := ents[:0:0]
	for i, e := range ents {
		if j := into[i]; j >= 0 {
			t := &ents[j]
			t.Mentions = append(append([]Span(nil), t.Mentions...), e.Mentions...)
			slices.SortFunc(t.Mentions, func(a, b Span) int { return a.Start - b.Start })
			t.Variants = append(append([]string(nil), t.Variants...), e.Variants...)
		}
	}
	for i, e := range ents {
		if into[i] < 0 {
			out = append(out, e)
		}
	}
	return out
}

// definedBy reports the entity whose mention ends just before the
// parenthesis that holds byte b.
func (f *finder) definedBy(b int, endsAt map[int]int) (int, bool) {
	lo := max(0, b-maxParenLead)
	open := strings.LastIndexByte(f.text[lo:b], '(')
	if open < 0 || strings.ContainsAny(f.text[lo+open:b], ")\n") {
		return 0, false
	}
	end := strings.TrimRight(f.text[:lo+open], " \t\u00a0")
	j, ok := endsAt[len(end)]
	return j, ok
}
