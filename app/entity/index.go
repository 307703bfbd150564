package entity

import (
	"container/heap"
	"math/bits"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	gtext "gloss/app/text"
)

// Hit is one search result.
type Hit struct {
	Text     string // what matched (display form)
	Matched  []int  // indexes (in runes of Text) of the matched letters, for emphasis
	Score    int
	Entity   string // Entity.Key when the hit is an entity, else ""
	Label    string
	Mentions []gtext.Span // every mention in the article of this hit (all variants for an entity); shared, do not modify
}

// Index is the typo-tolerant search over an article: its entities and its
// distinct words and capitalised n-grams. Search keeps the candidates of
// the query before, so typing letter by letter only narrows them down. An
// Index is not safe for concurrent use.
type Index struct {
	ents  []Entity
	byKey keyTable // entity by Key

	// Targets, best first (entities, then by frequency, then shorter).
	dstart []int32 // display form of target i: text[dstart[i]:dend[i]], or see displayOf
	dend   []int32
	arena  string   // normalised targets, concatenated
	offs   []uint32 // target i is arena[offs[i]:offs[i+1]]
	masks  []uint64 // letters each target contains
	entity []int32  // index in ents, or -1
	// Mentions of target i (not an entity) are mflat[mstart[i]:mstart[i+1]].
	mflat  []gtext.Span
	mstart []int32

	// The text's words in order, for phrases: toks[i]'s word is target
	// tokWord[i] (or oneLetter of its letter); the tokens of target w are
	// post[postStart[w]:postStart[w+1]].
	text      string
	toks      []token
	tokWord   []int32
	post      []int32
	postStart []int32
	words     map[string][]wordMatch // the words matching a query word, remembered while it is typed
	lastWord  lastWord
	single    []bool    // targets of one word
	rlen      []uint8   // letters (and spaces) of each target, at most 255
	byLen     [][]int32 // one-word targets by letters (the last holds the longer), best first

	byNorm normTable // target by normalised form

	prefix1 map[rune][]int32    // targets by first letter, best first
	prefix2 map[[2]rune][]int32 // targets by first two letters, best first

	// stack holds the full candidate sets of the queries typed so far, each
	// extending the one below it; typos the same for typo matches.
	stack []querySet
	typos []typoSet
}

type querySet struct {
	q   string
	ids []int32
}

// typoSet is every target within d edits of a query, in index order,
// with its nearness (keys: twice the distance, plus one when the match
// does not end a word).
type typoSet struct {
	q    string
	d    int
	ids  []int32
	keys []uint8
}

// NewIndex indexes text and its entities (as Find returns them).
func NewIndex(text string, ents []Entity) *Index {
	return newIndex(newFinder(text, tokenize(text)), ents)
}

// newIndex indexes the text of f, a finder without lexicon or memory,
// and its entities.
func newIndex(f *finder, ents []Entity) *Index {
	x := &Index{ents: ents, byKey: newKeyTable(len(ents))}
	b := newIndexBuilder(f)
	for i, e := range ents {
		step(i)
		x.byKey.put(ents, i)
		b.addEntity(i, e)
	}
	b.addWords()
	b.finish(x)
	return x
}

// Entities returns the entities the index was built with.
func (x *Index) Entities() []Entity { return x.ents }

// Entity returns the entity with key key.
func (x *Index) Entity(key string) (Entity, bool) {
	i, ok := x.byKey.get(x.ents, key)
	if !ok {
		return Entity{}, false
	}
	return x.ents[i], true
}

// Mentions returns every mention of the entities with the given keys,
// sorted, overlapping and touching spans merged. Unknown keys are ignored.
func (x *Index) Mentions(keys []string) []gtext.Span {
	n := 0
	for _, k := range keys {
		if i, ok := x.byKey.get(x.ents, k); ok {
			n += len(x.ents[i].Mentions)
		}
	}
	all := make([]gtext.Span, 0, n)
	for _, k := range keys {
		if i, ok := x.byKey.get(x.ents, k); ok {
			all = append(all, x.ents[i].Mentions...)
		}
	}
	return mergeSpans(all)
}

