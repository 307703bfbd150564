package entity

import "sync"

// wordSet is a set of normalised words, made from its lists on first use:
// the package has some sixty of them, and the page's start-up, which runs
// every package's initialiser before its first render, never asks one.
type wordSet struct {
	once  sync.Once
	lists []string // words separated by spaces, tabs or newlines; folded
	whole []string // keys taken as they are ("u s": Fold would split nothing, forFields would)
	m     map[string]struct{}
}

// newWordSet is the set of the words of lists, folded. It only keeps the
// lists: a variable it initialises costs no work at start-up.
func newWordSet(lists ...string) *wordSet { return &wordSet{lists: lists} }

// words returns the set, made on the first call. Not inlined: the sets are
// asked in some hundred places, each would carry the check's code.
//
//go:noinline
func (s *wordSet) words() map[string]struct{} {
	s.once.Do(s.make)
	return s.m
}

func (s *wordSet) make() {
	n := len(s.whole)
	for _, l := range s.lists {
		n += countFields(l)
	}
	m := make(map[string]struct{}, n)
	for _, l := range s.lists {
		forFields(l, func(w string) { m[Fold(w)] = struct{}{} })
	}
	for _, k := range s.whole {
		m[k] = struct{}{}
	}
	s.m = m
}

// countFields counts the words of s, separated by spaces, tabs or newlines.
func countFields(s string) int {
	n := 0
	forFields(s, func(string) { n++ })
	return n
}

