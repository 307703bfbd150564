package entity

import (
	"strings"
	"unicode"
)

// Warmer types made-up queries into the index of a small made-up article,
// a few at a time, so that the browser's WebAssembly engine compiles the
// search's code to its optimising tier before a person's first query.
//
// Until then that code runs in V8's baseline tier (Liftoff). A query rescans
// every target of the article at its third and fourth letters (and again
// where the typo allowance grows), and the first such rescans of a 1 MB
// article took 25–35 ms in the browser, against 7–9 ms once the search had
// run a while. V8 optimises a function once it has run enough, whatever
// the data, and uses the optimised code from its next call on: a small
// index queried often enough warms the same code for a fraction of the
// work.
type Warmer struct {
	text     string
	idx      *Index
	queries  []string
	intended []string // the target each query was made from
	next     int      // the query being typed
	typed    int      // its letters typed so far
}

// warmQueries is how many made-up queries a warm-up types.
const warmQueries = 24

// NewWarmer returns a warm-up whose steps have not run yet.
func NewWarmer() *Warmer {
	return &Warmer{text: warmArticle()}
}

// Step runs the next piece of the warm-up, each a few milliseconds even in
// the baseline tier: first building the index, then one keystroke of a
// query per step, each query typed letter by letter. (A whole query per
// step took up to 42 ms in Chromium before V8 had optimised the search:
// one task the page could not answer input in.) It reports whether more
// steps are left.
func (w *Warmer) Step() bool {
	switch {
	case w.text == "":
		return false // done
	case w.idx == nil:
		ents := warmNames(w.text)
		w.idx = NewIndex(w.text, ents)
		w.queries, w.intended = warmTypos(ents, w.idx.Targets(), warmQueries)
		return len(w.queries) > 0
	case w.next < len(w.queries):
		q := []rune(w.queries[w.next])
		w.typed++
		w.idx.Search(string(q[:w.typed]), 20)
		if w.typed >= len(q) {
			w.next, w.typed = w.next+1, 0
		}
	}
	if w.next < len(w.queries) {
		return true
	}
	w.text, w.idx = "", nil // done: nothing kept
	return false
}

// warmArticle returns a small article over a made-up vocabulary: a few
// thousand distinct search targets, enough for each rescan to loop long.
func warmArticle() string {
	g := &sampleGen{rng: 0x5EED}
	g.vocab = g.words(1500, 1, 4, false)
	g.first = g.words(120, 2, 3, true)
	g.last = g.words(500, 2, 4, true)
	g.places = g.words(100, 2, 3, true)
	g.acronyms = []string{"UN", "EU", "NATO", "WHO", "BBC"}
	var b strings.Builder
	for sentence := 0; b.Len() < 24<<10; sentence++ {
		if sentence > 0 {
			b.WriteByte(' ')
		}
		g.sentence(&b)
	}
	return b.String()
}

// warmNames returns the article's capitalised pairs of words as entities
// (finding them would run the finder, whose first run builds its tables:
// the search does not need them).
func warmNames(text string) []Entity {
	var ents []Entity
	seen := map[string]bool{}
	words := strings.Fields(text)
	for i := 1; i < len(words); i++ {
		a, b := words[i-1], strings.TrimSuffix(strings.TrimRight(words[i], ".,"), "'s")
		if !capitalised(a) || !capitalised(b) {
			continue
		}
		name := a + " " + b
		key := strings.ToLower(name)
		if seen[key] {
			continue
		}
		seen[key] = true
		ents = append(ents, Entity{Key: key, Name: name, Variants: []string{name}, Source: SourceCandidate})
	}
	return ents
}

func capitalised(w string) bool { return w != "" && 'A' <= w[0] && w[0] <= 'Z' }

// warmTypos makes n queries that take every path of the search: names of
// two words, each with a different mistake (a letter dropped, two swapped,
// one replaced, one added), and targets typed whole, of one word or more.
// It returns them with the target or name each was made from.
func warmTypos(ents []Entity, targets []string, n int) (queries, intended []string) {
	for i := 0; len(queries) < n && (len(ents) > 0 || len(targets) > 0); i++ {
		var from, q string
		switch {
		case i%4 == 3 && len(targets) > 0 || len(ents) == 0:
			from = targets[(i*7919)%len(targets)]
			q = from
		default:
			from = ents[(i*104729)%len(ents)].Name
			q = mistype([]rune(strings.ToLower(from)), i)
		}
		queries = append(queries, q)
		intended = append(intended, from)
	}
	return queries, intended
}

// mistype makes one mistake of kind k%4 near the middle of r, between two
// letters.
func mistype(r []rune, k int) string {
	p := -1
	for d := 0; d < len(r); d++ {
		for _, at := range []int{len(r)/2 + d, len(r)/2 - d} {
			if p < 0 && at >= 1 && at < len(r) && unicode.IsLetter(r[at-1]) && unicode.IsLetter(r[at]) {
				p = at
			}
		}
	}
	if p < 0 {
		return string(r)
	}
	switch k % 4 {
	case 0:
		return string(r[:p]) + string(r[p+1:])
	case 1:
		out := append([]rune(nil), r...)
		out[p-1], out[p] = out[p], out[p-1]
		if out[p] == r[p] {
			out[p] = 'x' // equal neighbours: replaced instead
		}
		return string(out)
	case 2:
		c := 'x'
		if r[p] == c {
			c = 'q'
		}
		return string(r[:p]) + string(c) + string(r[p+1:])
	}
	return string(r[:p]) + "e" + string(r[p:])
}
