package wire

import (
	"encoding/json"
	"errors"
	"fmt"

	"gloss/app/entity"
)

// Mark, when set, is called with the name of each step of a build as it
// ends ("split", "typed", "indexed", "finished", "encoded"): the worker
// puts them on its performance timeline, where the benchmark's trace
// shows where a long build's time goes.
var Mark func(step string)

func mark(step string) {
	if Mark != nil {
		Mark(step)
	}
}

// BuildRequest asks for text's entities and index built with gaz and mem
// (nil for none) and, when lexicon, the built-in lexicon: what the page
// would pass entity.Build.
func BuildRequest(id int, text string, gaz *entity.Gazetteer, mem *entity.Memory, lexicon bool) (Request, error) {
	r := Request{ID: id, Kind: KindBuild, Src: text, Lexicon: lexicon}
	if gaz != nil {
		b, err := json.Marshal(gaz)
		if err != nil {
			return Request{}, err
		}
		r.Gazetteer = string(b)
	}
	if mem != nil {
		b, err := json.Marshal(mem)
		if err != nil {
			return Request{}, err
		}
		r.Memory = string(b)
	}
	return r, nil
}

// BuildOptions are the entity.Options a build request asks for; lex is the
// worker's lexicon, used when the request asks for it.
func (r Request) BuildOptions(lex *entity.Lexicon) (entity.Options, error) {
	var o entity.Options
	if r.Gazetteer != "" {
		o.Gazetteer = &entity.Gazetteer{}
		if err := json.Unmarshal([]byte(r.Gazetteer), o.Gazetteer); err != nil {
			return o, fmt.Errorf("wire: build %d: the gazetteer: %v", r.ID, err)
		}
	}
	if r.Memory != "" {
		o.Memory = &entity.Memory{}
		if err := json.Unmarshal([]byte(r.Memory), o.Memory); err != nil {
			return o, fmt.Errorf("wire: build %d: the memory: %v", r.ID, err)
		}
	}
	if r.Lexicon {
		if lex == nil {
			return o, errors.New("the word lists could not be loaded")
		}
		o.Lexicon = lex
	}
	return o, nil
}

// Build answers a build request: entity.EncodeBuild's message for Build
// of the request's text with its options, in parts (EncodeBuildParts: the
// worker copies them once, into the buffer it hands the page).
func Build(r Request, lex *entity.Lexicon) ([][]byte, error) {
	o, err := r.BuildOptions(lex)
	if err != nil {
		return nil, err
	}
	ents, idx := entity.Build(r.Src, o)
	mark("finished")
	defer mark("encoded")
	return entity.EncodeBuildParts(ents, idx)
}

// WarmUpAt is the shortest article (bytes) whose build the worker warms up
// for first; warmUpLen how much it builds to warm up, in WarmUpSteps
// articles: the page warms the worker up in idle time on every visit, and
// a web page asked for meanwhile waits for one step, not the whole.
const (
	WarmUpAt    = 2 << 20
	WarmUpSteps = 4
	warmUpLen   = 200 << 10
)

// WarmUpStep builds step i's made-up article (of WarmUpSteps, warmUpLen
// bytes in all) with r's options (a KindWarm or KindBuild request) and
// drops the result, so that the long build after the last step runs in
// V8's optimised code: a 5 MB article's first build took ~7.7 s of
// processor time in node, ~5.2 s after a warm-up of ~1.2 s. The worker
// runs the steps one request at a time, so a page read waits for one.
func WarmUpStep(r Request, lex *entity.Lexicon, i int) error {
	o, err := r.BuildOptions(lex)
	if err != nil {
		return err
	}
	ents, idx := entity.Build(entity.SampleArticle(warmUpLen/WarmUpSteps, int64(7+i)), o)
	_, err = entity.EncodeBuildParts(ents, idx)
	return err
}

// StartShared begins a build shared with a helper worker (r.Share set): it
// reads the text and finds its names, hands them over to the helper
// (handOver, when not nil: entity.EncodeHandOver's message, or why it
// could not be written), makes the index and types its share of them
// (0..Share), while the helper types the rest from the hand-over (Helping);
// then the worker types what the helper has not (Steal, Take, share.go),
// and FinishShared completes it. The index, once made, goes to the page
// at once with the entities' names (index, when not nil:
// entity.EncodeSplitIndex's message), which copies and reads them while the
// typing ends; apart says whether they went.
func StartShared(r Request, lex *entity.Lexicon, handOver func([][]byte, error), index func([][]byte)) (s *entity.Split, apart bool, err error) {
	o, err := r.BuildOptions(lex)
	if err != nil {
		return nil, false, err
	}
	s = entity.NewSplit(r.Src, o)
	mark("split")
	if handOver != nil {
		handOver(entity.EncodeHandOver(s))
		mark("handed")
	}
	// The index first, then the worker's share of the typing: the index
	// goes to the page while the helper still types, so neither its
	// sending nor the page's reading of it waits for the other's typing.
	s.Index()
	mark("indexed")
	if index != nil {
		if parts, err := entity.EncodeSplitIndex(s); err == nil {
			index(parts)
			apart = true
			mark("index-sent")
		}
	}
	s.Type(0, r.Share)
	mark("typed")
	return s, apart, nil
}

// FinishShared completes a shared build and answers as Build does, or
// with its entities' types only (entity.EncodeBuildEntities) when its index
// and their names went apart: the helper's pieces are in already (Take), and whatever no piece
// typed (the helper failed, was late, or a piece could not be read) it
// types itself, so the result is the same, later.
func FinishShared(s *entity.Split, apart bool) (msg [][]byte, err error) {
	ents, idx, err := s.Finish()
	if err != nil {
		return nil, err
	}
	mark("finished")
	defer mark("encoded")
	if apart {
		return entity.EncodeBuildEntities(ents, idx)
	}
	return entity.EncodeBuildParts(ents, idx)
}
