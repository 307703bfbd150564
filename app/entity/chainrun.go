package entity

import "slices"

// The index finds the capitalised runs of the text again (chains), as Find
// without a lexicon would: NewIndex has no lexicon. In Build, Find has just
// read the same runs with the lexicon, and each run comes out the same
// without it unless the lexicon spoke in it (a given name before a title,
// a place before a number, a place after a coordination): chains notes
// that (lexSays, kindSays), and Build's index takes Find's runs where the
// lexicon kept silent and reads the others again.

// chainRun is one run of chains: it started at token a, ended at token j,
// and gave segments from..to-1.
type chainRun struct {
	a, j     int32
	from, to int32
	lex      bool // the lexicon spoke: read it again without
}

// chainRuns are Find's runs and the segments chains returned.
type chainRuns struct {
	on   bool // record them (Build's Find)
	runs []chainRun
	segs []segment
	next int // at's place: runs before it start before the asked token
}

// add records one run (when on).
func (c *chainRuns) add(a, j, from, to int, lex bool) {
	if c.on {
		c.runs = append(c.runs, chainRun{int32(a), int32(j), int32(from), int32(to), lex})
	}
}

// keep keeps chains' segments (when on), as the filters after chains
// change them.
func (c *chainRuns) keep(segs []segment) {
	if c.on {
		c.segs = slices.Clone(segs)
	}
}

// at returns the run that starts at token i, when there is one the
// lexicon kept silent in. The tokens are asked in increasing order.
func (c *chainRuns) at(i int) (chainRun, bool) {
	for c.next < len(c.runs) && int(c.runs[c.next].a) < i {
		c.next++
	}
	if c.next < len(c.runs) && int(c.runs[c.next].a) == i && !c.runs[c.next].lex {
		return c.runs[c.next], true
	}
	return chainRun{}, false
}

// kindSays is f.kind(i)&mask, noting that the lexicon spoke when not 0.
func (f *finder) kindSays(i int, mask LexKind) LexKind {
	k := f.kind(i) & mask
	if k != 0 {
		f.lexSpoke = true
	}
	return k
}

// lexSays is f.lex.Kind(w)&mask, noting that the lexicon spoke when not 0.
func (f *finder) lexSays(w string, mask LexKind) LexKind {
	k := f.lex.Kind(w) & mask
	if k != 0 {
		f.lexSpoke = true
	}
	return k
}
