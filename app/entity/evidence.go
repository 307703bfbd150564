package entity

import "fmt"

// evidenceStore keeps the evidence of one Find's entities compactly: each
// distinct sentence is made once ("after the title “Minister”" is shared
// by every entity it speaks for), and the entities' lists are cut from
// shared chunks. On a long article that is a few objects where there were
// two or three per entity, and in wasm the garbage collector's mark, which
// runs in one task on the page's thread, costs about as much per object as
// per kilobyte it scans.
type evidenceStore struct {
	texts map[evidenceKey]string
	chunk []string
	buf   []string // decide's list being made
	count []int    // how many times each of buf was seen
	why   []clue   // decide's winning clues being sorted
}

// evidenceKey is a sentence before it is made: a format, its argument, and
// how many times the clue was seen (1 unless repeated).
type evidenceKey struct {
	why, arg string
	times    int
}

// text returns why filled with arg (when arg is not ""), followed by the
// count when times > 1, made once per store.
func (s *evidenceStore) text(why, arg string, times int) string {
	if arg == "" && times <= 1 {
		return why
	}
	k := evidenceKey{why, arg, times}
	if t, ok := s.texts[k]; ok {
		return t
	}
	t := why
	if arg != "" {
		t = fmt.Sprintf(why, arg)
	}
	if times > 1 {
		t = fmt.Sprintf("%s (%d times)", t, times)
	}
	if s.texts == nil {
		s.texts = map[evidenceKey]string{}
	}
	s.texts[k] = t
	return t
}

// keep returns a copy of ev cut from the store's current chunk; its
// capacity is its length, so appending to it copies.
func (s *evidenceStore) keep(ev []string) []string {
	if len(ev) == 0 {
		return ev
	}
	if cap(s.chunk)-len(s.chunk) < len(ev) {
		s.chunk = make([]string, 0, max(evidenceChunk, len(ev)))
	}
	n := len(s.chunk)
	s.chunk = append(s.chunk, ev...)
	return s.chunk[n : n+len(ev) : n+len(ev)]
}

// evidenceChunk is how many evidence sentences one chunk holds.
const evidenceChunk = 4096
