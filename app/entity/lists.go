package entity

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
	return lendListTypes(ents, f.textLists(ents))
}

// textLists returns the lists of three names or more in the text: runs of
// mentions with only a list's separators between them. They do not depend
// on the types, so a shared build finds them while the types are made
// elsewhere (Split.Index).
func (f *finder) textLists(ents []Entity) [][]listMention {
	n := 0
	for ei := range ents {
		n += len(ents[ei].Mentions)
	}
	ms := make([]listMention, 0, n)
	var p pacer
	for ei := range ents {
		ments := ents[ei].Mentions
		known := f.knownMentionToks(ments)
		for k := range ments {
			p.tick()
			a, ok := f.mentionStart(ments, known, k)
			b, ok2 := f.mentionEnd(ments, known, k)
			if ok && ok2 {
				ms = append(ms, listMention{a, b + 1, ei})
			}
		}
	}
	// Mentions of different entities never start at the same token: any
	// order by start is the same, and a total one can be sorted in steps,
	// its comparisons written out (sortTargetKeys): mentions equal in all
	// three are the same.
	keys := make([]sortKey, len(ms))
	for i, m := range ms {
		step(i)
		keys[i] = sortKey{rankLen: uint64(m.a)<<32 | uint64(m.b), pre8: uint64(m.e), id: int32(i)}
	}
	sortTargetKeys(keys, func(a, b int32) int { return 0 })
	sorted := make([]listMention, len(ms))
	for i, k := range keys {
		sorted[i] = ms[k.id]
	}
	ms = sorted
	var lists [][]listMention
	for i := 0; i < len(ms); {
		step(i)
		j := i + 1
		for j < len(ms) && ms[j].a-ms[j-1].b <= 1 && listSeps[f.text[f.toks[ms[j-1].b-1].bend:f.toks[ms[j].a].bstart]] {
			j++
		}
		if j-i >= 3 {
			lists = append(lists, ms[i:j])
		}
		i = j
	}
	return lists
}

// lendListTypes returns, by entity index, the clues lists lend.
func lendListTypes(ents []Entity, lists [][]listMention) map[int][]clue {
	var out map[int][]clue
	for _, l := range lists {
		out = lendListType(ents, l, out)
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