// forFields calls f with each word of s, separated by spaces, tabs or
// newlines, without making the list.
func forFields(s string, f func(string)) {
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' || s[i] == '\n' || s[i] == '\t' {
			if start >= 0 {
				f(s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
}

func (s *wordSet) has(w string) bool { _, ok := s.words()[w]; return ok }

// inSet is s.has(string(w)) without making the string.
func inSet(s *wordSet, w []byte) bool { _, ok := s.words()[string(w)]; return ok }

// appendSplitFields appends the words of s, separated by spaces, tabs or
// newlines (forFields), to out.
func appendSplitFields(out []string, s string) []string {
	forFields(s, func(w string) { out = append(out, w) })
	return out
}

// The word lists below are closed classes, written by hand for English,
// French, Spanish, Dutch, German, Portuguese and Italian (one line each, in
// that order). Open classes (places, given names) come from the generated
// lexicon (lexicon.go).

// stopWords are function words: capitalised at the start of a sentence they
// are never the start of a name, unless the whole name is also seen
// mid-sentence ("Le Drian") or is in the gazetteer.
var stopWords = newWordSet(stopWordsEN, stopFR, stopES, stopNL, stopDE, stopPT, stopIT)

// stopEN are English's function words, for English text (finder.isStop).
var stopEN = newWordSet(stopWordsEN)

const (
	stopWordsEN = `
a an the this that these those it its he she they we i you me him them his her hers their our ours my your
in on at of for with by from to into onto upon about above across against along among around as and but or
outside inside beyond toward towards behind besides amid via unlike
nor so yet if when whenever while after before since until despite during though although because there
here what which who whom whose how why where not no yes all any some many most much more less each every
both either neither one two three other another such only also even just then than thus however meanwhile
still already again once twice now today yesterday tomorrow tonight be is are was were been has have had do
does did will would shall should can could may might must let according under over through without within
`
	stopFR = `
le la les l un une des du de d ce cet cette ces il elle ils elles nous vous on je tu et ou mais donc or ni car
dans en sur sous pour par avec sans selon après avant depuis pendant lors si quand comme son sa ses leur
leurs au aux mon ma mes ton ta tes notre nos votre vos qui que qu quoi dont où y c s n j m t cela ceci ça
tout tous toute toutes aussi alors ainsi puis encore déjà pourtant cependant est sont était
`
	stopES = `
el los las una unos unas lo al del e o u pero sino como con sin por para entre sobre tras desde hasta hacia
según durante ante bajo contra este esta estos estas ese esa esos esas aquel aquella su sus mis tus nuestro
nuestra él ella ellos ellas nosotros yo se sí ya también además cuando donde mientras aunque porque pues así
hoy ayer mañana todo todos toda todas otro otra otros otras cada muy más menos es son fue era han hay había
`
	stopNL = `
het een maar want dus dat die dit deze wat wie waar wanneer als toen omdat hoewel terwijl op aan bij met
voor na naar uit over onder door tegen tussen zonder om tot sinds tijdens volgens hij zij ze wij we ik jij
je hem haar hun zijn mijn ons onze jullie er hier daar niet geen ook nog wel toch dan nu vandaag gisteren
morgen alle elke ieder veel meer werd wordt heeft hebben zal zou kan kon
`
	stopDE = `
der das den dem des ein eine einen einem einer eines und oder aber denn doch sondern dass daß wenn weil ob
obwohl während nachdem bevor im am auf aus beim vom zu zum zur für über unter vor hinter neben zwischen durch
gegen ohne seit bis trotz wegen laut er sie es wir ich du ihr ihm ihn ihnen sein seine seiner ihre ihrer
unser unsere dieser diese dieses jener nicht kein keine auch noch schon nur nun jetzt heute gestern dort
jeder jede viele mehr ist war wurde wird hat hatte sind waren konnte soll muss wie wer wo man sich
`
	stopPT = `
os as um uma uns umas mas com em no na nos nas do da dos das ao aos à às pelo pela após até segundo estes
isso isto aquele seu sua seus suas meu minha ele ela eles elas nós eu não já quando onde enquanto embora pois
assim hoje ontem amanhã outro outra muito mais menos são foi há tem será
`
	stopIT = `
il gli uno ed che nel nella nei nelle della dei delle alla ai alle dal dalla di tra fra dopo prima
contro questo questa questi queste quello quella suoi sue lui lei loro noi io non già anche dove mentre
sebbene perché poi così oggi ieri domani tutto tutti tutta tutte altro altra ogni molto più meno è sono ha
hanno sarà
`
)

// coordinations join two names; they are never inside one ("Putin y
// Hollande" is two names).
var coordinations = newWordSet(`and or & et ou y e o u en und oder ed`)

// notNames are capitalised words that are never names on their own: days
// and months (the lexicon adds those of every language), seasons, eras and
// acronyms of common nouns ("DNA", "GDP", "TV"). They are trimmed
// from both ends of a candidate.
var notNames = newWordSet(`
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
lundi mardi mercredi jeudi vendredi samedi dimanche
janvier février mars avril mai juin juillet août septembre octobre novembre décembre
lunes martes miércoles jueves viernes sábado domingo
enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
januari februari maart mei augustus
montag dienstag mittwoch donnerstag freitag samstag sonntag
januar februar märz juni juli oktober dezember
segunda terça quarta quinta sexta sábado
janeiro fevereiro março maio junho julho setembro outubro novembro dezembro
lunedì martedì mercoledì giovedì venerdì sabato domenica
gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
spring summer autumn winter sixties seventies eighties nineties internet
printemps été automne hiver primavera verano otoño invierno lente zomer herfst
frühling sommer herbst verão outono inverno estate autunno
bc ad bce dna rna gdp pib bip vat iva tv hiv sms usb dvd
`)

// titles before a name mark it as a person ("President Putin", "ministre Le
// Drian"); they are not part of the name.
var titles = newWordSet(`
president minister secretary chancellor king queen prince princess pope senator governor mayor mr mrs ms miss dr
emperor empress tsar czar sultan pharaoh
sir lord lady judge ambassador commander colonel captain lieutenant sergeant rev reverend professor prof
spokesman spokeswoman spokesperson chairman chairwoman ceo sheikh emir archbishop bishop cardinal rabbi imam
gen sen rep gov coach striker midfielder defender goalkeeper
président ministre secrétaire chancelier chancelière roi reine pape sénateur gouverneur maire
monsieur madame mademoiselle m mme mlle député députée docteur juge ambassadeur colonel capitaine
professeur directeur entraîneur cheikh émir archevêque évêque
presidente presidenta ministro ministra secretario secretaria canciller rey reina príncipe princesa senador
senadora gobernador gobernadora alcalde alcaldesa sr sra señor señora doña doctor doctora dra juez jueza
embajador coronel capitán profesor profesora portavoz director directora diputado diputada entrenador
jeque arzobispo obispo cardenal fiscal consejero consejera
premier staatssecretaris kanselier koning koningin prins prinses paus burgemeester wethouder dhr mevr
meneer mevrouw drs ir rechter generaal kolonel kapitein woordvoerder woordvoerster directeur voorzitter
bondscoach trainer kardinaal kamerlid
präsident präsidentin ministerin kanzler kanzlerin bundeskanzler bundeskanzlerin könig königin prinz
prinzessin papst bürgermeister bürgermeisterin herr frau doktor richter botschafter oberst kapitän
sprecher sprecherin direktorin vorsitzende vorsitzender erzbischof bischof pfarrer
secretário secretária chanceler rainha prefeito prefeita senhor senhora doutor doutora juiz juíza
embaixador capitão diretor diretora deputado deputada treinador arcebispo bispo cardeal
segretario cancelliere regina principe principessa senatore governatore sindaco sig signor signore signora
dott dottore dottoressa giudice ambasciatore colonnello capitano professore professoressa portavoce
direttore deputato allenatore arcivescovo vescovo cardinale
`)

// titleModifiers are part of a title only when a title follows them
// ("Defense Minister Shoigu", but "the Defense Ministry" stays a name).
var titleModifiers = newWordSet(`prime premier vice defense defence foreign interior finance deputy first
former acting chief general state ex vize primer primeiro primo`)

// particles may sit between the capitalised words of a name ("Charles de
// Gaulle", "Ludwig van Beethoven", "Valéry Giscard d'Estaing"). Coordinations
// ("y", "e") are not particles.
var particles = newWordSet(`de du des d la le las los van von der den da di del della dos das bin ibn al el zu ter ten`)

// orgWords inside a name make it an organisation ("Ministry of Defence",
// "Partido Popular", "Deutsche Bank").
var orgWords = newWordSet(`
ministry department council university college school party bank agency army police inc ltd llc plc corp
corporation company co group association union committee commission court parliament congress senate assembly
federation foundation institute institution museum hospital club fc league organization organisation office
bureau service services network news times post press airlines airways motors fund board authority church navy
forces government administration cabinet tribunal reserve exchange guard brigade movement alliance coalition
media radio tv television records studios entertainment systems technologies holdings partners securities
insurance energy petroleum international nations bundesliga academy centre center society trust
brands film films pictures forum forums labs magazine journal newspaper gazette herald tribune telegraph courant
team telecom telekom airline mobile industries investors investments ventures capital bancorp publishing
embassy consulate dynasty democrats republicans conservatives liberals socialists
racing sporting atletico deportivo olympique dynamo dinamo spartak rovers wanderers athletic calcio
ministère conseil université parti banque agence armée assemblée sénat cour commission comité fédération
fondation institut musée hôpital église association syndicat gouvernement société groupe compagnie mouvement
ministerio consejo universidad partido banco agencia ejército policía gobierno congreso senado corte comisión
federación fundación instituto museo iglesia asociación sindicato empresa grupo compañía sociedad movimiento
ayuntamiento junta generalitat audiencia fiscalía guardia oficina ejecutivo real secretaría diputación consejería
coalición unión alianza frente
ministerie raad universiteit partij agentschap leger politie regering kamer senaat rechtbank hof commissie
federatie stichting instituut ziekenhuis kerk vereniging vakbond bedrijf groep gemeente omroep
unie alliantie fractie bond kabinet zaken gemeenschap
ministerium rat universität partei agentur armee polizei regierung gericht kommission ausschuss verband
stiftung krankenhaus kirche verein gewerkschaft gruppe gesellschaft bewegung bundesamt amt behörde
ministério conselho universidade agência exército polícia governo congresso comissão federação fundação
museu igreja associação companhia sociedade movimento câmara prefeitura assembleia
união aliança frente
ministero consiglio università partito banca agenzia esercito polizia tribunale commissione comitato
federazione fondazione istituto ospedale chiesa associazione sindacato azienda gruppo società
`)

// locWords inside a name make it a place ("Red Sea", "Plaza Mayor").
var locWords = newWordSet(`
street avenue square river mountain mountains lake island islands bay sea seas ocean gulf valley county province
region district peninsula desert coast strait canal airport mount mt hill hills park garden gardens harbor harbour
forest falls heights beach cape basin delta rift channel reef glacier volcano oblast prefecture canyon
republic kingdom principality empire duchy emirate sultanate caliphate commonwealth
république royaume empire república reino imperio principado republiek koninkrijk rijk republik königreich reich
repubblica regno impero
rue fleuve lac île îles mer golfe vallée mont région parc forêt port
calle avenida plaza río lago isla islas mar golfo valle provincia región sierra monte cerro parque bahía cabo
cordillera selva océano península estrecho desierto
straat plein rivier meer eiland zee provincie baai kaap
straße strasse platz fluss insel gebirge
rua praça rio ilha ilhas serra baía oceano deserto estreito cordilheira floresta vale
via piazza fiume isola mare penisola
`)

// locPrepositions before a name suggest a place ("in Paris", "en Madrid",
// "aus Berlin").
var locPrepositions = newWordSet(`
in at from near across outside inside into towards toward through throughout around within along
à au aux dans près vers
en desde hacia cerca
uit naar nabij te
aus nach bei im
em no na nos nas
a nel nella da
`)

// compassWords start a place's name ("South Sudan", "Nordrhein"): the name
// without them is another place, never the same entity.
var compassWords = newWordSet(`north south east west northern southern eastern western central new upper lower
nord sud est ouest norte sur este oeste noord zuid oost west süd ost nieuw nueva nuevo nouvelle nouveau
nova novo baixa alta nordeste sudeste noroeste sudoeste`)

// ofHeads start names that go on with "of" ("City of Cape Town", "House of
// Commons", "Isle of Man") without being place or organisation words.
var ofHeads = newWordSet(`city community state states house isle isles duke duchess earl count countess bay`)

// linkWords join the words of an organisation's or a place's name after an
// organisation or place word ("Ministry of Defence", "Gulf of Mexico").
var linkWords = newWordSet(`of for für voor`)

// speechVerbs after a name mark a speaker, a person or an organisation
// ("Clinton said", "dijo Rajoy" is not caught: the verb comes first).
var speechVerbs = newWordSet(`said says told added announced stated wrote
a déclaré dit affirme dijo afirmó señaló aseguró explicó zei zegt verklaarde sagte sagt erklärte disse afirmou`)

// miscWords inside a name make it an event, a law, a prize or a work: MISC
// ("Paris Agreement", "Davis Cup", "Election Day").
var miscWords = newWordSet(`
agreement amendment treaty act accord protocol cup championship championships award awards prize war games
olympics festival day show summit open league tournament trophy marathon rally tour expo fair biennale
mundial mundiales supercopa recopa copas liga ligas torneo trofeo maratón cumbre feria bienal ley declaración
wereldbeker wereldkampioenschap toernooi trofee marathon beurs wet verklaring
turnier weltmeisterschaft messe gesetz erklärung
tournoi trophée foire loi déclaration
torneio troféu feira lei declaração
torneo trofeo fiera legge dichiarazione
accord traité coupe championnat prix guerre jeux festival
acuerdo tratado copa campeonato premio guerra juegos
akkoord verdrag beker kampioenschap prijs oorlog spelen
abkommen vertrag pokal meisterschaft preis krieg spiele
acordo tratado taça campeonato prémio prêmio guerra jogos
accordo trattato coppa campionato premio guerra giochi
`)

// articles are the definite articles that stand between a preposition and
// a name ("in the Sahel", "en el Mediterráneo").
var articles = newWordSet(`the le la les l el los las het de die der den das o os as il lo gli i`)

// isArticle reports whether w, just before a name, is a definite article.
// Portuguese "a" is one ("a Folha", "a a França": "à França" written
// apart) as well as the preposition, which then stands before it; in
// other languages "a" is not ("a Reuters reporter", "a Madrid").
func (f *finder) isArticle(w string) bool {
	return articles.has(w) || w == "a" && f.language() == "pt"
}

// commonAlone reports whether w, the only word of a candidate, is a common
// word rather than a name: a function word, a place or
// title modifier word on its own ("la Plaza", "the Interior"). An
// organisation word alone often is a name ("the Senate", "la Policía").
func commonAlone(w string) bool {
	return stopWords.has(w) || locWords.has(w) || titleModifiers.has(w)
}
