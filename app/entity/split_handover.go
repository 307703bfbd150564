package entity

import (
	"errors"
	"fmt"
	"unsafe"
)

// A sharer that types a share of a build need not read the text and find
// its names again (NewSplit, ~40 % of a build): the sharer that did hands
// it over. EncodeHandOver writes what typing reads of a Split — the text,
// its tokens and headline marks, the whole-text facts worked out so far,
// the entities found and where their mentions lie in the tokens — and
// DecodeHandOver makes a Split of it whose Type gives the Parts the
// original's would, to the byte. What typing asks of each word (its
// normalised form, what the word lists say of it) is worked out again as
// it asks, as Retype does: it is numbered in a table of the finder's own.

// handOverLayout marks a hand-over message: the build message's layout and
// version, with "HAND" and the size of a mention's token record in its top
// bytes, so that no other message is read as one.
var handOverLayout = wireLayout ^ 0x48414e4400000000 ^ uint64(unsafe.Sizeof(mentionTok{}))<<16

// The whole-text facts a hand-over carries, as bits.
const (
	factLang uint64 = 1 << iota
	factSports
	factSportsDone
	factBusiness
	factBusinessDone
	factResults
	factResultsDone
)

// EncodeHandOver writes s, found and not typed yet, as one message for
// DecodeHandOver, in parts (as EncodeBuildParts: the text and the large
// arrays are referenced where they lie; s must not change until the parts
// are read).
func EncodeHandOver(s *Split) ([][]byte, error) {
	f := s.f
	if f == nil {
		return nil, errors.New("entity: a split finished already")
	}
	// Where each mention lies in the tokens, as group recorded it; a = -1
	// where it did not (a merged entity's): mentionToks looks it up.
	nm := 0
	for i := range s.ents {
		nm += len(s.ents[i].Mentions)
	}
	mt := make([]mentionTok, 0, nm)
	for i := range s.ents {
		step(i)
		ms := s.ents[i].Mentions
		if known := f.knownMentionToks(ms); known != nil {
			mt = append(mt, known...)
			continue
		}
		for range ms {
			mt = append(mt, mentionTok{a: -1})
		}
	}
	var facts uint64
	for _, b := range []struct {
		on   bool
		fact uint64
	}{{f.langDone, factLang}, {f.sports, factSports}, {f.sportsDone, factSportsDone}, {f.business, factBusiness},
		{f.businessDone, factBusinessDone}, {f.results, factResults}, {f.resultsDone, factResultsDone}} {
		if b.on {
			facts |= b.fact
		}
	}
	w := &wireWriter{ref: true, b: make([]byte, 0, 4<<10)}
	w.u64(handOverLayout)
	putString(w, f.text)
	putSlice(w, f.toks)
	putSlice(w, f.hl)
	putString(w, f.lang)
	w.u64(facts)
	putEntities(w, s.ents)
	putSlice(w, mt)
	return w.message(), nil
}

// DecodeHandOver reads what EncodeHandOver wrote: a Split of the same
// text and entities, to type with options o (the original's). The Split
// shares msg's memory, which must not change afterwards. A message cut
// short or of another layout is an error; a Part typed from a message
// that was changed on the way is refused by the original's Finish (its
// fingerprint differs).
func DecodeHandOver(msg []byte, o Options) (s *Split, err error) {
	msg = alignedMessage(msg)
	defer func() {
		if v := recover(); v != nil {
			s, err = nil, badMessage("hand-over", v)
		}
	}()
	r := &wireReader{b: msg}
	if l := r.u64(); l != handOverLayout {
		return nil, fmt.Errorf("entity: not a hand-over message of this version and layout (%#x, want %#x)", l, handOverLayout)
	}
	text := getString(r)
	toks := getSlice[token](r)
	hl := getSlice[lineMark](r)
	lang := getString(r)
	facts := r.u64()
	ents, ments, err := getEntities(r)
	if err != nil {
		return nil, err
	}
	mt := getSlice[mentionTok](r)
	if r.off != len(r.b) {
		return nil, errors.New("entity: a hand-over message with bytes left over")
	}
	if hl != nil && len(hl) != len(toks) || len(mt) != len(ments) {
		return nil, errors.New("entity: a hand-over message's lists do not match")
	}
	if err := checkHandOver(text, toks, ents, mt); err != nil {
		return nil, err
	}
	f := newFinder(text, toks)
	f.lex, f.mem, f.hl = o.Lexicon, o.Memory, hl
	f.flat, f.flatTok = ments, mt
	f.lang, f.langDone = lang, facts&factLang != 0
	f.sports, f.sportsDone = facts&factSports != 0, facts&factSportsDone != 0
	f.business, f.businessDone = facts&factBusiness != 0, facts&factBusinessDone != 0
	f.results, f.resultsDone = facts&factResults != 0, facts&factResultsDone != 0
	return newSplit(f, o, ents), nil
}

// checkHandOver checks that the tokens and mentions lie in the text and
// the mentions' token records in the tokens, so that a message that
// passed its lengths' checks but not its contents' cannot make typing
// read out of range.
func checkHandOver(text string, toks []token, ents []Entity, mt []mentionTok) error {
	for i := range toks {
		step(i)
		t := &toks[i]
		if t.bstart < 0 || t.bstart > t.bend || int(t.bend) > len(text) || t.start < 0 || t.start > t.end {
			return fmt.Errorf("entity: a hand-over message's token %d is out of the text", i)
		}
	}
	k := 0
	for i := range ents {
		step(i)
		for _, m := range ents[i].Mentions {
			if m.Start < 0 || m.Start > m.End {
				return fmt.Errorf("entity: a hand-over message's entity %d has a mention out of order", i)
			}
			if t := mt[k]; t.a >= 0 && (int(t.a) > len(toks) || t.b < 0 || int(t.b) > len(toks)) {
				return fmt.Errorf("entity: a hand-over message's entity %d has a mention out of the tokens", i)
			}
			k++
		}
	}
	return nil
}
