package store

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"unicode/utf8"

	"gloss/app/annot"
)

// WithText returns the listing entry of an article whose text is exactly
// text, so loading the same article twice can offer the one already kept.
// Only articles of the same length and hash are read (and those listed
// before hashes were kept); the most recently updated match wins.
func (l *Library) WithText(text string) (Meta, bool) {
	n, sum := utf8.RuneCountInString(text), textSum(text)
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
	h := fnv.New64a()
	h.Write([]byte(text))
	return strconv.FormatUint(h.Sum64(), 16)
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
