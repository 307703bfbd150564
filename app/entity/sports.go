package entity

import "strings"

// Sports reports name clubs and national teams by their city or country:
// "Gales, 0 - Brasil, 3", "Guardiola y Puyol (Barcelona)", "el partido
// ante Brasil". When the article reads as a sports report (by its words,
// in its language), a place standing as a side — next to a score, in
// parentheses after a player's name, after "against" or "the team of" —
// is the team, an organisation.

// wSide is a side's weight: in a sports report it beats a place's lexicon
// entry ("Brasil" next to a score is the team, even once).
const wSide = wWholeName + wShape

// sportsWords are words of sports reports that other news seldom uses (not
// "victory", "defeat", "party": elections have them too).
var sportsWords = newWordSet(`
goal goals scored striker goalkeeper midfielder defender referee football soccer league coach semifinal semifinals stadium tournament
but buts buteur gardien attaquant arbitre football ligue entraîneur stade
gol goles delantero portero centrocampista arbitro futbol baloncesto liga entrenador semifinal semifinales estadio torneo penalti
goleó empató jugador jugadores futbolista tenista ciclista
doelpunt doelpunten doelman keeper aanvaller verdediger scheidsrechter voetbal competitie trainer halve finale stadion toernooi
spelers speler wielrenner wedstrijd wedstrijden voetballer elftal kampioenschap
tor tore torwart stürmer schiedsrichter fußball bundesliga trainer halbfinale stadion turnier
golo golos guarda-redes goleiro atacante árbitro futebol treinador estádio torneio jogador
portiere attaccante calcio allenatore semifinale stadio torneo calciatore
`)

// sideOf are nouns for a team before "of": "la selección de Brasil", "el
// conjunto de Gales".
var sideOf = newWordSet(`selección conjunto equipo zaga delantera once squad team équipe ploeg elftal seleção equipa squadra mannschaft`)

// sportsReport reports whether the text reads as a sports report: at least
// three of its words, two of them different, are sports words, and they
// make one word in two hundred.
func (f *finder) sportsReport() bool {
	if f.sportsDone {
		return f.sports
	}
	f.sportsDone = true
	f.sports = f.readsAs(onSportsWords, 3, 2)
	return f.sports
}

// sideContext returns why the mention at tokens a..b-1 stands as a side in
// a sports report, or "".
func (f *finder) sideContext(a, b int) string {
	gap := func(i int) string { return f.text[f.toks[i-1].bend:f.toks[i].bstart] }
	if b < len(f.toks) && isDigits(f.fold(b)) && len(f.fold(b)) <= 3 && !f.dateAt(b) {
		// "Gales, 0", "Barcelona 71 - TAU Vitoria 65"; not a dateline's
		// "La Coruña, 23 may".
		if g := gap(b); g == " " || g == ", " {
			return "a side before a score"
		}
	}
	if a >= 1 && isDigits(f.fold(a-1)) && len(f.fold(a-1)) <= 3 && strings.TrimSpace(gap(a)) == "-" {
		return "a side after a score" // "0 - Brasil, 3"
	}
	if a >= 2 && f.toks[a].join == joinSpace && f.toks[a-1].join == joinSpace && (f.fold(a-1) == "de" || f.fold(a-1) == "of" || f.fold(a-1) == "van") && sideOf.has(f.fold(a-2)) && !f.toks[a-2].cap {
		return "after “" + f.surface(a-2, a) + "”"
	}
	return ""
}

// affiliation reports whether the mention at tokens a..b-1 stands alone
// in parentheses after a person's name: a party or a club ("Magda Aelvoet
// (Agalev)", "Puyol (Barcelona)"). Not after a place's name ("Guadalupe
// (Cáceres)", "de Jaca (Huesca)"), an acronym's (its expansion: "WAP
// (Wireless Application Protocol)") or a nationality's, and not in a
// dateline ("Beasain (Guipúzcoa), 23 may").
func (f *finder) affiliation(a, b int) bool {
	if a < 1 || b >= len(f.toks) || !f.toks[a-1].cap || f.toks[a-1].upper {
		return false
	}
	if f.text[f.toks[a-1].bend:f.toks[a].bstart] != " (" {
		return false
	}
	after := f.text[f.toks[b-1].bend:f.toks[b].bstart]
	if !strings.HasPrefix(after, ")") || strings.Contains(after, "(") || strings.Contains(after, ",") && isDigits(f.fold(b)) {
		return false
	}
	// The name before: its capitalised words, and the word before them.
	s := a - 1
	for s > 0 && f.toks[s-1].cap && f.toks[s].join != joinNone && f.kind(s)&LexGiven == 0 {
		s-- // back to the person's given name: "minister van Verkeer Isabelle Durant (Ecolo)"
	}
	for i := s; i < a; i++ {
		if w := f.fold(i); f.lex.Kind(w)&LexPlace != 0 || looksDemonym(w) {
			return false
		}
	}
	if s > 0 && f.toks[s].join == joinSpace && (f.placePrepBefore(f.fold(s-1)) || ofWords[""].has(f.fold(s-1))) {
		return false
	}
	return f.toks[s].join != joinNone || s == 0 || !strings.Contains(f.text[f.toks[s-1].bend:f.toks[s].bstart], "\n")
}

