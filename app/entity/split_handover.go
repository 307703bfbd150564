package entity

import (
	"errors"
	"fmt"
	"unsafe"

	gtext "gloss/app/text"
)

// A sharer that types a share of a build need not read the text and find
// its names again (NewSplit, ~40 % of a build): the sharer that did hands
// it over. EncodeHandOver writes what typing reads of a Split that the
// other sharer cannot work out from the text alone — the headline marks,
// the whole-text facts worked out so far, the entities found and where
// their mentions lie in the tokens — and DecodeHandOver puts it beside
// the other sharer's reading of the same text (ReadAhead, done while
// NewSplit ran): a Split whose Type gives the Parts the original's would,
// to the byte. The text and its tokens do not cross: the message holds
// the text's length, its token count and checksum, and a reading of
// another text is refused.

// handOverLayout marks a hand-over message: the build message's layout and
// version, with "HAN2" (the second: without the text) and the size of a mention's token record in its top
// bytes, so that no other message is read as one.
var handOverLayout = wireLayout ^ 0x48414e3200000000 ^ uint64(unsafe.Sizeof(mentionTok{}))<<16

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
	w.u64(uint64(len(f.text)))
	w.u64(uint64(len(f.toks)))
	w.u64(textSum(f.text))
	putSlice(w, f.hl)
	putString(w, f.lang)
	w.u64(facts)
	putEntityNames(w, s.ents)
	putEntityTypes(w, s.ents)
	putSlice(w, mt)
	return w.message(), nil
}

// DecodeHandOver reads what EncodeHandOver wrote beside rd, the reading
// of the same text (ReadAhead): a Split of that text and the entities, to
// type with options o (the original's). The Split shares msg's memory,
// which must not change afterwards, and uses rd up. A message cut short
// or of another layout, or a reading of another text, is an error; a
// Part typed from a message that was changed on the way is refused by the
// original's Finish (its fingerprint differs).
func DecodeHandOver(msg []byte, o Options, rd *Reading) (*Split, error) {
	var (
		textLen, ntoks, sum, facts uint64
		hl                         []lineMark
		lang                       string
		ents                       []Entity
		ments                      []gtext.Span
		mt                         []mentionTok
	)
	err := readMessage("hand-over", handOverLayout, msg, func(r *wireReader) error {
		textLen, ntoks, sum = r.u64(), r.u64(), r.u64()
		hl = getSlice[lineMark](r)
		lang = getString(r)
		facts = r.u64()
		var err error
		if ents, ments, err = getEntityNames(r); err != nil {
			return err
		}
		if err := getEntityTypes(r, ents); err != nil {
			return err
		}
		mt = getSlice[mentionTok](r)
		if rd == nil || rd.f == nil {
			return errors.New("entity: a hand-over without a reading of its text")
		}
		f := rd.f
		if textLen != uint64(len(f.text)) || ntoks != uint64(len(f.toks)) || sum != rd.sum {
			return fmt.Errorf("entity: a hand-over of another text (%d bytes, %d tokens; read %d, %d)", textLen, ntoks, len(f.text), len(f.toks))
		}
		if hl != nil && len(hl) != len(f.toks) || len(mt) != len(ments) {
			return errors.New("entity: a hand-over message's lists do not match")
		}
		return checkHandOver(f.toks, ents, mt)
	})
	if err != nil {
		return nil, err
	}
	f := rd.f
	rd.f = nil
	if o.Lexicon != rd.lex {
		f.kinds = nil // looked up in another lexicon
	}
	f.lex, f.mem, f.hl = o.Lexicon, o.Memory, hl
	f.flat, f.flatTok = ments, mt
	f.lang, f.langDone = lang, facts&factLang != 0
	f.sports, f.sportsDone = facts&factSports != 0, facts&factSportsDone != 0
	f.business, f.businessDone = facts&factBusiness != 0, facts&factBusinessDone != 0
	f.results, f.resultsDone = facts&factResults != 0, facts&factResultsDone != 0
	return newSplit(f, o, ents), nil
}

// checkHandOver checks that the mentions' token records lie in the
// tokens, so that a message that passed its lengths' checks but not its
// contents' cannot make typing read out of range.
func checkHandOver(toks []token, ents []Entity, mt []mentionTok) error {
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
