package entity

import (
	"testing"
	"unicode/utf8"
)

func FuzzFind(f *testing.F) {
	f.Add(sample)
	f.Add("Putin's O'Brien d'Estaing Jean-Yves Le Drian. É\u0301lysée 🙂 Paris")
	f.Add("http://x.y Mr. Smith « Ça » van der Berg")
	f.Fuzz(func(t *testing.T, s string) {
		n := utf8.RuneCountInString(s)
		for _, e := range Find(s, NewGazetteer([]Entry{{Name: "Paris", Aliases: []string{"IS"}}})) {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > n || m.Start >= m.End {
					t.Fatalf("bad span %v in %d code points", m, n)
				}
			}
		}
	})
}

func FuzzSearch(f *testing.F) {
	f.Add(sample, "hollnd")
	f.Add("Éric Zemmour à Marseille", "eric")
	f.Add("a b", " -'")
	f.Add("The US-led coalition, Da'esh and the U.S. Army met in Denver, Colorado.", "u.s. army denvr colorado")
	f.Add("Ölüdeniz İstanbul ΑΘΗΝΑ Αθήνα", "istnbul αθνα")
	f.Fuzz(func(t *testing.T, text, q string) {
		x := NewIndex(text, Find(text, nil))
		size := utf8.RuneCountInString(text)
		for i := range q {
			for _, h := range x.Search(q[:i+1], 5) {
				n := utf8.RuneCountInString(h.Text)
				for _, m := range h.Matched {
					if m < 0 || m >= n {
						t.Fatalf("matched %d outside %q", m, h.Text)
					}
				}
				for _, m := range h.Mentions {
					if m.Start < 0 || m.End > size || m.Start >= m.End {
						t.Fatalf("mention %v of %q outside the %d code points", m, h.Text, size)
					}
				}
			}
		}
	})
}

func FuzzGazetteerMatch(f *testing.F) {
	f.Add("Islamic State", "IS", "the islamic  state and IS, is Daesh")
	f.Add("Élysée", "", "l'elysee")
	f.Fuzz(func(t *testing.T, name, alias, text string) {
		g := NewGazetteer([]Entry{{Name: name, Aliases: []string{alias}}})
		n := utf8.RuneCountInString(text)
		last := 0
		for _, m := range g.Match(text) {
			if m.Start < last || m.End > n || m.Start >= m.End {
				t.Fatalf("bad match %v after %d in %d code points", m.Span, last, n)
			}
			last = m.End
		}
	})
}

func FuzzParseGazetteerJSON(f *testing.F) {
	f.Add([]byte(`{"entries":[{"name":"Islamic State","label":"ORG","aliases":["IS"]}]}`))
	f.Add([]byte(`[{"name":"x"}]`))
	f.Add([]byte(`{"__proto__":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		es, err := ParseGazetteerJSON(data)
		if err == nil {
			for _, e := range es {
				if Fold(e.Name) == "" {
					t.Fatal("entry without a name accepted")
				}
			}
		}
	})
}

func FuzzParseGazetteerCSV(f *testing.F) {
	f.Add([]byte("name,label,aliases\nIslamic State,ORG,IS|ISIS\n"))
	f.Add([]byte("\"a,\"\"b\",c\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		es, err := ParseGazetteerCSV(data)
		if err == nil {
			g := NewGazetteer(es)
			if _, err := ParseGazetteerCSV(g.CSV()); err != nil {
				t.Fatalf("own CSV refused: %v", err)
			}
		}
	})
}
