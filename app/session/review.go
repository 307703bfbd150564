package session

import (
	"errors"
	"fmt"

	"gloss/app/text"
)

// Review is annotate-all's list: the mentions of a name (or of every name
// of a type), each accepted or rejected with the keyboard, applied as one
// undoable step.
type Review struct {
	Label     string // "" until the person picks one: never silently the first
	From      string // what is reviewed: a name, or "every PER suggestion (3 names)"
	Items     []ReviewItem
	Cur       int  // the item the keys act on
	Suggested bool // the label was suggested: a rejection counts against it
}

// ReviewItem is one mention with a little of the text around it.
type ReviewItem struct {
	Start, End          int
	Reject              bool
	Before, Text, After string
}

// reviewContext is how many characters of context an item shows.
const reviewContext = 30

// StartReview lists the mentions of name for labelling as label (kept only
// when it is in the label set). Mentions already labelled alike are left
// out. It returns nil when there is nothing to review, and a message to
// show: why there is nothing, or that a label must be picked.
func (s *Session) StartReview(name, label string, mentions []text.Span) (*Review, string) {
	d := s.Doc
	ls := s.Labels()
	if d == nil || len(ls) == 0 {
		return nil, ""
	}
	if label != "" && ls.Index(label) < 0 {
		label = ""
	}
	r := &Review{Label: label, From: name}
	for _, m := range mentions {
		if _, ok := d.Set.Find(m.Start, m.End, label); ok && label != "" {
			continue // already labelled
		}
		r.Items = append(r.Items, ReviewItem{Start: m.Start, End: m.End,
			Before: d.X.Slice(max(0, m.Start-reviewContext), m.Start),
			Text:   d.X.Slice(m.Start, m.End),
			After:  d.X.Slice(m.End, min(d.X.Len(), m.End+reviewContext)),
		})
	}
	if len(r.Items) == 0 {
		return nil, fmt.Sprintf("Every mention of “%s” is already labelled %s.", clip(name, 60), label)
	}
	if label == "" {
		return r, fmt.Sprintf("Nothing suggests a label for “%s”: choose one with 1–9, then Enter.", clip(name, 60))
	}
	return r, ""
}

// Mark accepts or rejects the current item and moves to the next.
func (r *Review) Mark(reject bool) {
	r.Items[r.Cur].Reject = reject
	r.Move(1)
}

// Toggle flips item i between accepted and rejected and makes it current.
func (r *Review) Toggle(i int) {
	if i < 0 || i >= len(r.Items) {
		return
	}
	r.Items[i].Reject = !r.Items[i].Reject
	r.Cur = i
}

// Move makes the item by steps away current, staying inside the list.
func (r *Review) Move(by int) { r.Cur = min(max(r.Cur+by, 0), len(r.Items)-1) }

// Accepted returns the spans of the items not rejected.
func (r *Review) Accepted() []text.Span {
	var out []text.Span
	for _, it := range r.Items {
		if !it.Reject {
			out = append(out, text.Span{Start: it.Start, End: it.End})
		}
	}
	return out
}

// ErrNoLabel is ApplyReview's answer to a review without a label.
var ErrNoLabel = errors.New("choose a label with 1–9 first: nothing suggests one for these mentions")

// ApplyReview labels the accepted items as one step and returns the
// message saying what was done. A refused write (a *SaveError) comes back
// with the message: the change is made in the tab.
func (s *Session) ApplyReview(r *Review) (string, error) {
	if r.Label == "" {
		return "", ErrNoLabel
	}
	ms := make([]Mention, len(r.Items))
	for i, it := range r.Items {
		ms[i] = Mention{Start: it.Start, End: it.End, Reject: it.Reject}
	}
	n, err := s.AnnotateAll(r.Label, ms)
	var se *SaveError
	if err != nil && !errors.As(err, &se) {
		return "", err
	}
	return fmt.Sprintf("Labelled %s of “%s” as %s. Undo with Ctrl+Z.", plural(n, "mention", "mentions"), clip(r.From, 60), r.Label), err
}

// Occurrences returns every whole-word occurrence of s in the article.
func (d *Doc) Occurrences(s string) []text.Span {
	runes := []rune(d.Text)
	needle := []rune(s)
	if len(needle) == 0 {
		return nil
	}
	isWord := func(i int) bool { return i >= 0 && i < len(runes) && text.IsWordRune(runes[i]) }
	var out []text.Span
	for i := 0; i+len(needle) <= len(runes); i++ {
		if string(runes[i:i+len(needle)]) != s || isWord(i-1) || isWord(i+len(needle)) {
			continue
		}
		out = append(out, text.Span{Start: i, End: i + len(needle)})
		i += len(needle) - 1
	}
	return out
}

// clip shortens s to n characters for a message.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
