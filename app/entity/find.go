package entity

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	gtext "gloss/app/text"
)

// Entity is one group of mentions that name the same thing ("Le Drian",
// "Jean-Yves Le Drian").
type Entity struct {
	Key      string       // normalised group key, stable for the same text (lower-case, accents folded)
	Name     string       // the display name: the longest, then most frequent variant
	Label    string       // from the gazetteer, else the suggested Type ("" if unknown)
	Variants []string     // distinct surface forms, most frequent first
	Mentions []gtext.Span // every mention in order
	First    int          // offset of the first mention
	Source   string       // "candidate" or "gazetteer"

	// Type is the suggested type: PER, ORG, LOC, MISC or a label the person
	// gave this name; "" when nothing speaks for any.
	Type       string
	Confidence float64  // 0..1: the type's share of the evidence
	Evidence   []string // why, strongest first ("after the title “Minister”", "a country")
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

// splitEach replaces each candidate for which cut reports true by the
// pieces it returns (none, one or two), copying segs only from the first
// candidate cut on.
func splitEach(segs []segment, cut func(segment) ([]segment, bool)) []segment {
	var out []segment
	for si, s := range segs {
		step(si)
		pieces, ok := cut(s)
		if !ok {
			if out != nil {
				out = append(out, s)
			}
			continue
		}
		if out == nil {
			out = append(make([]segment, 0, len(segs)+4), segs[:si]...)
		}
		out = append(out, pieces...)
	}
	if out == nil {
		return segs
	}
	return out
}

// finder holds the state of one Find call.
type finder struct {
	text         string
	toks         []token
	lex          *Lexicon
	hl           []lineMark // what headlineLines says of each token; nil when no line is a headline
	clues        []clue     // typeEntities' buffer
	mem          *Memory    // names the person labelled are names wherever they stand
	in           *interner  // the normalised forms of words and names, numbered
	ids          []int32    // 1 + the id of each token's normalised form, 0 until asked
	lists        []listFlag // what the word lists say of each id (on), 0 until asked
	kinds        []uint32   // the lexicon's kind of each id (kindOf), 0 until asked
	typingCache             // tokenAt's index and the words and kind of the key being typed (tokindex.go, facts.go)
	lang         string     // the text's language (language), once langDone
	langDone     bool
	german       int8 // isGerman's answer once asked: 1 yes, -1 no, 0 not yet
	sports       bool // the text reads as a sports report (sportsReport), once sportsDone
	sportsDone   bool
	business     bool // the text reads as business news (businessReport), once businessDone
	businessDone bool
	results      bool // the text holds a table of results (resultsTable), once resultsDone
	resultsDone  bool
	capWords     map[string]bool // the capitalised words, folded (hasWord), built on first use
	// The entities' variants as group made them, one array they are cut
	// from, and the interner id of each (-1 where not known): the index
	// needs no second normalisation of tens of thousands of names.
	names   []string
	nameIDs []int32
	// The entities' mentions as group made them, one array they are cut
	// from, and where each lies in the tokens (mentionToks).
	flat    []gtext.Span
	flatTok []mentionTok
	// Find's capitalised runs, for the index's chains (chainrun.go).
	runs     chainRuns
	reuse    *chainRuns // Find's runs, for the index's finder (nil: none)
	keyEnd   []int32    // keyID's memo: by first token, the end token of the last key asked (0: none)
	keyOf    []int32    // and its id
	lexSpoke bool       // the lexicon spoke in the run being read (chains)
}

func newFinder(text string, toks []token) *finder {
	return &finder{text: text, toks: toks, in: newInterner(len(toks)/4 + 16), ids: make([]int32, len(toks))}
}

// id is the interner id of token i's normalised form.
func (f *finder) id(i int) int32 {
	if id := f.ids[i]; id > 0 {
		return id - 1
	}
	t := f.toks[i]
	id := f.in.surface(f.text[t.bstart:t.bend])
	f.ids[i] = id + 1
	return id
}

// fold is the normalised form of token i.
func (f *finder) fold(i int) string {
	return f.in.str(f.id(i))
}

// normalize is Fold, remembered per surface: an article names the
// same people again and again.
func (f *finder) normalize(s string) string {
	return f.in.str(f.in.surface(s))
}

// keyID is the interner id of the normalised form of tokens a..b-1: the
// tokens' ids joined, unless something between two of them is a word
// the tokens leave out (a skipped URL, a dropped possessive "s").
func (f *finder) keyID(a, b int) int32 {
	if b == a+1 {
		return f.id(a)
	}
	// The filters and group each ask the key of every candidate: the
	// last key asked of each first token is remembered.
	if f.keyEnd != nil && f.keyEnd[a] == int32(b) {
		return f.keyOf[a]
	}
	id := f.id(a)
	for k := a + 1; k < b; k++ {
		if !f.plainGap(k) {
			id = f.in.surface(f.surface(a, b))
			break
		}
		id = f.in.join(id, f.id(k))
	}
	if f.keyEnd == nil {
		f.keyEnd, f.keyOf = make([]int32, len(f.toks)), make([]int32, len(f.toks))
	}
	f.keyEnd[a], f.keyOf[a] = int32(b), id
	return id
}

// plainGap reports whether the text between tokens k-1 and k holds no
// letter or digit, so that the normalised form of the two is theirs
// joined by a space.
func (f *finder) plainGap(k int) bool { return f.toks[k].plain }

// key is the normalised form of tokens a..b-1.
func (f *finder) key(a, b int) string {
	return f.in.str(f.keyID(a, b))
}

// surface is the text of tokens a..b-1 as written.
func (f *finder) surface(a, b int) string {
	return f.text[f.toks[a].bstart:f.toks[b-1].bend]
}

// Find returns the candidate entities of text plus the gazetteer's matches
// (gaz may be nil), grouped, in order of first mention.
func Find(text string, gaz *Gazetteer) []Entity {
	return FindWith(text, Options{Gazetteer: gaz})
}

// FindWith is Find with a lexicon and the person's memory: every entity
// gets a suggested Type with its Confidence and Evidence.
func FindWith(text string, o Options) []Entity {
	return newFinder(text, tokenize(text)).find(o)
}

// Build returns FindWith(text, o) and the NewIndex of text and those
// entities, reading the text into words once instead of twice. A Split
// (split.go) shares the same build between two processes.
func Build(text string, o Options) ([]Entity, *Index) {
	ents, x, _ := NewSplit(text, o).Finish()
	return ents, x
}

// find is FindWith on the finder's text and tokens.
func (f *finder) find(o Options) []Entity {
	ents := f.findUntyped(o)
	f.typeEntities(ents, o)
	return ents
}

// findUntyped is find up to the typing: the names found and grouped.
func (f *finder) findUntyped(o Options) []Entity {
	text := f.text
	f.lex, f.mem = o.Lexicon, o.Memory
	f.hl = f.headlineLines()
	segs := f.chains()
	f.runs.keep(segs)
	segs = f.dropSentenceStarts(segs)
	segs = f.germanNouns(segs)
	segs = f.splitVan(segs)
	segs = f.splitHeads(segs)
	segs = f.splitHeadlines(segs)
	segs = f.splitKnown(segs)
	segs = f.dropLowerSeen(segs)
	segs = f.quotedTitles(segs)
	var matches []Match
	if o.Gazetteer != nil {
		matches = o.Gazetteer.match(text, f.toks)
		segs = f.cutGazetteer(segs, matches)
	}
	ents := f.group(segs, matches)
	return f.joinAcronyms(ents)
}

// portugueseArticles follow "de" inside a name where a corpus writes
// Portuguese's contractions apart ("de o", "de as").
var portugueseArticles = newWordSet(`o a os as`)

// hyphenParticles are the lower-case particles joined to the next word of a
// name by a hyphen ("Nihad al-Boushi", "Osama el-Baz", "Inzamam-ul-Haq").
var hyphenParticles = newWordSet(`al el ul ad ud as ash at az bin ibn`)

// isParticle reports whether token i can sit inside a name.
func (f *finder) isParticle(i int) bool {
	t := f.toks[i]
	if t.cap || t.end-t.start > 4 {
		return false
	}
	w := f.fold(i)
	// "of" joins an organisation's or a place's name ("Gulf of Mexico",
	// "City of Cape Town"), "for" only an organisation's ("Ministry for
	// Europe", not "Pearl Harbor for Austria").
	if f.on(i, onParticles) {
		return true
	}
	if f.language() == "pt" && (w == "do" || portugueseArticles.has(w) && i > 0 && !f.toks[i-1].cap && f.fold(i-1) == "de") {
		// Portuguese "do", "de o" ("África do Sul", "Rio Grande do Norte";
		// corpora write the contraction apart: "Carolina de o Norte"); not
		// English's verb, so not among the particles of every language.
		return true
	}
	if !f.on(i, onLinkWords) || i == 0 {
		return false
	}
	return f.on(i-1, onOrgWords) || w == "of" && f.on(i-1, onLocWords|onOfHeads)
}

// chains finds runs of capitalised words joined by spaces, hyphens or
// particles, then splits them at titles and trims days and months.
func (f *finder) chains() []segment {
	toks := f.toks
	// Sized, not grown: a list grown a quarter at a time leaves several
	// times its size as garbage, and the worker's first long build takes
	// that memory fresh from the system. Segments come to about one token
	// in six (112k of the 5 MB sample's 628k).
	segs := make([]segment, 0, len(toks)/5+8)
	if f.runs.on && f.runs.runs == nil {
		f.runs.runs = make([]chainRun, 0, len(toks)/5+8) // a run is a segment or more
	}
	var reuse *chainRuns
	if f.lex == nil && f.reuse != nil {
		reuse = f.reuse
	}
	for i := 0; i < len(toks); i++ {
		step(i)
		if !toks[i].cap {
			continue
		}
		if reuse != nil {
			if r, ok := reuse.at(i); ok {
				segs = append(segs, reuse.segs[r.from:r.to]...)
				i = int(r.j)
				continue
			}
		}
		f.lexSpoke = false
		from := len(segs)
		a, j := i, i
		for !toks[j].poss && j+1 < len(toks) {
			k := j + 1
			if toks[k].cap && (toks[k].join == joinSpace || toks[k].join == joinHyphen ||
				toks[k].join == joinApos && f.fold(j) == "o" || f.ampersand(j, k)) {
				j = k
				continue
			}
			if f.isNameNumber(k) {
				j = k // "Euro 2000", "FTSE 100": the number ends the name
				break
			}
			// Particles: "de", "van der", "d'".
			for k < len(toks) && toks[k].join == joinSpace && f.isParticle(k) && !toks[k].poss {
				k++
			}
			if k == j+1 || k >= len(toks) || !toks[k].cap ||
				!(toks[k].join == joinSpace || toks[k].join == joinApos && f.fold(k-1) == "d" || toks[k].join == joinHyphen && hyphenParticles.has(f.fold(k-1))) {
				break
			}
			j = k
		}
		// "Commissie voor Monumenten en Landschappen", "Council of
		// Monuments and Sites": in a body's name, after its head and "of",
		// a coordination joins the words of what it is about.
		for j+2 < len(toks) && f.bodyOf(a, j+1) && toks[j+1].join == joinSpace && !toks[j+1].cap && coordinations.has(f.fold(j+1)) &&
			toks[j+2].cap && toks[j+2].join == joinSpace && !toks[j].poss && f.kindSays(j+2, LexGiven|LexPlace) == 0 && !f.on(j+2, onOrgWords) {
			e := j + 2
			for e+1 < len(toks) && toks[e+1].cap && toks[e+1].join == joinSpace && !toks[e].poss {
				e++
			}
			if e+2 < len(toks) && toks[e+1].join == joinSpace && f.on(e+1, onParticles) && !toks[e+1].cap {
				break // "… y Garantías de la Cámara": a name of its own starts
			}
			j = e
		}
		if f.language() == "nl" {
			// A Dutch compound of a name and a common noun is one word, and
			// so one name: "BSE-besmetting", "EU-burgers", "Likoed-partij".
			for j+1 < len(toks) && toks[j+1].join == joinHyphen && !toks[j+1].cap && !toks[j].poss {
				j++
			}
		}
		i = j
		segs = f.splitTitles(segs, a, j+1)
		f.runs.add(a, j, from, len(segs), f.lexSpoke)
	}
	return segs
}

// ampersand reports whether tokens j and k are joined by " & ", as a
// company's, a firm's or a duo's name is ("Lernout & Hauspie", "L & H",
// "Procter & Gamble"): "&" is not how news joins two names.
func (f *finder) ampersand(j, k int) bool {
	g := f.text[f.toks[j].bend:f.toks[k].bstart]
	return (g == " & " || g == "&") && !f.toks[j].poss
}

// bodyOf reports whether tokens a..b-1 are a body's name that ends in what
// it is about: an organisation word, then a lower-case "of" or "for", then
// capitalised words only.
func (f *finder) bodyOf(a, b int) bool {
	link := -1
	for i := b - 1; i > a; i-- {
		if !f.toks[i].cap {
			if !f.on(i, onLinkWords) && !f.on(i, onParticles) {
				return false
			}
			link = i
			break
		}
	}
	if link < 0 {
		return false
	}
	for i := a; i < link; i++ {
		if f.on(i, onOrgWords) {
			return true
		}
	}
	return false
}

// splitTitles appends the names in tokens a..b-1 once titles are taken out.
func (f *finder) splitTitles(segs []segment, a, b int) []segment {
	per := false
	if a > 0 && f.toks[a].join == joinSpace && !f.toks[a-1].cap && f.on(a-1, onTitles) {
		per = true // "president Macron"
	}
	start := a
	for i := a; i <= b; i++ {
		isTitle := false
		if i < b {
			// A title word ending a name after a given name is a surname
			// ("Stephen King").
			// So is one after a capitalised particle ("Herman De Prins",
			// "Jan Le Roy").
			isTitle = f.on(i, onTitles) && !(i == b-1 && i > start && f.kindSays(i-1, LexGiven) != 0) &&
				!(i > start && f.toks[i-1].cap && f.on(i-1, onParticles)) &&
				// "Copa del Rey", "Hospital de la Princesa": a title that ends
				// a name after a lower-case particle is the name's (not
				// "des Reverend Moon": a person follows).
				!(i == b-1 && i-2 >= start && !f.toks[i-1].cap && f.on(i-1, onParticles) && (f.toks[i-2].cap || i-3 >= start && f.toks[i-3].cap && f.on(i-2, onParticles)))
			if !isTitle && f.on(i, onTitleModifiers) {
				// A modifier is a title only when a title follows it.
				for k := i + 1; k < b; k++ {
					if f.on(k, onTitles) {
						isTitle = true
						break
					}
					if !f.on(k, onTitleModifiers) {
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
	for a < b && (!f.toks[a].cap || f.on(a, onNotNames)) {
		a++
	}
	for b > a && (!f.toks[b-1].cap && !(b-1 > a && f.isNameNumber(b-1)) && !(b-1 > a && f.compoundTail(b-1)) || f.on(b-1, onNotNames)) {
		b--
	}
	if a >= b || b == a+1 && (f.toks[a].end-f.toks[a].start < 2 || !f.toks[a].upper && (f.stopTok(a) || f.on(a, onStopWords|onLocWords|onTitleModifiers) && !f.on(a, onStopWords)) || isRoman(f.surface(a, b))) {
		// One letter, one function word ("Mas", "Com"), one place word
		// ("Plaza") or a Roman numeral ("XVI") is not a name.
		return segment{}, false
	}
	if b == a+2 && f.on(a, onPools) && f.toks[a+1].end-f.toks[a+1].start == 1 {
		return segment{}, false // "Group A", "Pool B": a tournament's pool
	}
	return segment{a: a, b: b}, true
}

// pools are a tournament's groups, named by a letter ("Group A").
var pools = newWordSet(`group pool grupo groep gruppe groupe girone`)

// quotedWhole reports whether a name in Spanish text is the whole of a
// quotation ("Antoñete", "El Torreón"): Spanish news corpora mark such a
// nickname or title with its quotation marks, so Gloss does too.
func (f *finder) quotedWhole(s segment) bool {
	a, b := int(f.toks[s.a].bstart), int(f.toks[s.b-1].bend)
	if f.toks[s.b-1].poss || a == 0 || b >= len(f.text) || f.language() != "es" {
		return false
	}
	open, _ := utf8.DecodeLastRuneInString(f.text[:a])
	end, _ := utf8.DecodeRuneInString(f.text[b:])
	switch open {
	case '"':
		return end == '"'
	case '“':
		return end == '”'
	case '«':
		return end == '»'
	}
	return false
}

// compoundTail reports whether token i is the lower-case end of a Dutch
// compound with a name ("BSE-besmetting"), which is part of the name.
func (f *finder) compoundTail(i int) bool {
	return f.toks[i].join == joinHyphen && !f.toks[i].cap && f.language() == "nl"
}

// dropSentenceStarts removes capitalised words that are capitalised only
// because they start a sentence ("Despite", "The", "Ahead"): a sentence's
// first word stays only when it is also seen capitalised mid-sentence, is
// not a function word, or the name it starts is seen mid-sentence.
func (f *finder) dropSentenceStarts(segs []segment) []segment {
	var midCap, known idSet
	for si, s := range segs {
		step(si)
		if f.headline(s.a) {
			continue // every word of a headline is capitalised: it tells nothing
		}
		from := s.a
		if s.initial {
			from++
		}
		for i := from; i < s.b; i++ {
			if f.toks[i].cap {
				midCap.add(f.id(i))
			}
		}
		if !s.initial {
			for i := s.a; i < s.b; i++ {
				if f.toks[i].cap {
					known.add(f.keyID(i, s.b))
				}
			}
		}
	}
	out := segs[:0]
	for si, s := range segs {
		step(si)
		if s.initial && !f.headline(s.a) && !f.masthead(s) {
			for first := s.a; s.a < s.b && !known.has(f.keyID(s.a, s.b)); {
				w := f.fold(s.a)
				if s.a == first && s.b-s.a >= 2 && f.initialDot(s.a) {
					break // "C. Spearman c Moin Khan": an initial opens the name
				}
				if s.a > first && f.stopTok(s.a-1) && (!f.stopTok(s.a) || f.toks[s.a].upper && !f.inCaps(s.a)) {
					// A function word opened the sentence: the capital of the
					// word after it is the name's own ("The Kremlin said").
					break
				}
				// In German text a function word or an adverb starts many
				// sentences ("Dann", "Natürlich"), a name only when it is
				// seen capitalised elsewhere too.
				fn := f.kind(s.a)&LexFunction != 0 && !midCap.has(f.id(s.a)) && f.isGerman()
				if s.a == first && s.b == s.a+1 && f.toks[s.a].upper && !f.inCaps(s.a) && f.toks[s.a].end-f.toks[s.a].start <= 6 || !f.stopTok(s.a) && !fn && (midCap.has(f.id(s.a)) || f.knownStart(s) ||
					s.b-s.a >= 2 && f.toks[s.a+1].cap && !f.toks[s.a].upper && !(looksCommon(w) && (f.language() == "en" || f.language() == ""))) {
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

// initialDot reports whether token i is one capital letter and a full
// stop: a person's initial.
func (f *finder) initialDot(i int) bool {
	t := f.toks[i]
	return t.cap && t.end-t.start == 1 && int(t.bend) < len(f.text) && f.text[t.bend] == '.'
}

// joinsTail reports whether a name that ends a longer one in the article
// joins its group: not a place ("Paris" after "Paris Hilton") nor a
// language, unless the language is also a surname ("Catalano" after
// "Rocco Catalano").
func (f *finder) joinsTail(key string) bool {
	k := f.lex.Kind(key)
	return k&LexPlace == 0 && (k&LexLanguage == 0 || k&LexSurname != 0) && !knownPlaceAcronyms.has(key)
}

// masthead reports whether s is an article and one to three capitalised
// words alone on a line: a newspaper's or a programme's name given as a
// source or a credit ("De Morgen", "El País", "Le Monde"), whose article
// is its own.
func (f *finder) masthead(s segment) bool {
	if s.b-s.a < 2 || s.b-s.a > 4 || !f.on(s.a, onArticles) || f.toks[s.a].upper {
		return false
	}
	before := f.text[:f.toks[s.a].bstart]
	after := f.text[f.toks[s.b-1].bend:]
	if i := strings.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	if i := strings.IndexByte(after, '\n'); i >= 0 {
		after = after[:i]
	}
	return strings.TrimSpace(before) == "" && strings.TrimSpace(after) == ""
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
	var seen idSet
	long := false
	for si, s := range segs {
		step(si)
		seen.add(f.keyID(s.a, s.b))
		long = long || s.b-s.a >= 3
	}
	if !long {
		return segs
	}
	out := make([]segment, 0, len(segs))
	for si, s := range segs {
		step(si)
		if s.b-s.a >= 3 {
			split := false
			for k := s.a + 1; k < s.b; k++ {
				if f.toks[k].cap && f.toks[k].join == joinSpace && f.toks[k-1].cap &&
					seen.has(f.keyID(s.a, k)) && seen.has(f.keyID(k, s.b)) {
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
		step(i)
		for m < len(matches) && matches[m].End <= int(t.start) {
			m++
		}
		if m < len(matches) && matches[m].Start <= int(t.start) && int(t.end) <= matches[m].End {
			covered[i] = true
		}
	}
	out := segs[:0:0]
	for si, s := range segs {
		step(si)
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

// group gathers the mentions that share one key.
type group struct {
	id     int32 // interner id of the key
	key    string
	words  int
	per    bool
	gaz    *Entry
	parent int32 // the group this one joined, or -1
	lastV  int32 // its latest variant, or -1
}

// groupKeys gives the groups their keys, made into one string: the keys
// become the entities' keys, and one string is one object for the
// collector to mark where one per name was tens of thousands.
func (f *finder) groupKeys(groups []group) {
	n := 0
	for g := range groups {
		n += f.in.strLen(groups[g].id)
	}
	b := make([]byte, 0, n)
	ends := make([]int, len(groups))
	for g := range groups {
		step(g)
		b = f.in.appendStr(b, groups[g].id)
		ends[g] = len(b)
	}
	all := string(b)
	start := 0
	for g := range groups {
		step(g)
		key := all[start:ends[g]]
		start = ends[g]
		groups[g].key = key
		groups[g].words = strings.Count(key, " ") + 1
	}
}

// variant is one surface form of one group.
type variant struct {
	group   int32
	surface string
	count   int
	first   int   // start of its first mention
	prev    int32 // the group's variant before this one, or -1
}

// group gathers mentions with the same key, then joins a shorter name to
// the one longer name that ends with it ("Hollande" → "Francois Hollande").
// Mentions never share a start (segments and matches do not overlap), so
// walking them in text order gives the entities in order of first mention
// and each entity's mentions already sorted.
func (f *finder) group(segs []segment, matches []Match) []Entity {
	// One group per mention at most: sized, not grown (grown by a quarter
	// at a time, a long slice leaves several times its size as garbage).
	groups := make([]group, 0, len(segs)+len(matches))
	byKey := make([]int32, f.in.len()) // 1 + the group of each interner id, 0 for none
	get := func(id int32) int32 {
		if int(id) < len(byKey) && byKey[id] > 0 {
			return byKey[id] - 1
		}
		if int(id) >= len(byKey) {
			byKey = append(byKey, make([]int32, int(id)+1-len(byKey)+len(byKey)/4)...)
		}
		i := int32(len(groups))
		groups = append(groups, group{id: id, parent: -1, lastV: -1})
		byKey[id] = i + 1
		return i
	}
	n := len(segs) + len(matches)
	mgroup := make([]int32, 0, n) // group of each mention, in text order
	mspan := make([]gtext.Span, 0, n)
	// Where each mention lies in the tokens, as mentionToks would find it,
	// where that is plain (a < 0: not known, found again when asked).
	mtok := make([]mentionTok, 0, n)
	variants := make([]variant, 0, n) // one per mention at most: sized, not grown
	add := func(g int32, sp gtext.Span, surface string) {
		mgroup = append(mgroup, g)
		mspan = append(mspan, sp)
		// A group has few spellings: its variants are a list, newest first.
		for v := groups[g].lastV; v >= 0; v = variants[v].prev {
			if variants[v].surface == surface {
				variants[v].count++
				return
			}
		}
		variants = append(variants, variant{group: g, surface: surface, count: 1, first: sp.Start, prev: groups[g].lastV})
		groups[g].lastV = int32(len(variants) - 1)
	}
	// Matches and segments are each in text order: merge them.
	mi := 0
	inPieces(len(segs)+1, func(lo, hi int) {
		for si := lo; si < hi; si++ {
			step(si)
			segStart := -1
			if si < len(segs) {
				segStart = int(f.toks[segs[si].a].start)
			}
			for mi < len(matches) && (segStart < 0 || matches[mi].Start < segStart) {
				m := &matches[mi]
				g := get(f.in.norm(Fold(m.Entry.Name)))
				if groups[g].gaz == nil {
					groups[g].gaz = &m.Entry
				}
				add(g, m.Span, sliceRunes(f.text, f.toks, m.Span))
				mtok = append(mtok, mentionTok{a: -1})
				mi++
			}
			if si == len(segs) {
				break
			}
			s := segs[si]
			g := get(f.keyID(s.a, s.b))
			end := int(f.toks[s.b-1].end)
			if f.toks[s.b-1].apostS && f.language() == "nl" {
				end += 2 // Dutch writes plurals and genitives of names with "'s", one word: "Israëli's"
			}
			start := int(f.toks[s.a].start)
			if f.quotedWhole(s) {
				start, end = start-1, end+1
			}
			add(g, gtext.Span{Start: start, End: end}, f.surface(s.a, s.b))
			if start == int(f.toks[s.a].start) && end == int(f.toks[s.b-1].end) {
				// Tokens' starts and ends increase: the first token starting
				// at start or after is s.a, the first ending at end or after
				// is s.b-1.
				mtok = append(mtok, mentionTok{int32(s.a), int32(s.b - 1), true, true})
			} else {
				mtok = append(mtok, mentionTok{a: -1})
			}
			groups[g].per = groups[g].per || s.per
		}
	})

	f.groupKeys(groups)
	// Longer names first, then by key: the comparisons written out
	// (sortTargetKeys) rather than made through a function value, an
	// indirect call in wasm. Keys are distinct, so the order is total.
	keys := make([]sortKey, len(groups))
	for i := range groups {
		step(i)
		keys[i] = sortKey{rankLen: uint64(^uint32(groups[i].words)) << 32, pre8: pre8(groups[i].key), id: int32(i)}
	}
	sortTargetKeys(keys, func(a, b int32) int { return strings.Compare(groups[a].key, groups[b].key) })
	all := make([]int32, len(groups))
	for i, k := range keys {
		all[i] = k.id
	}
	root := func(g int32) int32 {
		for groups[g].parent >= 0 {
			g = groups[g].parent
		}
		return g
	}
	// The names each key ends with (its words after the first, after the
	// second…), by interner id: 1 + the root group of the longer names
	// that end so, ambiguous when two do, 0 for none. A tail the interner
	// has no id for is no group's key: it is not looked at again.
	const ambiguous = -1
	tails := make([]int32, f.in.len())
	var ws []int32
	inPieces(len(all), func(lo, hi int) {
		for gi := lo; gi < hi; gi++ {
			g := all[gi]
			step(gi)
			if o := tails[groups[g].id]; o > 0 && groups[g].gaz == nil && f.joinsTail(groups[g].key) {
				groups[g].parent = o - 1
			}
			r := root(g)
			ws = f.in.wordsOf(groups[g].id, ws)
			for j := 1; j < len(ws); j++ {
				t := ws[j]
				for m := j + 1; m < len(ws) && t >= 0; m++ {
					t = f.in.seq(t, ws[m])
				}
				if t < 0 {
					continue
				}
				if o := tails[t]; o == 0 {
					tails[t] = r + 1
				} else if o != r+1 {
					tails[t] = ambiguous
				}
			}
		}
	})

	// Number the entities in order of first mention.
	entOf := make([]int32, len(groups)) // by root group; -1 until seen
	for i := range entOf {
		entOf[i] = -1
	}
	roots := make([]int32, 0, len(groups))
	nment := make([]int, 0, len(groups))
	for i, g := range mgroup {
		step(i)
		r := root(g)
		if entOf[r] < 0 {
			entOf[r] = int32(len(roots))
			roots = append(roots, r)
			nment = append(nment, 0)
		}
		mgroup[i] = entOf[r]
		nment[entOf[r]]++
	}
	ents := make([]Entity, len(roots))
	flat := make([]gtext.Span, len(mspan))
	off := 0
	nstart := make([]int32, len(ents)) // where each entity's mentions start in flat
	for e := range ents {
		ents[e].Mentions = flat[off : off : off+nment[e]]
		nstart[e] = int32(off)
		off += nment[e]
	}
	flatTok := make([]mentionTok, len(mspan))
	for i, e := range mgroup {
		step(i)
		ms := ents[e].Mentions
		flatTok[int(nstart[e])+len(ms)] = mtok[i]
		ents[e].Mentions = append(ms, mspan[i])
	}
	f.flat, f.flatTok = flat, flatTok
	members := make([]int, len(roots))
	per := make([]bool, len(roots))
	for g := range groups {
		step(g)
		if e := entOf[root(int32(g))]; e >= 0 {
			members[e]++
			per[e] = per[e] || groups[g].per
		}
	}
	// Variants, grouped by entity in order of first sight.
	nvar := make([]int, len(roots)+1)
	for i, v := range variants {
		step(i)
		nvar[entOf[root(v.group)]+1]++
	}
	for e := 1; e <= len(roots); e++ {
		nvar[e] += nvar[e-1]
	}
	byEnt := make([]int32, len(variants))
	fill := append([]int(nil), nvar[:len(roots)]...)
	for i, v := range variants {
		step(i)
		e := entOf[root(v.group)]
		byEnt[fill[e]] = int32(i)
		fill[e]++
	}
	names := make([]string, 0, len(variants))
	nameIDs := make([]int32, 0, len(variants))
	var merged []variant
	var seen map[string]int
	inPieces(len(ents), func(lo, hi int) {
		for e := lo; e < hi; e++ {
			step(e)
			r := roots[e]
			ids := byEnt[nvar[e]:nvar[e+1]]
			merged = merged[:0]
			if members[e] == 1 {
				for _, id := range ids {
					merged = append(merged, variants[id])
				}
			} else {
				// The same surface may come from two groups: count it once.
				if seen == nil {
					seen = map[string]int{}
				}
				clear(seen)
				for _, id := range ids {
					v := variants[id]
					if j, ok := seen[v.surface]; ok {
						merged[j].count += v.count
						continue
					}
					seen[v.surface] = len(merged)
					merged = append(merged, v)
				}
			}
			// Most frequent first, then in order of first sight.
			slices.SortStableFunc(merged, func(a, b variant) int { return cmp.Compare(b.count, a.count) })
			start := len(names)
			for _, v := range merged {
				names = append(names, v.surface)
				// A candidate group's surfaces normalise to its key (below);
				// a gazetteer's aliases need not.
				id := int32(-1)
				if groups[v.group].gaz == nil {
					id = groups[v.group].id
				}
				nameIDs = append(nameIDs, id)
			}
			ent := &ents[e]
			ent.Key, ent.Source = groups[r].key, SourceCandidate
			ent.Variants = names[start:len(names):len(names)]
			ent.First = ent.Mentions[0].Start
			if gz := groups[r].gaz; gz != nil {
				ent.Source, ent.Label, ent.Name = SourceGazetteer, gz.Label, gz.Name
				continue
			}
			// Every member is a candidate group, so a surface normalises to
			// its group's key.
			best, bestLen := "", 0
			for _, v := range merged {
				if l := len(groups[v.group].key); best == "" || l > bestLen {
					best, bestLen = v.surface, l
				}
			}
			ent.Name = best
			if per[e] {
				ent.Label = "PER"
			}
		}
	})
	f.names, f.nameIDs = names, nameIDs
	return ents
}

// sliceRunes returns the text of span sp. Spans start and end on token
// boundaries, so the token list converts them to bytes.
func sliceRunes(text string, toks []token, sp gtext.Span) string {
	i := sort.Search(len(toks), func(i int) bool { return int(toks[i].start) >= sp.Start })
	j := sort.Search(len(toks), func(i int) bool { return int(toks[i].end) >= sp.End })
	if i < len(toks) && j < len(toks) && int(toks[i].start) == sp.Start && int(toks[j].end) == sp.End {
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

// isRoman reports whether w is a Roman numeral of I, V and X ("XIV"): a
// century or a king's number, a name only after the name.
func isRoman(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c != 'I' && c != 'V' && c != 'X' {
			return false
		}
	}
	return true
}
