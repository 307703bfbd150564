package annot

// Merge combines two edits of the same annotations made from a common base
// (two tabs on one article): an annotation added on either side is kept, one
// removed on either side is removed, and one edited on one side takes that
// edit. Where both sides edited the same annotation, theirs wins, so the
// result matches what the other tab already stored.
func Merge(base, mine, theirs []Annotation) []Annotation {
	index := func(as []Annotation) map[string]Annotation {
		m := make(map[string]Annotation, len(as))
		for _, a := range as {
			m[a.ID] = a
		}
		return m
	}
	b, m, t := index(base), index(mine), index(theirs)
	var out []Annotation
	seen := map[string]bool{}
	for _, side := range [][]Annotation{theirs, mine} {
		for _, a := range side {
			if seen[a.ID] {
				continue
			}
			seen[a.ID] = true
			ba, inBase := b[a.ID]
			ma, inMine := m[a.ID]
			ta, inTheirs := t[a.ID]
			switch {
			case inBase && (!inMine || !inTheirs):
				continue // removed on one side
			case inMine && inTheirs && ta == ba:
				out = append(out, ma) // only mine changed it (or nobody)
			case inTheirs:
				out = append(out, ta)
			default:
				out = append(out, ma)
			}
		}
	}
	Sort(out)
	return out
}
