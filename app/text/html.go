package text

// The main-text extractor is our own, over golang.org/x/net/html, because
// codeberg.org/readeck/go-readability/v2 costs far too much of the wasm budget.
// Measured with a tiny GOOS=js GOARCH=wasm main, -trimpath -ldflags='-s -w',
// brotli -c (go1.26):
//
//	fmt only                          2,576,937 B raw,   563,284 B brotli
//	+ golang.org/x/net/html (v0.62.0) 3,119,757 B raw,   674,732 B brotli (+111 KB)
//	+ go-readability/v2 v2.1.3        7,700,698 B raw, 1,579,401 B brotli (+905 KB over x/net/html)
//
// Over a minimal go-app v10.1.11 main (1,399,244 B brotli): x/net/html +70 KB,
// goldmark's parser +118 KB, x/text charmap+unicode +23 KB, this whole
// package +275 KB (much of goldmark/x/net/html overlap: both carry entity tables).

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// FromHTML extracts the main article text and the page title from an HTML
// document. Scripts, styles, navigation, headers and footers, asides, forms,
// ads, share, related and comment blocks (by tag, role, class and id) and
// hidden nodes are dropped; the main content is the <article>, else <main>,
// else role=main, else the container with the most paragraph text and the
// fewest links. Block elements become paragraphs separated by "\n\n", entities
// are unescaped and whitespace is collapsed. The output is plain text: markup
// is never kept or executed.
func FromHTML(src string) (title, body string, err error) {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return "", "", fmt.Errorf("cannot parse the HTML: %v", err)
	}
	title = pageTitle(doc)
	prune(doc, false)
	root := mainNode(doc)
	cleanLinkLists(root)
	var w textWriter
	w.node(root)
	body = w.String()
	if title == "" {
		if h := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.H1 }); h != nil {
			title = collapse(textOf(h))
		}
	}
	if strings.TrimSpace(body) == "" {
		return title, "", ErrNoText
	}
	return title, body, nil
}

// pageTitle returns <title> without a site suffix (" - BBC News"), else og:title.
func pageTitle(doc *html.Node) string {
	if t := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Title }); t != nil {
		if s := collapse(textOf(t)); s != "" {
			return stripSiteName(s)
		}
	}
	if m := find(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Meta && (attr(n, "property") == "og:title" || attr(n, "name") == "twitter:title")
	}); m != nil {
		return collapse(attr(m, "content"))
	}
	return ""
}

// stripSiteName removes a trailing " - Site" or " | Site" when what is left
// still has three words or more, as Readability does.
func stripSiteName(t string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — ", " \\ ", " / ", " > ", " » "} {
		if i := strings.LastIndex(t, sep); i > 0 {
			if head := strings.TrimSpace(t[:i]); len(strings.Fields(head)) >= 3 {
				return head
			}
			return t
		}
	}
	return t
}

// dropTags are elements whose content is never article text.
var dropTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Object: true, atom.Embed: true,
	atom.Nav: true, atom.Aside: true, atom.Form: true, atom.Button: true, atom.Input: true,
	atom.Select: true, atom.Textarea: true, atom.Dialog: true, atom.Menu: true, atom.Link: true,
	atom.Meta: true, atom.Audio: true, atom.Video: true, atom.Picture: true, atom.Img: true,
	atom.Head: true, atom.Label: true, atom.Fieldset: true,
}

// dropRoles are ARIA roles of page furniture.
var dropRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true, "search": true,
	"dialog": true, "alertdialog": true, "menu": true, "menubar": true, "toolbar": true, "form": true,
	"button": true, "tablist": true, "note": false,
}

// junkWords mark a class or id as ads, sharing, related links, comments and
// other furniture. They are matched against whole words of the class or id
// ("share-tools" yes, "shadow" no).
var junkWords = map[string]bool{
	"ad": true, "ads": true, "advert": true, "adverts": true, "advertisement": true, "advertising": true,
	"adsense": true, "adslot": true, "dfp": true, "sponsor": true, "sponsored": true, "promo": true,
	"promotion": true, "share": true, "sharing": true, "social": true, "sharebar": true, "addthis": true,
	"related": true, "recommended": true, "recommendations": true, "outbrain": true, "taboola": true,
	"comment": true, "comments": true, "disqus": true, "respond": true, "reply": true,
	"sidebar": true, "newsletter": true, "subscribe": true, "subscription": true, "signup": true,
	"cookie": true, "cookies": true, "consent": true, "gdpr": true, "popup": true, "modal": true,
	"breadcrumb": true, "breadcrumbs": true, "nav": true, "navbar": true, "navigation": true,
	"menu": true, "masthead": true, "footer": true, "widget": true, "widgets": true, "banner": true,
	"skip": true, "skiplink": true, "hidden": true, "hide": true, "invisible": true, "print": false,
	"tags": true, "toolbar": true, "pagination": true, "pager": true, "byline": false, "more": false,
	"trending": true, "popular": true, "mostread": true, "sr": true, "visually": true, "offscreen": true,
}