// mergeSpans sorts spans and merges those that overlap or touch.
func mergeSpans(all []gtext.Span) []gtext.Span {
	sort.Slice(all, func(i, j int) bool {
		if all[i].Start != all[j].Start {
			return all[i].Start < all[j].Start
		}
		return all[i].End < all[j].End
	})
	out := all[:0]
	for _, s := range all {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			if s.End > out[n-1].End {
				out[n-1].End = s.End
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// lookup returns the target whose normalised form is norm.
func (x *Index) lookup(norm string) (int32, bool) {
	// A hash collision is only a phrase not shown as its target.
	return x.byNorm.get(x, norm)
}

// Len is the number of search targets.
func (x *Index) Len() int { return len(x.dstart) }

// displayOf returns the display form of target id: a piece of the text, or
// an entity's name (dstart -1) or variant (-2-dstart).
func (x *Index) displayOf(id int32) string {
	if s := x.dstart[id]; s >= 0 {
		return x.text[s:x.dend[id]]
	}
	e := &x.ents[x.entity[id]]
	if k := -2 - x.dstart[id]; k >= 0 {
		return e.Variants[k]
	}
	return e.Name
}

func (x *Index) norm(i int32) string { return x.arena[x.offs[i]:x.offs[i+1]] }

// normQuery folds the query and drops everything but letters and digits:
// spaces, hyphens and apostrophes are optional in what is typed.
func normQuery(q string) string {
	b := make([]byte, 0, len(q))
	for _, r := range q {
		if !gtext.IsWordRune(r) {
			continue
		}
		if f := fold(r); f >= 0 {
			b = utf8.AppendRune(b, f)
		}
	}
	return string(b)
}

func maskOf(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		m |= maskBit(s[i])
	}
	return m
}

func maskBit(c byte) uint64 {
	switch {
	case 'a' <= c && c <= 'z':
		return 1 << (c - 'a')
	case '0' <= c && c <= '9':
		return 1 << (26 + c - '0')
	case c == ' ':
		return 0
	}
	return 1 << (36 + c%28) // bytes of other letters, hashed
}

// Search returns up to max results for the query, best first. Hits are
// entities (once each, by their best variant) and distinct words and
// capitalised n-grams of the text. Case, accents and separators are
// ignored, and typos forgiven: letters may be apart ("hollnd" finds
// Hollande), and each word of the query may be off by one edit (two from
// eight letters) — a letter dropped, added or replaced, or two neighbours
// swapped ("hollnade", "ptuin"). Exact and prefix matches come first, then
// typo matches by distance and how often they occur, then scattered
// letters.
func (x *Index) Search(query string, max int) []Hit {
	q := normQuery(query)
	if q == "" || max <= 0 {
		return nil
	}
	k := max*3 + 16 // candidates scored exactly by fuzzy
	if utf8.RuneCountInString(q) <= 2 {
		// Too short to say much: the prefix lists' order (entities, then
		// frequent words) is the ranking.
		return x.rank(q, x.shortQuery(q, k), nil, nil, 0, max, false)
	}
	d := allowance(query)
	words := queryWords(query)
	var typos []int32
	if d > 0 && len(words) < 2 {
		// A query of several words is matched word by word, as phrases.
		typos = x.typoQuery(q, newTypoPattern(q), d, k)
	}
	return x.rank(q, x.longQuery(q, k), typos, x.phrases(words, k), d, max, true)
}

// typoQuery finds every target within d edits of q, narrowing the set of
// the query typed before when q extends it with the same allowance (a
// longer query is never nearer), and returns the k best: nearest, then
// ending a word, then the best targets.
func (x *Index) typoQuery(q string, p *typoPattern, d, k int) []int32 {
	for len(x.typos) > 0 {
		top := x.typos[len(x.typos)-1]
		if top.d == d && strings.HasPrefix(q, top.q) {
			break
		}
		x.typos = x.typos[:len(x.typos)-1]
	}
	if n := len(x.typos); n > 0 && x.typos[n-1].q == q {
		return bestTypos(x.typos[n-1], k)
	}
	set := typoSet{q: q, d: d}
	if n := len(x.typos); n > 0 {
		for _, id := range x.typos[n-1].ids {
			set.add(x, p, id)
		}
	} else {
		for _, id := range x.rescan(p, d) {
			set.add(x, p, id)
		}
	}
	x.typos = append(x.typos, set)
	return bestTypos(set, k)
}

// rescan returns, of every target, those that may be within d edits of p:
// long enough, holding all but d of its letters, passing mayStart and
// mayPrefix (by startFilter). In wasm, where a call is dear and a shift by
// a variable is a branch, a call of mayPrefix per target cost more than its
// test, and this loop was most of the keystroke where a typo is first
// forgiven (at "thit" on the 1 MB article, under node: 2.7 ms before
// mayPrefix, 2.0 with it called per target, 1.2-1.4 with startFilter).
func (x *Index) rescan(p *typoPattern, d int) []int32 {
	short := uint8(max(p.m-d, 0))
	masks := x.masks
	rlen := x.rlen[:len(masks)]
	offs := x.offs[:len(masks)+1]
	f := newStartFilter(p, d)
	out := make([]int32, 0, 1024)
	for id, m := range masks {
		if rlen[id] >= short && bits.OnesCount64(p.mask&^m) <= d && f.keeps(x.arena[offs[id]:offs[id+1]]) {
			out = append(out, int32(id))
		}
	}
	return out
}

// startFilter is mayStart's and mayPrefix's tests of one pattern and
// allowance, from tables made once, for the targets whose first letters
// are ASCII (the most; it keeps the others for those tests to read).
type startFilter struct {
	d     int
	reach int    // letters read: no longer prefix is near enough
	all   uint64 // the pattern's places
	ascii *[128]uint64
	// start[c]: 1 when byte c is one of the pattern's first d+1 letters,
	// 2 when it says nothing alone (a space, a byte of a longer letter),
	// else 0: a target whose first d+1 bytes all read 0 cannot start a
	// match. With d+1 letters or fewer, any start may.
	start [256]uint8
	// near[n]: the pattern's places a letter of the target at n can keep
	// (at most d away); settled[n]: those no later letter can (none
	// before n reaches d).
	near, settled [maxPattern + 4]uint64
}

func newStartFilter(p *typoPattern, d int) *startFilter {
	f := &startFilter{d: d, all: p.last<<1 - 1, ascii: &p.ascii}
	want := uint64(1)<<(d+1) - 1
	for c := range f.start {
		switch {
		case d+1 >= p.m:
			f.start[c] = 1
		case c >= utf8.RuneSelf || c == ' ':
			f.start[c] = 2
		case p.ascii[c]&want != 0:
			f.start[c] = 1
		}
	}
	f.reach = min(p.m+d, len(f.near))
	band := uint64(1)<<(2*d+1) - 1
	for n := range f.reach {
		if n < d {
			f.near[n] = band >> (d - n)
		} else {
			f.near[n] = band << (n - d)
			f.settled[n] = uint64(1)<<(n-d+1) - 1
		}
	}
	return f
}

// keeps reports whether s, a target, may start within the allowance:
// false only when mayStart or mayPrefix is.
func (f *startFilter) keeps(s string) bool {
	d := f.d
	if len(s) > d {
		v := f.start[s[0]]
		for _, c := range []byte(s[1 : d+1]) {
			v |= f.start[c]
		}
		if v == 0 {
			return false
		}
	}
	var kept uint64
	n := 0 // letters read
	for i := 0; i < len(s) && n < f.reach; i++ {
		c := s[i]
		if c == ' ' {
			continue
		}
		if c >= utf8.RuneSelf {
			return true // a longer letter: mayPrefix reads the rest
		}
		kept |= f.ascii[c] & f.near[n]
		if bits.OnesCount64(f.settled[n]&^kept) > d {
			return false
		}
		n++
	}
	return bits.OnesCount64(f.all&^kept) <= d
}

// add adds target id to the set if its start is within the set's edits. A
// word inside a longer target is a target of its own: the scan over every
// target looks only at their starts.
func (s *typoSet) add(x *Index, p *typoPattern, id int32) {
	norm := x.norm(id)
	if !p.mayPrefix(norm, s.d) {
		return
	}
	var m typoMatch
	m.dist, m.end, m.full = p.prefixDist(norm, s.d)
	if m.dist > s.d {
		return
	}
	key := uint8(m.dist * 2)
	if !m.full {
		key++
	}
	s.ids = append(s.ids, id)
	s.keys = append(s.keys, key)
}

// bestTypos returns the k best targets of s: nearest, then whole words,
// then in index order (entities, then by frequency).
func bestTypos(s typoSet, k int) []int32 {
	type near struct {
		id  int32
		key uint8
	}
	out := make([]near, 0, k+1)
	for i, id := range s.ids {
		key := s.keys[i]
		if len(out) == k && key >= out[k-1].key {
			continue // ids are best first: an equal key later is worse
		}
		j := sort.Search(len(out), func(j int) bool { return out[j].key > key })
		out = append(out, near{})
		copy(out[j+1:], out[j:])
		out[j] = near{id, key}
		if len(out) > k {
			out = out[:k]
		}
	}
	res := make([]int32, len(out))
	for i, n := range out {
		res[i] = n.id
	}
	return res
}

// shortQuery answers one- and two-letter queries from the prefix lists
// without scanning every target.
func (x *Index) shortQuery(q string, k int) []int32 {
	x.stack = x.stack[:0]
	r0, n := utf8.DecodeRuneInString(q)
	var out []int32
	if n == len(q) {
		out = x.prefix1[r0]
		if len(out) > k {
			out = out[:k]
		}
		return append([]int32(nil), out...)
	}
	r1, _ := utf8.DecodeRuneInString(q[n:])
	out = append(out, x.prefix2[[2]rune{r0, r1}]...)
	if len(out) > k {
		return out[:k]
	}
	// Too few start with both letters: add those that start with the first
	// and contain the second, best first, looking at a bounded number.
	look := 0
	for _, id := range x.prefix1[r0] {
		if len(out) >= k || look > 20000 {
			break
		}
		look++
		s := x.norm(id)
		if !strings.HasPrefix(s, q) && strings.Contains(s[n:], q[n:]) {
			out = append(out, id)
		}
	}
	return out
}

// longQuery finds every target containing q's letters in order, narrowing
// the set of the query typed before when q extends it, and keeps the k with
// the best quick score.
func (x *Index) longQuery(q string, k int) []int32 {
	for len(x.stack) > 0 && !strings.HasPrefix(q, x.stack[len(x.stack)-1].q) {
		x.stack = x.stack[:len(x.stack)-1]
	}
	var ids []int32
	if len(x.stack) > 0 {
		top := x.stack[len(x.stack)-1]
		if top.q == q {
			return x.best(q, top.ids, k, nil)
		}
		ids = x.filter(q, top.ids)
	} else {
		ids = x.filter(q, nil)
	}
	x.stack = append(x.stack, querySet{q: q, ids: ids})
	return x.best(q, ids, k, nil)
}

// filter returns the targets among from (all when nil) that contain q's
// bytes in order, rejecting most by their letter mask first.
func (x *Index) filter(q string, from []int32) []int32 {
	qm := maskOf(q)
	var out []int32
	if from == nil {
		out = make([]int32, 0, 1024)
		for i, m := range x.masks {
			if m&qm == qm && isSubseq(q, x.arena[x.offs[i]:x.offs[i+1]]) {
				out = append(out, int32(i))
			}
		}
		return out
	}
	out = make([]int32, 0, len(from)/2+1)
	for _, i := range from {
		if x.masks[i]&qm == qm && isSubseq(q, x.arena[x.offs[i]:x.offs[i+1]]) {
			out = append(out, i)
		}
	}
	return out
}

func isSubseq(q, s string) bool {
	j := 0
	for i := 0; i < len(s) && j < len(q); i++ {
		if s[i] == q[j] {
			j++
		}
	}
	return j == len(q)
}

// quickScore estimates how well q matches s, cheaply: a prefix of the
// whole target beats a prefix of one of its words, which beats a substring,
// which beats scattered letters; shorter targets win. sq is " "+q, made
// once by the caller rather than once per target.
func quickScore(q, sq, s string) int {
	score := 0
	if i := strings.Index(s, q); i >= 0 {
		switch {
		case i == 0:
			score = 300
		case strings.Contains(s[i-1:], sq):
			score = 200 // a word of s starts with q (not always the first q)
		default:
			score = 100
		}
		return score - len(s)
	}
	// Scattered letters: reward those that start a word or follow the one
	// before.
	j, last := 0, -2
	for i := 0; i < len(s) && j < len(q); i++ {
		if s[i] == q[j] {
			if i == 0 || s[i-1] == ' ' {
				score += 8
			} else if i == last+1 {
				score += 4
			}
			last = i
			j++
		}
	}
	return score - len(s)
}

// cand is a target with its quick score.
type cand struct {
	id    int32
	score int
}

// candHeap is a min-heap: the worst candidate kept is on top.
type candHeap []cand

func (h candHeap) Len() int      { return len(h) }
func (h candHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h candHeap) Less(i, j int) bool {
	if h[i].score != h[j].score {
		return h[i].score < h[j].score
	}
	return h[i].id > h[j].id // lower ids are better targets
}
func (h *candHeap) Push(v any) { *h = append(*h, v.(cand)) }
func (h *candHeap) Pop() any {
	old := *h
	v := old[len(old)-1]
	*h = old[:len(old)-1]
	return v
}

// best keeps the k targets of ids with the best quick score.
func (x *Index) best(q string, ids []int32, k int, h candHeap) []int32 {
	h = h[:0]
	sq := " " + q
	// Scattered letters score at most 8 a letter: below a word's prefix
	// for queries of up to 25 letters.
	others := max(200, 8*len(q))
	for _, id := range ids {
		norm := x.norm(id)
		bonus := 0
		if x.entity[id] >= 0 {
			bonus = 20
		}
		if len(h) == k && !strings.HasPrefix(norm, q) && others-len(norm)+bonus < h[0].score {
			// It cannot displace the worst kept: not scored. Once the
			// heap holds prefixes, that is most of the candidates.
			continue
		}
		s := quickScore(q, sq, norm) + bonus
		if len(h) < k {
			heap.Push(&h, cand{id, s})
			continue
		}
		if s > h[0].score || s == h[0].score && id < h[0].id {
			h[0] = cand{id, s}
			heap.Fix(&h, 0)
		}
	}
	out := make([]int32, len(h))
	for i, c := range h {
		out[i] = c.id
	}
	return out
}

// idSource serves targets' normalised forms to fuzzy.
type idSource struct {
	x   *Index
	ids []int32
}

func (s idSource) String(i int) string { return s.x.norm(s.ids[i]) }
func (s idSource) Len() int            { return len(s.ids) }

// Tiers of a hit, best first.
const (
	tierExact   = iota // the query is whole words of the target
	tierPrefix         // the query starts a word of the target
	tierTypo           // within the allowed edits
	tierScatter        // the query's letters in order, apart
)

// rank scores the candidates with fuzzy, adds the bonuses of quickScore,
// sorts them by tier, keeps the best variant of each entity and returns
// the best max. ids are the candidates by scattered letters, typos those
// within d edits, phrases the runs of words matching the query's words.
func (x *Index) rank(q string, ids, typos []int32, phrases []phrase, d, max int, byScore bool) []Hit {
	type scored struct {
		id      int32 // -1 for a phrase
		tier    int
		score   int
		m       typoMatch
		matched []int // fuzzy's byte indexes, nil for a typo match
		ph      *phrase
		phNorm  string
	}
	all := make([]scored, 0, len(ids)+len(typos))
	ms := fuzzy.FindFromNoSort(q, idSource{x, ids})
	var p *typoPattern
	if byScore {
		p = newTypoPattern(q)
	}
	seenID := make(map[int32]bool, len(ms)+len(typos))
	for _, m := range ms {
		id := ids[m.Index]
		seenID[id] = true
		c := scored{id: id, tier: tierScatter, score: m.Score + bonus(q, x.norm(id)), matched: m.MatchedIndexes}
		if p != nil {
			c.m = x.match(p, id, d)
			switch {
			case c.m.dist == 0 && c.m.full:
				c.tier = tierExact
			case c.m.dist == 0:
				c.tier = tierPrefix
			case c.m.dist <= d:
				c.tier = tierTypo
			}
		}
		all = append(all, c)
	}
	for _, id := range typos {
		if seenID[id] {
			continue
		}
		all = append(all, scored{id: id, tier: tierTypo, m: x.match(p, id, d)})
	}
	if len(phrases) > 0 {
		// A phrase that is also a target is found as the target.
		norms := make(map[string]bool, len(all))
		for _, c := range all {
			norms[x.norm(c.id)] = true
		}
		for i := range phrases {
			ph := &phrases[i]
			n := x.phraseNorm(*ph)
			if norms[n] {
				continue
			}
			norms[n] = true
			c := scored{id: -1, tier: tierTypo, m: typoMatch{dist: ph.dist, full: ph.full, end: len(n)}, ph: ph, phNorm: n}
			if ph.dist == 0 {
				c.tier = tierPrefix
				if ph.full {
					c.tier = tierExact
				}
			}
			if id, ok := x.lookup(n); ok {
				// The phrase is a target: an entity brings all its mentions.
				c.id, c.ph = id, nil
				if ms := fuzzy.Find(q, []string{n}); len(ms) == 1 {
					c.score, c.matched = ms[0].Score+bonus(q, n), ms[0].MatchedIndexes
				}
			}
			all = append(all, c)
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if !byScore {
			return false
		}
		a, b := all[i], all[j]
		if a.tier != b.tier {
			return a.tier < b.tier
		}
		if (a.ph == nil) != (b.ph == nil) {
			// Before phrases, targets as near.
			if a.tier == tierTypo && a.m.dist != b.m.dist {
				return a.m.dist < b.m.dist
			}
			return a.ph == nil
		}
		if a.ph != nil {
			// Phrases: nearest, then whole; else as found (most frequent).
			if a.m.dist != b.m.dist {
				return a.m.dist < b.m.dist
			}
			return a.m.full && !b.m.full
		}
		if a.tier == tierTypo {
			// Nearest first, then whole words, then by how often the
			// target occurs (ids are in that order).
			if a.m.dist != b.m.dist {
				return a.m.dist < b.m.dist
			}
			if a.m.full != b.m.full {
				return a.m.full
			}
			return a.id < b.id
		}
		if a.score != b.score {
			return a.score > b.score
		}
		if ea, eb := x.entity[a.id] >= 0, x.entity[b.id] >= 0; ea != eb {
			return ea
		}
		if la, lb := len(x.norm(a.id)), len(x.norm(b.id)); la != lb {
			return la < lb
		}
		return a.id < b.id
	})
	hits := make([]Hit, 0, max)
	seen := map[int32]bool{}
	for _, s := range all {
		if len(hits) == max {
			break
		}
		if s.ph != nil {
			h := Hit{Text: s.ph.display, Score: -10 * s.ph.dist, Mentions: s.ph.mentions}
			norm, dm := normTarget(s.ph.display)
			h.Matched = displayIndexes(norm, dm, alignedLetters(q, norm, 0, len(norm)))
			hits = append(hits, h)
			continue
		}
		h := Hit{Text: x.displayOf(s.id), Score: s.score}
		if s.tier == tierTypo && s.matched == nil {
			// A typo match scores below every match of the letters in
			// order, less for each edit.
			h.Score = -10 * s.m.dist
		}
		if e := x.entity[s.id]; e >= 0 {
			if seen[e] {
				continue
			}
			seen[e] = true
			h.Entity, h.Label, h.Mentions = x.ents[e].Key, x.ents[e].Label, x.ents[e].Mentions
		} else {
			a, b := x.mstart[s.id], x.mstart[s.id+1]
			h.Mentions = x.mflat[a:b:b]
		}
		matched := s.matched
		if matched == nil {
			matched = alignedLetters(q, x.norm(s.id), s.m.start, s.m.end)
		}
		h.Matched = displayIndexes(x.norm(s.id), displayMap(x.displayOf(s.id)), matched)
		hits = append(hits, h)
	}
	return hits
}

// bonus is what rank adds to fuzzy's score for a target that is the query,
// starts with it, or has a word that does.
func bonus(q, norm string) int {
	switch {
	case norm == q:
		return 60
	case strings.HasPrefix(norm, q):
		return 30
	case strings.Contains(norm, " "+q):
		return 15
	}
	return 0
}

// displayIndexes turns byte indexes in a normalised target into rune
// indexes in its display form; dm maps the one to the other (nil when
// they are the same rune for rune). It is built for the few hits shown,
// not for every target.
func displayIndexes(norm string, dm []int32, bytesIdx []int) []int {
	out := make([]int, 0, len(bytesIdx))
	ri, bi := 0, 0
	for _, want := range bytesIdx {
		for bi < want && bi < len(norm) {
			_, n := utf8.DecodeRuneInString(norm[bi:])
			bi += n
			ri++
		}
		if dm != nil && ri < len(dm) {
			out = append(out, int(dm[ri]))
		} else {
			out = append(out, ri)
		}
	}
	return out
}

// displayMap returns, for each rune of display's normalised form, the rune
// of display it comes from, or nil when they are the same rune for rune.
func displayMap(display string) []int32 {
	// Walk as normTarget does, without building anything, to see whether
	// every normalised rune sits at its display index.
	space := false
	di, ni := 0, 0
	for _, r := range display {
		if !gtext.IsWordRune(r) {
			space = space || ni > 0
			di++
			continue
		}
		if fold(r) < 0 {
			_, dm := normTarget(display)
			return dm
		}
		if space {
			ni++
			space = false
		}
		if di != ni {
			_, dm := normTarget(display)
			return dm
		}
		di++
		ni++
	}
	return nil
}
