package entity

import (
	"sort"
	"strings"
)

// Span is a half-open code point range.
type Span struct{ Start, End int }

// Entity is one group of mentions that name the same thing ("Le Drian",
// "Jean-Yves Le Drian").
type Entity struct {
	Key      string   // normalised group key, stable for the same text (lower-case, accents folded)
	Name     string   // the display name: the longest, then most frequent variant
	Label    string   // from the gazetteer or guessed ("" if unknown)
	Variants []string // distinct surface forms, most frequent first
	Mentions []Span   // every mention in order
	First    int      // offset of the first mention
	Source   string   // "candidate" or "gazetteer"
}

// Sources of an Entity.
const (
	SourceCandidate = "candidate"
	SourceGazetteer = "gazetteer"
)

// segment is a candidate name: tokens a..b-1 of the text.
type segment struct {
	a, b    int
	per     bool // preceded by a title
	initial bool // starts a sentence
}

// finder holds the state of one Find call.
type finder struct {
	text  string
	toks  []token
	folds []string // normalised token, filled on demand
}

func (f *finder) fold(i int) string {
	if f.folds[i] == "" {
		t := f.toks[i]
		f.folds[i] = Normalize(f.text[t.bstart:t.bend])
	}
	return f.folds[i]
}

// key is the normalised form of tokens a..b-1.
func (f *finder) key(a, b int) string {
	if b == a+1 {
		return f.fold(a)
	}
	return Normalize(f.text[f.toks[a].bstart:f.toks[b-1].bend])
}

// surface is the text of tokens a..b-1 as written.
func (f *finder) surface(a, b int) string {
	return f.text[f.toks[a].bstart:f.toks[b-1].bend]
}

// Find returns the candidate entities of text plus the gazetteer's matches
// (gaz may be nil), grouped, in order of first mention.
func Find(text string, gaz *Gazetteer) []Entity {
	f := &finder{text: text, toks: tokenize(text)}
	f.folds = make([]string, len(f.toks))
	segs := f.chains()
	segs = f.dropSentenceStarts(segs)
	segs = f.splitKnown(segs)
	var matches []Match
	if gaz != nil {
		matches = gaz.Match(text)
		segs = f.cutGazetteer(segs, matches)
	}
	return f.group(segs, matches)
}

// isParticle reports whether token i can sit inside a name.
func (f *finder) isParticle(i int) bool {
	t := f.toks[i]
	return !t.cap && t.end-t.start <= 4 && particles.has(f.fold(i))
}

// chains finds runs of capitalised words joined by spaces, hyphens or
// particles, then splits them at titles and trims days and months.
func (f *finder) chains() []segment {
	toks := f.toks
	var segs []segment
	for i := 0; i < len(toks); i++ {
		if !toks[i].cap {
			continue
		}
		a, j := i, i
		for !toks[j].poss && j+1 < len(toks) {
			k := j + 1
			if toks[k].cap && (toks[k].join == joinSpace || toks[k].join == joinHyphen ||
				toks[k].join == joinApos && f.fold(j) == "o") {
				j = k
				continue
			}
			// Particles: "de", "van der", "d'".
			for k < len(toks) && toks[k].join == joinSpace && f.isParticle(k) && !toks[k].poss {
				k++
			}
			if k == j+1 || k >= len(toks) || !toks[k].cap ||
				!(toks[k].join == joinSpace || toks[k].join == joinApos && f.fold(k-1) == "d") {
				break
			}
			j = k
		}
		i = j
		segs = f.splitTitles(segs, a, j+1)
	}
	return segs
}

// splitTitles appends the names in tokens a..b-1 once titles are taken out.
func (f *finder) splitTitles(segs []segment, a, b int) []segment {
	per := false
	if a > 0 && f.toks[a].join == joinSpace && !f.toks[a-1].cap && titles.has(f.fold(a-1)) {
		per = true // "president Macron"
	}
	start := a
	for i := a; i <= b; i++ {
		isTitle := false
		if i < b {
			w := f.fold(i)
			isTitle = titles.has(w)
			if !isTitle && titleModifiers.has(w) {
				// A modifier is a title only when a title follows it.
				for k := i + 1; k < b; k++ {
					if titles.has(f.fold(k)) {
						isTitle = true
						break
					}
					if !titleModifiers.has(f.fold(k)) {
						break
					}
				}
			}
		}
		if i == b || isTitle {
			if s, ok := f.trim(start, i); ok {
				s.per = per
				s.initial = s.a == a && f.toks[a].initial
				segs = append(segs, s)
			}
			per = isTitle
			start = i + 1
		}
	}
	return segs
}

