package entity

import "cmp"

// Names listed together are of one kind: "Motorola, Alcatel, Sagem y
// Mistubishi" are companies, "Australia, Brunei, Canadá, Chile, China,
// Corea" countries. In a list of three or more names, when most of the
// members typed with confidence agree, the others hear that type.

// listSeps are what stands between two names of a list.
var listSeps = map[string]bool{
	", ": true, " y ": true, " e ": true, " and ": true, " en ": true, " et ": true, " und ": true, " ed ": true,
	", y ": true, ", and ": true, ", en ": true, " & ": true,
}

// listConfident is the confidence from which a member speaks for its list.
const listConfident = 0.5

// wList is the weight of one list's voice: more than a lone unknown word's
// or a given name's shape, less than a lexicon entry's.
const wList = wGiven + wShape

// listMention is one mention in text order: tokens a..b-1 of entity e.
type listMention struct{ a, b, e int }

// listClues returns, by entity index, the clues the lists of the text lend.
func (f *finder) listClues(ents []Entity) map[int][]clue {
	var ms []listMention
	var p pacer
	for ei := range ents {
		for _, m := range ents[ei].Mentions {
			p.tick()
			a, ok := f.tokenAt(m.Start)
			b, ok2 := f.tokenEnding(m.End)
			if ok && ok2 {
				ms = append(ms, listMention{a, b + 1, ei})
			}
		}
	}
	// Mentions of different entities never start at the same token: any
	// order by start is the same, and a total one can be sorted in steps.
	sortPaced(ms, func(x, y listMention) int {
		return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b), cmp.Compare(x.e, y.e))
	})
	var out map[int][]clue
	for i := 0; i < len(ms); {
		step(i)
		j := i + 1
		for j < len(ms) && ms[j].a-ms[j-1].b <= 1 && listSeps[f.text[f.toks[ms[j-1].b-1].bend:f.toks[ms[j].a].bstart]] {
			j++
		}
		if j-i >= 3 {
			out = lendListType(ents, ms[i:j], out)
		}
		i = j
	}
	return out
}

// lendListType adds to out a clue for each member of list typed otherwise
// than most of its confident members.
func lendListType(ents []Entity, list []listMention, out map[int][]clue) map[int][]clue {
	votes := map[string]int{}
	strong := 0
	example := map[string]string{}
	for _, m := range list {
		e := &ents[m.e]
		if e.Confidence >= listConfident && e.Type != "" {
			votes[e.Type]++
			strong++
			if example[e.Type] == "" {
				example[e.Type] = e.Name
			}
		}
	}
	best, n := "", 0
	for t, v := range votes {
		if v > n || v == n && t < best {
			best, n = t, v
		}
	}
	if n < 2 || 2*n <= strong {
		return out
	}
	for _, m := range list {
		if e := &ents[m.e]; e.Type != best {
			if out == nil {
				out = map[int][]clue{}
			}
			if len(out[m.e]) < maxContextClues {
				out[m.e] = append(out[m.e], clue{best, wList, "listed with “%s”", example[best]})
			}
		}
	}
	return out
}
