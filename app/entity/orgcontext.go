package entity

import "strings"

// Organisations no list holds (Sabena, Televisa, Arinso) are told by the
// common nouns news puts around them: the kind of body before the name
// ("la empresa Musimundo", "het bedrijf Viangros", "netwerkspecialist
// Telindus"), after it in apposition ("Arinso, de informaticaspecialist"),
// or a role in it before "of" ("el director de Datanálisis", "de raad van
// bestuur van Sabena", "minister van Verkeer"). A person's name takes none
// of these, so they hold in whole articles where a one-word name alone
// says nothing.

// orgKinds are common nouns for a kind of organisation, in the seven
// languages; in Dutch and German also the heads of compounds
// ("softwarebedrijf", "amateurclub").
var orgKinds = newWordSet(`
company firm group carrier airline newspaper daily magazine broadcaster club team party bank insurer maker
manufacturer retailer conglomerate operator union agency broker chain publisher foundation association
organisation organization movement charity parliament
entreprise société groupe compagnie journal quotidien hebdomadaire chaîne banque équipe parti syndicat constructeur
empresa compañía firma grupo consorcio operadora cadena diario periódico rotativo revista semanario emisora
club equipo escudería partido formación banco entidad aseguradora constructora multinacional sociedad
sindicato federación fabricante distribuidora agencia editorial aerolínea petrolera holding corporación
fundación organización asociación institución movimiento plataforma parlamento
bedrijf firma onderneming groep concern holding maatschappij krant dagblad weekblad zender omroep club ploeg
partij bank verzekeraar fabrikant producent leverancier uitgeverij keten operator vakbond beurshuis
specialist dienstverlener provider rivaal stichting vereniging organisatie beweging fonds instelling parlement
unternehmen konzern firma gruppe zeitung sender verein mannschaft partei bank versicherer hersteller
empresa companhia grupo jornal emissora equipe partido banco seguradora construtora fundação associação
organização movimento parlamento
azienda società gruppo giornale quotidiano emittente squadra partito banca
`)

// orgRoles are roles held in an organisation; "X of Y" after one makes Y
// an organisation ("director de Datanálisis", "voorzitter van Agalev").
// Ministers and ministries make Y a ministry ("minister van Verkeer").
var orgRoles = newWordSet(`
chairman chairwoman director directors ceo spokesman spokeswoman spokesperson shares shareholders
employees staff founder subsidiary owner board executives minister ministry
président directeur porte-parole actionnaires salariés fondateur filiale ministre ministère
presidente vicepresidente presidenta director directora directores gerente consejero consejera delegado
portavoz portavoces dirigente dirigentes fundador fundadora accionista accionistas empleados
trabajadores afiliados militantes filial acciones plantilla propietario ministro ministerio
voorzitter ondervoorzitter topman topvrouw baas directeur directrice woordvoerder woordvoerster bestuurder
bestuur directie aandelen aandeelhouders aandeelhouder werknemers personeel medewerkers oprichter
fractieleider voorman partijvoorzitter afdeling kantoren dochter dochteronderneming eigenaar
minister ministerie schepen
vorsitzender vorstand sprecher sprecherin aktien aktionäre mitarbeiter gründer tochter
diretor diretora porta-voz acionistas funcionários fundador
direttore portavoce azionisti dipendenti fondatore
`)

// ofWords are "of" in each language, between a role and its body; Dutch
// "de" is an article, Spanish "de" is "of".
var ofWords = map[string]*wordSet{
	"en": newWordSet(`of for`),
	"fr": newWordSet(`de du des d`),
	"es": newWordSet(`de del`),
	"nl": newWordSet(`van voor`),
	"de": newWordSet(`von der des`),
	"pt": newWordSet(`de do da dos das`),
	"it": newWordSet(`di del della dello dei degli`),
	"":   newWordSet(`of de del van du des di della von do da`),
}

// romance are the languages whose adjectives follow the noun.
var romance = map[string]bool{"es": true, "pt": true, "fr": true, "it": true}

// kindOf reports whether the lower-case word w names a kind of
// organisation, alone or as a compound's head in Dutch and German.
func kindOf(w string, lang string) bool {
	if k := strings.LastIndexByte(w, '-'); k >= 0 {
		w = w[k+1:] // "e-businessspecialist"
	}
	if orgKinds.has(w) {
		return true
	}
	if lang != "nl" && lang != "de" {
		return false
	}
	for k := 3; k+4 <= len(w); k++ {
		if orgKinds.has(w[k:]) {
			return true
		}
	}
	return false
}

