package store

import (
	"fmt"
	"strconv"
	"unsafe"

	"gloss/app/annot"
	"gloss/app/text"
)

// WithText returns the listing entry of an article whose text is exactly
// text, so loading the same article twice can offer the one already kept.
// Only articles of the same length and hash are read (and those listed
// before hashes were kept); the most recently updated match wins.
func (l *Library) WithText(text string) (Meta, bool) {
	n, sum := l.textFacts(text)
	var found *entry
	for _, e := range l.entries {
		if e.Chars != n || e.Sum != "" && e.Sum != sum || (found != nil && (e.Updated < found.Updated || e.Updated == found.Updated && e.ID > found.ID)) {
			continue
		}
		if d, err := l.Load(e.ID); d.Text == text && (err == nil || d.Text != "") {
			found = e
		}
	}
	if found == nil {
		return Meta{}, false
	}
	return found.Meta, true
}

// textSum is a hash of a text (FNV-1a, 64 bits, in hex).
func textSum(text string) string {
	h := uint64(fnvOffset)
	// In parts, each its own call: V8 optimises a function only for its
	// later calls, and on a 5 MB article the first part's loop runs in its
	// baseline code.
	for len(text) > 0 {
		n := min(len(text), 64<<10)
		h = fnv64a(h, text[:n])
		text = text[n:]
	}
	return strconv.FormatUint(h, 16)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// fnv64a adds s to the FNV-1a hash h, as hash/fnv's New64a does (without
// its copy of the text into bytes).
//
//go:noinline
func fnv64a(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// textFacts returns a text's code points and textSum. Loading an article
// asks twice for the same text's (WithText, then the write): on a 5 MB
// article each is tens of milliseconds before it is drawn, so the last
// text's are kept (the same string: the same bytes, held here).
func (l *Library) textFacts(t string) (chars int, sum string) {
	if f := l.facts; len(t) > 0 && len(f.text) == len(t) && unsafe.StringData(f.text) == unsafe.StringData(t) {
		return f.chars, f.sum
	}
	chars, sum = text.RuneCount(t), textSum(t)
	l.facts = textFacts{t, chars, sum}
	return chars, sum
}

// textFacts is the text textFacts was last asked about, and its answer.
type textFacts struct {
	text  string
	chars int
	sum   string
}

// AddAnnotations adds to an article the annotations of as that it does not
// hold yet (none of its annotations has the same span and label), as one
// change, and returns how many it added and the annotations it held
// before (for undoing). An added annotation whose ID is taken gets a new
// one. Nothing is written when there is nothing to add.
func (l *Library) AddAnnotations(id string, as []annot.Annotation, updated int64) (added int, before []annot.Annotation, err error) {
	d, err := l.Load(id)
	if err != nil {
		return 0, nil, err
	}
	type span struct {
		start, end int
		label      string
	}
	have := make(map[span]bool, len(d.Annotations))
	ids := make(map[string]bool, len(d.Annotations))
	for _, a := range d.Annotations {
		have[span{a.Start, a.End, a.Label}] = true
		ids[a.ID] = true
	}
	out := append([]annot.Annotation(nil), d.Annotations...)
	for _, a := range as {
		if have[span{a.Start, a.End, a.Label}] {
			continue
		}
		have[span{a.Start, a.End, a.Label}] = true
		for k := 2; a.ID == "" || ids[a.ID]; k++ {
			a.ID = "imported-" + strconv.Itoa(k)
		}
		ids[a.ID] = true
		out = append(out, a)
		added++
	}
	if added == 0 {
		return 0, d.Annotations, nil
	}
	if err := l.SaveAnnotations(id, out, updated); err != nil {
		return 0, nil, fmt.Errorf("annotations of %q not added: %w", d.Title, err)
	}
	return added, d.Annotations, nil
}