// trim drops particles, days and months from both ends of tokens a..b-1.
func (f *finder) trim(a, b int) (segment, bool) {
	for a < b && (!f.toks[a].cap || notNames.has(f.fold(a))) {
		a++
	}
	for b > a && (!f.toks[b-1].cap || notNames.has(f.fold(b-1))) {
		b--
	}
	if a >= b || b == a+1 && f.toks[a].end-f.toks[a].start < 2 {
		return segment{}, false
	}
	return segment{a: a, b: b}, true
}

// dropSentenceStarts removes capitalised words that are capitalised only
// because they start a sentence ("Despite", "The", "Ahead"): a sentence's
// first word stays only when it is also seen capitalised mid-sentence, is
// not a function word, or the name it starts is seen mid-sentence.
func (f *finder) dropSentenceStarts(segs []segment) []segment {
	midCap := map[string]bool{}
	known := map[string]bool{}
	for _, s := range segs {
		from := s.a
		if s.initial {
			from++
		}
		for i := from; i < s.b; i++ {
			if f.toks[i].cap {
				midCap[f.fold(i)] = true
			}
		}
		if !s.initial {
			for i := s.a; i < s.b; i++ {
				if f.toks[i].cap {
					known[f.key(i, s.b)] = true
				}
			}
		}
	}
	out := segs[:0]
	for _, s := range segs {
		if s.initial {
			for s.a < s.b && !known[f.key(s.a, s.b)] {
				w := f.fold(s.a)
				if !stopWords.has(w) && (midCap[w] || s.b-s.a >= 2 && f.toks[s.a+1].cap && !f.toks[s.a].upper && !looksCommon(w)) {
					// Seen as a name elsewhere, or a first name before a
					// surname ("Élisabeth Borne said").
					break
				}
				s.a++
			}
			var ok bool
			if s, ok = f.retrim(s); !ok {
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// retrim trims s again, keeping its flags.
func (f *finder) retrim(s segment) (segment, bool) {
	t, ok := f.trim(s.a, s.b)
	t.per, t.initial = s.per, s.initial
	return t, ok
}

// splitKnown splits a name of three or more words in two when both halves
// are names seen on their own ("President of France Francois Hollande").
func (f *finder) splitKnown(segs []segment) []segment {
	seen := map[string]bool{}
	long := false
	for _, s := range segs {
		seen[f.key(s.a, s.b)] = true
		long = long || s.b-s.a >= 3
	}
	if !long {
		return segs
	}
	out := make([]segment, 0, len(segs))
	for _, s := range segs {
		if s.b-s.a >= 3 {
			split := false
			for k := s.a + 1; k < s.b; k++ {
				if f.toks[k].cap && f.toks[k].join == joinSpace && f.toks[k-1].cap &&
					seen[f.key(s.a, k)] && seen[f.key(k, s.b)] {
					out = append(out, segment{a: s.a, b: k, per: s.per, initial: s.initial}, segment{a: k, b: s.b, per: s.per})
					split = true
					break
				}
			}
			if split {
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// cutGazetteer takes the words the gazetteer matched out of the candidates:
// the gazetteer's reading wins.
func (f *finder) cutGazetteer(segs []segment, matches []Match) []segment {
	if len(matches) == 0 {
		return segs
	}
	covered := make([]bool, len(f.toks))
	m := 0
	for i, t := range f.toks {
		for m < len(matches) && matches[m].End <= t.start {
			m++
		}
		if m < len(matches) && matches[m].Start <= t.start && t.end <= matches[m].End {
			covered[i] = true
		}
	}
	out := segs[:0:0]
	for _, s := range segs {
		start := s.a
		for i := s.a; i <= s.b; i++ {
			if i < s.b && !covered[i] {
				continue
			}
			if start == s.a && i == s.b {
				out = append(out, s)
				break
			}
			if t, ok := f.trim(start, i); ok {
				t.per = s.per && start == s.a
				out = append(out, t)
			}
			start = i + 1
		}
	}
	return out
}

// group is one entity being built.
type group struct {
	key      string
	words    int
	mentions []Span
	surfaces map[string]int
	order    []string // surfaces in order of first sight
	per      bool
	gaz      *Entry
	parent   *group
}

func (g *group) root() *group {
	for g.parent != nil {
		g = g.parent
	}
	return g
}

func (g *group) add(sp Span, surface string) {
	g.mentions = append(g.mentions, sp)
	if g.surfaces[surface] == 0 {
		g.order = append(g.order, surface)
	}
	g.surfaces[surface]++
}

// group gathers mentions with the same key, then joins a shorter name to
// the one longer name that ends with it ("Hollande" → "Francois Hollande").
func (f *finder) group(segs []segment, matches []Match) []Entity {
	groups := map[string]*group{}
	get := func(key string) *group {
		g := groups[key]
		if g == nil {
			g = &group{key: key, words: strings.Count(key, " ") + 1, surfaces: map[string]int{}}
			groups[key] = g
		}
		return g
	}
	for i := range matches {
		m := &matches[i]
		g := get(Normalize(m.Entry.Name))
		if g.gaz == nil {
			g.gaz = &m.Entry
		}
		g.add(m.Span, sliceRunes(f.text, f.toks, m.Span))
	}
	for _, s := range segs {
		g := get(f.key(s.a, s.b))
		g.add(Span{f.toks[s.a].start, f.toks[s.b-1].end}, f.surface(s.a, s.b))
		g.per = g.per || s.per
	}
	all := make([]*group, 0, len(groups))
	for _, g := range groups {
		all = append(all, g)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].words != all[j].words {
			return all[i].words > all[j].words
		}
		return all[i].key < all[j].key
	})
	ambiguous := &group{}
	tails := map[string]*group{}
	for _, g := range all {
		if owner := tails[g.key]; owner != nil && owner != ambiguous && g.gaz == nil {
			g.parent = owner
		}
		r := g.root()
		for i := 0; i < len(g.key); i++ {
			if g.key[i] != ' ' {
				continue
			}
			t := g.key[i+1:]
			if o := tails[t]; o == nil {
				tails[t] = r
			} else if o != r {
				tails[t] = ambiguous
			}
		}
	}
	// Fold children into their roots.
	byRoot := map[*group][]*group{}
	for _, g := range all {
		r := g.root()
		byRoot[r] = append(byRoot[r], g)
	}
	ents := make([]Entity, 0, len(byRoot))
	for r, members := range byRoot {
		ents = append(ents, f.entity(r, members))
	}
	sort.Slice(ents, func(i, j int) bool {
		if ents[i].First != ents[j].First {
			return ents[i].First < ents[j].First
		}
		return ents[i].Key < ents[j].Key
	})
	return ents
}

// entity builds the Entity of root r and its members.
func (f *finder) entity(r *group, members []*group) Entity {
	e := Entity{Key: r.key, Source: SourceCandidate}
	counts := map[string]int{}
	var order []string
	per := false
	for _, g := range members {
		e.Mentions = append(e.Mentions, g.mentions...)
		for _, s := range g.order {
			if counts[s] == 0 {
				order = append(order, s)
			}
			counts[s] += g.surfaces[s]
		}
		per = per || g.per
	}
	sort.Slice(e.Mentions, func(i, j int) bool { return e.Mentions[i].Start < e.Mentions[j].Start })
	if len(e.Mentions) > 0 {
		e.First = e.Mentions[0].Start
	}
	// Order of first sight in the text, then most frequent first.
	first := map[string]int{}
	for _, m := range e.Mentions {
		s := sliceRunes(f.text, f.toks, m)
		if _, ok := first[s]; !ok {
			first[s] = m.Start
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		if counts[order[i]] != counts[order[j]] {
			return counts[order[i]] > counts[order[j]]
		}
		return first[order[i]] < first[order[j]]
	})
	e.Variants = order
	if r.gaz != nil {
		e.Source, e.Label, e.Name = SourceGazetteer, r.gaz.Label, r.gaz.Name
		return e
	}
	if per {
		e.Label = "PER"
	}
	best := ""
	for _, v := range order { // already most frequent first
		if best == "" || len(Normalize(v)) > len(Normalize(best)) {
			best = v
		}
	}
	e.Name = best
	return e
}

// sliceRunes returns the text of span sp. Spans start and end on token
// boundaries, so the token list converts them to bytes.
func sliceRunes(text string, toks []token, sp Span) string {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].start >= sp.Start })
	j := sort.Search(len(toks), func(i int) bool { return toks[i].end >= sp.End })
	if i < len(toks) && j < len(toks) && toks[i].start == sp.Start && toks[j].end == sp.End {
		return text[toks[i].bstart:toks[j].bend]
	}
	// Fall back to counting code points.
	var b, n, bs int = 0, 0, -1
	for b = range text {
		if n == sp.Start {
			bs = b
		}
		if n == sp.End {
			return text[bs:b]
		}
		n++
	}
	if bs < 0 {
		return ""
	}
	return text[bs:]
}

// looksCommon reports whether w, capitalised at a sentence start before a
// name, is more likely an English adverb or gerund ("Meanwhile Putin",
// "Following Macron's visit") than a first name.
func looksCommon(w string) bool {
	return strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "while") ||
		strings.HasSuffix(w, "day") || strings.HasSuffix(w, "ever")
}
