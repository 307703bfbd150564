package entity

import (
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

// variedWords are the pieces variedText strings together: names with
// particles, hyphens and apostrophes, possessives, accents written both
// ways, combining marks alone, dotted acronyms, URLs (which tokenize skips),
// quotation marks and other scripts.
var variedWords = strings.Fields(`Putin Putin's O'Brien d'Estaing Jean-Yves Le Drian Élysée E\u0301lysée e\u0301 Ça
van der Berg de la Mr. Smith U.S. U.N. US-led Da'esh al-Qaeda http://x.y/z https://a.b www.c.d mailto:q@r.s the
The of Of for and And President Minister president minister Gulf Mexico City Cape Town Ministry Europe
BSE-besmetting EU-burgers Israëli's « » " “ ” ( ) , . ; : ! ? - ' ’ el del al El País Le Monde De Morgen Zaken
Dann Natürlich Straße İstanbul ΑΘΗΝΑ Αθήνα 2000 Euro Apollo 11 XIV Monday IBM NATO Zanu-PF Stephen King
Herman De Prins Francois Hollande François Charles Gaulle Europeans’ 🙂 \u0301 \u0301\u0301 a b x Y Z ab Ab AB`)

// variedText returns a random text of variedWords.
func variedText(r *rand.Rand) string {
	var b strings.Builder
	for i, n := 0, 10+r.Intn(300); i < n; i++ {
		b.WriteString(strings.ReplaceAll(variedWords[r.Intn(len(variedWords))], `\u0301`, "\u0301"))
		switch r.Intn(12) {
		case 0:
			b.WriteString("\n")
		case 1:
			b.WriteString(". ")
		case 2: // nothing between two pieces
		case 3:
			b.WriteString("-")
		default:
			b.WriteString(" ")
		}
	}
	return b.String()
}

// TestInternerCanonical checks that an id stands for exactly one
// normalised form: equal forms get one id, different forms different ids,
// however the form was reached (whole, joined from parts, from a surface).
func TestInternerCanonical(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	in := newInterner(16)
	byForm := map[string]int32{}
	words := []string{"a", "b", "le", "drian", "é", "u", "s", "x1"}
	form := func() string {
		n := 1 + r.Intn(4)
		ws := make([]string, n)
		for i := range ws {
			ws[i] = words[r.Intn(len(words))]
		}
		return strings.Join(ws, " ")
	}
	check := func(s string, id int32, how string) {
		t.Helper()
		// strLen before str builds the form (a sequence's is built on
		// demand) and after.
		if n := in.strLen(id); n != len(s) {
			t.Fatalf("%s %q: id %d's strLen is %d", how, s, id, n)
		}
		if got := in.str(id); got != s || in.strLen(id) != len(s) {
			t.Fatalf("%s %q: id %d is %q", how, s, id, got)
		}
		if old, ok := byForm[s]; ok && old != id {
			t.Fatalf("%s %q: id %d, before %d", how, s, id, old)
		}
		byForm[s] = id
	}
	for range 2000 {
		a, b := form(), form()
		check(a, in.norm(a), "norm")
		check(a+" "+b, in.join(in.norm(a), in.norm(b)), "join")
		check(a+" "+b, in.norm(a+" "+b), "norm")
		surf := strings.ToUpper(a[:1]) + strings.ReplaceAll(a[1:], " ", "-")
		check(Fold(surf), in.surface(surf), "surface")
	}
	if in.norm("") != 0 || in.surface("\u0301") != 0 || in.join(0, 0) != 0 {
		t.Error("the empty form is not id 0")
	}
	forms := map[string]int32{}
	for id := int32(0); int(id) < in.len(); id++ {
		s := in.str(id)
		if old, ok := forms[s]; ok {
			t.Fatalf("ids %d and %d are both %q", old, id, s)
		}
		forms[s] = id
	}
}

// TestKeyIDIsFold checks the finder's keys on varied texts: the key of
// any run of tokens is Fold of the run as written (what Find keyed its
// names by before words were interned), and two runs share an id exactly
// when their keys are equal, so every map or set keyed by ids holds what
// one keyed by the strings did.
func TestKeyIDIsFold(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for n := range 200 {
		text := variedText(r)
		f := newFinder(text, tokenize(text))
		byKey := map[string]int32{}
		for a := range f.toks {
			for b := a + 1; b <= len(f.toks) && b <= a+5; b++ {
				want := Fold(f.surface(a, b))
				id := f.keyID(a, b)
				if got := f.key(a, b); got != want {
					t.Fatalf("text %d, tokens %d..%d %q: key %q, Fold %q", n, a, b, f.surface(a, b), got, want)
				}
				if old, ok := byKey[want]; ok && old != id {
					t.Fatalf("text %d: %q has ids %d and %d", n, want, old, id)
				}
				byKey[want] = id
			}
			if got, want := f.fold(a), Fold(f.surface(a, a+1)); got != want {
				t.Fatalf("text %d: token %q folds to %q, Fold %q", n, f.surface(a, a+1), got, want)
			}
		}
	}
}

// TestIndexTargetsAreFold checks the index builder on varied texts: each
// target's normalised form is Fold of its display form, and no two targets
// share one — the targets a map keyed by normalised strings would make.
func TestIndexTargetsAreFold(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for n := range 200 {
		text := variedText(r)
		toks := tokenize(text)
		ents := Find(text, nil)
		b := newIndexBuilder(newFinder(text, toks))
		for i, e := range ents {
			b.addEntity(i, e)
		}
		b.addWords()
		seen := map[string]bool{}
		for _, tg := range b.ts {
			norm := b.f.in.str(tg.norm)
			display := text[max(tg.dstart, 0):max(tg.dend, 0)]
			if tg.dstart == -1 {
				display = ents[tg.entity].Name
			} else if tg.dstart < -1 {
				display = ents[tg.entity].Variants[-2-tg.dstart]
			}
			if want := Fold(display); norm != want {
				t.Fatalf("text %d: target %q has %q, Fold %q", n, display, norm, want)
			}
			if seen[norm] {
				t.Fatalf("text %d: two targets %q", n, norm)
			}
			seen[norm] = true
		}
		for _, e := range ents {
			for _, v := range append([]string{e.Name}, e.Variants...) {
				if k := Fold(v); k != "" && !seen[k] {
					t.Fatalf("text %d: variant %q has no target", n, v)
				}
			}
		}
	}
}

// TestArena: every string added reads back the same after many more were
// added (chunks fill and new ones start; a long string gets its own), and
// the arena's strings share a few chunks rather than an object each.
func TestArena(t *testing.T) {
	var a arena
	var ps []piece
	var want []string
	for i := 0; i < 20000; i++ {
		s := strings.Repeat(string(rune('a'+i%26)), 1+i%17)
		if i%5000 == 1 {
			s = strings.Repeat("long", arenaChunk/2) // two chunks' worth
		}
		ps = append(ps, add(&a, s))
		want = append(want, s)
	}
	ps = append(ps, add(&a, ""), add(&a, []byte("bytes")))
	want = append(want, "", "bytes")
	for i, p := range ps {
		if got := a.str(p); got != want[i] {
			t.Fatalf("piece %d reads %.20q, want %.20q", i, got, want[i])
		}
	}
	if len(a.chunks) > 12 {
		t.Errorf("%d chunks for ~200 KB of strings", len(a.chunks))
	}
}

// TestInternerGrows: words, surfaces and sequences far past the tables'
// first sizes keep their ids and forms as the tables grow.
func TestInternerGrows(t *testing.T) {
	in := newInterner(16)
	n0, s0, q0 := len(in.words), len(in.surfs), len(in.seqKeys)
	const n = 3000
	ids := make([]int32, n)
	for i := range ids {
		w := "w" + strconv.Itoa(i)
		ids[i] = in.word(w)
		if s := in.surface("S" + w); in.str(s) != "s"+w {
			t.Fatalf("surface S%s is %q", w, in.str(s))
		}
		if i > 0 {
			in.join(ids[i-1], ids[i])
		}
	}
	if len(in.words) == n0 || len(in.surfs) == s0 || len(in.seqKeys) == q0 {
		t.Fatalf("the tables did not grow: %d %d %d", len(in.words), len(in.surfs), len(in.seqKeys))
	}
	for i, id := range ids {
		w := "w" + strconv.Itoa(i)
		if in.word(w) != id || in.str(id) != w || in.surface("S"+w) != in.word("s"+w) {
			t.Fatalf("%s: id %d, now %d (%q)", w, id, in.word(w), in.str(id))
		}
		if i > 0 && in.seq(ids[i-1], id) < 0 {
			t.Fatalf("the sequence ending %s is gone", w)
		}
	}
}
