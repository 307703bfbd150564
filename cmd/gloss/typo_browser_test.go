package main

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gloss/app/entity"
	atext "gloss/app/text"
)

// typoArticle is part of the sample article the product was specified
// with (../shared/samples), as a fixture of our own.
const typoArticle = `French defense chief to ask Russia to step up anti-ISIS ops

French Defense Minister Jean-Yves Le Drian heads for Moscow this Monday in pursuit of enhanced collaboration between France and Russia to combat Islamic State (IS, formerly ISIS/ISIL) on Syrian soil. His main goal is to ask Russian Defense Minister Sergey Shoigu to increase strikes against IS, according to AFP.

The French defense minister's trip comes after President Francois Hollande visited Moscow in November in the wake of the Paris terror attacks that killed 130 people. Hollande's talks with Russian President Vladimir Putin resulted in a joint declaration to intensify strikes against IS and coordinate the military effort in and around Syria.

On Sunday, President Putin called on European states to act independently and join forces with Russia in combating international terrorism. Moscow is ready to cooperate even in the midst of sanctions, Putin stressed.

The French military is carrying out anti-IS strikes as part of the US-led coalition that has not proved effective so far. The coalition's legitimacy is highly questionable, as Damascus has at no time invited the West to conduct an air campaign on Syrian territory.`

// TestBrowserSearchTypos types names with every kind of typo letter by
// letter — two letters swapped, one replaced, one doubled — and checks that
// each finds its name first, emphasises letters of it, and highlights in
// the article every mention of it: the mentions the index gives, which
// cover every occurrence of the name.
func TestBrowserSearchTypos(t *testing.T) {
	ctx, _, cons := openApp(t)
	pasteArticle(t, ctx, typoArticle)
	art, _, err := atext.FromPaste(typoArticle)
	if err != nil {
		t.Fatal(err)
	}
	x := entity.NewIndex(art.Text, entity.Find(art.Text, nil))
	for _, c := range []struct{ query, name string }{
		{"hollnade", "Hollande"}, {"ptuin", "Putin"}, {"damascis", "Damascus"}, {"shoiigu", "Shoigu"},
	} {
		if _, err := chromedp.Run(ctx, chromedp.Blur(chromedp.CSS(`[data-testid="search-input"]`))); err != nil {
			t.Fatal(err)
		}
		typeKey(t, ctx, '/') // focuses the box and selects the query before
		if _, err := pollJS[bool](ctx, `document.activeElement && document.activeElement.dataset.testid === "search-input"`); err != nil {
			t.Fatalf("%q: / did not focus the search box", c.query)
		}
		typeLetters(t, ctx, c.query)
		hits := x.Search(c.query, 20)
		if len(hits) == 0 {
			t.Fatalf("%q: the index finds nothing", c.query)
		}
		var want []span
		for _, m := range hits[0].Mentions {
			want = append(want, span{m.Start, m.End, string([]rune(art.Text)[m.Start:m.End])})
		}
		var got []span
		var r firstResult
		for range 60 {
			if r, err = readFirstResult(ctx); err != nil {
				t.Fatal(err)
			}
			if got, err = highlightSpans(ctx, "gloss-hit"); err != nil {
				t.Fatal(err)
			}
			if b := letters(r.Bold); strings.Contains(r.Text, c.name) && slices.Equal(got, want) &&
				len(b) >= len(c.query)-1 && isSubsequence(b, letters(r.Text)) {
				break // the last letter's results are shown
			}
			chromedp.Run(ctx, chromedp.Sleep(50*time.Millisecond))
		}
		v, _ := evalJS[string](ctx, `document.querySelector('[data-testid="search-input"]').value`)
		if v != c.query {
			t.Errorf("the box holds %q, want %q", v, c.query)
		}
		if !strings.Contains(r.Text, c.name) {
			t.Errorf("%q: first result %q (all %q), want %q", c.query, r.Text, r.All, c.name)
		}
		// The emphasis spells the name's letters, most of the query's.
		if b := letters(r.Bold); len(b) < len(c.query)-1 || !isSubsequence(b, letters(r.Text)) {
			t.Errorf("%q: emphasised %q in %q", c.query, r.Bold, r.Text)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: highlighted %+v, want %+v", c.query, got, want)
		}
		for _, o := range occurrences(typoArticle, c.name) {
			if !slices.ContainsFunc(got, func(s span) bool { return s.Start <= o.Start && o.End <= s.End }) {
				t.Errorf("%q: %s at %d is not highlighted (%v)", c.query, c.name, o.Start, got)
			}
		}
	}
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// isSubsequence reports whether a's letters appear in b in order.
func isSubsequence(a, b string) bool {
	i := 0
	for _, r := range b {
		if i < len(a) && rune(a[i]) == r {
			i++
		}
	}
	return i == len(a)
}
