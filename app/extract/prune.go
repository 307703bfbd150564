package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// findAsides returns the elements of the article block Readability found
// that a reader does not read as the article, for HTML to remove: photo
// captions, menus, lists of links (related stories, a site's sections) and
// the blocks a page names as its furniture (breadcrumbs, share and comment
// buttons, promotions). Readability keeps them because its reader view shows the
// page's figures and links; Gloss keeps plain text to annotate, where they
// read as stray lines between paragraphs. On 181 held-out news pages
// (Zyte’s article-extraction-benchmark, its evaluate.py) body F1 went
// 0.953 → 0.962.
//
// Nothing large goes: captions stay where they are a quarter of the
// article's words or more (a photo essay's captions are its text), and a
// named block only goes when it is under a quarter of the article.
func findAsides(article *html.Node) []*html.Node {
	words := wordCount(article)
	var captions, asides []*html.Node
	captionWords := 0
	forEachElement(article, func(n *html.Node) bool {
		if tagOf(n) == atom.Figcaption {
			captions = append(captions, n)
			captionWords += wordCount(n)
			return false
		}
		if isAside(n, words) {
			asides = append(asides, n)
			return false
		}
		return true
	})
	if captionWords*4 < words {
		asides = append(asides, captions...)
	}
	return asides
}

// wordCount is how many words the text under n holds, counted without
// making the text: findAsides asks it of a long page's whole article.
func wordCount(n *html.Node) int {
	count := 0
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.TextNode {
			in := false
			for _, r := range n.Data {
				if space := unicode.IsSpace(r); space && in {
					in = false
				} else if !space && !in {
					in, count = true, count+1
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return count
}

// forEachElement calls visit with each element under n, in document order,
// and goes into an element's children only when visit returns true.
func forEachElement(n *html.Node, visit func(*html.Node) bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && visit(c) {
			forEachElement(c, visit)
		}
	}
}

// isAside reports whether element n, in an article of articleWords words,
// is not the article's text: a menu, a list of links, or a block named as
// the page's furniture and smaller than a quarter of the article.
func isAside(n *html.Node, articleWords int) bool {
	switch strings.ToLower(attr(n, "role")) {
	case "menu", "menubar", "navigation":
		return true
	}
	switch tagOf(n) {
	case atom.Nav:
		return true
	case atom.Ul, atom.Ol:
		if linkList(n) {
			return true
		}
	}
	// Readability keeps no class but "page"; ids stay.
	return (asideName(attr(n, "id")) || asideName(attr(n, "class"))) && wordCount(n)*4 < articleWords
}

// linkList reports whether list n has two items or more and every item is
// all link text: a site's sections or related stories, not an article's
// list (whose items may hold a link, not be one).
func linkList(n *html.Node) bool {
	items := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Li {
			continue
		}
		all := len(strings.TrimSpace(textOf(c)))
		if all == 0 {
			continue
		}
		if linkedLen(c)*10 < all*9 {
			return false
		}
		items++
	}
	return items >= 2
}

// linkedLen is the length of the text under n inside links.
func linkedLen(n *html.Node) int {
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		return len(strings.TrimSpace(textOf(n)))
	}
	s := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		s += linkedLen(c)
	}
	return s
}

// asideWords are the words in the id or class of a page's furniture.
var asideWords = map[string]bool{
	"gallery": true, "slideshow": true, "caption": true, "credit": true, "share": true, "sharing": true,
	"social": true, "newsletter": true, "subscribe": true, "promo": true, "related": true, "recommend": true,
	"comment": true, "comments": true, "advert": true, "advertisement": true, "sponsor": true,
	"breadcrumb": true, "breadcrumbs": true, "navbar": true, "menu": true, "toolbar": true,
	"signin": true, "login": true,
}

// asideName reports whether an id or a class list names furniture: a
// short name (three words at most, numbers aside, so not a heading's slug
// such as "sharing-with-a-single-developer") holding one of asideWords.
func asideName(v string) bool {
	for _, name := range strings.Fields(v) {
		parts := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r < 'a' || r > 'z' })
		if len(parts) > 3 {
			continue
		}
		for _, w := range parts {
			if asideWords[w] {
				return true
			}
		}
	}
	return false
}
