package entity

// wordSet is a set of normalised words.
type wordSet map[string]struct{}

func newWordSet(lists ...string) wordSet {
	s := wordSet{}
	for _, l := range lists {
		for _, w := range splitFields(l) {
			s[w] = struct{}{}
		}
	}
	return s
}

func (s wordSet) has(w string) bool { _, ok := s[w]; return ok }

func splitFields(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' || s[i] == '\n' || s[i] == '\t' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}

// stopWords are function words (en, fr, accents folded): capitalised at the
// start of a sentence they are never the start of a name, unless the whole
// name is also seen mid-sentence ("Le Drian") or is in the gazetteer.
var stopWords = newWordSet(`
a an the this that these those it its he she they we i you me him them his her hers their our ours my your
in on at of for with by from to into onto upon about above across against along among around as and but or
nor so yet if when whenever while after before since until despite during though although because there
here what which who whom whose how why where not no yes all any some many most much more less each every
both either neither one two three other another such only also even just then than thus however meanwhile
still already again once twice now today yesterday tomorrow tonight be is are was were been has have had do
does did will would shall should can could may might must let
le la les l un une des du de d ce cet cette ces il elle ils elles nous vous on je tu et ou mais donc or ni car
dans en sur sous pour par avec sans selon apres avant depuis pendant lors si quand comme son sa ses leur
leurs au aux mon ma mes ton ta tes notre nos votre vos qui que qu quoi dont ou y c s n j m t cela ceci ca
tout tous toute toutes aussi alors ainsi puis encore deja mais pourtant cependant
`)

// notNames are capitalised words that are never names on their own: days
// and months. They are trimmed from both ends of a candidate.
var notNames = newWordSet(`
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
lundi mardi mercredi jeudi vendredi samedi dimanche
janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
`)

// titles before a name mark it as a person ("President Putin", "ministre Le
// Drian"); they are not part of the name.
var titles = newWordSet(`
president presidente minister ministre
secretary chancellor chanceliere king queen prince princess pope senator governor mayor mr mrs ms miss dr
sir lord lady dame judge ambassador commander colonel captain lieutenant sergeant rev reverend professor
prof monsieur madame mademoiselle m mme mlle depute deputee senateur maire roi reine pape
`)

// titleModifiers are part of a title only when a title follows them
// ("Defense Minister Shoigu", but "the Defense Ministry" stays a name).
var titleModifiers = newWordSet(`prime premier vice defense defence foreign interior finance deputy first`)

// particles may sit between the capitalised words of a name
// ("Charles de Gaulle", "Ludwig van Beethoven", "Valéry Giscard d'Estaing").
var particles = newWordSet(`de du des d la le van von der den da di del della dos das bin ibn al el y zu ter`)
