package wire

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"gloss/app/entity"
	"gloss/web"
)

// TestBuildInWorker: a build asked for over the wire, answered and read
// back is what entity.Build returns in the page with the same options.
func TestBuildInWorker(t *testing.T) {
	lex, err := entity.ParseLexicon(web.Lexicon)
	if err != nil {
		t.Fatal(err)
	}
	gaz := entity.NewGazetteer([]entity.Entry{{Name: "Ana Ferreira", Label: "Person", Aliases: []string{"Mayor Ferreira"}}, {Name: "Gazette", Label: "Org"}})
	mem := &entity.Memory{}
	mem.Vote("Harbour Bridge", "Place", "a1")
	mem.Correct("Tuesday", "Date")
	mem.Reject("Mayor Ana", entity.TypePER)
	text := "Harbour bridge closed\n\nThe city council in Porto voted on Tuesday to close the Harbour Bridge. Mayor Ana Ferreira said the Gazette was wrong. " +
		"Ferreira met Pedro Santos of the Ministry of Works in Lisbon.\n\n" + entity.SampleArticle(30<<10, 5)
	for i, o := range []struct {
		gaz *entity.Gazetteer
		mem *entity.Memory
		lex bool
	}{{}, {gaz: gaz}, {mem: mem, lex: true}, {gaz: gaz, mem: mem, lex: true}} {
		req, err := BuildRequest(i+1, text, o.gaz, o.mem, o.lex)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeRequest(EncodeRequest(req))
		if err != nil || got != req {
			t.Fatalf("options %d: the request came back as %+v, %v", i, got, err)
		}
		msg, err := Build(got, lex)
		if err != nil {
			t.Fatal(err)
		}
		ents, idx, err := entity.DecodeBuild(text, bytes.Join(msg, nil))
		if err != nil {
			t.Fatal(err)
		}
		po := entity.Options{Gazetteer: o.gaz, Memory: o.mem}
		if o.lex {
			po.Lexicon = lex
		}
		wantEnts, wantIdx := entity.Build(text, po)
		if !reflect.DeepEqual(ents, wantEnts) || !reflect.DeepEqual(idx, wantIdx) {
			t.Errorf("options %d: the worker's build differs from the page's", i)
		}
	}
}