// keepWords protect a container whose class or id also names the content.
var keepWords = map[string]bool{"article": true, "content": true, "main": true, "story": true, "post": true, "entry": true, "body": true}

// prune removes junk nodes from the tree. inMain is true below <article>
// or <main>, where a <header> holds the headline and is kept.
func prune(n *html.Node, inMain bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode || c.Type == html.DoctypeNode:
			n.RemoveChild(c)
		case c.Type == html.ElementNode && isJunk(c, inMain):
			n.RemoveChild(c)
		case c.Type == html.ElementNode:
			prune(c, inMain || c.DataAtom == atom.Article || c.DataAtom == atom.Main)
		}
		c = next
	}
}

func isJunk(n *html.Node, inMain bool) bool {
	if dropTags[n.DataAtom] {
		return true
	}
	switch n.DataAtom {
	case atom.Body, atom.Html, atom.Article, atom.Main:
		return isHidden(n)
	case atom.Header, atom.Footer:
		if !inMain || n.DataAtom == atom.Footer {
			return true
		}
	}
	if isHidden(n) || dropRoles[strings.ToLower(attr(n, "role"))] {
		return true
	}
	if n.Data != "" && strings.Contains(n.Data, "-") { // custom elements: ad slots, share widgets…
		if junkClass(n.Data) {
			return true
		}
	}
	return junkClass(attr(n, "class")) || junkClass(attr(n, "id"))
}

func isHidden(n *html.Node) bool {
	if hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	st := strings.ToLower(strings.Join(strings.Fields(attr(n, "style")), ""))
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

// junkClass reports whether a class or id names page furniture.
func junkClass(v string) bool {
	if v == "" {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(v), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	})
	junk := false
	for _, w := range words {
		if keepWords[w] {
			return false
		}
		if junkWords[w] {
			junk = true
		}
	}
	return junk
}

// mainNode picks the node holding the article.
func mainNode(doc *html.Node) *html.Node {
	body := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if body == nil {
		body = doc
	}
	total := textLen(body)
	enough := func(n *html.Node) bool {
		l := textLen(n)
		return n != nil && (l >= 500 || l*3 >= total)
	}
	// The longest <article>: listing pages have many small ones.
	var best *html.Node
	bestLen := 0
	walk(body, func(n *html.Node) {
		if n.DataAtom == atom.Article {
			if l := textLen(n); l > bestLen {
				best, bestLen = n, l
			}
		}
	})
	if best != nil && enough(best) {
		return best
	}
	for _, m := range []*html.Node{
		find(body, func(n *html.Node) bool { return n.DataAtom == atom.Main }),
		find(body, func(n *html.Node) bool { return strings.EqualFold(attr(n, "role"), "main") }),
	} {
		if m != nil && enough(m) {
			return m
		}
	}
	if c := scoredCandidate(body); c != nil {
		return c
	}
	return body
}

// scoredCandidate scores containers by the paragraph text they hold, as
// Readability does: each paragraph adds to its parent and, halved, to its
// grandparent; a container's score is discounted by its link density.
func scoredCandidate(body *html.Node) *html.Node {
	scores := map[*html.Node]float64{}
	walk(body, func(n *html.Node) {
		switch n.DataAtom {
		case atom.P, atom.Pre, atom.Td, atom.Blockquote, atom.Li:
		default:
			return
		}
		t := collapse(textOf(n))
		l := utf8.RuneCountInString(t)
		if l < 25 {
			return
		}
		s := 1 + float64(strings.Count(t, ",")+strings.Count(t, "，")) + min(float64(l)/100, 3)
		if p := n.Parent; p != nil {
			scores[p] += s
			if g := p.Parent; g != nil {
				scores[g] += s / 2
			}
		}
	})
	var best *html.Node
	bestScore := 0.0
	for n, s := range scores {
		s *= 1 - linkDensity(n)
		if s > bestScore {
			best, bestScore = n, s
		}
	}
	if best == nil {
		return nil
	}
	// A lone paragraph's parent may be a thin wrapper: climb while the
	// parent holds much the same text (headline and intro included).
	for best.Parent != nil && best.Parent != body && best.Parent.Type == html.ElementNode {
		if float64(textLen(best))/float64(max(1, textLen(best.Parent))) < 0.75 {
			break
		}
		best = best.Parent
	}
	// The headline often sits just outside the scored container.
	return best
}

