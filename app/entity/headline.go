package entity

import "strings"

// isNameNumber reports whether token k is a number that ends a name: a
// year's four digits right after a capitalised word that is not a month or
// a place ("Euro 2000", but not "May 2016" or "Paris 2015"), or two or three
// after a stock index ("FTSE 100"). Two or three digits after a word are a
// score or a count far more often than a name's ("Hampshire 232 and 109",
// "Lotte 46 6 54", "Olympic 100 metres").
func (f *finder) isNameNumber(k int) bool {
	t := f.toks[k]
	if k == 0 || t.join != joinSpace || t.cap || t.end-t.start < 1 || t.end-t.start > 4 || !f.toks[k-1].cap {
		return false
	}
	if t.end-t.start == 1 && f.channelNumber(k) {
		return true
	}
	if t.end-t.start < 4 && !stockIndices.has(f.fold(k-1)) {
		return false
	}
	for _, c := range f.text[t.bstart:t.bend] {
		if c < '0' || c > '9' {
			return false
		}
	}
	if k+1 < len(f.toks) && f.toks[k+1].join == joinHyphen && f.digits(k+1) {
		return false // a date: "IGLS 1996-12-07"
	}
	prev := f.fold(k - 1)
	return !notNames.has(prev) && f.lexSays(prev, LexPlace|LexMonth|LexWeekday) == 0
}

// channelNumber reports whether the single digit at token k ends the name
// before it, as Dutch and Spanish name stations, channels and classes
// ("Radio 1", "Ned 3", "Formule 1", "Canal 2"): not when a name, a digit
// or a dash follows (a score: "Wigan 4 Chester 2", "Gales, 0 - Brasil"),
// nor after a place or a month.
func (f *finder) channelNumber(k int) bool {
	if l := f.language(); l != "nl" && l != "es" {
		return false
	}
	if c := f.text[f.toks[k].bstart]; c < '1' || c > '9' {
		return false
	}
	if k+1 < len(f.toks) {
		n := f.toks[k+1]
		gap := f.text[f.toks[k].bend:n.bstart]
		if n.cap && !strings.Contains(gap, "\n") || f.text[n.bstart] >= '0' && f.text[n.bstart] <= '9' || strings.ContainsAny(gap, "-–") {
			return false
		}
	}
	prev := f.fold(k - 1)
	return !notNames.has(prev) && f.lexSays(prev, LexPlace|LexTown|LexMonth|LexWeekday) == 0
}

// headlineMinWords is the fewest content words a line needs to be read as a
// headline: a short line of two names is a name, not a headline.
const headlineMinWords = 3

// splitHeadlines handles lines written in Title Case or in capitals
// (headlines, bylines, datelines): there every word is capitalised, so the
// chain is the whole line. Inside such a line only the runs that are names
// elsewhere in the article, or places in the lexicon, stay.
func (f *finder) splitHeadlines(segs []segment) []segment {
	hl := f.hl
	if hl == nil {
		return segs
	}
	known := map[string]bool{}
	for si, s := range segs {
		step(si)
		if hl[s.a]&markLine != 0 {
			continue
		}
		for a := s.a; a < s.b; a++ {
			for b := a + 1; b <= s.b && b-a <= 4; b++ {
				known[f.key(a, b)] = true
			}
		}
	}
	out := make([]segment, 0, len(segs))
	for si, s := range segs {
		step(si)
		if hl[s.a]&markLine == 0 {
			out = append(out, s)
			continue
		}
		for a := s.a; a < s.b; {
			best := -1
			for b := min(s.b, a+4); b > a; b-- {
				k := f.key(a, b)
				// A city of one word inside a longer run may be a common
				// word ("CHINA IN SURPRISE DEFEAT": Surprise, Arizona);
				// alone it is a dateline's ("LONDON 1996-12-06").
				kind := f.lex.Kind(k)
				if known[k] || f.rowHead(a) && (a == 0 || !f.rowHead(a-1)) && b == s.b && f.rowHead(b-1) || kind&(LexCountry|LexRegion) != 0 || kind&LexCity != 0 && (b-a > 1 || s.b-s.a == 1) || knownPlaceAcronyms.has(k) || f.dateline(a, b) {
					best = b
					break
				}
			}
			if best < 0 {
				a++
				continue
			}
			if t, ok := f.trim(a, best); ok {
				out = append(out, t)
			}
			a = best
		}
	}
	return out
}