// A build that asks for the lexicon the worker could not load fails
// rather than build without it.
func TestBuildWithoutLexicon(t *testing.T) {
	req, err := BuildRequest(1, "Ana Ferreira", nil, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Build(req, nil); err == nil || !strings.Contains(err.Error(), "word lists") {
		t.Errorf("built without the lexicon asked for: %v", err)
	}
	if _, err := Build(Request{ID: 2, Kind: KindBuild, Src: "x", Gazetteer: "{"}, nil); err == nil {
		t.Error("a bad gazetteer was taken")
	}
}

// TestWarmUp: a warm-up builds with the options asked for, and fails like
// a build without the lexicon asked for.
func TestWarmUp(t *testing.T) {
	lex, err := entity.ParseLexicon(web.Lexicon)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < WarmUpSteps; i++ {
		if err := WarmUpStep(Request{Kind: KindWarm, Lexicon: true}, lex, i); err != nil {
			t.Errorf("step %d: %v", i, err)
		}
	}
	if err := WarmUpStep(Request{Kind: KindWarm, Lexicon: true}, nil, 0); err == nil {
		t.Error("warmed up without the lexicon asked for")
	}
	if err := WarmUpStep(Request{Kind: KindWarm, Lexicon: true}, nil, WarmUpSteps-1); err == nil {
		t.Error("a warm-up step ran without the lexicon asked for")
	}
	if r, err := DecodeRequest(EncodeRequest(Request{ID: 3, Kind: KindWarm, Lexicon: true})); err != nil || r.Kind != KindWarm || !r.Lexicon {
		t.Errorf("a warm-up request came back as %+v, %v", r, err)
	}
}

// TestBuildShared: a build shared between two workers over the wire (the
// first starts it and hands what it found over, the helper types its share
// from that hand-over, the first finishes with the helper's part) answers
// with what Build returns, over option sets and shares; without the
// helper's part, or with one of another text, the first worker types the
// rest itself, to the same result; a hand-over cut short or of another
// text's build is refused by the helper or its part by the first worker.
func TestBuildShared(t *testing.T) {
	lex, err := entity.ParseLexicon(web.Lexicon)
	if err != nil {
		t.Fatal(err)
	}
	gaz := entity.NewGazetteer([]entity.Entry{{Name: "Ana Ferreira", Label: "Person"}})
	mem := &entity.Memory{}
	mem.Correct("Tuesday", "Date")
	text := "Harbour bridge closed\n\nThe council in Porto voted on Tuesday. Mayor Ana Ferreira met Pedro Santos in Lisbon.\n\n" + entity.SampleArticle(60<<10, 9)
	// start starts req's shared build and returns the hand-over.
	start := func(req Request) (*entity.Split, []byte) {
		t.Helper()
		var handed []byte
		s, err := StartShared(req, lex, func(parts [][]byte, err error) {
			if err != nil {
				t.Fatal(err)
			}
			handed = bytes.Join(parts, nil)
		})
		if err != nil {
			t.Fatal(err)
		}
		if handed == nil {
			t.Fatal("a shared build handed nothing over")
		}
		return s, handed
	}
	other, err := BuildRequest(9, entity.SampleArticle(20<<10, 4), nil, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	other.Share = 0.5
	_, otherHanded := start(other)
	other.Kind, other.Src = KindShare, ""
	otherPart, err := Share(other, lex, otherHanded)
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range []struct {
		gaz   *entity.Gazetteer
		mem   *entity.Memory
		lex   bool
		share float64
	}{{share: 0.3}, {gaz: gaz, share: 0.5}, {mem: mem, lex: true, share: 0.3}, {gaz: gaz, mem: mem, lex: true, share: 0.9}} {
		req, err := BuildRequest(i+1, text, o.gaz, o.mem, o.lex)
		if err != nil {
			t.Fatal(err)
		}
		po := entity.Options{Gazetteer: o.gaz, Memory: o.mem}
		if o.lex {
			po.Lexicon = lex
		}
		wantEnts, wantIdx := entity.Build(text, po)
		req.Share = o.share
		first, err := DecodeRequest(EncodeRequest(req))
		if err != nil || first != req {
			t.Fatalf("options %d: the request came back as %+v, %v", i, first, err)
		}
		// The helper's request carries the options, not the text.
		helper := req
		helper.Kind, helper.Src = KindShare, ""
		if helper, err = DecodeRequest(EncodeRequest(helper)); err != nil {
			t.Fatal(err)
		}
		_, handed := start(first)
		part, err := Share(helper, lex, handed)
		if err != nil {
			t.Fatal(err)
		}
		for _, cut := range [][]byte{nil, handed[:len(handed)/2], handed[:len(handed)-8]} {
			if _, err := Share(helper, lex, cut); err == nil {
				t.Errorf("options %d: a hand-over of %d bytes of %d was typed", i, len(cut), len(handed))
			}
		}
		for _, c := range []struct {
			what string
			part []byte
		}{{"the helper's part", part}, {"no part", nil}, {"another text's part", otherPart}, {"a part cut short", part[:len(part)/2]}} {
			s, _ := start(first)
			got, took, err := FinishShared(s, c.part)
			if err != nil {
				t.Fatalf("options %d, %s: %v", i, c.what, err)
			}
			if want := c.what == "the helper's part"; took != want {
				t.Errorf("options %d, %s: the part taken %v, want %v", i, c.what, took, want)
			}
			ents, idx, err := entity.DecodeBuild(text, bytes.Join(got, nil))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(ents, wantEnts) || !reflect.DeepEqual(idx, wantIdx) {
				t.Errorf("options %d, %s: the shared build differs from Build", i, c.what)
			}
		}
	}
	for _, r := range []Request{{ID: 4, Kind: KindPart, Drop: true}, {ID: 5, Kind: KindPart}, {ID: 6, Kind: KindStart, Lexicon: true}} {
		if got, err := DecodeRequest(EncodeRequest(r)); err != nil || got != r {
			t.Errorf("%+v came back as %+v, %v", r, got, err)
		}
	}
	if _, err := Share(Request{ID: 3, Kind: KindShare, Lexicon: true}, nil, otherHanded); err == nil {
		t.Error("a share was typed without the word lists asked for")
	}
	if _, err := StartShared(Request{ID: 3, Kind: KindBuild, Src: "x", Lexicon: true, Share: 0.3}, nil, nil); err == nil {
		t.Error("a shared build started without the word lists asked for")
	}
}
