package entity

import (
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"gloss/web"
)

// splitTexts are texts for the split's tests: short ones, every fifth test
// article, random word salads and a long sample.
func splitTexts(t *testing.T) []string {
	texts := []string{"", "word", "Jean-Yves Le Drian met the UN in Paris. Le Drian said so.\n\nKORI SCHULMAN IN DAMASCUS\n\nKori Schulman flew to Damascus.",
		"Motorola, Alcatel, Sagem y Mistubishi. Australia, Brunei, Canadá, Chile, China, Corea y Perú firmaron."}
	for i, a := range loadGold(t) {
		if i%5 == 0 {
			texts = append(texts, a.Text)
		}
	}
	vocab := strings.Fields(`Putin Putin's O'Brien Jean-Yves Le Drian Élysée the The of for and President Minister Gulf
Mexico City Ministry Europe U.S. U.N. US-led al-Qaeda , . " “ ” ( ) Le Monde IBM NATO Monday Damascus Syria Syrian
FC United Real Madrid Bank Inc. said told Reuters BERLIN Mrs. Dr. coach goal shares North New York Motorola Alcatel`)
	r := rand.New(rand.NewSource(7))
	for n := 0; n < 12; n++ {
		var b strings.Builder
		for i := 20 + r.Intn(400); i > 0; i-- {
			b.WriteString(vocab[r.Intn(len(vocab))])
			b.WriteString([]string{" ", " ", " ", ", ", ". ", "\n", "-"}[r.Intn(7)])
		}
		texts = append(texts, b.String())
	}
	return append(texts, SampleArticle(120<<10, 3))
}

// splitOptions are Build's option sets for the split's and the build
// message's tests.
func splitOptions(t *testing.T) []Options {
	lex, err := ParseLexicon(web.Lexicon)
	if err != nil {
		t.Fatal(err)
	}
	gaz := NewGazetteer([]Entry{{Name: "Jean-Yves Le Drian", Label: "Person"}, {Name: "United Nations", Label: "Organisation", Aliases: []string{"UN"}}})
	mem := &Memory{}
	mem.Vote("Kori Schulman", "Person", "a1")
	mem.Correct("Paris", "PER")
	mem.Reject("Damascus", TypeLOC)
	return []Options{{}, {Gazetteer: gaz}, {Lexicon: lex, Memory: mem}, {Gazetteer: gaz, Lexicon: lex, Memory: mem}}
}

// wired is p after a trip through EncodePart and DecodePart.
func wired(t *testing.T, p *Part) *Part {
	t.Helper()
	q, err := DecodePart(EncodePart(p))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(q, p) {
		t.Fatal("a part read back differs from the part written")
	}
	return q
}

// TestSplitSameAsBuild: a build shared between two or three Splits, each
// typing its share, the shares crossing as messages, gives Build's result
// field for field, whatever the shares and whenever the index is made.
func TestSplitSameAsBuild(t *testing.T) {
	texts := splitTexts(t)
	for oi, o := range splitOptions(t) {
		for ti, text := range texts {
			want, wx := Build(text, o)
			plans := []struct {
				name  string
				share func() ([]Entity, *Index, error)
			}{}
			for _, at := range []float64{0, 0.3, 0.5, 0.85, 1} {
				plans = append(plans, struct {
					name  string
					share func() ([]Entity, *Index, error)
				}{fmt.Sprintf("two at %.2f", at), func() ([]Entity, *Index, error) {
					other := wired(t, NewSplit(text, o).Type(at, 1))
					s := NewSplit(text, o)
					s.Type(0, at)
					return s.Finish(other)
				}}, struct {
					name  string
					share func() ([]Entity, *Index, error)
				}{fmt.Sprintf("index first, two at %.2f", at), func() ([]Entity, *Index, error) {
					s := NewSplit(text, o)
					s.Index()
					s.Type(0, at)
					return s.Finish(wired(t, NewSplit(text, o).Type(at, 1)))
				}})
			}
			plans = append(plans, struct {
				name  string
				share func() ([]Entity, *Index, error)
			}{"three", func() ([]Entity, *Index, error) {
				a := wired(t, NewSplit(text, o).Type(0.2, 0.7))
				b := NewSplit(text, o).Type(0.7, 1)
				s := NewSplit(text, o)
				s.Type(0, 0.2)
				return s.Finish(b, a)
			}}, struct {
				name  string
				share func() ([]Entity, *Index, error)
			}{"a gap typed by Finish", func() ([]Entity, *Index, error) {
				return NewSplit(text, o).Finish(wired(t, NewSplit(text, o).Type(0.6, 0.8)))
			}})
			// Every index compared before any is searched (a search
			// leaves state in it), then searched.
			xs := make([]*Index, len(plans))
			for pi, p := range plans {
				ents, x, err := p.share()
				if err != nil {
					t.Fatalf("options %d, text %d, %s: %v", oi, ti, p.name, err)
				}
				if !reflect.DeepEqual(ents, want) {
					t.Fatalf("options %d, text %d, %s: entities differ", oi, ti, p.name)
				}
				if f := differentField(x, wx); f != "" {
					t.Fatalf("options %d, text %d, %s: index field %s differs", oi, ti, p.name, f)
				}
				xs[pi] = x
			}
			for _, q := range []string{"le drian", "kori", "damscus", "un", "the"} {
				want := wx.Search(q, 10)
				for pi, x := range xs {
					if !reflect.DeepEqual(x.Search(q, 10), want) {
						t.Fatalf("options %d, text %d, %s: search %q differs", oi, ti, plans[pi].name, q)
					}
				}
			}
		}
	}
}

