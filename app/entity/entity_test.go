package entity

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	gtext "gloss/app/text"
)

type goldArticle struct {
	Name string   `json:"name"`
	Text string   `json:"text"`
	Gold [][2]int `json:"gold"`
}

func loadGold(t testing.TB) []goldArticle {
	f, err := os.Open("testdata/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []goldArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var a goldArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

func sliceCP(s string, sp gtext.Span) string {
	r := []rune(s)
	return string(r[sp.Start:sp.End])
}

// TestRecall measures candidates against hand-labelled gold mentions: a
// gold mention counts when some candidate mention covers exactly its span.
func TestRecall(t *testing.T) {
	total, found, cands, wrong := 0, 0, 0, 0
	for _, a := range loadGold(t) {
		ents := Find(a.Text, nil)
		got := map[gtext.Span]bool{}
		for _, e := range ents {
			for _, m := range e.Mentions {
				got[m] = true
			}
		}
		gold := map[gtext.Span]bool{}
		for _, g := range a.Gold {
			sp := gtext.Span{Start: g[0], End: g[1]}
			gold[sp] = true
			total++
			if got[sp] {
				found++
			} else {
				t.Logf("%s: missed %q", a.Name, sliceCP(a.Text, sp))
			}
		}
		for _, e := range ents {
			cands++
			hit := false
			for _, m := range e.Mentions {
				hit = hit || gold[m]
			}
			if !hit {
				wrong++
				t.Logf("%s: not an entity: %q", a.Name, e.Name)
			}
		}
	}
	recall := float64(found) / float64(total)
	t.Logf("recall %d/%d = %.3f; %d of %d candidate entities are not gold entities", found, total, recall, wrong, cands)
	if recall < 0.9 {
		t.Errorf("recall %.3f, want at least 0.9", recall)
	}
	if float64(wrong) > 0.15*float64(cands) {
		t.Errorf("%d of %d candidates are not entities, want at most 15%%", wrong, cands)
	}
}

const sample = `French defense chief to ask Russia to step up anti-ISIS ops

Ahead of his visit to Moscow on Monday, the French defense minister told journalists Paris would ask Russia to act against Islamic State.

French Defense Minister Jean-Yves Le Drian heads for Moscow. Le Drian was quoted by AFP. Despite the cold, President Francois Hollande visited Moscow. Hollande's talks with Russian President Vladimir Putin went well. Putin's aide agreed with France. France deployed the Charles de Gaulle near Damascus. François Hollande said so.`

func entityByName(ents []Entity, name string) *Entity {
	for i := range ents {
		if ents[i].Name == name {
			return &ents[i]
		}
	}
	return nil
}

func TestFindCandidates(t *testing.T) {
	ents := Find(sample, nil)
	for _, name := range []string{"Russia", "ISIS", "Moscow", "Paris", "Islamic State", "Jean-Yves Le Drian", "AFP",
		"Vladimir Putin", "Charles de Gaulle", "Damascus", "France"} {
		if entityByName(ents, name) == nil {
			t.Errorf("no entity named %q", name)
		}
	}
	for _, e := range ents {
		for _, bad := range []string{"Ahead", "Despite", "Monday", "President", "Minister", "French Defense"} {
			for _, v := range e.Variants {
				if v == bad {
					t.Errorf("%q is a candidate", bad)
				}
			}
		}
	}
	le := entityByName(ents, "Jean-Yves Le Drian")
	if le == nil || len(le.Mentions) != 2 || le.Label != "PER" || le.Key != "jean yves le drian" {
		t.Errorf("Le Drian: %+v", le)
	}
	h := entityByName(ents, "Francois Hollande")
	if h == nil || len(h.Mentions) != 3 || len(h.Variants) != 3 {
		t.Fatalf("Hollande: %+v", h)
	}
	if got := sliceCP(sample, h.Mentions[1]); got != "Hollande" {
		t.Errorf("possessive mention = %q", got)
	}
	p := entityByName(ents, "Vladimir Putin")
	if p == nil || len(p.Mentions) != 2 || p.Label != "PER" {
		t.Errorf("Putin: %+v", p)
	}
	for _, e := range ents {
		for _, m := range e.Mentions {
			if Fold(sliceCP(sample, m)) == "" {
				t.Errorf("empty mention %v of %q", m, e.Name)
			}
		}
	}
}

func TestGazetteerMatch(t *testing.T) {
	g := NewGazetteer([]Entry{
		{Name: "Islamic State", Label: "ORG", Aliases: []string{"IS", "ISIS", "ISIL", "Daesh"}},
		{Name: "Élysée", Label: "LOC"},
		{Name: "New York", Label: "LOC"},
		{Name: "New York Times", Label: "ORG"},
	})
	text := "This is ISIS, or IS (islamic  state), not Daeshi. The elysee and the New York Times in New York."
	var got []string
	for _, m := range g.Match(text) {
		got = append(got, sliceCP(text, m.Span)+"="+m.Entry.Name)
	}
	want := "ISIS=Islamic State|IS=Islamic State|islamic  state=Islamic State|elysee=Élysée|New York Times=New York Times|New York=New York"
	if strings.Join(got, "|") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}
	ents := Find(text, g)
	is := entityByName(ents, "Islamic State")
	if is == nil || is.Source != SourceGazetteer || is.Label != "ORG" || len(is.Mentions) != 3 {
		t.Errorf("Islamic State entity: %+v", is)
	}
	if err := g.Add(Entry{Name: "islamic STATE", Aliases: []string{"Da'esh"}}); err != nil || g.Len() != 4 {
		t.Errorf("merge: %v, %d entries", err, g.Len())
	}
	if !g.Remove("ELYSÉE") || g.Remove("Elysee") || len(g.Match("Élysée")) != 0 {
		t.Error("remove failed")
	}
}

func TestGazetteerFiles(t *testing.T) {
	g := NewGazetteer([]Entry{{Name: "Islamic State", Label: "ORG", Aliases: []string{"IS", "Daesh"}}, {Name: "Paris", Label: "LOC"}})
	es, err := ParseGazetteerCSV(g.CSV())
	if err != nil || len(es) != 2 || es[0].Aliases[1] != "Daesh" {
		t.Fatalf("CSV round trip: %v %+v", err, es)
	}
	js, _ := g.MarshalJSON()
	var g2 Gazetteer
	if err := g2.UnmarshalJSON(js); err != nil || g2.Len() != 2 {
		t.Fatalf("JSON round trip: %v", err)
	}
	if es, err := ParseGazetteerJSON([]byte(`[{"name":"A b","label":"X"}]`)); err != nil || len(es) != 1 {
		t.Errorf("bare list: %v", err)
	}
	for _, bad := range []string{`{"entries":[{"name":"x","__proto__":{}}]}`, strings.Repeat("[", 70) + strings.Repeat("]", 70),
		`{"entries":[{"label":"ORG"}]}`, `{"entries":[`} {
		if _, err := ParseGazetteerJSON([]byte(bad)); err == nil {
			t.Errorf("accepted %.40s", bad)
		}
	}
	if _, err := ParseGazetteerCSV([]byte("name,label\nParis,LOC\n,ORG\n")); err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("CSV error = %v", err)
	}
	// An unterminated quote is an error naming where the field started, not a panic.
	if _, err := ParseGazetteerCSV([]byte("name,label\nParis,LOC\n\"Lyon,LOC\n")); err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("unterminated quote: %v", err)
	}
	if _, err := ParseGazetteerCSV(make([]byte, MaxGazetteerSize+1)); err == nil {
		t.Error("accepted a huge CSV")
	}
}

