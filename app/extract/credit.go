package extract

import (
	"strings"

	"gloss/app/text"
)

// creditWords name a picture in a caption's credit, in the languages of the
// news pages Gloss is used on.
var creditWords = []string{"photo", "photograph", "picture", "image", "foto", "bild"}

// newsAgencies open a credit in parentheses: "(AP Photo/…)".
var newsAgencies = []string{"ap ", "reuters ", "afp ", "getty ", "epa "}

// isCredit reports whether a paragraph, spaces collapsed, is a photo's
// caption or credit as news pages write them outside a <figcaption>:
// "Photo: Hau Dinh, AP", "Credit: EPA", "… sits at a dealership. (AP
// Photo/David Zalubowski)", "… in Hong Kong (Image: GETTY)", "(Image
// credit: NASA)", "… treatmentCredit: EPA". Plain string tests, not a
// regular expression: this runs on every paragraph of a long page, and
// Go's unanchored regular expressions cost a third of a 200 KB page's
// extraction.
func isCredit(s string) bool {
	low := strings.ToLower(s)
	if rest, ok := creditLabel(low); ok && strings.HasPrefix(rest, ":") {
		return true // "Photo: …", "Credit: …", "Image credit: …"
	}
	if strings.HasSuffix(low, ")") {
		if i := strings.LastIndexByte(low, '('); i >= 0 && !strings.ContainsRune(low[i+1:len(low)-1], '(') {
			in := low[i+1:]
			for _, a := range newsAgencies {
				if strings.HasPrefix(in, a) {
					in = in[len(a):]
					break
				}
			}
			if rest, ok := creditLabel(in); ok && rest != "credit" && (strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "/")) {
				return true // "(AP Photo/…)", "(Image: GETTY)", "(Image credit: NASA)"
			}
		}
	}
	// "…Credit: EPA" closing a caption: a short credit with no full stop.
	if i := strings.LastIndex(low, "credit:"); i >= 0 {
		rest := strings.TrimLeft(low[i+len("credit:"):], " ")
		return len(rest) <= 60 && !strings.Contains(rest, ".")
	}
	return false
}

// mayBeCredit is a quick test that lets most paragraphs skip isCredit: a
// credit ends with ")", holds "credit:" or starts with a picture word.
func mayBeCredit(para string) bool {
	t := strings.TrimSpace(para)
	if strings.HasSuffix(t, ")") || strings.Contains(t, "redit:") || strings.Contains(t, "REDIT:") {
		return true
	}
	if len(t) > 10 {
		t = t[:10]
	}
	_, ok := creditLabel(strings.ToLower(t))
	return ok
}

// creditLabel reads a picture word or "credit" at the start of low (with a
// plural "s" and a following " credit"), and returns what follows it.
func creditLabel(low string) (rest string, ok bool) {
	if r, found := strings.CutPrefix(low, "credit"); found {
		return strings.TrimPrefix(r, "s"), true
	}
	for _, w := range creditWords {
		if r, found := strings.CutPrefix(low, w); found {
			r = strings.TrimPrefix(r, "s")
			return strings.TrimPrefix(r, " credit"), true
		}
	}
	return "", false
}

// maxCreditWords is the longest caption paragraph dropped: a paragraph of
// the article that ends on a credit in parentheses is longer.
const maxCreditWords = 60

// dropCredits removes the paragraphs of p.Text that are a photo's caption
// or credit, keeping at least one paragraph. On 181 held-out news pages
// (see findAsides) body F1 went 0.962 → 0.964 (precision 0.937 → 0.940;
// three pages, whose expected text kept a caption, lost 0.003–0.011 of
// recall).
func dropCredits(p *text.Page) {
	paras := strings.Split(p.Text, "\n\n")
	out := paras[:0]
	for _, para := range paras {
		if mayBeCredit(para) {
			if c := collapse(para); isCredit(c) && len(strings.Fields(c)) <= maxCreditWords {
				continue
			}
		}
		out = append(out, para)
	}
	if len(out) > 0 {
		p.Text = strings.Join(out, "\n\n")
	}
}