// orgContextClues are the entity's mentions that stand where an
// organisation's name stands (orgContext), at most maxContextClues.
func (f *finder) orgContextClues(clues []clue, e *Entity) []clue {
	// A place, or a name holding one ("the Community of Madrid"), after a
	// role is a polity ("presidente de Venezuela").
	place := false
	for _, id := range f.keyWordIDs(e.Key) {
		place = place || f.kindOf(id)&LexPlace != 0
	}
	place = place || f.keyKind(e.Key)&LexPlace != 0
	n := 0
	for _, t := range f.mentionToks(e) {
		a, b := int(t.a), int(t.b)
		if !t.okA || !t.okB {
			continue
		}
		if why := f.orgContext(a, b+1, place); why != "" {
			clues = append(clues, clue{TypeORG, wTitle, "%s", why})
			if n++; n == maxContextClues {
				break
			}
		}
	}
	return clues
}

// orgContext returns why the mention at tokens a..b-1 stands where an
// organisation's name stands, or "" when it does not. place says the name
// is a known place: the role before "of" then means its government
// ("presidente de Venezuela"), so only the kind of body counts.
func (f *finder) orgContext(a, b int, place bool) string {
	lang := f.language()
	lower := func(i int) bool { return i >= 0 && !f.toks[i].cap && !f.toks[i].upper }
	spaced := func(i int) bool { return f.toks[i].join == joinSpace }
	if a >= 1 && spaced(a) && lower(a-1) {
		w := f.fold(a - 1)
		if kindOf(f.kindWord(a-1), lang) {
			return "after “" + f.surface(a-1, a) + "”"
		}
		// "la empresa argentina Musimundo": the adjective follows the noun.
		if a >= 2 && spaced(a-1) && lower(a-2) && romance[lang] && f.on(a-2, onOrgKinds) && !ofWords[""].has(w) && !articles.has(w) {
			return "after “" + f.surface(a-2, a) + "”"
		}
		if j := f.roleBefore(a); !place && j >= 0 {
			return "after “" + f.surface(j, a) + "”"
		}
	}
	// "het Israëlisch parlement, de Knesset": the kind, a comma, an article.
	if a >= 3 && f.toks[a].join == joinSpace && f.on(a-1, onArticles) && lower(a-1) && lower(a-2) &&
		f.text[f.toks[a-2].bend:f.toks[a-1].bstart] == ", " && kindOf(f.kindWord(a-2), lang) {
		return "after “" + f.surface(a-2, a) + "”"
	}
	// "Arinso, de informaticaspecialist": a comma, an article, at most one
	// adjective, the kind of body.
	if b < len(f.toks) && f.text[f.toks[b-1].bend:f.toks[b].bstart] == ", " && f.on(b, onArticles) && lower(b) {
		for j := b + 1; j < min(len(f.toks), b+3); j++ {
			if !lower(j) || !spaced(j) {
				break
			}
			if kindOf(f.kindWord(j), lang) {
				return "followed by “" + f.surface(b, j+1) + "”"
			}
		}
	}
	return ""
}

// roleBefore returns the token of a role in an organisation followed by
// "of" (and an article) just before token a ("el director de", "consejero
// delegado de", "raad van bestuur van", "voorzitter van de", "minister
// van"), or -1.
func (f *finder) roleBefore(a int) int {
	lower := func(i int) bool { return i >= 0 && !f.toks[i].cap && !f.toks[i].upper }
	spaced := func(i int) bool { return f.toks[i].join == joinSpace }
	if a < 2 || !spaced(a) || !lower(a-1) {
		return -1
	}
	p, of := a-1, ofWords[f.language()]
	if of == nil {
		of = ofWords[""]
	}
	if f.on(p, onArticles) && !of.has(f.fold(p)) && spaced(p) && lower(p-1) {
		p--
	}
	if !of.has(f.fold(p)) || p < 1 || !spaced(p) {
		return -1
	}
	for j := p - 1; j >= max(0, p-2); j-- {
		if !lower(j) {
			break
		}
		if orgRoles.has(f.kindWord(j)) {
			return j
		}
		if !spaced(j) {
			break
		}
	}
	return -1
}

// kindWord is token i folded, with the rest of a hyphenated compound it
// heads ("e-businessspecialist", "secretaris-generaal" stay whole).
func (f *finder) kindWord(i int) string {
	w := f.fold(i)
	for j := i + 1; j < len(f.toks) && f.toks[j].join == joinHyphen; j++ {
		w += "-" + f.fold(j)
	}
	for j := i; j > 0 && f.toks[j].join == joinHyphen; j-- {
		w = f.fold(j-1) + "-" + w
	}
	return strings.TrimSpace(w)
}