func TestSearch(t *testing.T) {
	ents := Find(sample, nil)
	x := NewIndex(sample, ents)
	for _, c := range []struct{ q, want string }{
		{"hollnd", "Hollande"}, {"damscus", "Damascus"}, {"putn", "Putin"},
		{"charles gaulle", "Charles de Gaulle"}, {"jean yves", "Jean-Yves"},
	} {
		hits := x.Search(c.q, 5)
		ok := false
		for i, h := range hits {
			if i < 3 && strings.Contains(h.Text, c.want) && len(h.Mentions) > 0 {
				ok = true
			}
		}
		if !ok {
			t.Errorf("Search(%q) = %+v, want %q in the top 3", c.q, hits, c.want)
		}
		if len(hits) > 0 {
			h := hits[0]
			r := []rune(h.Text)
			for _, i := range h.Matched {
				if i < 0 || i >= len(r) {
					t.Errorf("Search(%q): matched index %d outside %q", c.q, i, h.Text)
				}
			}
		}
	}
	// Typing letter by letter narrows the set; backspace gives the same answer.
	a := x.Search("mosc", 3)
	x.Search("moscx", 3)
	b := x.Search("mosc", 3)
	if len(a) == 0 || len(a) != len(b) || a[0].Text != b[0].Text || a[0].Text != "Moscow" {
		t.Errorf("mosc: %v then %v", a, b)
	}
	if h := x.Search("h", 1); len(h) != 1 || h[0].Entity == "" {
		t.Errorf("one letter: entities first, got %+v", h)
	}
	hl := entityByName(ents, "Francois Hollande")
	ms := x.Mentions([]string{hl.Key, hl.Key, "nope"})
	if len(ms) != 3 {
		t.Errorf("Mentions = %v", ms)
	}
}
