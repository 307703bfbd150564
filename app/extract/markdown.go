package extract

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// mdParser is goldmark's CommonMark parser; only its AST is used. Built
// without goldmark.New so the HTML renderer is not linked into the wasm.
var mdParser = parser.NewParser(
	parser.WithBlockParsers(parser.DefaultBlockParsers()...),
	parser.WithInlineParsers(parser.DefaultInlineParsers()...),
	parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
)

// Markdown renders Markdown to readable plain text: headings and
// paragraphs as paragraphs, list items as lines, link text and image alt text
// kept, emphasis markers and code fences removed, embedded HTML reduced to its
// text. Paragraphs are separated by "\n\n". The title is the first heading's
// text, if any.
func Markdown(src string) (title, body string) {
	source := []byte(src)
	doc := mdParser.Parse(gtext.NewReader(source))
	m := mdWriter{source: source}
	_ = ast.Walk(doc, m.visit)
	return strings.Join(strings.Fields(m.title), " "), strings.TrimSpace(m.b.String())
}

type mdWriter struct {
	source []byte
	b      strings.Builder
	brk    int // pending break: 1 newline, 2 paragraph
	title  string
	inHead bool
	head   strings.Builder
}

func (m *mdWriter) breakAt(level int) { m.brk = max(m.brk, level) }

func (m *mdWriter) write(s string) {
	if s == "" {
		return
	}
	if m.brk > 0 && m.b.Len() > 0 {
		m.b.WriteString("\n\n"[:m.brk])
	}
	m.brk = 0
	m.b.WriteString(s)
	if m.inHead {
		m.head.WriteString(s)
	}
}

func (m *mdWriter) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	switch n := n.(type) {
	case *ast.Document:
	case *ast.Heading:
		m.breakAt(2)
		if m.title == "" {
			m.inHead = entering
			if !entering {
				m.title = m.head.String()
			}
		}
	case *ast.Paragraph, *ast.Blockquote, *ast.ThematicBreak, *ast.List:
		m.breakAt(2)
	case *ast.TextBlock:
		// A tight list item's text: its own line.
		m.breakAt(1)
	case *ast.ListItem:
		m.breakAt(1)
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		if entering {
			m.breakAt(2)
			m.write(strings.TrimRight(m.lines(n), "\n"))
			m.breakAt(2)
		}
		return ast.WalkSkipChildren, nil
	case *ast.HTMLBlock:
		if entering {
			m.breakAt(2)
			m.write(Visible(m.lines(n)))
			m.breakAt(2)
		}
		return ast.WalkSkipChildren, nil
	case *ast.RawHTML:
		return ast.WalkSkipChildren, nil // an inline tag: its text is outside it
	case *ast.CodeSpan:
		if entering {
			var b strings.Builder
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					b.Write(t.Value(m.source))
				} else if s, ok := c.(*ast.String); ok {
					b.Write(s.Value)
				}
			}
			m.write(b.String())
		}
		return ast.WalkSkipChildren, nil
	case *ast.AutoLink:
		if entering {
			m.write(string(n.Label(m.source)))
		}
		return ast.WalkSkipChildren, nil
	case *ast.Text:
		if entering {
			v := n.Value(m.source)
			if !n.IsRaw() {
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			m.write(string(v))
			switch {
			case n.HardLineBreak():
				m.breakAt(1)
			case n.SoftLineBreak():
				m.write(" ")
			}
		}
	case *ast.String:
		if entering {
			m.write(string(n.Value))
		}
	}
	return ast.WalkContinue, nil
}

// lines returns the source lines of a block node.
func (m *mdWriter) lines(n ast.Node) string {
	var b strings.Builder
	l := n.Lines()
	for i := 0; i < l.Len(); i++ {
		seg := l.At(i)
		b.Write(seg.Value(m.source))
	}
	return b.String()
}
