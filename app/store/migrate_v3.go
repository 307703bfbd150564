package store

// Schema v2 listed every article in one index record, rewritten whole on
// every write and read whole before each, so adding an article to a library
// of 2,500 wrote 345 KB. v3 keeps the listing in buckets with a head
// (listing.go); the records of articles, labels, gazetteer and settings are
// the same and stay where they are.
//
// The upgrade writes the buckets and head from v2's index (counting each
// article's annotations and labels once, as v2's Open did every time), then
// v3's schema record last: until then v2's index is untouched, and an
// interrupted upgrade is started again from it at the next Open. Only once
// v3 is written whole is the index deleted (or, if damaged, kept aside).

// The records of v2 that v3 replaces.
const (
	v2SchemaKey = Prefix + "schema"
	v2IndexKey  = Prefix + "index"
)

// v2Marker is what the upgrade writes over v2's schema record: a tab still
// running a v2 Gloss reads it at its next storage event and turns
// read-only instead of writing v2's index again.
var v2Marker = encode(`{"version":3}`)

// needsV3 reports whether a v2 library, or the end of an interrupted
// upgrade, is in b.
func needsV3(b Backend, keys []string) bool {
	has := map[string]bool{}
	for _, k := range keys {
		if k == SchemaKey || k == v2IndexKey || k == v2SchemaKey {
			has[k] = true
		}
	}
	switch {
	case has[v2IndexKey]:
		return true
	case has[SchemaKey] || !has[v2SchemaKey]:
		return false
	}
	raw, _, err := b.Get(v2SchemaKey)
	return err == nil && raw != v2Marker
}

// migrateV3 upgrades a v2 library in b to v3 and returns the backend to
// use: b, or when b refused the upgrade, a Memory holding it (to open
// read-only).
func migrateV3(b Backend, keys []string) (Backend, []Problem) {
	for _, k := range keys {
		if k == SchemaKey {
			// v3 was written whole; deleting v2's index was interrupted.
			dropV2Index(b)
			return b, nil
		}
	}
	_ = b.Set(v2SchemaKey, v2Marker)
	dropPrefix(b, keys, ListPrefix) // what an interrupted upgrade wrote
	probs, err := writeV3(b, keys)
	if err != nil {
		if now, kerr := b.Keys(); kerr == nil {
			dropPrefix(b, now, ListPrefix)
		}
		mem := NewMemory()
		for _, k := range keys {
			if v, ok, gerr := b.Get(k); gerr == nil && ok && IsKey(k) {
				_ = mem.Set(k, v)
			}
		}
		mprobs, merr := writeV3(mem, keys)
		if merr != nil {
			return mem, append(mprobs, Problem{SchemaKey, "The library could not be read for the upgrade to this version of Gloss: " + merr.Error()})
		}
		return mem, append(mprobs, Problem{SchemaKey, "The library could not be upgraded to this version of Gloss (" + err.Error() + "): it is shown read-only, as stored, so nothing is lost. Download a backup, free some space and reload."})
	}
	dropV2Index(b)
	return b, probs
}

// writeV3 writes v3's listing of the v2 library in b, then its schema
// record. It reports what of v2's index was damaged.
func writeV3(b Backend, keys []string) ([]Problem, error) {
	l := &Library{b: b, damaged: map[string]bool{}, known: map[string]int{}, entries: map[string]*entry{}}
	var probs []Problem
	raw, ok, err := b.Get(v2IndexKey)
	if err != nil {
		return nil, err
	}
	var entries map[string]*entry
	if ok {
		var perr error
		entries, probs, perr = parseEntries(v2IndexKey, raw, -1)
		if perr != nil {
			probs = []Problem{{v2IndexKey, "The list of articles was damaged (" + perr.Error() + "); it is kept aside as stored."}}
		}
	}
	// Articles the index did not list (it was missing, damaged, or lost
	// an entry) are listed again from their records.
	found := l.rebuildEntries(keys, func(id string) bool { return entries[id] == nil })
	if len(found) > 0 {
		probs = append(probs, Problem{v2IndexKey, "Articles missing from the list of articles were listed again from the records found (titles and dates may be lost)."})
	}
	if entries == nil {
		entries = map[string]*entry{}
	}
	for _, e := range entries {
		if as, err := l.readAnn(e, e.Chars); err == nil {
			e.Annotations, e.Labels = len(as), labelsOf(as)
		}
	}
	for id, e := range found {
		entries[id] = e
	}
	var buckets [ListBuckets]map[string]*entry
	for id, e := range entries {
		i := bucketOf(id)
		if buckets[i] == nil {
			buckets[i] = map[string]*entry{}
		}
		buckets[i][id] = e
	}
	revs := make([]int, ListBuckets)
	for i, m := range buckets {
		if m == nil {
			continue
		}
		if err := b.Set(bucketKey(i), marshalBucket(m)); err != nil {
			return probs, err
		}
		revs[i] = 1
	}
	if err := b.Set(HeadKey, marshalHead(revs)); err != nil {
		return probs, err
	}
	return probs, b.Set(SchemaKey, encode(`{"version":3}`))
}

// dropV2Index deletes v2's index once v3 is written whole; a damaged index
// is kept aside (and left in place if that fails: it only costs space).
func dropV2Index(b Backend) {
	raw, ok, err := b.Get(v2IndexKey)
	if err != nil || !ok {
		return
	}
	payload, derr := decode(raw)
	if derr == nil {
		_, derr = readDocs(payload)
	}
	if derr != nil {
		l := &Library{b: b, damaged: map[string]bool{v2IndexKey: true}}
		if l.keepAside(v2IndexKey) != nil {
			return
		}
	}
	_ = b.Delete(v2IndexKey)
}
