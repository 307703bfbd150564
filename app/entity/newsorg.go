package entity

import "strings"

// Organisations news names without an organisation word: the wire agencies
// that file the stories and are quoted in them ("told Reuters", "the
// Xinhua news agency said"), a desk or newsroom signing a story ("--
// London Newsroom"), and clubs whose names end with a club's own word
// ("Manchester United", "Queens Park Rangers", "Inverness Thistle").

// newsAgencies are the world's wire and national news agencies, by key.
var newsAgencies = newWordSet(`reuters reuter afp dpa efe ansa xinhua interfax itar-tass tass kyodo yonhap
bernama anp belga apa pap ctk mti bta tanjug hina irna mena wafa petra sana kuna wam pti antara aap nzpa
bloomberg ria novosti ria-novosti anadolu notimex prensa-latina ips jiji`)

// deskWords end the name of a news organisation's desk ("London Newsroom",
// "New York Commodities Desk").
var deskWords = newWordSet(`newsroom desk bureau`)

// clubTails end a club's name; no place or person ends so.
var clubTails = newWordSet(`united rovers rangers wanderers athletic albion thistle hotspur argyle academicals`)

// newsOrgClues speak for an organisation for a news agency, a desk and a
// club by its name's last word.
func (f *finder) newsOrgClues(clues []clue, e *Entity) []clue {
	if newsAgencies.has(e.Key) || hyphenatedIn(newsAgencies, e.Key) {
		return append(clues, clue{TypeORG, wWholeName, "a news agency", ""})
	}
	words := f.keyWords(e.Key)
	if len(words) < 2 || f.keyKind(e.Key)&LexPlace != 0 {
		return clues
	}
	last, id := words[len(words)-1], f.keyWordIDs(e.Key)[len(words)-1]
	switch {
	case f.idOn(id, onDeskWords):
		return append(clues, clue{TypeORG, wOrgWord, "a news desk (“%s”)", last})
	case f.idOn(id, onClubTails):
		return append(clues, clue{TypeORG, wOrgWord, "a club's name (“%s”)", last})
	}
	return clues
}

// hyphenatedIn reports whether key with its spaces as hyphens is in set
// ("itar tass"), without making that string for a short key: every
// entity's key is asked.
func hyphenatedIn(set *wordSet, key string) bool {
	var buf [32]byte
	if strings.IndexByte(key, ' ') < 0 {
		return false
	}
	if len(key) > len(buf) {
		return set.has(strings.ReplaceAll(key, " ", "-"))
	}
	b := append(buf[:0], key...)
	for i, c := range b {
		if c == ' ' {
			b[i] = '-'
		}
	}
	return inSet(set, b)
}