// cleanLinkLists removes, inside the main content, lists and small blocks
// that are mostly links (tag lists, "read more" boxes).
func cleanLinkLists(root *html.Node) {
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				switch c.DataAtom {
				case atom.Ul, atom.Ol, atom.Div, atom.Section, atom.Table, atom.Dl:
					if l := textLen(c); l > 0 && l < 1000 && linkDensity(c) > 0.6 && countTag(c, atom.A) >= 2 {
						n.RemoveChild(c)
						c = next
						continue
					}
				}
				visit(c)
			}
			c = next
		}
	}
	visit(root)
}

func linkDensity(n *html.Node) float64 {
	total := textLen(n)
	if total == 0 {
		return 0
	}
	links := 0
	walk(n, func(c *html.Node) {
		if c.DataAtom == atom.A && c != n {
			links += textLen(c)
		}
	})
	// Nested links are counted twice at most; keep the ratio bounded.
	return min(1, float64(links)/float64(total))
}

func countTag(n *html.Node, a atom.Atom) int {
	k := 0
	walk(n, func(c *html.Node) {
		if c.DataAtom == a {
			k++
		}
	})
	return k
}

// textLen returns the number of non-space bytes of text under n.
func textLen(n *html.Node) int {
	if n == nil {
		return 0
	}
	k := 0
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.TextNode {
			for i := 0; i < len(n.Data); i++ {
				if c := n.Data[i]; c != ' ' && c != '\n' && c != '\t' && c != '\r' {
					k++
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return k
}

// textOf returns the raw text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return b.String()
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// walk calls f for every element under n, n included, in document order.
func walk(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

// find returns the first element under n (n included) for which ok is true.
func find(n *html.Node, ok func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && ok(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if m := find(c, ok); m != nil {
			return m
		}
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

// blockTags end a paragraph before and after them.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Thead: true, atom.Tbody: true,
	atom.Tfoot: true, atom.Caption: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Footer: true, atom.Figure: true, atom.Figcaption: true, atom.Hr: true,
	atom.Address: true, atom.Details: true, atom.Summary: true, atom.Center: true, atom.Hgroup: true,
	atom.Body: true, atom.Html: true,
}

// textWriter writes collapsed text with paragraph breaks.
type textWriter struct {
	b     strings.Builder
	brk   int  // pending break: 0 none, 1 newline, 2 paragraph
	space bool // pending space
	pre   int  // depth inside <pre>
}

func (w *textWriter) String() string { return w.b.String() }

func (w *textWriter) breakAt(level int) {
	w.brk = max(w.brk, level)
	w.space = false
}

func (w *textWriter) write(s string) {
	if w.pre > 0 {
		if s == "" {
			return
		}
		w.flush()
		w.b.WriteString(strings.ReplaceAll(s, "\r", ""))
		return
	}
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		if unicode.IsSpace(r) && r != '\u00a0' || r == 0 {
			w.space = true
			continue
		}
		if w.brk == 0 && w.space && w.b.Len() > 0 {
			w.b.WriteByte(' ')
		}
		w.flush()
		w.space = false
		w.b.WriteRune(r)
	}
}

func (w *textWriter) flush() {
	if w.brk > 0 && w.b.Len() > 0 {
		w.b.WriteString("\n\n"[:w.brk])
	}
	w.brk = 0
}

func (w *textWriter) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.write(n.Data)
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	block := blockTags[n.DataAtom]
	switch n.DataAtom {
	case atom.Br:
		w.breakAt(1)
		return
	case atom.Td, atom.Th:
		w.space = true
	case atom.Pre:
		w.pre++
		defer func() { w.pre-- }()
	}
	if block {
		w.breakAt(2)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
	if block {
		w.breakAt(2)
	}
	if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
		w.space = true
	}
}
