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
// from that hand-over in pieces from the last back, the first types the
// rest of it from the first on and takes the helper's pieces as they come,
// whenever they come, then finishes) answers with what Build returns, over
// option sets and shares, read as the page does from the index and names
// sent as soon as the index is made and the types at the end (or, the index
// not sent apart, from the whole result at the end); without the helper's
// pieces, or with pieces of another text or cut short, the first worker
// types it all itself, to the same result; a hand-over cut short is
// refused by the helper.
func TestBuildShared(t *testing.T) {
	lex, err := entity.ParseLexicon(web.Lexicon)
	if err != nil {
		t.Fatal(err)
	}
	gaz := entity.NewGazetteer([]entity.Entry{{Name: "Ana Ferreira", Label: "Person"}})
	mem := &entity.Memory{}
	mem.Correct("Tuesday", "Date")
	text := "Harbour bridge closed\n\nThe council in Porto voted on Tuesday. Mayor Ana Ferreira met Pedro Santos in Lisbon.\n\n" + entity.SampleArticle(60<<10, 9)
	// startIndex starts req's shared build and returns the hand-over and,
	// when apart, the index sent once made (nil when not apart).
	startIndex := func(req Request, apart bool) (*entity.Split, []byte, []byte) {
		t.Helper()
		var handed, index []byte
		var sendIndex func([][]byte)
		if apart {
			sendIndex = func(parts [][]byte) { index = bytes.Join(parts, nil) }
		}
		s, sent, err := StartShared(req, lex, func(parts [][]byte, err error) {
			if err != nil {
				t.Fatal(err)
			}
			handed = bytes.Join(parts, nil)
		}, sendIndex)
		if err != nil {
			t.Fatal(err)
		}
		if handed == nil {
			t.Fatal("a shared build handed nothing over")
		}
		if sent != apart || (index != nil) != apart {
			t.Fatalf("a shared build's index sent apart %v (%d bytes), want %v", sent, len(index), apart)
		}
		return s, handed, index
	}
	// start starts req's shared build, its index sent apart, and returns
	// the hand-over.
	start := func(req Request) (*entity.Split, []byte) {
		t.Helper()
		s, handed, _ := startIndex(req, true)
		return s, handed
	}
	// read is the helper's reading of the share request r's text.
	read := func(r Request) *entity.Reading {
		t.Helper()
		rd, err := ReadAhead(r, lex)
		if err != nil {
			t.Fatal(err)
		}
		return rd
	}
	// pieces are the helper's pieces for the share request r.
	pieces := func(r Request, handed []byte) [][]byte {
		t.Helper()
		h, err := StartHelping(r, lex, handed, read(r))
		if err != nil {
			t.Fatal(err)
		}
		var ps [][]byte
		for done := false; !done; {
			var p []byte
			p, done = h.Next()
			ps = append(ps, p)
		}
		if len(ps) != HelpSteps {
			t.Fatalf("the helper typed its share in %d pieces, want %d", len(ps), HelpSteps)
		}
		return ps
	}
	other, err := BuildRequest(9, entity.SampleArticle(20<<10, 4), nil, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	other.Share = 0.5
	_, otherHanded := start(other)
	other.Kind = KindShare
	otherPieces := pieces(other, otherHanded)
	for i, o := range []struct {
		gaz   *entity.Gazetteer
		mem   *entity.Memory
		lex   bool
		share float64
	}{{share: 0.3}, {gaz: gaz, share: 0.5}, {mem: mem, lex: true, share: 0.2}, {gaz: gaz, mem: mem, lex: true, share: 0.9}} {
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
		// The helper's request carries the options and the text, which
		// it reads while the worker finds the names.
		helper := req
		helper.Kind = KindShare
		if helper, err = DecodeRequest(EncodeRequest(helper)); err != nil || helper.Src != text {
			t.Fatal("the share request came back without its text", err)
		}
		_, handed := start(first)
		for _, cut := range [][]byte{nil, handed[:len(handed)/2], handed[:len(handed)-8]} {
			if _, err := StartHelping(helper, lex, cut, read(helper)); err == nil {
				t.Errorf("options %d: a hand-over of %d bytes of %d was typed", i, len(cut), len(handed))
			}
		}
		if _, err := StartHelping(helper, lex, otherHanded, read(helper)); err == nil {
			t.Errorf("options %d: another text's hand-over was typed beside this text's reading", i)
		}
		if _, err := StartHelping(helper, lex, handed, nil); err == nil {
			t.Errorf("options %d: a hand-over was typed without a reading of its text", i)
		}
		mine := pieces(helper, handed)
		cut := make([][]byte, len(mine))
		for k, p := range mine {
			cut[k] = p[:len(p)/2]
		}
		for _, c := range []struct {
			what   string
			pieces [][]byte
			every  int // the worker steals a piece after every this many of the helper's (0: none)
			taken  bool
			whole  bool // the index not sent apart: the whole result at the end
		}{{"the helper's pieces, met in the middle", mine, 1, true, false}, {"the helper's pieces, then the worker's", mine, 0, true, false},
			{"a slow helper's pieces", mine, 5, true, false}, {"no helper", nil, 1, false, false},
			{"another text's pieces", otherPieces, 1, false, false}, {"pieces cut short", cut, 1, false, false},
			{"the helper's pieces, the index not sent apart", mine, 1, true, true}} {
			s, _, index := startIndex(first, !c.whole)
			at, took, k := first.Share, 0, 0
			for s.Left() > 0 && at < 1 {
				if k < len(c.pieces) {
					if Take(s, c.pieces[k]) == nil {
						took++
					}
					k++
					if c.every == 0 || k%c.every != 0 {
						continue
					}
				}
				at = Steal(s, at)
			}
			got, err := FinishShared(s, !c.whole)
			if err != nil {
				t.Fatalf("options %d, %s: %v", i, c.what, err)
			}
			if (took > 0) != c.taken {
				t.Errorf("options %d, %s: %d of the helper's pieces taken, want some %v", i, c.what, took, c.taken)
			}
			var ents []entity.Entity
			var idx *entity.Index
			if c.whole {
				ents, idx, err = entity.DecodeBuild(text, bytes.Join(got, nil))
			} else {
				var b *entity.BuildApart
				if b, err = entity.DecodeSplitIndex(text, index); err == nil {
					ents, idx, err = b.Complete(bytes.Join(got, nil))
				}
			}
			if err != nil {
				t.Fatalf("options %d, %s: %v", i, c.what, err)
			}
			if !reflect.DeepEqual(ents, wantEnts) || !reflect.DeepEqual(idx, wantIdx) {
				t.Errorf("options %d, %s: the shared build differs from Build", i, c.what)
			}
		}
	}
	for _, r := range []Request{{ID: 4, Kind: KindPart, Drop: true}, {ID: 5, Kind: KindPart}, {ID: 6, Kind: KindStart, Lexicon: true}, {ID: 7, Kind: KindHelp, Drop: true}, {ID: 8, Kind: KindSteal}, {ID: 9, Kind: KindTake}} {
		if got, err := DecodeRequest(EncodeRequest(r)); err != nil || got != r {
			t.Errorf("%+v came back as %+v, %v", r, got, err)
		}
	}
	if _, err := StartHelping(Request{ID: 3, Kind: KindShare, Lexicon: true}, nil, otherHanded, read(other)); err == nil {
		t.Error("a share was typed without the word lists asked for")
	}
	if _, err := ReadAhead(Request{ID: 3, Kind: KindShare, Src: "x", Lexicon: true}, nil); err == nil {
		t.Error("a share's text was read without the word lists asked for")
	}
	if _, err := ReadAhead(Request{ID: 3, Kind: KindShare}, nil); err == nil {
		t.Error("a share without its text was read")
	}
	if _, _, err := StartShared(Request{ID: 3, Kind: KindBuild, Src: "x", Lexicon: true, Share: 0.3}, nil, nil, nil); err == nil {
		t.Error("a shared build started without the word lists asked for")
	}
}
