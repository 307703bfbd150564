package entity

import (
	"errors"
	"fmt"
)

// One long build can be shared between two processes (the page's two build
// workers, one per core). What Build does falls in three parts, measured
// on the 5 MB sample in wasm (node, warm, notes/i16o.md):
//
//   - reading the text and finding the names (tokenize … group, ~38 %):
//     whole-text work. Its filters ask the whole text (its language, the
//     words it writes in lower case, the names it already holds, whether
//     it reads as sports or business news), and group joins mentions
//     from anywhere, so a stretch of the text cannot be read alone and
//     the sharers each do this part;
//   - typing each entity (~42 %): one entity at a time, from its own
//     mentions and the whole text, with no word from the other entities
//     until the lists' pass at the end. This is what is shared: each
//     sharer types a range of the entities and sends the types across;
//   - the index (~20 %): it reads the entities' names, variants and
//     mentions but not their types, so it can be made before the types
//     arrive.
//
// NewSplit does the first part; Type types a share of the entities and
// returns it as a Part (EncodePart/DecodePart carry it between workers);
// Finish takes the other sharers' Parts, types whatever no Part covered,
// runs the lists' pass and makes the index: its result is Build's, to the
// byte, whatever the shares.

// Split is one build being shared: the text read and its names found and
// grouped, not yet typed.
type Split struct {
	f     *finder
	o     Options
	ents  []Entity
	typed []bool          // entities typed (here or by a Part)
	left  int             // entities not typed yet
	cum   []int64         // cum[i]: the typing weight of entities 0..i-1
	fp    uint64          // fingerprint of the entities found: keys, first mentions, counts (take checks it)
	x     *Index          // once made
	lists [][]listMention // the lists of names in the text (textLists), with x
}

// NewSplit reads text and finds and groups its names as Build does, ready
// for typing in shares.
func NewSplit(text string, o Options) *Split {
	toks := tokenize(text)
	step(0)
	f := newFinder(text, toks)
	f.runs.on = true // for the index (chainrun.go)
	step(0)
	return newSplit(f, o, f.findUntyped(o))
}

// newSplit is the Split of ents, found in f's text, not yet typed.
func newSplit(f *finder, o Options, ents []Entity) *Split {
	s := &Split{f: f, o: o, ents: ents, typed: make([]bool, len(ents)), left: len(ents), cum: make([]int64, len(ents)+1)}
	// An entity's typing costs about its mentions (each clue looks around
	// each of them) plus a fixed part.
	for i := range ents {
		step(i)
		s.cum[i+1] = s.cum[i] + 4 + int64(len(ents[i].Mentions))
	}
	s.fp = entitiesPrint(len(f.text), ents)
	return s
}

// entitiesPrint is a fingerprint of the entities found in a text of
// textLen bytes: their keys, first mentions and counts, which typing does
// not change.
func entitiesPrint(textLen int, ents []Entity) uint64 {
	fp := uint64(textLen)*0x9e3779b97f4a7c15 ^ uint64(len(ents))
	for i := range ents {
		step(i)
		fp = (fp ^ uint64(ents[i].First) ^ uint64(len(ents[i].Mentions))<<32) * 0x100000001b3
		for k := 0; k < len(ents[i].Key); k++ {
			fp = (fp ^ uint64(ents[i].Key[k])) * 0x100000001b3
		}
	}
	return fp
}

// Len is the number of entities found.
func (s *Split) Len() int { return len(s.ents) }

// Left is the number of entities not typed yet, here or by a Part taken.
func (s *Split) Left() int { return s.left }

// Range is the entities a share of the typing from..to (fractions of the
// whole typing's cost, 0 ≤ from ≤ to ≤ 1) covers: entities i..j-1. Shares
// that meet (0..0.4, 0.4..1) cover every entity exactly once.
func (s *Split) Range(from, to float64) (i, j int) {
	return s.at(from), s.at(to)
}

