package store

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
)

// The listing is every article's entry (its Meta and the revisions of its
// records), kept in ListBuckets bucket records chosen by a hash of the
// article's id, plus a head record holding each bucket's revision. Adding,
// saving or deleting an article rewrites its bucket and the head — a few KB
// whether the library holds 10 articles or 5,000 — and noticing another
// tab's writes reads the head, then only the buckets whose revision moved.
// (Schema v2 kept one index record of every entry, rewritten whole on every
// write and read whole before each: see migrate_v3.go.)

// ListBuckets is the number of bucket records; 256 keeps a bucket of a
// library of 5,000 articles at about 20 entries (~3 KB).
const ListBuckets = 256

// bucketOf returns the bucket of an article id (FNV-1a).
func bucketOf(id string) int {
	h := uint32(2166136261)
	for i := 0; i < len(id); i++ {
		h ^= uint32(id[i])
		h *= 16777619
	}
	return int(h % ListBuckets)
}

func bucketKey(i int) string { return ListPrefix + "list/" + strconv.FormatInt(int64(i), 16) }

// parseBucketKey returns the bucket number of a bucket record's key.
func parseBucketKey(key string) (int, bool) {
	if len(key) <= len(ListPrefix+"list/") || key[:len(ListPrefix+"list/")] != ListPrefix+"list/" {
		return 0, false
	}
	num := key[len(ListPrefix+"list/"):]
	i, err := strconv.ParseInt(num, 16, 32)
	if err != nil || i < 0 || i >= ListBuckets || bucketKey(int(i)) != key {
		return 0, false
	}
	return int(i), true
}

type headRecord struct {
	Revs []int `json:"revs"`
}

// listing is the library's listing as read or last written.
type listing struct {
	headRaw string
	revs    []int // per bucket: its revision, 0 when never written
	bucket  [ListBuckets]map[string]*entry
	raw     [ListBuckets]string // each bucket as stored ("" if absent)
	// dirty buckets differ from what is stored (rebuilt, or entries left
	// out as damaged): the next write stores them too.
	dirty map[int]bool
}

// parseHead reads the head record's revisions.
func parseHead(raw string) ([]int, error) {
	payload, err := decode(raw)
	if err != nil {
		return nil, err
	}
	h, err := readHead(payload)
	if err != nil {
		return nil, err
	}
	if len(h.Revs) != ListBuckets {
		return nil, fmt.Errorf("it lists %d buckets, not %d", len(h.Revs), ListBuckets)
	}
	for _, r := range h.Revs {
		if r < 0 {
			return nil, fmt.Errorf("a bucket revision is negative (%d)", r)
		}
	}
	return h.Revs, nil
}

func marshalHead(revs []int) string {
	data, err := json.Marshal(headRecord{Revs: revs})
	if err != nil {
		panic(err) // ints always marshal
	}
	return encode(string(data))
}

// parseEntries reads a listing record (a bucket, or v2's index) into
// entries; an entry that is damaged, listed twice or (with bucket >= 0) in
// the wrong bucket is left out and reported under key.
func parseEntries(key, raw string, bucket int) (map[string]*entry, []Problem, error) {
	payload, err := decode(raw)
	if err != nil {
		return nil, nil, err
	}
	// Entry by entry, so one damaged entry leaves the others.
	items, err := readDocs(payload)
	if err != nil {
		return nil, nil, err
	}
	docs := make([]entry, len(items))
	entries := make(map[string]*entry, len(docs))
	var probs []Problem
	for i := range docs {
		e := &docs[i]
		err := readEntry(items[i], e)
		switch {
		case err != nil:
		case checkID(e.ID) != nil:
			err = checkID(e.ID)
		case e.Text < 1 || e.Ann < 0 || e.Side < 0:
			err = fmt.Errorf("record revisions %d/%d/%d are invalid", e.Text, e.Ann, e.Side)
		case e.Status != "" && checkStatus(e.Status) != nil:
			err = checkStatus(e.Status)
		case e.Chars < 0 || e.Annotations < 0:
			err = fmt.Errorf("counts %d/%d are negative", e.Chars, e.Annotations)
		case entries[e.ID] != nil:
			err = fmt.Errorf("id %q is listed twice", e.ID)
		case bucket >= 0 && bucketOf(e.ID) != bucket:
			err = fmt.Errorf("id %q belongs in another bucket", e.ID)
		}
		if err != nil {
			probs = append(probs, Problem{key, fmt.Sprintf("Entry %d of the list of articles is damaged (%v) and was left out; the list is kept aside as stored.", i+1, err)})
			continue
		}
		if e.Status == "" {
			e.Status = StatusToDo
		}
		entries[e.ID] = e
	}
	return entries, probs, nil
}

