package entity

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	gtext "gloss/app/text"
)

// Phrases: a query of several words also finds the runs of consecutive
// words of the text that match its words in order, each within its own
// allowance of typos and the last one as a prefix, whatever separates them
// ("bank of scotland", "denver, colorado", "the netherlands"). So every
// name of the article can be found, candidate or not.

// oneLetter encodes a word of one letter in Index.tokWord (words of two
// letters or more are targets, numbered from 0).
func oneLetter(r rune) int32 { return -2 - r }

// wordMatch is a target of one word within a query word's allowance.
type wordMatch struct {
	id   int32
	dist uint8
}

// maxPhraseWords bounds the words of a query matched as a phrase.
const maxPhraseWords = 12

// phrase is one distinct run of words matching the query.
type phrase struct {
	words    []int32 // tokWord of each word
	dist     int
	full     bool // the last word is whole
	mentions []gtext.Span
	display  string
}

// queryWords splits a query into its normalised words, leaving out a
// possessive "'s" as the text's words do ("people's republic").
func queryWords(query string) []string {
	ws := strings.Fields(Fold(query))
	out := ws[:0]
	for i, w := range ws {
		if w == "s" && i > 0 && (strings.Contains(query, "'s") || strings.Contains(query, "’s")) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// phraseAllowance is allowance for one word of a phrase, where the words
// around it keep a short word from matching too much: words of two or
// three letters forgive one edit too ("fo" for "of", "ban" for "bank").
func phraseAllowance(w string) int {
	n := utf8.RuneCountInString(w)
	if n >= 2 && n <= 3 {
		return 1
	}
	return allowance(w)
}

// phrases returns up to k runs of words of the text that match the words
// of the query, nearest first, then most frequent.
func (x *Index) phrases(words []string, k int) []phrase {
	if len(words) < 2 || len(words) > maxPhraseWords || len(x.toks) == 0 {
		return nil
	}
	// Targets each query word may be; one-letter words must be exact.
	sets := make([][]wordMatch, len(words))
	anchor, anchorCost := -1, 0
	for i, w := range words {
		if utf8.RuneCountInString(w) == 1 {
			continue
		}
		sets[i] = x.wordMatches(w, i == len(words)-1)
		if len(sets[i]) == 0 {
			return nil
		}
		cost := 0
		for _, m := range sets[i] {
			cost += int(x.postStart[m.id+1] - x.postStart[m.id])
		}
		if anchor < 0 || cost < anchorCost {
			anchor, anchorCost = i, cost
		}
	}
	if anchor < 0 {
		return nil
	}
	dist := make([]map[int32]uint8, len(words))
	for i, set := range sets {
		if set == nil {
			continue
		}
		dist[i] = make(map[int32]uint8, len(set))
		for _, m := range set {
			dist[i][m.id] = m.dist
		}
	}
	var out []phrase
	byKey := map[string]int{}
	key := make([]byte, 0, 4*len(words))
	for _, m := range sets[anchor] {
		for _, t := range x.post[x.postStart[m.id]:x.postStart[m.id+1]] {
			s := int(t) - anchor
			if s < 0 || s+len(words) > len(x.toks) {
				continue
			}
			total, ok := 0, true
			key = key[:0]
			for i, w := range words {
				tw := x.tokWord[s+i]
				if i > 0 && !x.adjacent(s+i-1) {
					ok = false
					break
				}
				if dist[i] == nil {
					r, _ := utf8.DecodeRuneInString(w)
					if tw != oneLetter(r) {
						ok = false
						break
					}
				} else if d, found := dist[i][tw]; found {
					total += int(d &^ wholeWord)
				} else {
					ok = false
					break
				}
				key = append(key, byte(tw), byte(tw>>8), byte(tw>>16), byte(tw>>24))
			}
			if !ok {
				continue
			}
			a, b := x.toks[s], x.toks[s+len(words)-1]
			sp := gtext.Span{Start: int(a.start), End: int(b.end)}
			if j, seen := byKey[string(key)]; seen {
				out[j].mentions = append(out[j].mentions, sp)
				continue
			}
			last := x.tokWord[s+len(words)-1]
			byKey[string(key)] = len(out)
			out = append(out, phrase{
				words:    append([]int32(nil), x.tokWordsAt(s, len(words))...),
				dist:     total,
				full:     last < 0 || x.norm(last) == words[len(words)-1] || dist[len(words)-1][last]&wholeWord != 0,
				mentions: []gtext.Span{sp},
				display:  x.text[a.bstart:b.bend],
			})
		}
	}
	for i := range out {
		out[i].mentions = mergeSpans(out[i].mentions)
	}
	// Nearest, whole words, most frequent first.
	sortPhrases(out)
	if len(out) > k {
		out = out[:k]
	}
	return out
}

func (x *Index) tokWordsAt(s, n int) []int32 { return x.tokWord[s : s+n] }

// sortPhrases orders phrases nearest first, then those whose last word is
// whole, then the most frequent, then in order of appearance.
func sortPhrases(ps []phrase) {
	slices.SortStableFunc(ps, func(a, b phrase) int {
		if a.dist != b.dist {
			return cmp.Compare(a.dist, b.dist)
		}
		if a.full != b.full {
			if a.full {
				return -1
			}
			return 1
		}
		return cmp.Compare(len(b.mentions), len(a.mentions))
	})
}

// norm is the normalised form of the phrase, as a target's.
func (x *Index) phraseNorm(p phrase) string {
	var b strings.Builder
	for i, w := range p.words {
		if i > 0 {
			b.WriteByte(' ')
		}
		if w >= 0 {
			b.WriteString(x.norm(w))
		} else {
			b.WriteRune(-2 - w)
		}
	}
	return b.String()
}

// adjacent reports whether token i and the next can be in one phrase:
// within a line and a sentence, separated by at most four characters
// (", ", " (", "-", "'s "); a full stop only after an initial or an
// abbreviation of up to three letters ("U.S. Army", "Adnan Z. Amin").
func (x *Index) adjacent(i int) bool {
	a, b := x.toks[i], x.toks[i+1]
	gap := x.text[a.bend:b.bstart]
	if utf8.RuneCountInString(gap) > 4 || strings.ContainsAny(gap, "\n\r;:!?") {
		return false
	}
	return !strings.Contains(gap, ".") || a.end-a.start <= 3
}

// wholeWord marks, in wordMatch.dist of the last query word, a target the
// word matches whole rather than as a prefix.
const wholeWord = 0x80

// wordMatches returns the one-word targets within the allowance of query
// word w: whole, or when last, a prefix. They are remembered while the
// query is typed.
func (x *Index) wordMatches(w string, last bool) []wordMatch {
	// The words before the last are remembered: they stay the same while
	// the last one is typed.
	if ms, ok := x.words[w]; ok && !last {
		return ms
	}
	if last && x.lastWord.ms != nil && x.lastWord.w == w {
		return x.lastWord.ms
	}
	if x.words == nil || len(x.words) > 64 {
		x.words = map[string][]wordMatch{}
	}
	// The last word is still being typed: it forgives as a query does.
	d := phraseAllowance(w)
	if last {
		d = allowance(w)
	}
	p := newTypoPattern(w)
	wl := utf8.RuneCountInString(w)
	var ms []wordMatch
	try := func(id int32) {
		n := int(x.rlen[id])
		if !last && n > wl+d || n < wl-d {
			return
		}
		s := x.norm(id)
		if d == 0 {
			switch {
			case s == w:
				ms = append(ms, wordMatch{id, wholeWord})
			case last && strings.HasPrefix(s, w):
				ms = append(ms, wordMatch{id, 0})
			}
			return
		}
		if !p.mayMatch(x.masks[id], d) || !p.mayPrefix(s, d) {
			return
		}
		if n <= wl+d {
			if wd := p.wordDist(s, d); wd <= d {
				ms = append(ms, wordMatch{id, uint8(wd) | wholeWord})
				return
			}
		}
		if last {
			if dist, _, _ := p.prefixDist(s, d); dist <= d {
				ms = append(ms, wordMatch{id, uint8(dist)})
			}
		}
	}
	switch {
	case last && d > 0 && x.lastWord.ms != nil && x.lastWord.d == d && strings.HasPrefix(w, x.lastWord.w):
		// The word typed so far, one letter longer: never nearer.
		for _, m := range x.lastWord.ms {
			try(m.id)
		}
	case d == 0:
		// Exact words and prefixes share the first two letters.
		r0, r1, two := prefixOf(w)
		list := x.prefix1[r0]
		if two {
			list = x.prefix2[[2]rune{r0, r1}]
		}
		for _, id := range list {
			if x.single[id] {
				try(id)
			}
		}
		if last && wl >= 2 {
			// A short last word after others: also a whole word one edit
			// away ("north esa" for North Sea).
			f := newStartFilter(p, 1)
			for n := wl - 1; n <= wl+1; n++ {
				for _, id := range x.byLen[n] {
					if s := x.norm(id); !strings.HasPrefix(s, w) && p.mayMatch(x.masks[id], 1) && f.keeps(s) {
						if wd := p.wordDist(s, 1); wd <= 1 {
							ms = append(ms, wordMatch{id, uint8(wd) | wholeWord})
						}
					}
				}
			}
		}
	default:
		// Only the words of a length within reach, and of those, the ones
		// startFilter keeps (without a call of try for each).
		hi := len(x.byLen) - 1
		if !last {
			hi = min(hi, wl+d)
		}
		f := newStartFilter(p, d)
		for n := max(wl-d, 1); n <= hi; n++ {
			for _, id := range x.byLen[n] {
				if p.mayMatch(x.masks[id], d) && f.keeps(x.norm(id)) {
					try(id)
				}
			}
		}
	}
	if last {
		x.lastWord = lastWord{w, d, ms}
		return ms
	}
	for i := range ms {
		ms[i].dist &^= wholeWord
	}
	x.words[w] = ms
	return ms
}

// lastWord is the last word of the query before, with its matches: while
// it is typed, each letter narrows them down.
type lastWord struct {
	w  string
	d  int
	ms []wordMatch
}
