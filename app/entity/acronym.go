package entity

import (
	"slices"
	"strings"

	gtext "gloss/app/text"
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
	// endsAt[t]: 1 + the entity of a name of two words or more that has a
	// mention ending with token t, 0 for none. Kept by token rather than in
	// a map by byte offset: every such mention is put and few are looked
	// up, and a map put hashes its key (~30 % of this pass in wasm).
	endsAt := make([]int32, len(f.toks))
	for i, e := range ents {
		step(i)
		if !strings.Contains(e.Key, " ") || isAcronym(e.Name) {
			continue
		}
		known := f.knownMentionToks(e.Mentions)
		for k := range e.Mentions {
			if t, ok := f.mentionEnd(e.Mentions, known, k); ok {
				endsAt[t] = int32(i) + 1
			}
		}
	}
	into := make([]int, len(ents)) // the entity each one joins, or -1
	merged := false
	for i := range into {
		into[i] = -1
	}
	root := func(i int) int {
		for into[i] >= 0 {
			i = into[i]
		}
		return i
	}
	for i, e := range ents {
		step(i)
		if !isAcronym(e.Name) || strings.Contains(e.Key, " ") && !strings.Contains(e.Name, ".") {
			continue
		}
		known := f.knownMentionToks(e.Mentions)
		for k := range e.Mentions {
			t, ok := f.mentionStart(e.Mentions, known, k)
			if !ok {
				continue
			}
			j, ok := f.definedBy(int(f.toks[t].bstart), endsAt)
			if !ok || root(j) == i || into[i] >= 0 || !acronymFits(ents[j].Key, e.Key) {
				continue
			}
			into[i], merged = root(j), true
			break
		}
	}
	for _, d := range f.explained(ents) {
		if a, b := root(d[0]), root(d[1]); a != b {
			into[a], merged = b, true
		}
	}
	if !merged {
		return ents
	}
	// Every entity joins the one at the end of its chain.
	for i := range ents {
		into[i] = root(i)
		if into[i] == i {
			into[i] = -1
		}
	}
	out := ents[:0:0]
	for i, e := range ents {
		if j := into[i]; j >= 0 {
			t := &ents[j]
			t.Mentions = append(append([]gtext.Span(nil), t.Mentions...), e.Mentions...)
			slices.SortFunc(t.Mentions, func(a, b gtext.Span) int { return a.Start - b.Start })
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

// acronymFits reports whether acr (a folded acronym) can stand for name:
// its first letter is the name's, and its second the next word's ("IS",
// "Islamic State"; "PSOE", "Partido Socialista…"; particles skipped), so a
// country code after a sportsman ("Emilio Álvarez (ESP)") is not his.
func acronymFits(name, acr string) bool {
	letters := strings.ReplaceAll(acr, " ", "")
	if len(letters) == 0 || name[0] != letters[0] {
		return false
	}
	words := strings.Fields(name)
	for k := 1; k < len(words) && len(letters) >= 2; k++ {
		if !particles.has(words[k]) && !linkWords.has(words[k]) {
			return words[k][0] == letters[1]
		}
	}
	return true
}

// definedBy reports the entity whose mention ends just before the
// parenthesis that holds byte b (endsAt: joinAcronyms').
func (f *finder) definedBy(b int, endsAt []int32) (int, bool) {
	lo := max(0, b-maxParenLead)
	open := strings.LastIndexByte(f.text[lo:b], '(')
	if open < 0 || strings.ContainsAny(f.text[lo+open:b], ")\n") {
		return 0, false
	}
	end := len(strings.TrimRight(f.text[:lo+open], " \t\u00a0"))
	// The token ending at byte end, if one does: tokens are in text order.
	i, j := 0, len(f.toks)
	for i < j {
		if h := int(uint(i+j) >> 1); int(f.toks[h].bend) < end {
			i = h + 1
		} else {
			j = h
		}
	}
	if i == len(f.toks) || int(f.toks[i].bend) != end || endsAt[i] == 0 {
		return 0, false
	}
	return int(endsAt[i]) - 1, true
}

// definers say, inside brackets after a name, what the name stands for
// ("Daesh [an Arabic acronym for IS]").
var definers = []string{"acronym for ", "short for ", "abbreviation for ", "abbreviation of ", "stands for ",
	"also known as ", "acrónimo de ", "sigla de ", "siglas de ", "sigle de ", "acronyme de ", "afkorting van ",
	"Abkürzung für ", "sigla di ", "acronimo di "}

// explained finds "X [… acronym for Y]" and "X (also known as Y)": X
// names Y. It returns the pairs of entity indexes (X's, Y's).
func (f *finder) explained(ents []Entity) [][2]int {
	at := f.definerEnds()
	if len(at) == 0 {
		return nil
	}
	starts, ends := map[int]int{}, map[int]int{} // byte offsets of mentions → entity
	for i, e := range ents {
		step(i)
		known := f.knownMentionToks(e.Mentions)
		for k := range e.Mentions {
			if t, ok := f.mentionStart(e.Mentions, known, k); ok {
				starts[int(f.toks[t].bstart)] = i
			}
			if t, ok := f.mentionEnd(e.Mentions, known, k); ok {
				ends[int(f.toks[t].bend)] = i
			}
		}
	}
	var out [][2]int
	for i, p := range at {
		step(i)
		lo := max(0, p-maxParenLead)
		open := strings.LastIndexAny(f.text[lo:p], "([")
		if open < 0 || strings.ContainsAny(f.text[lo+open:p], ")]\n") {
			continue
		}
		x, ok := ends[len(strings.TrimRight(f.text[:lo+open], " \t\u00a0"))]
		if !ok {
			continue
		}
		rest := strings.TrimLeft(f.text[p:], " \t\u00a0")
		y, ok := starts[len(f.text)-len(rest)]
		if ok && x != y {
			out = append(out, [2]int{x, y})
		}
	}
	return out
}

// definerEnds returns the byte offsets where a definer ends that an opening
// bracket at most maxParenLead bytes before could hold — every place
// explained can use — in the order one strings.Index pass per definer
// would list them. It reads the text once, looking near brackets only,
// instead of once per definer.
func (f *finder) definerEnds() []int {
	type hit struct{ d, end int }
	var hits []hit
	var p pacer
	text := f.text
	for o := 0; ; {
		p.tick()
		i := strings.IndexAny(text[o:], "([")
		if i < 0 {
			break
		}
		open := o + i
		o = open + 1
		// A definer ending at end needs its bracket at or after end-maxParenLead.
		win := text[o:min(len(text), open+maxParenLead)]
		for di, d := range definers {
			for from := 0; ; {
				j := strings.Index(win[from:], d)
				if j < 0 {
					break
				}
				hits = append(hits, hit{di, o + from + j + len(d)})
				from += j + len(d)
			}
		}
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if a.d != b.d {
			return a.d - b.d
		}
		return a.end - b.end
	})
	hits = slices.Compact(hits)
	at := make([]int, len(hits))
	for i, h := range hits {
		at[i] = h.end
	}
	return at
}