func marshalBucket(m map[string]*entry) string {
	list := make([]*entry, 0, len(m))
	for _, e := range m {
		list = append(list, e)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	data, err := json.Marshal(struct {
		Docs []*entry `json:"docs"`
	}{list})
	if err != nil {
		panic(err) // strings and ints always marshal
	}
	return encode(string(data))
}

// readListing reads the head and every bucket it lists. A damaged or missing
// head, or a damaged or missing bucket while article records exist, is
// rebuilt from the keys present (listKeys is called only then).
func (l *Library) readListing(listKeys func() []string) []Problem {
	l.list = listing{revs: make([]int, ListBuckets), dirty: map[int]bool{}}
	l.entries = map[string]*entry{}
	delete(l.damaged, HeadKey)
	raw, ok, err := l.b.Get(HeadKey)
	if err != nil {
		return append([]Problem{{HeadKey, "The list of articles could not be read: " + err.Error()}}, l.rebuildListing(listKeys(), "could not be read")...)
	}
	if !ok {
		keys := listKeys()
		for _, k := range keys {
			if _, ok := DocOf(k); ok {
				return l.rebuildListing(keys, "is missing")
			}
		}
		return nil
	}
	revs, err := parseHead(raw)
	if err != nil {
		l.damaged[HeadKey] = true
		return l.rebuildListing(listKeys(), "is damaged ("+err.Error()+")")
	}
	l.list.headRaw, l.list.revs = raw, revs
	var probs []Problem
	var keys []string
	for i, rev := range revs {
		if rev == 0 {
			continue
		}
		p, damaged := l.readBucket(i)
		probs = append(probs, p...)
		if damaged {
			if keys == nil {
				keys = listKeys()
			}
			probs = append(probs, l.rebuildBucket(i, keys)...)
		}
	}
	return probs
}

// readBucket reads bucket i into the listing; damaged says it could not be
// read at all (entries left out are reported, the rest kept).
func (l *Library) readBucket(i int) (probs []Problem, damaged bool) {
	key := bucketKey(i)
	delete(l.damaged, key)
	delete(l.list.dirty, i)
	raw, ok, err := l.b.Get(key)
	var entries map[string]*entry
	switch {
	case err != nil:
		probs = []Problem{{key, "Part of the list of articles could not be read: " + err.Error()}}
	case !ok:
		probs = []Problem{{key, "Part of the list of articles is missing."}}
	default:
		entries, probs, err = parseEntries(key, raw, i)
		if err != nil {
			l.damaged[key] = true
			probs = []Problem{{key, "Part of the list of articles is damaged (" + err.Error() + "); it is kept aside as stored."}}
		}
	}
	if entries == nil {
		l.setBucket(i, map[string]*entry{}, raw)
		return probs, true
	}
	if len(probs) > 0 {
		l.damaged[key] = true
		l.list.dirty[i] = true
	}
	l.setBucket(i, entries, raw)
	return probs, false
}

// setBucket replaces bucket i's entries in the listing.
func (l *Library) setBucket(i int, m map[string]*entry, raw string) {
	for id := range l.list.bucket[i] {
		delete(l.entries, id)
	}
	for id, e := range m {
		l.entries[id] = e
	}
	l.list.bucket[i], l.list.raw[i] = m, raw
}

// rebuildBucket lists again the articles of bucket i from their records.
func (l *Library) rebuildBucket(i int, keys []string) []Problem {
	found := l.rebuildEntries(keys, func(id string) bool { return bucketOf(id) == i })
	m := l.list.bucket[i]
	for id, e := range found {
		m[id] = e
		l.entries[id] = e
	}
	l.list.dirty[i] = true
	return []Problem{{bucketKey(i), fmt.Sprintf("Part of the list of articles was rebuilt from the %d article records found for it (titles and dates may be lost).", len(found))}}
}

// rebuildListing lists the articles again from every bucket record present
// and from the article records no bucket lists.
func (l *Library) rebuildListing(keys []string, why string) []Problem {
	var probs []Problem
	for _, k := range keys {
		if i, ok := parseBucketKey(k); ok {
			p, _ := l.readBucket(i)
			probs = append(probs, p...)
		}
	}
	found := l.rebuildEntries(keys, func(id string) bool { return l.entries[id] == nil })
	for id, e := range found {
		i := bucketOf(id)
		if l.list.bucket[i] == nil {
			l.list.bucket[i] = map[string]*entry{}
		}
		l.list.bucket[i][id] = e
		l.entries[id] = e
	}
	for i := range l.list.bucket {
		if l.list.bucket[i] != nil {
			l.list.dirty[i] = true
		}
	}
	return append(probs, Problem{HeadKey, fmt.Sprintf("The list of articles %s; it was rebuilt from the %d article records found (titles and dates may be lost).", why, len(l.entries))})
}

// refresh re-reads what another tab changed in the listing, so a write never
// puts back a stale bucket; what changed is kept for the next Reload. When
// the head is unchanged it reads nothing more.
func (l *Library) refresh() error {
	raw, ok, err := l.b.Get(HeadKey)
	if err != nil {
		return fmt.Errorf("store: the list of articles could not be read: %w", err)
	}
	if raw == l.list.headRaw {
		return nil
	}
	revs, perr := parseHead(raw)
	if !ok || perr != nil {
		old := l.entries
		probs := l.readListing(func() []string {
			keys, _ := l.b.Keys()
			return keys
		})
		l.pendingProblems = append(l.pendingProblems, probs...)
		l.pending.add(diff(old, l.entries))
		return nil
	}
	for i, rev := range revs {
		if rev == l.list.revs[i] {
			continue
		}
		old := l.list.bucket[i]
		probs, damaged := l.readBucket(i)
		if damaged {
			keys, _ := l.b.Keys()
			probs = append(probs, l.rebuildBucket(i, keys)...)
		}
		l.pendingProblems = append(l.pendingProblems, probs...)
		l.pending.add(diff(old, l.list.bucket[i]))
	}
	l.list.headRaw, l.list.revs = raw, revs
	return nil
}

// writeEntries stores a change to the listing — each id's new entry, or
// its removal when nil — and is the switch that makes new records current:
// it rewrites the buckets concerned (and any dirty one), then the head. A
// refused write puts back what it had written and changes nothing.
func (l *Library) writeEntries(changes map[string]*entry) error {
	if err := l.ensureSchema(); err != nil {
		return err
	}
	touched := map[int]bool{}
	for id := range changes {
		touched[bucketOf(id)] = true
	}
	for i := range l.list.dirty {
		touched[i] = true
	}
	order := make([]int, 0, len(touched))
	for i := range touched {
		order = append(order, i)
	}
	sort.Ints(order)
	revs := append([]int(nil), l.list.revs...)
	buckets := make(map[int]map[string]*entry, len(order))
	values := make(map[int]string, len(order))
	var written []int
	undo := func() {
		for _, i := range written {
			if l.list.raw[i] == "" {
				_ = l.b.Delete(bucketKey(i))
			} else {
				_ = l.b.Set(bucketKey(i), l.list.raw[i])
			}
		}
	}
	for _, i := range order {
		m := make(map[string]*entry, len(l.list.bucket[i])+1)
		for id, e := range l.list.bucket[i] {
			m[id] = e
		}
		for id, e := range changes {
			if bucketOf(id) != i {
				continue
			}
			if e == nil {
				delete(m, id)
			} else {
				m[id] = e
			}
		}
		v := marshalBucket(m)
		if err := l.put(bucketKey(i), v); err != nil {
			undo()
			return err
		}
		written = append(written, i)
		buckets[i], values[i] = m, v
		revs[i]++
	}
	head := marshalHead(revs)
	if err := l.put(HeadKey, head); err != nil {
		undo()
		return err
	}
	for _, i := range order {
		l.setBucket(i, buckets[i], values[i])
		delete(l.list.dirty, i)
	}
	l.list.revs, l.list.headRaw = revs, head
	return nil
}