// lineMark is what headlineLines says of a token. It is kept beside the
// tokens, not in them: the tokens stay as tokenize made them, so the index
// reads the same list instead of a copy made before the marks (a copy of
// tens of megabytes on a long article).
type lineMark uint8

const (
	markLine    lineMark = 1 << iota // on a headline line
	markCaps                         // on a line written all in capitals
	markRowHead                      // a word of the label opening a table's row in capitals
)

// headline reports whether token i is on a headline line.
func (f *finder) headline(i int) bool { return f.hl != nil && f.hl[i]&markLine != 0 }

// inCaps reports whether token i is on a line written all in capitals.
func (f *finder) inCaps(i int) bool { return f.hl != nil && f.hl[i]&markCaps != 0 }

// rowHead reports whether token i opens a table's row in capitals.
func (f *finder) rowHead(i int) bool { return f.hl != nil && f.hl[i]&markRowHead != 0 }

// headlineLines marks the tokens of lines that read as headlines: all in
// capitals, or with every content word capitalised and no full stop at the
// end (one lower-case content word makes a line sentence case: a results
// line "Tim Henman (Britain) beat Doug Flach", not a Title Case headline),
// those of all-capitals lines also markCaps. It returns nil when
// there is no such line.
func (f *finder) headlineLines() []lineMark {
	var hl []lineMark
	toks := f.toks
	var p pacer
	for a := 0; a < len(toks); {
		p.tick()
		b := a + 1
		// A line ends at a line break, but for a wrapped paragraph's.
		for b < len(toks) && (toks[b].join == joinSpace || !strings.ContainsAny(f.text[toks[b-1].bend:toks[b].bstart], "\n\r")) {
			b++
		}
		if !f.mayBeHeadline(a, b) {
			a = b
			continue
		}
		content, capped, letters, upper, plain := 0, 0, 0, 0, 0
		numbers, seps, piece, longest := 0, 0, 0, 0
		for i := a; i < b; i++ {
			t := toks[i]
			if i > a && strings.ContainsAny(f.text[toks[i-1].bend:t.bstart], ",;") {
				seps++
				piece = 0
			}
			if f.text[t.bstart] >= '0' && f.text[t.bstart] <= '9' {
				numbers++
				if !f.digits(i) && t.bstart > 0 && f.text[t.bstart-1] == '(' {
					numbers++ // a minute or a rank in parentheses: "(35th)"
				}
				continue
			}
			piece++
			longest = max(longest, piece)
			letters++
			if t.upper || t.end-t.start == 1 && t.cap {
				upper++
			}
			if !t.cap && t.end-t.start < 4 && t.join != joinHyphen && t.join != joinApos && !f.on(i, onStopWords|onParticles) && !f.stopTok(i) {
				plain++ // "c", "b", "st" on a scorecard: no headline writes them so
			}
			if t.end-t.start >= 4 && !f.on(i, onStopWords) {
				content++
				if t.cap {
					capped++
				}
			}
		}
		end := strings.TrimRight(f.text[toks[b-1].bend:lineEnd(f.text, int(toks[b-1].bend))], " \t\"'”’»)")
		sentence := strings.HasSuffix(end, ".") || strings.HasSuffix(end, "!") || strings.HasSuffix(end, "?") || strings.HasSuffix(end, ":")
		caps := letters >= 2 && upper == letters
		// A line that opens with a number is a list's or a table's row
		// ("2. Renate Goetschl (Austria) 132", "10 - Billy Dodds"), not a
		// headline.
		// So is a line of two numbers or more, one for every three words at
		// least, an ordinal in parentheses counting as two (a result:
		// "Greenock Morton 1 Falkirk 0", scorers: "Romania - Cosmin Contra
		// (31st)"; not "Video Marketing 101: 4 Basics Marketers Can't Miss"), and a list of short names between commas ("Wood, Loren
		// Roberts, Steve Stricker, Brian Claar"): a headline seldom holds
		// either, and every name in them would be lost.
		row := f.digits(a) || numbers >= 2 && 3*numbers >= letters || seps >= 2 && longest <= 3
		title := content >= headlineMinWords && capped == content && plain == 0 && !sentence && !row
		if caps || title {
			if hl == nil {
				hl = make([]lineMark, len(toks))
			}
			m := markLine
			if caps {
				m |= markCaps
			}
			for i := a; i < b; i++ {
				hl[i] = m
			}
			if caps {
				f.markRowHead(hl, a, b)
			}
		}
		a = b
	}
	return hl
}

