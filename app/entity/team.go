package entity

import "strings"

// A sports team is often named after its town or county ("Surrey beat
// Warwickshire", "Wigan 4 Chester 2", "v Northampton"): the place is then
// an organisation. A country's team stays a place, as news corpora tag it
// ("Japan 2 Syria 1"). Only English text, or text with too few words to
// tell its language (a table of results), is read this way.

// teamVerbs after a name, or before it, make it a side in a match.
var teamVerbs = newWordSet(`beat beats drew draw lost defeated thrashed edged routed trounced v vs versus`)

// teamRoles after a name make it the team the person plays for or leads
// ("Surrey captain Chris Lewis", "Leeds manager", "Ajax striker"), or the
// side itself ("a Piacenza side").
var teamRoles = newWordSet(`captain coach manager striker midfielder defender goalkeeper skipper
batsman bowler all-rounder fullback winger forward side`)

// versus between two names makes both sides of a match, whatever they are
// named after.
var versus = newWordSet(`v vs versus`)

// sportsBefore before a town in a sports report make it a side ("against
// Middlesbrough", "a win over Cagliari"); elsewhere they say nothing.
var sportsBefore = newWordSet(`against over`)

// wTeam is the weight of one mention read as a team's: more than a city's own
// lexicon entry and a preposition before it ("a Piacenza side"), so one
// match context decides.
const wTeam = 5.5

// teamClues speak for an organisation when a mention of a name that is
// not a country stands as a side in a match: followed by a score on its
// line ("Wigan 4 Chester 2", "Millwall 4 2 1 1 7 5 7", "Surrey 429-7 ("),
// next to a match verb ("Surrey beat", "beat Surrey", "v Surrey"), or
// before a player's role ("Surrey captain").
func (f *finder) teamClues(clues []clue, e *Entity) []clue {
	if l := f.language(); l != "en" && l != "" || f.keyKind(e.Key)&(LexCountry|LexLanguage) != 0 || f.placeAcronym(e.Key) {
		return clues
	}
	if stem, _ := f.keyDemonym(e.Key); stem != "" {
		return clues // "Croat striker": a nationality
	}
	kind := f.keyKind(e.Key)
	words := f.keyWords(e.Key)
	place := kind&(LexCity|LexRegion) != 0 || len(words) == 1 && looksPlace(e.Key) // "Derbyshire"
	if !place && (len(words) > 1 && f.kindOf(f.keyWordIDs(e.Key)[0])&LexGiven != 0 || hasClue(clues, TypeMISC)) {
		return clues // a player's score, a competition's year
	}
	// A one-word given name or surname is a team only in a table or
	// beside the other side ("Carlisle 22 11 7 4", "Chester 2 Hull 1").
	person := !place && kind&(LexGiven|LexSurname) != 0
	n := 0
	for _, t := range f.mentionToks(e)[:len(firstMentions(e))] {
		if n >= maxContextClues {
			break
		}
		j, ok := int(t.b), t.okB
		if !ok {
			continue
		}
		why := ""
		switch i := int(t.a); {
		case f.scoreAfter(i, j, place):
			why = "a score after it: a team"
		case person:
			continue
		case j+1 < len(f.toks) && f.toks[j+1].join == joinSpace && !f.toks[j+1].cap && (place && f.on(j+1, onTeamVerbs) || f.on(j+1, onTeamRoles)):
			why = "“" + f.surface(j+1, j+2) + "” after it: a team"
		case place && i > 0 && f.toks[i].join == joinSpace && !f.toks[i-1].cap && (f.on(i-1, onTeamVerbs) || f.on(i-1, onSportsBefore) && f.sportsReport()):
			why = "“" + f.surface(i-1, i) + "” before it: a team"
		case f.versusAfter(j):
			why = "a match after it: a team"
		case j+1 < len(f.toks) && f.toks[j+1].join == joinSpace && f.on(j+1, onVersus) && !f.toks[j+1].cap:
			why = "“" + f.surface(j+1, j+2) + "” after it: a team" // "Forfar v Alloa"
		case i > 0 && f.toks[i].join == joinSpace && f.on(i-1, onVersus) && !f.toks[i-1].cap:
			why = "“" + f.surface(i-1, i) + "” before it: a team"
		default:
			continue
		}
		n++
		clues = append(clues, clue{TypeORG, wTeam, "%s", why})
	}
	return clues
}

