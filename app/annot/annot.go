// Package annot holds labelled spans of an article and the changes made to
// them: add, edit, remove, annotate-all as one change, undo and redo.
//
// Offsets are code point indexes into the article text, start included, end
// excluded. The package never touches the DOM, storage or the clock.
package annot

import (
	"encoding/hex"
	"errors"
	"fmt"
	"gloss/app/random"
	"sort"
)

// Annotation is one labelled span of an article.
type Annotation struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Label string `json:"label"`
	// Text is the quoted span, kept so the annotation can be found again
	// when the article text changes and checked when it is imported.
	Text string `json:"text"`
	Note string `json:"note,omitempty"`
}

// Valid reports whether a's offsets make sense for an article of n code points.
func (a Annotation) Valid(n int) error {
	switch {
	case a.Start < 0 || a.End > n:
		return fmt.Errorf("span %d-%d is outside the article (%d characters)", a.Start, a.End, n)
	case a.Start >= a.End:
		return fmt.Errorf("span %d-%d is empty or reversed", a.Start, a.End)
	case a.Label == "":
		return fmt.Errorf("span %d-%d has no label", a.Start, a.End)
	}
	return nil
}

// NewID returns a random identifier, unique enough that annotations made in
// two tabs at once can be merged by ID.
func NewID() string {
	var b [6]byte
	random.Read(b[:])
	return "a" + hex.EncodeToString(b[:])
}

// Sort orders annotations by start, then end, then label, then ID.
func Sort(as []Annotation) {
	sort.Slice(as, func(i, j int) bool { return Less(as[i], as[j]) })
}

// Less is the order Sort uses.
func Less(a, b Annotation) bool {
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	if a.End != b.End {
		return a.End < b.End
	}
	if a.Label != b.Label {
		return a.Label < b.Label
	}
	return a.ID < b.ID
}

// ErrNotFound is returned for an ID the set does not hold.
var ErrNotFound = errors.New("annotation not found")
