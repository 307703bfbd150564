package extract

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"gloss/app/text"
)

// HTML finds the article in an HTML document and returns its plain text
// with paragraphs, and the page's title, byline and date (from its
// metadata, JSON-LD and headline). A page with any visible text is never
// refused: when no article block is found, all the visible text is kept
// and Page.Whole says so. It fails only when the page has no visible text.
// Markup is never kept or executed.
func HTML(src string) (text.Page, error) {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return text.Page{}, fmt.Errorf("cannot parse the HTML: %v", err)
	}
	var p text.Page
	h1 := ""
	if h := findNode(doc, func(n *html.Node) bool { return n.DataAtom == atom.H1 }); h != nil {
		h1 = elementText(h)
	}
	parser := readability.NewParser()
	if art, err := parser.ParseAndMutate(doc, nil); err == nil {
		p.Title = collapse(art.Title())
		p.Byline = collapse(art.Byline())
		p.Site = collapse(art.SiteName())
		if t, err := art.PublishedTime(); err == nil && t.Year() > 1 {
			p.Published = t.Format(time.DateOnly)
		}
		if art.Node != nil {
			p.Text = blockText(art.Node)
			if asides := findAsides(art.Node); len(asides) > 0 {
				whole := p.Text
				for _, n := range asides {
					n.Parent.RemoveChild(n)
				}
				// A block that was mostly asides (a list of links, a
				// gallery) stays as Readability found it rather than fall
				// to the page's whole visible text below.
				if p.Text = blockText(art.Node); len(p.Text) < minArticle {
					p.Text = whole
				}
			}
		}
	}
	if n := len(p.Text); n < minArticle {
		// Readability found no article, or almost nothing: keep what a
		// reader sees when it is much more. The parser changed the tree,
		// so parse again.
		doc, err = html.Parse(strings.NewReader(src))
		if err != nil {
			return p, fmt.Errorf("cannot parse the HTML: %v", err)
		}
		if all := visibleText(doc); all != "" && len(all) >= 3*n {
			p.Text, p.Whole = all, true
			if p.Title == "" {
				if t := findNode(doc, func(n *html.Node) bool { return n.DataAtom == atom.Title }); t != nil {
					p.Title = elementText(t)
				}
			}
		}
	}
	if p.Text == "" {
		return p, text.ErrNoText
	}
	if !p.Whole {
		stripLead(&p, h1)
		dropCredits(&p)
	}
	p.Title = siteless(p.Title, h1)
	return p, nil
}

// minArticle is the length in bytes under which an article found by
// Readability is checked against the page's visible text: a page that says
// far more than that is kept whole rather than reduced to almost nothing.
const minArticle = 200

// siteless returns the page's headline h1 when the title is that headline
// followed by the site's name ("Talks in Moscow | The Gazette"), and h1 when
// there is no title.
func siteless(title, h1 string) string {
	if title == "" || h1 == "" {
		return cmp.Or(title, h1)
	}
	rest, ok := strings.CutPrefix(title, h1)
	if !ok {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / "} {
		if strings.HasPrefix(rest, sep) {
			return h1
		}
	}
	return title
}
