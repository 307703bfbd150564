package entity

// English puts the kind of body after the name as a modifier ("the Xinhua
// news agency", "the Wen Hui Bao newspaper", "the Labour party"), and
// speaks of a company's shares ("Barrick shares fell", "Barrick's
// shares"): no person's or place's name stands there.

// kindsAfter are the English nouns for a kind of organisation that follow
// its name.
var kindsAfter = newWordSet(`agency newspaper daily weekly magazine company firm group bank airline carrier
party club union broker brokerage subsidiary unit conglomerate insurer publisher broadcaster network
consortium newsroom`)

// stockWords after a name (or its possessive) make it a listed company.
var stockWords = newWordSet(`shares stock stocks shareholders`)

// kindAfterClues speak for an organisation for mentions followed by the
// kind of body they are, in English (or text too short to tell), at most
// maxContextClues. Places ("a Moscow newspaper") and names that start with
// a given name are left alone.
func (f *finder) kindAfterClues(clues []clue, e *Entity) []clue {
	if l := f.language(); l != "en" && l != "" {
		return clues
	}
	if f.keyKind(e.Key)&(LexPlace|LexLanguage) != 0 || f.placeAcronym(e.Key) {
		return clues
	}
	if k := f.firstWordKind(e.Key); k&LexGiven != 0 && len(e.Key) > len(firstWord(e.Key)) {
		return clues // "the Mark Smith group" is rarer than a person
	}
	n := 0
	for _, t := range f.mentionToks(e)[:len(firstMentions(e))] {
		j, ok := int(t.b), t.okB
		if !ok || j+1 >= len(f.toks) {
			continue
		}
		k := j + 1
		t := f.toks[k]
		if t.cap || t.upper || t.join != joinSpace && !(f.toks[j].poss && t.join == joinNone) {
			continue
		}
		id := f.id(k)
		if f.in.str(id) == "news" && k+1 < len(f.toks) && f.toks[k+1].join == joinSpace && !f.toks[k+1].cap {
			id = f.id(k + 1) // "news agency"
		}
		if !f.idOn(id, onKindsAfter|onStockWords) {
			continue
		}
		w := f.in.str(id)
		clues = append(clues, clue{TypeORG, wTitle, "followed by “%s”", w})
		if n++; n == maxContextClues {
			break
		}
	}
	return clues
}

// firstWord is the first word of a key.
func firstWord(key string) string {
	for i := 0; i < len(key); i++ {
		if key[i] == ' ' {
			return key[:i]
		}
	}
	return key
}
