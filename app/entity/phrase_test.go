package entity

import (
	"strings"
	"testing"
)

// TestFindable: every name of the text can be found, with or without a
// typo: names with lower-case words, commas or initials inside, compounds
// and their parts, names inside longer names, acronyms with and without
// dots.
func TestFindable(t *testing.T) {
	text := "The Bank of Scotland lent money in Denver, Colorado, to Adnan Z. Amin. " +
		"The US-led coalition fought Da'esh near al-Qaeda positions, the U.S. Army said.\n\n" +
		"Lucas Cranach the Elder painted for the Motion Picture Association of America. " +
		"The People's Republic of China and the US disagreed."
	x := NewIndex(text, Find(text, nil))
	for _, c := range []struct{ q, want string }{
		{"bank of scotland", "Bank of Scotland"}, {"bank fo scotland", "Bank of Scotland"},
		{"ban of scotland", "Bank of Scotland"}, {"denver, colorado", "Denver, Colorado"},
		{"denver colordao", "Denver, Colorado"}, {"adnan z. amin", "Adnan Z. Amin"},
		{"adnan z amin", "Adnan Z. Amin"}, {"usled", "US-led"}, {"us-led", "US-led"},
		{"daesh", "Da'esh"}, {"da'esh", "Da'esh"}, {"daseh", "Da'esh"}, {"alqaeda", "al-Qaeda"},
		{"qaeda", "Qaeda"}, {"u.s. army", "U.S. Army"},
		{"lucas cranach the elder", "Lucas Cranach the Elder"}, {"cranach", "Cranach"},
		{"association of america", "Association of America"},
		{"motion picture association of america", "Motion Picture Association of America"},
		{"people's republic of china", "People's Republic of China"},
		{"republic of china", "Republic of China"},
	} {
		var hits []Hit
		for i := range c.q { // typed letter by letter
			hits = x.Search(c.q[:i+1], 5)
		}
		if len(hits) == 0 || !strings.Contains(hits[0].Text, c.want) {
			t.Errorf("Search(%q) = %v, want %q first", c.q, texts(hits), c.want)
			continue
		}
		h := hits[0]
		if len(h.Mentions) == 0 {
			t.Errorf("Search(%q): %q has no mentions", c.q, h.Text)
		}
		r := []rune(text)
		for _, m := range h.Mentions {
			if got := Fold(string(r[m.Start:m.End])); got != Fold(h.Text) {
				t.Errorf("Search(%q): mention %v is %q, not %q", c.q, m, got, h.Text)
			}
		}
		n := len([]rune(h.Text))
		for _, i := range h.Matched {
			if i < 0 || i >= n {
				t.Errorf("Search(%q): matched index %d outside %q", c.q, i, h.Text)
			}
		}
	}
	// Both spellings of an acronym are found for it.
	got := strings.Join(texts(x.Search("us", 10)), "|")
	if !strings.Contains(got, "U.S.") || !strings.Contains(got, "|US|") && !strings.HasPrefix(got, "US|") {
		t.Errorf(`Search("us") = %s, want U.S. and US`, got)
	}
	// A phrase stops at a sentence's end.
	if hits := x.Search("amin the", 5); len(hits) > 0 && strings.Contains(hits[0].Text, "Amin. The") {
		t.Errorf("a phrase across sentences: %v", texts(hits))
	}
}

func texts(hits []Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Text)
	}
	return out
}
