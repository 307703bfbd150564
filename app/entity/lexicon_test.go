package entity

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// TestLexiconTable: the lexicon's table finds every key with the union of
// its sections' kinds, whatever the spacing of its line, nothing else, and
// its keys are pieces of the file read once (one object for the
// collector, not one per key).
func TestLexiconTable(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	want := map[string]LexKind{}
	var b strings.Builder
	b.WriteString(LexiconMagic + "\n# generated\n")
	for sec := 0; sec < 40; sec++ {
		i := rng.Intn(len(lexSections))
		fmt.Fprintf(&b, "@%s\n", lexSections[i])
		for n := rng.Intn(300); n > 0; n-- {
			k := fmt.Sprintf("w%d", rng.Intn(2000))
			if rng.Intn(5) == 0 {
				k += " " + k
			}
			want[k] |= 1 << i
			fmt.Fprintf(&b, "%s%s%s\n", strings.Repeat(" ", rng.Intn(2)), k, strings.Repeat("\t", rng.Intn(2)))
		}
	}
	l, err := ParseLexicon([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if l.Len() != len(want) {
		t.Errorf("Len %d, want %d", l.Len(), len(want))
	}
	lo := uintptr(unsafe.Pointer(unsafe.StringData(l.text)))
	for k, kind := range want {
		if got := l.Kind(k); got != kind {
			t.Errorf("Kind(%q) = %b, want %b", k, got, kind)
		}
		if e := l.find(k); e >= 0 {
			if p := uintptr(unsafe.Pointer(unsafe.StringData(l.key(e)))); p < lo || p >= lo+uintptr(len(l.text)) {
				t.Errorf("key %q is not a piece of the file", k)
			}
		}
	}
	for _, k := range []string{"w", "w1 ", "w2001", "", "x"} {
		if l.Kind(k) != 0 {
			t.Errorf("Kind(%q) = %b, want 0", k, l.Kind(k))
		}
	}
	var stems []string
	for k, kind := range want {
		if kind&(LexCountry|LexRegion|LexLanguage) != 0 && !strings.Contains(k, " ") {
			stems = append(stems, k)
		}
	}
	slices.Sort(stems)
	if !slices.Equal(l.stems, stems) {
		t.Errorf("stems differ: %d, want %d", len(l.stems), len(stems))
	}
}

// TestParseLexiconPaced: pausing changes nothing of what is read, and it
// pauses every thousand lines or so.
func TestParseLexiconPaced(t *testing.T) {
	var b strings.Builder
	b.WriteString(LexiconMagic + "\n@city\n")
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&b, "c%d\n", i)
		if i == 2500 {
			b.WriteString("@given\nc7\n")
		}
	}
	data := []byte(b.String())
	whole, err := ParseLexicon(data)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	paced, err := ParseLexiconPaced(data, func() { n++ })
	if err != nil {
		t.Fatal(err)
	}
	if n < 4 {
		t.Errorf("paused %d times over 5,000 lines", n)
	}
	if whole.Len() != paced.Len() || paced.Kind("c7") != LexCity|LexGiven || paced.Kind("c4999") != whole.Kind("c4999") {
		t.Errorf("paced parse differs: %d vs %d keys, c7 %b", paced.Len(), whole.Len(), paced.Kind("c7"))
	}
}
