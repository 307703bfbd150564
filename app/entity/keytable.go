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

// normTable finds a search target by its normalised form: an
// open-addressing table of target numbers like keyTable, a flat slice the
// build worker sends as it is (wire.go) where a map would be rebuilt entry
// by entry. It answers as a map from each target's hash to the last target
// put with that hash would.
type normTable struct {
	slots []int32 // 1 + a target, 0 when empty; a power of two, at most half full
}

func newNormTable(n int) normTable {
	return normTable(newKeyTable(n))
}

// put files target id under the hash of its normalised form, in place of
// any target put before with the same hash.
func (t normTable) put(x *Index, id int32) {
	h := hashString(x.norm(id))
	n := len(t.slots)
	j := slot(h, n)
	for ; t.slots[j] != 0; j = (j + 1) & (n - 1) {
		if hashString(x.norm(t.slots[j]-1)) == h {
			break
		}
	}
	t.slots[j] = id + 1
}

// get returns the target whose normalised form is norm; not found also
// when another target with the same hash took its place.
func (t normTable) get(x *Index, norm string) (int32, bool) {
	n := len(t.slots)
	if n == 0 {
		return 0, false
	}
	h := hashString(norm)
	for j := slot(h, n); t.slots[j] != 0; j = (j + 1) & (n - 1) {
		id := t.slots[j] - 1
		s := x.norm(id)
		if s == norm {
			return id, true
		}
		if hashString(s) == h {
			return 0, false
		}
	}
	return 0, false
}
