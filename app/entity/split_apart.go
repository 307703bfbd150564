package entity

import (
	"errors"

	gtext "gloss/app/text"
)

// A shared build's index is made before its entities are all typed (Split.Index:
// it reads no type), and with the entities' names and mentions, which typing
// does not change, it is nearly all of the result's bytes (~57 MB of 59 for
// the 5 MB sample). So the worker sends them to the page as soon as the
// index is made (EncodeSplitIndex), and the page copies and reads them
// (DecodeSplitIndex) while the two workers finish the typing; the result at
// the end is only the entities' types (EncodeBuildEntities), which Complete
// puts in: what DecodeBuild reads of the whole message, to the byte.

// The two messages' marks: the build message's layout and version, with
// "IDX" or "ENT" in their top bytes, so that neither is read as the other or
// as a whole build.
var (
	indexApartLayout    = wireLayout ^ 0x4944580000000000
	entitiesApartLayout = wireLayout ^ 0x454e540000000000
)

// EncodeSplitIndex writes s's index, made (Index) and not searched, and its
// entities' names, variants and mentions, as one message for
// DecodeSplitIndex, in parts (as EncodeBuildParts: the large
// arrays are referenced where they lie, and must not change until the parts
// are read). The message holds the text's length and checksum and the
// entities' fingerprint, which the entities' message must match.
func EncodeSplitIndex(s *Split) ([][]byte, error) {
	if s.f == nil || s.x == nil {
		return nil, errors.New("entity: a split without its index, or finished")
	}
	x := s.x
	if x.words != nil || x.lastWord.ms != nil || x.lastWord.w != "" || x.stack != nil || x.typos != nil {
		return nil, errors.New("entity: EncodeSplitIndex wants an index not yet searched")
	}
	w := &wireWriter{ref: true, b: make([]byte, 0, 4<<10)}
	w.u64(indexApartLayout)
	w.u64(uint64(len(x.text)))
	w.u64(textSum(x.text))
	w.u64(uint64(len(s.ents)))
	w.u64(s.fp)
	putIndex(w, x)
	putEntityNames(w, s.ents)
	return w.message(), nil
}

// EncodeBuildEntities writes the types of a shared build's entities,
// Finish's with its index, as one message for Complete beside the index's
// (EncodeSplitIndex), in parts as EncodeBuildParts.
func EncodeBuildEntities(ents []Entity, x *Index) ([][]byte, error) {
	if x == nil || len(x.ents) != len(ents) || len(ents) > 0 && &x.ents[0] != &ents[0] {
		return nil, errors.New("entity: EncodeBuildEntities wants Finish's entities and index")
	}
	w := &wireWriter{ref: true, b: make([]byte, 0, 4<<10)}
	w.u64(entitiesApartLayout)
	w.u64(uint64(len(x.text)))
	w.u64(textSum(x.text))
	w.u64(entitiesPrint(len(x.text), ents))
	putEntityTypes(w, ents)
	return w.message(), nil
}

// BuildApart is a shared build's result read from its index's message
// (DecodeSplitIndex), its entities not typed yet: Complete puts their
// types in.
type BuildApart struct {
	text    string
	ents    []Entity
	x       *Index
	sum, fp uint64
}

// DecodeSplitIndex reads a shared build's index and its entities' names
// (EncodeSplitIndex's message) for text. They share msg's memory, which
// must not change afterwards. A message cut short, of another layout or of
// another text is an error.
func DecodeSplitIndex(text string, msg []byte) (b *BuildApart, err error) {
	const kind = "build's index"
	err = readMessage(kind, indexApartLayout, msg, func(r *wireReader) error {
		if err := r.textLen(kind, len(text)); err != nil {
			return err
		}
		b = &BuildApart{text: text, sum: r.u64()}
		nents := r.u64()
		b.fp = r.u64()
		b.x = &Index{text: text}
		getIndex(r, b.x)
		var err error
		if b.ents, _, err = getEntityNames(r); err != nil {
			return err
		}
		if nents != uint64(len(b.ents)) {
			return errors.New("entity: a build's index message's entity count does not match")
		}
		b.x.ents = b.ents
		return nil
	})
	if err != nil {
		return nil, err
	}
	return b, nil
}

// Complete puts in the types of the entities (EncodeBuildEntities'
// message, which it shares the memory of) and returns the build's result:
// DecodeBuild's of the whole message. A message cut short or of another
// layout, or the types of another build, is an error. b is used up either
// way.
func (b *BuildApart) Complete(msg []byte) (ents []Entity, x *Index, err error) {
	if b.x == nil {
		return nil, nil, errors.New("entity: a build completed already")
	}
	ents, x = b.ents, b.x
	wantSum, wantFP := b.sum, b.fp
	*b = BuildApart{}
	const kind = "build's entities"
	err = readMessage(kind, entitiesApartLayout, msg, func(r *wireReader) error {
		if err := r.textLen(kind, len(x.text)); err != nil {
			return err
		}
		if sum, fp := r.u64(), r.u64(); sum != wantSum || fp != wantFP {
			return errors.New("entity: a build's entities and index of two builds")
		}
		return getEntityTypes(r, ents)
	})
	if err != nil {
		return nil, nil, err
	}
	return ents, x, nil
}

