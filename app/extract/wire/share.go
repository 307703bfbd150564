package wire

import (
	"errors"

	"gloss/app/entity"
)

// The typing of a shared build is balanced as it goes, not by a fixed
// split: the helper types its share in pieces from the last entities back
// (Helping), handing each piece to the worker as it is typed, and the
// worker, once its own share and the index are done, types the helper's
// share from its first entities on, a piece per step (Steal), taking the
// helper's pieces between its steps (Take), until every entity is typed.
// They meet wherever their speeds put them: a helper started late, or
// slowed by the page's work on the same cores, types less; one that
// failed types none.

// HelpSteps is how many pieces the helper types its share in; StealStep
// the fraction of the whole typing the worker types per step. A piece is
// ~25-100 ms of a 5 MB build's typing, so neither types much that the
// other has typed already before it hears of it.
const (
	HelpSteps = 32
	StealStep = 1.0 / 64
)

// Helping is the helper's side of a shared build: its share typed in
// pieces, from the last back.
type Helping struct {
	s    *entity.Split
	from float64 // the helper's share is from..1
	k    int     // pieces left
	ID   int     // the share request's
}

// ReadAhead reads the text of the share request r (ReadAhead in package
// entity) while the worker finds its names: the helper has nothing else
// to do until the hand-over comes, and the hand-over then carries neither
// the text nor its tokens.
func ReadAhead(r Request, lex *entity.Lexicon) (*entity.Reading, error) {
	o, err := r.BuildOptions(lex)
	if err != nil {
		return nil, err
	}
	if r.Src == "" {
		return nil, errors.New("wire: a share without its text")
	}
	rd := entity.ReadAhead(r.Src, o)
	mark("read")
	return rd, nil
}

// StartHelping reads the worker's hand-over for the share request r (its
// share from r.Share on) beside rd, the helper's reading of the text
// (ReadAhead): Next types its pieces. A hand-over that cannot be read, or
// of another text, is an error: the worker types the share itself.
func StartHelping(r Request, lex *entity.Lexicon, handOver []byte, rd *entity.Reading) (*Helping, error) {
	o, err := r.BuildOptions(lex)
	if err != nil {
		return nil, err
	}
	if handOver == nil {
		return nil, errors.New("wire: a share without the worker's hand-over")
	}
	s, err := entity.DecodeHandOver(handOver, o, rd)
	if err != nil {
		return nil, err
	}
	mark("received")
	return &Helping{s: s, from: r.Share, k: HelpSteps, ID: r.ID}, nil
}

// Next types the next piece back and returns it as an entity.Part message
// for the worker's Take; done when it was the last.
func (h *Helping) Next() (part []byte, done bool) {
	if h.k <= 0 {
		return nil, true
	}
	h.k--
	w := (1 - h.from) / HelpSteps
	hi := h.from + w*float64(h.k+1)
	if h.k == HelpSteps-1 {
		hi = 1
	}
	p := h.s.Type(h.from+w*float64(h.k), hi)
	if h.k == 0 {
		mark("typed")
	}
	return entity.EncodePart(p), h.k == 0
}

// Steal types the piece of the helper's share at at (a fraction of the
// whole typing) in the worker that started the shared build s, skipping
// what the helper's pieces typed, and returns where the next piece
// starts; s is all typed once Left is 0 or at reaches 1.
func Steal(s *entity.Split, at float64) float64 {
	s.Type(at, min(at+StealStep, 1))
	return at + StealStep
}

// Take takes a piece the helper typed (Helping.Next's message) into s. A
// piece that cannot be read, or of another build, is an error and changes
// nothing: the worker types those entities itself.
func Take(s *entity.Split, part []byte) error {
	p, err := entity.DecodePart(part)
	if err != nil {
		return err
	}
	return s.Take(p)
}