// at is the first entity whose typing starts at or after fraction p of
// the whole.
func (s *Split) at(p float64) int {
	n := len(s.ents)
	if p <= 0 {
		return 0
	}
	if p >= 1 {
		return n
	}
	w := int64(p * float64(s.cum[n]))
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if s.cum[m] < w {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Type types the entities of the share from..to (see Range) and returns
// their types as a Part for the other sharers' Finish.
func (s *Split) Type(from, to float64) *Part {
	i, j := s.Range(from, to)
	s.typeRange(i, j)
	p := &Part{textLen: len(s.f.text), n: len(s.ents), fp: s.fp, from: i,
		types: make([]string, j-i), conf: make([]float64, j-i), evidence: make([][]string, j-i)}
	for k := i; k < j; k++ {
		e := &s.ents[k]
		p.types[k-i], p.conf[k-i], p.evidence[k-i] = e.Type, e.Confidence, e.Evidence
	}
	return p
}

// typeRange types entities i..j-1 not typed yet (the first pass of
// typeEntities).
func (s *Split) typeRange(i, j int) {
	for k := i; k < j; k++ {
		step(k << 3) // every 32: a name said often takes long to type
		if !s.typed[k] {
			s.f.typeEntity(&s.ents[k], s.o, nil)
			s.typed[k] = true
			s.left--
		}
	}
}

// Index makes the index and finds the lists of names the lists' pass
// reads, if not done yet: neither reads the types, so a sharer can do
// them while waiting for the others' Parts.
func (s *Split) Index() {
	if s.x != nil {
		return
	}
	f := s.f
	s.lists = f.textLists(s.ents)
	// The index's words are Find's: the same ids, folded once.
	// So are what the word lists say of them and the language: the index
	// finds the capitalised runs again (without the lexicon, as NewIndex).
	// And so are the interner ids of the entities' names, where group
	// left them.
	// So are Find's capitalised runs, where the lexicon kept silent.
	s.x = newIndex(&finder{text: f.text, toks: f.toks, in: f.in, ids: f.ids, lists: f.lists, lang: f.lang, langDone: f.langDone, names: f.names, nameIDs: f.nameIDs, reuse: &f.runs}, s.ents)
	f.runs = chainRuns{}
}

// Finish takes the types of the other sharers' Parts, types the entities
// no Part and no Type here covered, runs the lists' pass and makes the
// index: Build's result. A Part of another text or build is an error.
// The Split is used up.
func (s *Split) Finish(parts ...*Part) ([]Entity, *Index, error) {
	if s.f == nil {
		return nil, nil, errors.New("entity: a split finished already")
	}
	for _, p := range parts {
		if err := s.take(p); err != nil {
			return nil, nil, err
		}
	}
	s.typeRange(0, len(s.ents))
	s.Index()
	for i, extra := range lendListTypes(s.ents, s.lists) {
		step(i)
		s.f.typeEntity(&s.ents[i], s.o, extra)
	}
	ents, x := s.ents, s.x
	*s = Split{}
	return ents, x, nil
}

// Take sets the types of p's entities, typed by another sharer, as Finish
// does with its Parts: they are not typed here. A Part of another text or
// build is an error.
func (s *Split) Take(p *Part) error { return s.take(p) }

// take sets the types of p's entities.
func (s *Split) take(p *Part) error {
	if p == nil || s.f == nil {
		return errors.New("entity: no part or a finished split")
	}
	if p.textLen != len(s.f.text) || p.n != len(s.ents) || p.fp != s.fp {
		return fmt.Errorf("entity: a part of another build (%d bytes, %d entities; want %d, %d)", p.textLen, p.n, len(s.f.text), len(s.ents))
	}
	if p.from < 0 || p.from+len(p.types) > len(s.ents) || len(p.conf) != len(p.types) || len(p.evidence) != len(p.types) {
		return errors.New("entity: a part's entities are out of range")
	}
	for k := range p.types {
		step(k << 3)
		i := p.from + k
		e := &s.ents[i]
		e.Type, e.Confidence, e.Evidence = p.types[k], p.conf[k], p.evidence[k]
		if e.Source == SourceCandidate {
			e.Label = e.Type
		}
		if !s.typed[i] {
			s.typed[i] = true
			s.left--
		}
	}
	return nil
}

// Part is the types of a range of a Split's entities, made by one sharer
// for another.
type Part struct {
	textLen, n int    // the text's length and its entity count
	fp         uint64 // the Split's fingerprint
	from       int    // the first entity
	types      []string
	conf       []float64
	evidence   [][]string
}

// Range is the entities the part holds: i..j-1.
func (p *Part) Range() (i, j int) { return p.from, p.from + len(p.types) }