// wireNames is one Entity's part that typing does not change, with its
// strings as numbers in the message's string table and its slices as
// counts (1 + the length, 0 for a nil slice) into the flat lists.
type wireNames struct {
	key, name, source uint32
	nvar, nment       uint32
	first             int64
}

// wireTypes is one Entity's part that typing sets, as wireNames.
type wireTypes struct {
	label, typ, nev uint32
	conf            float64
}

// putEntityNames writes what typing does not change of ents: a table of
// their strings, then fixed records and the flat lists their slices are
// cut from.
func putEntityNames(w *wireWriter, ents []Entity) {
	// Sized first: grown by appending, the string table and the lists made
	// as much garbage again as they hold (the worker writes them twice per
	// build, ~40 MB on a 5 MB article), all of it memory the worker's first
	// long build takes fresh from the system.
	nb, nv, nm := 0, 0, 0
	for i := range ents {
		e := &ents[i]
		nb += len(e.Key) + len(e.Name)
		for _, v := range e.Variants {
			nb += len(v)
		}
		nv += len(e.Variants)
		nm += len(e.Mentions)
	}
	strs := &wireStrings{ids: map[string]uint32{}, arena: make([]byte, 0, nb+64), offs: make([]uint32, 1, 2*len(ents)+nv+8)}
	recs := make([]wireNames, len(ents))
	var vars []uint32 // nil without variants, as the message says
	if nv > 0 {
		vars = make([]uint32, 0, nv)
	}
	ments := make([]gtext.Span, 0, nm)
	for i := range ents {
		step(i)
		e := &ents[i]
		recs[i] = wireNames{key: strs.add(e.Key), name: strs.add(e.Name), source: strs.id(e.Source),
			nvar: nilLen(e.Variants), nment: nilLen(e.Mentions), first: int64(e.First)}
		for _, v := range e.Variants {
			vars = append(vars, strs.add(v))
		}
		ments = append(ments, e.Mentions...)
	}
	w.u64(uint64(nilLen(ents)))
	strs.put(w)
	putSlice(w, recs)
	putSlice(w, vars)
	putSlice(w, ments)
}

// getEntityNames reads what putEntityNames wrote: the entities, untyped,
// and the flat list of mentions their Mentions are cut from in order.
func getEntityNames(r *wireReader) (ents []Entity, ments []gtext.Span, err error) {
	entsLen := r.u64()
	strs := getStrings(r)
	recs := getSlice[wireNames](r)
	vars := lookup(strs, getSlice[uint32](r))
	ments = getSlice[gtext.Span](r)
	if entsLen != 0 {
		if uint64(len(recs)) != entsLen-1 {
			return nil, nil, errors.New("entity: a message's entity count does not match")
		}
		ents = make([]Entity, len(recs))
	}
	var av, am int
	for i := range ents {
		step(i)
		rc := &recs[i]
		e := &ents[i]
		e.Key, e.Name, e.Source, e.First = strs[rc.key], strs[rc.name], strs[rc.source], int(rc.first)
		if rc.nvar > 0 {
			e.Variants = cut(vars, &av, rc.nvar-1)
		}
		if rc.nment > 0 {
			e.Mentions = cut(ments, &am, rc.nment-1)
		}
	}
	return ents, ments, nil
}

// putEntityTypes writes what typing set of ents: their labels, types,
// confidences and evidence. These repeat, and each is written once.
func putEntityTypes(w *wireWriter, ents []Entity) {
	strs := &wireStrings{ids: map[string]uint32{}, offs: make([]uint32, 1, 64)}
	recs := make([]wireTypes, len(ents))
	var evs []uint32
	for i := range ents {
		step(i)
		e := &ents[i]
		recs[i] = wireTypes{label: strs.id(e.Label), typ: strs.id(e.Type), nev: nilLen(e.Evidence), conf: e.Confidence}
		for _, v := range e.Evidence {
			evs = append(evs, strs.id(v))
		}
	}
	strs.put(w)
	putSlice(w, recs)
	putSlice(w, evs)
}

// getEntityTypes reads what putEntityTypes wrote into ents, one record
// each.
func getEntityTypes(r *wireReader, ents []Entity) error {
	strs := getStrings(r)
	recs := getSlice[wireTypes](r)
	evs := lookup(strs, getSlice[uint32](r))
	if len(recs) != len(ents) {
		return errors.New("entity: a message's entity count does not match")
	}
	var ae int
	for i := range ents {
		step(i)
		rc := &recs[i]
		e := &ents[i]
		e.Label, e.Type, e.Confidence = strs[rc.label], strs[rc.typ], rc.conf
		if rc.nev > 0 {
			e.Evidence = cut(evs, &ae, rc.nev-1)
		}
	}
	return nil
}
