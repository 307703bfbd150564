package entity

// idSet is a set of interner ids: a bitset, which the collector does not
// scan and whose lookups hash nothing.
type idSet []uint64

// add puts id in the set.
func (s *idSet) add(id int32) {
	w := int(id) >> 6
	if w >= len(*s) {
		*s = append(*s, make([]uint64, w+1-len(*s)+len(*s)/2)...)
	}
	(*s)[w] |= 1 << (uint(id) & 63)
}

// has reports whether id is in the set.
func (s idSet) has(id int32) bool {
	w := int(id) >> 6
	return w < len(s) && s[w]&(1<<(uint(id)&63)) != 0
}
