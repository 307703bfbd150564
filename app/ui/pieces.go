package ui

import "sort"

// piece is one drawn stretch of an annotation inside a paragraph, in UTF-16
// units relative to the paragraph. Crossing annotations cannot nest as DOM
// elements, so a span that crosses another's end is split into pieces.
type piece struct {
	Start, End  int
	ID          string
	First, Last bool
}

// span is an annotation clipped to one paragraph, in paragraph UTF-16 units.
type span struct {
	Start, End  int
	ID          string
	First, Last bool // whether the span starts/ends in this paragraph
}

// nest orders spans so that each piece lies either inside the piece before it
// or after it: the order the DOM builder needs. Crossing spans are split at
// the end of the span they cross.
func nest(spans []span) []piece {
	work := append([]span(nil), spans...)
	less := func(a, b span) bool {
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End > b.End
		}
		return a.ID < b.ID
	}
	sort.Slice(work, func(i, j int) bool { return less(work[i], work[j]) })
	var out []piece
	var open []int // ends of the pieces still open
	for len(work) > 0 {
		s := work[0]
		work = work[1:]
		if s.Start >= s.End {
			continue
		}
		for len(open) > 0 && open[len(open)-1] <= s.Start {
			open = open[:len(open)-1]
		}
		if n := len(open); n > 0 && s.End > open[n-1] {
			// Crosses the enclosing piece's end: draw the part inside it
			// now and queue the rest.
			cut := open[n-1]
			rest := span{Start: cut, End: s.End, ID: s.ID, Last: s.Last}
			s.End, s.Last = cut, false
			i := sort.Search(len(work), func(i int) bool { return less(rest, work[i]) })
			work = append(work, span{})
			copy(work[i+1:], work[i:])
			work[i] = rest
		}
		out = append(out, piece(s))
		open = append(open, s.End)
	}
	return out
}