// scoreAfter reports whether token j, the end of a name, is followed on its
// line by a score: a number of one to three digits (not a year, not a date)
// then the line's end, another number, a hyphen and digits ("429-7"), a
// comma or a capitalised word (the other side: "Wigan 4 Chester 2"). A
// name no list knows as a place needs more, since a player is followed by
// his score too ("Takagi 88"): the other side and its score on the line
// ("Partizan 6 Becej 0") or a row of a table ("Millwall 4 2 1 1 7 5 7").
func (f *finder) scoreAfter(i, j int, place bool) bool {
	k := j + 1
	if k >= len(f.toks) || f.toks[k].join != joinSpace || !f.digits(k) || f.toks[k].end-f.toks[k].start > 3 {
		return false
	}
	if !place {
		return f.matchSide(i, j)
	}
	if k+1 >= len(f.toks) {
		return true
	}
	gap := f.text[f.toks[k].bend:f.toks[k+1].bstart]
	next := f.toks[k+1]
	switch {
	case strings.ContainsAny(gap, "\n\r"):
		return true
	case next.join == joinHyphen:
		return f.digits(k + 1)
	case strings.TrimSpace(gap) == "," && gap != ",", strings.TrimSpace(gap) == "(":
		return true // not "21,346": a quantity
	case strings.TrimSpace(gap) != "":
		return false
	}
	return f.digits(k+1) || next.cap && !f.on(k+1, onNotNames)
}

// digits reports whether token k is all digits.
func (f *finder) digits(k int) bool {
	for _, c := range f.text[f.toks[k].bstart:f.toks[k].bend] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// matchSide reports whether the name at tokens i..j is followed by a
// score that a table or the other side confirms: "Partizan 6 Becej 0"
// (either side), "Millwall 4 2 1 1 7 5 7".
func (f *finder) matchSide(i, j int) bool {
	k := j + 1
	if k >= len(f.toks) || f.toks[k].join != joinSpace || !f.digits(k) || f.toks[k].end-f.toks[k].start > 3 {
		return false
	}
	if f.otherSide(k+1) || f.tableRow(k) {
		return true
	}
	// The second side: a capitalised word and a number before the name,
	// on its line (joinSpace is horizontal space only).
	return i >= 2 && f.digits(i-1) && f.toks[i-1].end-f.toks[i-1].start <= 3 && f.toks[i].join == joinSpace &&
		f.toks[i-1].join == joinSpace && f.toks[i-2].cap
}

// otherSide reports whether tokens from k on are, on the same line and with
// nothing but spaces between, one to three capitalised words and a number.
func (f *finder) otherSide(k int) bool {
	for i := k; i < len(f.toks) && i < k+4; i++ {
		if strings.TrimSpace(f.text[f.toks[i-1].bend:f.toks[i].bstart]) != "" || strings.ContainsAny(f.text[f.toks[i-1].bend:f.toks[i].bstart], "\n\r") {
			return false
		}
		if i > k && f.digits(i) {
			return f.toks[i].end-f.toks[i].start <= 3
		}
		if !f.toks[i].cap {
			return false
		}
	}
	return false
}

// tableRow reports whether the number at k is the first of four or more
// on its line, separated by spaces only.
func (f *finder) tableRow(k int) bool {
	n := 0
	for i := k; i < len(f.toks) && f.digits(i); i++ {
		if i > k && (f.toks[i].join != joinSpace || strings.ContainsAny(f.text[f.toks[i-1].bend:f.toks[i].bstart], "\n\r")) {
			break
		}
		n++
	}
	return n >= 4
}

// versusAfter reports whether the name ending at token j is followed by its
// place in a table in parentheses and "v" ("Napoli (5) v Verona (17)").
func (f *finder) versusAfter(j int) bool {
	k := j + 1
	if k+1 >= len(f.toks) || !f.digits(k) || strings.TrimSpace(f.text[f.toks[j].bend:f.toks[k].bstart]) != "(" {
		return false
	}
	return strings.TrimSpace(f.text[f.toks[k].bend:f.toks[k+1].bstart]) == ")" && f.toks[k+1].join == joinNone &&
		!f.toks[k+1].cap && f.on(k+1, onTeamVerbs)
}
