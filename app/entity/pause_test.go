package entity

import (
	"cmp"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"

	gtext "gloss/app/text"
)

// withPause sets Pause to count its calls for the test's duration.
func withPause(t *testing.T) *int {
	n := new(int)
	Pause = func() { *n++ }
	t.Cleanup(func() { Pause = nil })
	return n
}

func TestSortPaced(t *testing.T) {
	n := withPause(t)
	rng := rand.New(rand.NewSource(1))
	for _, size := range []int{0, 1, 2047, 2048, 2049, 5000, 70001} {
		s := rng.Perm(size)
		want := slices.Clone(s)
		slices.Sort(want)
		sortPaced(s, cmp.Compare[int])
		if !slices.Equal(s, want) {
			t.Fatalf("size %d: not sorted", size)
		}
	}
	if *n == 0 {
		t.Error("sortPaced never paused")
	}
}

// TestPauseSameResults: building with pauses gives exactly what building
// without them gives, and pauses often enough to keep slices short.
func TestPauseSameResults(t *testing.T) {
	text := SampleArticle(300<<10, 3)
	ents := Find(text, nil)
	x := NewIndex(text, ents)
	n := withPause(t)
	ents2 := Find(text, nil)
	x2 := NewIndex(text, ents2)
	if !reflect.DeepEqual(ents, ents2) {
		t.Fatal("Find differs with Pause set")
	}
	if !slices.Equal(x.Targets(), x2.Targets()) {
		t.Fatal("NewIndex's targets differ with Pause set")
	}
	for _, q := range []string{"hollande", "pr", "minister"} {
		if !reflect.DeepEqual(x.Search(q, 10), x2.Search(q, 10)) {
			t.Errorf("Search(%q) differs with Pause set", q)
		}
	}
	// 300 KB is ~50,000 tokens: a pause at least every few thousand steps.
	if *n < 50 {
		t.Errorf("Pause called %d times over 300 KB", *n)
	}
}

// TestDefinerEnds: reading the text once near brackets finds every definer
// end that a pass per definer finds and explained can use (a bracket at
// most maxParenLead bytes before it, none closed in between), in the same
// order, and nothing a pass per definer would not find.
func TestDefinerEnds(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	pieces := append([]string{"(", "[", ")", "]", "\n", "Daesh ", "an Arabic ", "IS ", "x", "  ", "ééé "}, definers...)
	for round := 0; round < 200; round++ {
		var b strings.Builder
		for b.Len() < 400 {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := b.String()
		f := &finder{text: text}
		usable := func(p int) bool {
			lo := max(0, p-maxParenLead)
			open := strings.LastIndexAny(text[lo:p], "([")
			return open >= 0 && !strings.ContainsAny(text[lo+open:p], ")]\n")
		}
		var naive, all []int
		for _, d := range definers {
			for from := 0; ; {
				i := strings.Index(text[from:], d)
				if i < 0 {
					break
				}
				from += i + len(d)
				all = append(all, from)
				if usable(from) {
					naive = append(naive, from)
				}
			}
		}
		var got []int
		for _, p := range f.definerEnds() {
			if !slices.Contains(all, p) {
				t.Fatalf("%q: definerEnds found %d, no definer ends there", text, p)
			}
			if usable(p) {
				got = append(got, p)
			}
		}
		if !slices.Equal(got, naive) {
			t.Fatalf("%q:\ngot  %v\nwant %v", text, got, naive)
		}
	}
}

// TestSentencesPaced: split in pieces at line breaks, with Pause set, the
// sentences are exactly the whole text's (the pieces' own tests are in
// app/text).
func TestSentencesPaced(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	pieces := []string{"Mr. ", "Smith ", "said ", "it. ", "The ", "U.S. ", "\"Why?\" ", "Then ", "3.5 ", "„Ja.“ ", "'s ",
		"(see ", "this) ", "Jan. ", "\n", "\r\n", "\n\n", "\u2028", "é ", "。", "Élise ", "won't ", "… "}
	texts := []string{SampleArticle(200<<10, 4), gtext.Wrap(SampleArticle(200<<10, 5), 72)}
	if len(gtext.SoftBreaks(texts[1])) < 1000 {
		t.Fatal("the wrapped sample has no soft line breaks to test")
	}
	for i := 0; i < 20; i++ {
		var b strings.Builder
		for b.Len() < 100<<10 {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	// Long texts are split in pieces whether or not Pause is set (one
	// call over the whole would run in V8's baseline tier: tokenize).
	for i, text := range texts {
		if got, want := sentences(text, gtext.SoftBreaks(text)), gtext.Sentences(text); !slices.Equal(got, want) {
			t.Fatalf("text %d: %d sentences in pieces, %d whole", i, len(got), len(want))
		}
	}
	n := withPause(t)
	for i, text := range texts {
		want := gtext.Sentences(text)
		if got := sentences(text, gtext.SoftBreaks(text)); !slices.Equal(got, want) {
			t.Fatalf("text %d: %d sentences paced, %d whole", i, len(got), len(want))
		}
	}
	if *n == 0 {
		t.Error("sentences never paused")
	}
}

// TestBuildSame: Build gives what FindWith then NewIndex give, though it
// reads the text into words once.
func TestBuildSame(t *testing.T) {
	text := SampleArticle(300<<10, 5) + "\n\nBREAKING: PARIS TALKS END\nA Headline In Title Case Here\nThe end."
	ents := Find(text, nil)
	x := NewIndex(text, ents)
	ents2, x2 := Build(text, Options{})
	if !reflect.DeepEqual(ents, ents2) {
		t.Fatal("Build's entities differ from Find's")
	}
	if !slices.Equal(x.Targets(), x2.Targets()) {
		t.Fatal("Build's index targets differ from NewIndex's")
	}
	for _, q := range []string{"hollande", "pr", "paris talks", "minister"} {
		if !reflect.DeepEqual(x.Search(q, 10), x2.Search(q, 10)) {
			t.Errorf("Search(%q) differs", q)
		}
	}
}

// TestWholeTextPassesPause: the passes over every token or every mention
// that typing starts lazily, and Build's copy of the tokens, pause as they
// go: each ran a long task of its own on a 5 MB article (readsAs 50 ms
// natively, listClues 40 ms, ~5 times that in wasm).
func TestWholeTextPassesPause(t *testing.T) {
	text := SampleArticle(300<<10, 3)
	toks := tokenize(text)
	f := newFinder(text, toks)
	ents := f.find(Options{})
	fresh := newFinder(text, tokenize(text)) // typing counted its words already
	mentions := 0
	for _, e := range ents {
		mentions += len(e.Mentions)
	}
	for _, pass := range []struct {
		name string
		run  func()
		want int // pauses at least
	}{
		{"readsAs", func() { fresh.readsAs(onSportsWords, 3, 2) }, len(toks) / 256},
		{"buildTokIndex", f.buildTokIndex, len(toks) / 256},
		{"listClues", func() { f.listClues(ents) }, mentions / 256},
		{"Build", func() { Build(text, Options{}) }, len(toks) / 256},
	} {
		n := withPause(t)
		pass.run()
		Pause = nil
		if *n < pass.want {
			t.Errorf("%s paused %d times, want %d at least", pass.name, *n, pass.want)
		}
	}
}