// TestSplitRange: shares that meet cover every entity once, in order.
func TestSplitRange(t *testing.T) {
	s := NewSplit(SampleArticle(60<<10, 2), Options{})
	n := s.Len()
	if n < 100 {
		t.Fatalf("only %d entities", n)
	}
	last := 0
	for _, at := range []float64{0, 0.1, 0.25, 0.5, 0.5, 0.9, 1} {
		i, j := s.Range(0, at)
		if i != 0 || j < last || j > n {
			t.Fatalf("Range(0, %v) = %d, %d after %d", at, i, j, last)
		}
		last = j
	}
	if i, j := s.Range(-1, 2); i != 0 || j != n {
		t.Fatalf("Range(-1, 2) = %d, %d, want 0, %d", i, j, n)
	}
	// About half the typing's weight is about half the mentions.
	_, mid := s.Range(0, 0.5)
	if mid == 0 || mid == n {
		t.Fatalf("half the typing is %d of %d entities", mid, n)
	}
}

// TestSplitPartOffset: a part taken one entity off is not Build's result,
// so the comparison above would see a part's range gone wrong.
func TestSplitPartOffset(t *testing.T) {
	text := SampleArticle(60<<10, 2)
	o := Options{Lexicon: splitOptions(t)[2].Lexicon}
	want, _ := Build(text, o)
	p := NewSplit(text, o).Type(0.3, 1)
	s := NewSplit(text, o)
	s.Type(0, 0.3)
	p.from--
	ents, _, err := s.Finish(p)
	if err != nil {
		t.Fatal(err)
	}
	if reflect.DeepEqual(ents, want) {
		t.Fatal("a part one entity off gave Build's result")
	}
	s = NewSplit(text, o)
	p.from = s.Len() - len(p.types) + 1 // the last one past the end
	if _, _, err := s.Finish(p); err == nil {
		t.Fatal("a part past the last entity was taken")
	}
}

// TestPartWireRefuses: a part message cut short, of another layout or with
// bytes left over is an error, and Finish refuses a part of another text or build.
func TestPartWireRefuses(t *testing.T) {
	text := "Jean-Yves Le Drian met the UN in Paris. Le Drian said so to Reuters."
	p := NewSplit(text, Options{}).Type(0, 1)
	msg := EncodePart(p)
	for _, n := range []int{0, 7, 8, 17, len(msg) / 2, len(msg) - 8} {
		if _, err := DecodePart(msg[:n]); err == nil {
			t.Errorf("a message cut to %d of %d bytes was read", n, len(msg))
		}
	}
	bad := append([]byte(nil), msg...)
	bad[0] ^= 1
	if _, err := DecodePart(bad); err == nil {
		t.Error("a message of another layout was read")
	}
	if _, err := DecodePart(append(append([]byte(nil), msg...), make([]byte, 8)...)); err == nil {
		t.Error("a message with bytes left over was read")
	}
	ents, x := Build(text, Options{})
	if b, _ := EncodeBuild(ents, x); b != nil {
		if _, err := DecodePart(b); err == nil {
			t.Error("a build message was read as a part")
		}
	}
	for _, other := range []string{text + " ", strings.Replace(text, "Paris", "Lyons", 1), strings.Replace(text, "Reuters", "reuters", 1)} {
		if _, _, err := NewSplit(other, Options{}).Finish(wired(t, p)); err == nil {
			t.Errorf("a part of another text was taken for %q", other)
		}
	}
	s := NewSplit(text, Options{})
	if _, _, err := s.Finish(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Finish(p); err == nil {
		t.Error("a finished split took a part")
	}
}

// TestSplitLeft: Left counts the entities typed neither here nor by a
// Part taken, once each, whichever typed them first.
func TestSplitLeft(t *testing.T) {
	text := SampleArticle(60<<10, 2)
	s := NewSplit(text, Options{})
	n := s.Len()
	if s.Left() != n {
		t.Fatalf("Left %d of %d before any typing", s.Left(), n)
	}
	i, j := s.Range(0, 0.3)
	s.Type(0, 0.3)
	if s.Left() != n-(j-i) {
		t.Fatalf("Left %d after typing %d of %d", s.Left(), j-i, n)
	}
	p := NewSplit(text, Options{}).Type(0.2, 0.6) // overlaps what was typed
	if err := s.Take(p); err != nil {
		t.Fatal(err)
	}
	_, k := s.Range(0, 0.6)
	if s.Left() != n-k {
		t.Fatalf("Left %d after a part up to %d of %d", s.Left(), k, n)
	}
	s.Type(0.5, 1)
	if s.Left() != 0 {
		t.Fatalf("Left %d with every entity typed", s.Left())
	}
	if err := s.Take(NewSplit(text+" ", Options{}).Type(0, 1)); err == nil {
		t.Fatal("a part of another text was taken")
	}
}
