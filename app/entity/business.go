package entity

// Business reports name companies by a word of their own ("Cofinimmo",
// "Telindus", "Unibail"), as people are named elsewhere. When the article
// reads as business news (by its words, in its language), an unknown
// capitalised word standing alone leans to a company rather than a person.

// businessWords are words of business and market news that other news
// seldom uses (not "bank", "euro", "government": every report has them).
var businessWords = newWordSet(`
shares shareholders stock stocks earnings revenue revenues turnover profit profits dividend quarterly takeover investors analysts
actions actionnaires bourse dividende bénéfice bénéfices chiffre résultats trimestre rachat investisseurs analystes
acciones accionistas bolsa cotización dividendo beneficios facturación trimestre inversores analistas
aandeel aandelen aandeelhouders beurs beursgenoteerd koers koersen omzet winst dividend kwartaal overname beleggers analisten bedrijfswinst
aktie aktien aktionäre börse umsatz gewinn dividende quartal übernahme anleger analysten
ações acionistas bolsa cotação dividendos lucro lucros faturação faturamento trimestre investidores analistas
azioni azionisti borsa dividendo utile utili fatturato trimestre investitori analisti
`)

// businessReport reports whether the text reads as business news: at
// least four of its words, three of them different, are business words,
// and they make one word in two hundred.
func (f *finder) businessReport() bool {
	if f.businessDone {
		return f.business
	}
	f.businessDone = true
	f.business = f.readsAs(onBusinessWords, 4, 3)
	return f.business
}
