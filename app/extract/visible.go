package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// unseen are elements whose content a reader never sees as text.
var unseen = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Object: true, atom.Embed: true,
	atom.Select: true, atom.Textarea: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Audio: true, atom.Video: true, atom.Picture: true, atom.Img: true, atom.Head: true,
	atom.Title: true, atom.Dialog: true,
}

// visibleText returns the text a reader sees in a document or fragment, with
// paragraph breaks: everything but scripts, styles, form controls, media and
// hidden nodes. It is the fallback for a page with no article block and the
// reading of HTML embedded in Markdown.
func visibleText(doc *html.Node) string {
	dropUnseen(doc)
	var w textWriter
	w.node(doc)
	return strings.TrimSpace(w.String())
}

// dropUnseen removes comments and unseen or hidden elements under n.
func dropUnseen(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode || c.Type == html.DoctypeNode:
			n.RemoveChild(c)
		case c.Type == html.ElementNode && (unseen[c.DataAtom] || isHidden(c)):
			n.RemoveChild(c)
		case c.Type == html.ElementNode:
			dropUnseen(c)
		}
		c = next
	}
}

func isHidden(n *html.Node) bool {
	if hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	st := strings.ToLower(strings.Join(strings.Fields(attr(n, "style")), ""))
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
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

// findNode returns the first element under n (n included) for which ok is true.
func findNode(n *html.Node, ok func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && ok(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if m := findNode(c, ok); m != nil {
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

// tagOf is n's tag, also for the elements Readability makes (a <p> for a
// run of <br>s), which carry only their name; 0 for a text or the document.
func tagOf(n *html.Node) atom.Atom {
	if n.DataAtom != 0 || n.Type != html.ElementNode {
		return n.DataAtom
	}
	return atom.Lookup([]byte(n.Data))
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
	tag := tagOf(n)
	block := blockTags[tag]
	switch tag {
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
	if tag == atom.Td || tag == atom.Th {
		w.space = true
	}
}

// Visible returns the visible text of an HTML fragment or document, all of
// it (no article block is looked for), paragraphs separated by "\n\n":
// the text/html of a clipboard and HTML embedded in Markdown. It is ""
// when there is none.
func Visible(src string) string {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return ""
	}
	return visibleText(doc)
}

// blockText returns the text under n with its paragraph breaks, as
// visibleText writes it, without removing anything.
func blockText(n *html.Node) string {
	var w textWriter
	w.node(n)
	return strings.TrimSpace(w.String())
}

// elementText returns the text under n on one line, spaces collapsed.
func elementText(n *html.Node) string { return collapse(textOf(n)) }
