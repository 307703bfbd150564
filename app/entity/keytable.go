package entity

// keyTable finds an entity by its Key: an open-addressing table of entity
// numbers, probed linearly, where a map of strings would hold one pointer
// per entity for every collection to mark as long as the index lives (tens
// of thousands on a long article).
type keyTable struct {
	slots []int32 // 1 + an index in the entities, 0 when empty; a power of two, at most half full
}

func newKeyTable(n int) keyTable {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return keyTable{make([]int32, size)}
}

// put files ents[i] under its key; a later entity with the same key
// replaces an earlier one.
func (t keyTable) put(ents []Entity, i int) {
	key := ents[i].Key
	n := len(t.slots)
	j := slot(hashString(key), n)
	for ; t.slots[j] != 0; j = (j + 1) & (n - 1) {
		if ents[t.slots[j]-1].Key == key {
			break
		}
	}
	t.slots[j] = int32(i) + 1
}

// get returns the index of the entity with key key among ents, the
// entities put.
func (t keyTable) get(ents []Entity, key string) (int, bool) {
	n := len(t.slots)
	if n == 0 {
		return 0, false
	}
	for j := slot(hashString(key), n); t.slots[j] != 0; j = (j + 1) & (n - 1) {
		if i := int(t.slots[j] - 1); ents[i].Key == key {
			return i, true
		}
	}
	return 0, false
}
