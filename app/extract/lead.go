package extract

import (
	"strings"
	"time"
	"unicode"

	"github.com/itlightning/dateparse"

	"gloss/app/text"
)

// maxLead is how many paragraphs at the start of a page's text are looked
// at for the headline, byline and date.
const maxLead = 4

// stripLead removes from the start of p.Text the paragraphs that only repeat
// the title or headline (h1), give the byline or give the date, filling the
// fields they belong in when the page's metadata left them empty, so that
// the text starts with the article. It never removes the whole text.
func stripLead(p *text.Page, h1 string) {
	paras := strings.Split(p.Text, "\n\n")
	i := 0
lead:
	for ; i < len(paras)-1 && i < maxLead; i++ {
		s := collapse(paras[i])
		switch {
		case sameWords(s, p.Title) || sameWords(s, h1):
			if p.Title == "" {
				p.Title = s
			}
		case p.Byline != "" && (sameWords(s, p.Byline) || sameWords(s, "by "+p.Byline)):
		case isBylineLine(s):
			if p.Byline == "" {
				p.Byline = s
			}
		case isDateLine(s):
			if p.Published == "" {
				if t, ok := parseDate(s); ok {
					p.Published = t.Format(time.DateOnly)
				}
			}
		default:
			break lead
		}
	}
	p.Text = strings.Join(paras[i:], "\n\n")
}

// sameWords reports whether a and b have the same words, case and
// punctuation aside.
func sameWords(a, b string) bool {
	wa, wb := words(a), words(b)
	return len(wa) > 0 && strings.Join(wa, " ") == strings.Join(wb, " ")
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// bylinePrefixes start an author line in the languages of the news pages
// Gloss is used on.
var bylinePrefixes = []string{"by ", "par ", "von ", "por ", "di ", "door ", "av ", "af ", "de "}

// isBylineLine reports whether s is a short author line ("By Zoë Łukasz",
// "Par Jean Dupont et Marie Curie"): a byline word followed by a capitalised
// name and at most eight words in all, not ending like a sentence.
func isBylineLine(s string) bool {
	low := strings.ToLower(s)
	for _, pre := range bylinePrefixes {
		if !strings.HasPrefix(low, pre) {
			continue
		}
		rest := strings.TrimSpace(s[len(pre):])
		r := []rune(rest)
		n := len(strings.Fields(s))
		return len(r) > 0 && unicode.IsUpper(r[0]) && n <= 8 && !strings.ContainsAny(rest[len(rest)-1:], ".?!:")
	}
	return false
}

// datePrefixes may stand before a date line's date.
var datePrefixes = []string{"published", "updated", "posted", "last updated", "publié le", "mis à jour le", "on"}

// isDateLine reports whether s is a short line holding only a date (and
// time), possibly after "Published" or "Updated".
func isDateLine(s string) bool {
	if len([]rune(s)) > 48 || !strings.ContainsFunc(s, unicode.IsDigit) {
		return false
	}
	_, ok := parseDate(s)
	return ok
}

func parseDate(s string) (time.Time, bool) {
	t := strings.TrimSpace(s)
	low := strings.ToLower(t)
	for _, pre := range datePrefixes {
		if strings.HasPrefix(low, pre+" ") || strings.HasPrefix(low, pre+":") {
			t = strings.TrimLeft(t[len(pre):], ": ")
			break
		}
	}
	d, err := dateparse.ParseAny(t)
	return d, err == nil && d.Year() >= 1900
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
