package entity

import (
	"errors"
)

// A Part crosses from one build worker to the other as bytes, in the
// layout of the build message (wire.go): a string table (types and
// evidence sentences repeat, each is written once), then flat arrays.

// partLayout marks a Part message: the build message's layout and version
// with "PART" in its top bytes, so neither message is read as the other.
var partLayout = wireLayout ^ 0x5041525400000000

// EncodePart writes p as one message for DecodePart.
func EncodePart(p *Part) []byte {
	strs := &wireStrings{ids: map[string]uint32{}, offs: make([]uint32, 1, 64)}
	types := make([]uint32, len(p.types))
	nev := make([]uint32, len(p.types))
	var evs []uint32
	for k := range p.types {
		step(k)
		types[k] = strs.id(p.types[k])
		nev[k] = nilLen(p.evidence[k])
		for _, v := range p.evidence[k] {
			evs = append(evs, strs.id(v))
		}
	}
	w := &wireWriter{b: make([]byte, 0, 1<<8+len(strs.arena)+4*len(strs.offs)+16*len(types)+4*len(evs))}
	w.u64(partLayout)
	w.u64(uint64(p.textLen))
	w.u64(uint64(p.n))
	w.u64(p.fp)
	w.u64(uint64(p.from))
	strs.put(w)
	putSlice(w, types)
	putSlice(w, p.conf)
	putSlice(w, nev)
	putSlice(w, evs)
	return w.b
}

// DecodePart reads what EncodePart wrote. The Part's strings share msg,
// which must not change afterwards. A message cut short or of another
// layout is an error; Split.Finish refuses a Part of another build.
func DecodePart(msg []byte) (p *Part, err error) {
	err = readMessage("part", partLayout, msg, func(r *wireReader) error {
		p = &Part{textLen: int(r.u64()), n: int(r.u64()), fp: r.u64(), from: int(r.u64())}
		strs := getStrings(r)
		types := getSlice[uint32](r)
		conf := getSlice[float64](r)
		nev := getSlice[uint32](r)
		evs := getSlice[uint32](r)
		if len(conf) != len(types) || len(nev) != len(types) {
			return errors.New("entity: a part message's lists do not match")
		}
		all := lookup(strs, evs)
		p.types = make([]string, len(types))
		p.conf = conf
		p.evidence = make([][]string, len(types))
		at := 0
		for k, id := range types {
			step(k)
			p.types[k] = strs[id]
			if nev[k] > 0 {
				p.evidence[k] = cut(all, &at, nev[k]-1)
			}
		}
		if at != len(all) {
			return errors.New("entity: a part message's evidence does not match")
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}
