package wire

import (
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
		ents, idx, err := entity.DecodeBuild(text, msg)
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
	if err := WarmUp(Request{Kind: KindWarm, Lexicon: true}, lex); err != nil {
		t.Error(err)
	}
	if err := WarmUp(Request{Kind: KindWarm, Lexicon: true}, nil); err == nil {
		t.Error("warmed up without the lexicon asked for")
	}
	if r, err := DecodeRequest(EncodeRequest(Request{ID: 3, Kind: KindWarm, Lexicon: true})); err != nil || r.Kind != KindWarm || !r.Lexicon {
		t.Errorf("a warm-up request came back as %+v, %v", r, err)
	}
}