// rowHeadMinNumbers is the fewest numbers after the words opening a line
// in capitals that make it a table's row ("NY RANGERS 10 13 5 91 81 25");
// two may be a headline's score or a date.
const rowHeadMinNumbers = 3

// markRowHead marks the words opening the line in capitals a..b-1 when
// nothing but numbers follows them: a standings table's row, whose label
// is a name (a team, a player) though no lexicon knows it.
func (f *finder) markRowHead(hl []lineMark, a, b int) {
	k := a
	for k < b && !f.digits(k) {
		k++
	}
	n := 0
	for i := k; i < b; i++ {
		if !f.digits(i) {
			return
		}
		if f.toks[i].join == joinSpace {
			n++ // a date's parts are one number ("1996-08-30")
		}
	}
	if k == a || k-a > 4 || n < rowHeadMinNumbers {
		return
	}
	for i := a; i < k; i++ {
		hl[i] |= markRowHead
	}
}

// lineEnd returns the byte offset of the end of the line holding byte i.
func lineEnd(text string, i int) int {
	if j := strings.IndexAny(text[i:], "\n\r"); j >= 0 {
		return i + j
	}
	return len(text)
}

// knownStart reports whether the name s, capitalised at a sentence start,
// reads as a name all the same: the lexicon knows it as a place or a
// person's name, it is a nation's adjective or a news agency ("Chinese
// police said", "Reuters has not verified"), it starts with a given name ("Charles de Gaulle left"),
// the person labelled it before, or it owns something ("Trump's plan") or
// speaks ("Clinton said"), or a score or "v" follows it on a results line
// ("Millwall 2 Bury 1", "Forfar v Alloa").
func (f *finder) knownStart(s segment) bool {
	key := f.key(s.a, s.b)
	if f.lex.Kind(key)&(LexPlace|LexGiven|LexSurname) != 0 || s.b-s.a == 1 && (newsAgencies.has(key) || f.demonym(key)) || f.lex.Kind(key)&LexBrand != 0 && (f.creditLine(s) || f.germanBrand(key)) || f.toks[s.b-1].poss || f.mem.knows(key) ||
		s.b-s.a >= 2 && f.kind(s.a)&LexGiven != 0 || f.matchSide(s.a, s.b-1) ||
		s.b < len(f.toks) && f.toks[s.b].join == joinSpace && !f.toks[s.b].cap && f.on(s.b, onVersus) {
		return true
	}
	return s.b < len(f.toks) && f.toks[s.b].join == joinSpace && speechVerbs.has(f.fold(s.b))
}

// demonym reports whether the one-word key is a nation's people or its
// adjective ("Chinese", "Belgen"), not the place itself.
func (f *finder) demonym(key string) bool {
	if f.lex.Kind(key)&LexLanguage != 0 {
		return true // "Dutch", "English": a language's name is its people's adjective too
	}
	stem, place := demonymOf(key, f.lex)
	return stem != "" && !place
}

// mayBeHeadline is a cheap first look at tokens a..b-1 of one line: a
// headline has three capitalised long words or is all in capitals, and far
// fewer lower-case words than capitalised ones. Prose lines stop here,
// before any word is folded.
func (f *finder) mayBeHeadline(a, b int) bool {
	capped, lower, allUpper := 0, 0, true
	for i := a; i < b; i++ {
		t := f.toks[i]
		allUpper = allUpper && (t.upper || t.cap && t.end-t.start == 1 || f.text[t.bstart] >= '0' && f.text[t.bstart] <= '9')
		if t.end-t.start >= 4 {
			if t.cap {
				capped++
			} else {
				lower++
			}
		}
	}
	return allUpper || capped >= headlineMinWords && lower <= capped
}
