// Package listing is the library as a person browses it: counts of work
// done, filters by status, label and words of the title or text, and the
// next and previous article to open.
//
// It works on store.Meta (and, for words of the text, a function reading
// an article's text) and never touches the DOM or storage itself.
package listing

import (
	"strconv"
	"strings"

	"gloss/app/entity"
	"gloss/app/store"
)

// Counts are how many articles are in each status.
type Counts struct {
	Total, ToDo, InProgress, Done int
}

// Count tallies the articles' statuses; an empty status counts as to do.
func Count(metas []store.Meta) Counts {
	c := Counts{Total: len(metas)}
	for _, m := range metas {
		switch m.Status {
		case store.StatusDone:
			c.Done++
		case store.StatusInProgress:
			c.InProgress++
		default:
			c.ToDo++
		}
	}
	return c
}

// String is the progress as a person reads it: "37 of 120 done, 5 in progress".
func (c Counts) String() string {
	s := strconv.Itoa(c.Done) + " of " + strconv.Itoa(c.Total) + " done"
	if c.InProgress > 0 {
		s += ", " + strconv.Itoa(c.InProgress) + " in progress"
	}
	return s
}

// Filter selects articles. Zero fields select everything.
type Filter struct {
	Status store.Status
	Label  string
	// Query is words to find in the title, the source file name or the
	// text, case and accents ignored.
	Query string
}

// IsZero reports whether the filter selects every article.
func (f Filter) IsZero() bool { return f == Filter{} }

// Apply returns the articles f selects, in the given order. text reads an
// article's text for a query the title and file name do not match; nil
// searches titles and file names only.
func Apply(metas []store.Meta, f Filter, text func(id string) string) []store.Meta {
	if f.IsZero() {
		return metas
	}
	q := entity.Fold(f.Query)
	out := make([]store.Meta, 0, len(metas))
	for _, m := range metas {
		switch {
		case f.Status != "" && status(m) != f.Status:
		case f.Label != "" && !m.HasLabel(f.Label):
		case q != "" && !matches(m, q, text):
		default:
			out = append(out, m)
		}
	}
	return out
}

func status(m store.Meta) store.Status {
	if m.Status == "" {
		return store.StatusToDo
	}
	return m.Status
}

func matches(m store.Meta, q string, text func(string) string) bool {
	if strings.Contains(entity.Fold(m.Title), q) || strings.Contains(entity.Fold(m.Source), q) {
		return true
	}
	return text != nil && strings.Contains(entity.Fold(text(m.ID)), q)
}

// Step returns the article after (by > 0) or before (by < 0) the one with
// ID cur in metas, wrapping around; the first (or last) when cur is not
// there. It reports false for an empty list.
func Step(metas []store.Meta, cur string, by int) (string, bool) {
	n := len(metas)
	if n == 0 {
		return "", false
	}
	i := Index(metas, cur)
	if i < 0 {
		if by < 0 {
			return metas[n-1].ID, true
		}
		return metas[0].ID, true
	}
	return metas[((i+by)%n+n)%n].ID, true
}

// NextToDo returns the first article to do after cur in metas, wrapping
// around, and false when none is left to do.
func NextToDo(metas []store.Meta, cur string) (string, bool) {
	n := len(metas)
	i := Index(metas, cur)
	for k := 1; k <= n; k++ {
		m := metas[((i+k)%n+n)%n]
		if status(m) == store.StatusToDo && m.ID != cur {
			return m.ID, true
		}
	}
	return "", false
}

// Index returns the position of the article with ID id, or -1.
func Index(metas []store.Meta, id string) int {
	for i, m := range metas {
		if m.ID == id {
			return i
		}
	}
	return -1
}

// Cycle returns the status after s: to do, in progress, done, to do.
func Cycle(s store.Status) store.Status {
	switch s {
	case store.StatusInProgress:
		return store.StatusDone
	case store.StatusDone:
		return store.StatusToDo
	}
	return store.StatusInProgress
}