// sideClues are a place's mentions that stand as a side in a sports
// report, at most maxContextClues.
func (f *finder) sideClues(clues []clue, e *Entity) []clue {
	if l := f.language(); (l == "en" || l == "") && (f.keyKind(e.Key)&LexCountry != 0 || f.placeAcronym(e.Key)) {
		return clues // English news tags a country's team as the country ("Japan 2 Syria 1")
	}
	n := 0
	mt := f.mentionToks(e)
	for k, m := range e.Mentions {
		a, b := int(mt[k].a), int(mt[k].b)
		if !mt[k].okA || !mt[k].okB {
			continue
		}
		if f.countryCode(a, b+1) {
			clues = append(clues, clue{TypeLOC, wSide, "in parentheses after a name, a country's abbreviation (a result)", ""})
			if n++; n == maxContextClues {
				break
			}
			continue
		}
		place := f.keyKind(e.Key)&LexPlace != 0
		if f.affiliation(a, b+1) && !f.acronymLike(a, b+1) && m.End-m.Start > 3 && (place && f.sportsReport() || !place && f.kind(a)&LexGiven == 0) {
			clues = append(clues, clue{TypeORG, wSide, "in parentheses after a person's name: a party or club", ""})
			if n++; n == maxContextClues {
				break
			}
			continue
		}
		if !place || !f.sportsReport() {
			if n == 0 && f.sportsReport() {
				if w := f.clubPlace(e.Key); w != "" {
					// "Racing Genk", "Paris Saint-Germain", "ADO Den Haag".
					clues = append(clues, clue{TypeORG, wOrgWord, "in a sports report, a name holding the place “%s”: a club", w})
					n = maxContextClues
					break
				}
			}
			continue
		}
		if why := f.sideContext(a, b+1); why != "" {
			clues = append(clues, clue{TypeORG, wSide, "in a sports report, %s: the team", why})
			if n++; n == maxContextClues {
				break
			}
		}
	}
	return clues
}

// dateAt reports whether the number at token i starts a date: a month's
// name or its abbreviation follows ("23 may", "5 Mei", "1 août").
func (f *finder) dateAt(i int) bool {
	if i+1 >= len(f.toks) || f.toks[i+1].join != joinSpace {
		return false
	}
	w := f.fold(i + 1)
	return notNames.has(w) || len(w) >= 3 && monthPrefixes.has(w[:3])
}

// monthPrefixes are the first three letters of the months in the seven
// languages, as datelines abbreviate them.
var monthPrefixes = newWordSet(`jan feb mar apr may jun jul aug sep oct nov dec ene abr ago dic mei okt
fev fév avr mai jui aoû aou set ott dez gen mag giu lug`)

// acronymLike reports whether a word of tokens a..b-1 is written in
// capitals or in camel case ("OPA", "MoMA"): an acronym, or its expansion's.
func (f *finder) acronymLike(a, b int) bool {
	for i := a; i < b; i++ {
		if f.toks[i].upper || isCamel(f.surface(i, i+1)) {
			return true
		}
	}
	return false
}

// clubPlace returns the known place inside a name of several words that is
// not itself a place ("genk" in "racing genk", "den haag" in "ado den
// haag"), or "".
func (f *finder) clubPlace(key string) string {
	words := f.keyWords(key)
	if len(words) < 2 || f.keyKind(key)&(LexPlace|LexTown) != 0 {
		return ""
	}
	for _, id := range f.keyWordIDs(key) {
		if f.kindOf(id)&(LexGiven|LexSurname) != 0 {
			return "" // a player's name: "Paco Flores", "Gala León"
		}
	}
	for i := range words {
		for j := i + 1; j <= len(words) && j <= i+2; j++ {
			if w := strings.Join(words[i:j], " "); f.lex.Kind(w)&(LexCity|LexTown) != 0 {
				return w
			}
		}
	}
	return ""
}
