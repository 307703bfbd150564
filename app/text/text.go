// Package text turns the bytes a person uploads or pastes into article text
// and its structure: decoding, HTML and Markdown extraction, normalisation,
// paragraphs, sentences, tokens, selection snapping and offset conversion.
//
// Every offset is a code point index into the text, 0-based, end excluded.
package text

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Article is a loaded article.
type Article struct {
	Title string
	Text  string // the main text; paragraphs are typically separated by "\n\n"
	Kind  string // "text", "markdown" or "html"
	// Byline and Published (YYYY-MM-DD) are what a web page says of its
	// author and date, kept apart from Text.
	Byline, Published string
}

// The kinds of Article.
const (
	KindText     = "text"
	KindMarkdown = "markdown"
	KindHTML     = "html"
)

// Notice is something the person should be told about a load that still
// succeeded (e.g. "3 invalid UTF-8 sequences were replaced with �").
type Notice string

// MaxFileSize is the largest file (or paste) accepted, in bytes.
const MaxFileSize = 20 << 20

// MaxSavedPageSize is the largest web page saved as one file (.mhtml,
// .mht, .webarchive) accepted: its images and styles come inside it, base64, while only
// its HTML is read, which MaxFileSize still bounds.
const MaxSavedPageSize = 100 << 20

// MaxSize returns the largest file of this name Load accepts.
func MaxSize(name string) int {
	switch strings.ToLower(path.Ext(name)) {
	case ".mhtml", ".mht", ".webarchive":
		return MaxSavedPageSize
	}
	return MaxFileSize
}

// maxTitle is the longest first line, in code points, used whole as a title.
const maxTitle = 120

// Load decodes a file's bytes and extracts its text. The name's extension
// chooses the kind (.txt/.text, .md/.markdown, .html/.htm, a page saved as
// .mhtml/.mht or by Safari as .webarchive); otherwise the content is sniffed. Errors name the file and the reason: empty, binary,
// larger than MaxFileSize, or no text found.
func Load(name string, data []byte) (Article, []Notice, error) {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	if len(data) == 0 {
		return Article{}, nil, fmt.Errorf("%s is empty (0 bytes); nothing was loaded", base)
	}
	if limit := MaxSize(base); len(data) > limit {
		return Article{}, nil, fmt.Errorf("%s is %s; the limit is %s; nothing was loaded", base, megabytes(len(data)), megabytes(limit))
	}
	kind := FileKind(base, data)
	var s string
	var notes []Notice
	var err error
	if page, charset, what, ok, uerr := unpackSaved(base, data); ok {
		if uerr != nil {
			return Article{}, nil, fmt.Errorf("%s is %s, but %v; nothing was loaded", base, what, uerr)
		}
		if s, notes, err = decodeSaved(page, charset); err != nil {
			return Article{}, nil, fmt.Errorf("%s: %v; nothing was loaded", base, err)
		}
		if len(s) > MaxFileSize {
			return Article{}, nil, fmt.Errorf("%s holds a web page of %s; the limit is %s; nothing was loaded", base, megabytes(len(s)), megabytes(MaxFileSize))
		}
	} else {
		s, notes, err = Decode(data, kind == KindHTML)
	}
	if err != nil {
		var be *BinaryError
		if errors.As(err, &be) {
			return Article{}, nil, fmt.Errorf("%s is not text (it looks like %s); nothing was loaded%s", base, be.What, copyHint(be.What))
		}
		return Article{}, nil, fmt.Errorf("%s: %v; nothing was loaded", base, err)
	}
	a, more, err := build(kind, s)
	if err != nil {
		return Article{}, notes, fmt.Errorf("%s: %w; nothing was loaded", base, err)
	}
	notes = append(notes, more...)
	if a.Title == "" || a.Kind == KindText && !firstLineIsTitle(a.Text) {
		// A text whose first line is no headline: the file name says more.
		a.Title = strings.TrimSuffix(base, path.Ext(base))
	}
	return a, notes, nil
}

// FromPaste builds an article from pasted text. Text that clearly is an HTML
// document or Markdown is treated so (Article.Kind says which); anything else
// (prose with a stray '#' or '*') stays plain. The title is the first line
// when it is short, else the first words.
func FromPaste(s string) (Article, []Notice, error) {
	return FromPasteAs(s, PasteKind(s))
}

// PasteKind is the kind FromPaste reads pasted text as.
func PasteKind(s string) string {
	switch t := strings.TrimPrefix(s, "\uFEFF"); {
	case looksHTML(t):
		return KindHTML
	case looksMarkdown(t):
		return KindMarkdown
	}
	return KindText
}

// FileKind is the kind Load reads a file as: by its name's extension, else
// by its first bytes.
func FileKind(name string, data []byte) string {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	if isMHTML(base, data) || isWebArchive(base, data) {
		return KindHTML
	}
	if kind := kindOfName(base); kind != "" {
		return kind
	}
	return sniffKind(data)
}

// FromPasteAs builds an article from pasted text read as the given kind;
// with KindText it keeps the text as pasted (normalised only), which is how
// a person undoes a recognition they did not want.
func FromPasteAs(s, kind string) (Article, []Notice, error) {
	if len(s) > MaxFileSize {
		return Article{}, nil, fmt.Errorf("the pasted text is %s; the limit is %s; nothing was loaded", megabytes(len(s)), megabytes(MaxFileSize))
	}
	var notes []Notice
	if !utf8.ValidString(s) {
		var n []Notice
		s, n, _ = decodeUTF8([]byte(s), nil)
		notes = append(notes, n...)
	}
	s = strings.TrimPrefix(s, "\uFEFF")
	a, more, err := build(kind, s)
	if err != nil && kind != KindText && !errors.Is(err, ErrUnavailable) {
		// Markup with no visible text (a list of <script> lines, say) is
		// what the person wants to read: keep it as plain text.
		a, more, err = build(KindText, s)
	}
	if err != nil {
		return Article{}, notes, fmt.Errorf("the pasted text: %w; nothing was loaded", err)
	}
	return a, append(notes, more...), nil
}

// FromClipboardHTML builds an article from the text/html a clipboard offers
// with a paste: the person chose what they copied, so all its visible text
// is kept, with its paragraphs and without its markup (no main-content
// selection; Extract reads it). plain is the clipboard's text/plain, used
// when the HTML holds no text or could not be read (a notice says so). When
// Extract cannot run, the error wraps ErrUnavailable and nothing is read:
// plain is not taken instead unasked.
func FromClipboardHTML(htmlSrc, plain string) (Article, []Notice, error) {
	if len(htmlSrc) > MaxFileSize {
		return FromPasteAs(plain, KindText)
	}
	s, notes, _ := decodeUTF8([]byte(htmlSrc), nil)
	body, err := extractor().Visible(s)
	if errors.Is(err, ErrUnavailable) {
		return Article{}, nil, fmt.Errorf("the clipboard's HTML: %w; nothing was loaded", err)
	}
	if err != nil {
		a, more, err2 := FromPasteAs(plain, KindText)
		return a, append([]Notice{Notice(fmt.Sprintf("the clipboard's HTML could not be read (%v): its plain text was kept", err))}, more...), err2
	}
	if strings.TrimFunc(body, unicode.IsSpace) == "" {
		return FromPasteAs(plain, KindText)
	}
	a := Article{Kind: KindHTML, Text: CleanArticle(body)}
	a.Title = TitleOf(a.Text)
	return a, notes, nil
}

// NoticeWholePage tells that a web page had no article block to find.
const NoticeWholePage Notice = "no article was found in this page: all its visible text was kept"

// build extracts and normalises the text of decoded content of a kind.
func build(kind, s string) (Article, []Notice, error) {
	a := Article{Kind: kind}
	var notes []Notice
	switch kind {
	case KindHTML:
		p, err := extractor().HTML(s)
		if err != nil {
			return a, nil, err
		}
		a.Title, a.Text, a.Byline, a.Published = p.Title, p.Text, p.Byline, p.Published
		if p.Whole {
			notes = append(notes, NoticeWholePage)
		}
	case KindMarkdown:
		var err error
		if a.Title, a.Text, err = extractor().Markdown(s); err != nil {
			return a, nil, err
		}
	default:
		a.Text = s
	}
	a.Text = CleanArticle(a.Text)
	if strings.TrimFunc(a.Text, unicode.IsSpace) == "" {
		return a, nil, ErrNoText
	}
	a.Title = strings.Join(strings.Fields(CleanArticle(a.Title)), " ")
	if a.Title == "" {
		a.Title = TitleOf(a.Text)
	}
	return a, notes, nil
}

// TitleOf returns a title for text: its first line when at most 120 code
// points long, else its first words followed by "…". A web page kept as
// pasted, markup and all (its reader unavailable), is titled by its
// <title> or <h1>, not by "<!DOCTYPE html><html>…".
func TitleOf(s string) string {
	if t := markupTitle(s); t != "" {
		return TitleOf(t)
	}
	line := strings.Join(strings.Fields(firstWordyLine(s)), " ")
	if RuneCount(line) <= maxTitle {
		return line
	}
	var b strings.Builder
	for _, w := range strings.Fields(line) {
		if b.Len() > 0 && RuneCount(b.String())+1+RuneCount(w) > 80 {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	t := b.String()
	if t == "" { // one enormous word
		t = string([]rune(line)[:80])
	}
	return strings.TrimRight(t, ",;:-–— ") + "…"
}

func firstLineIsTitle(s string) bool {
	return RuneCount(strings.TrimSpace(firstWordyLine(s))) <= maxTitle
}

// firstWordyLine returns the first line with a letter or digit in it, so a
// rule ("---") or a lone dash above the headline is not taken as the title.
func firstWordyLine(s string) string {
	for s != "" {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if strings.IndexFunc(line, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			return line
		}
	}
	return ""
}

func megabytes(n int) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

func kindOfName(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".text":
		return KindText
	case ".md", ".markdown", ".mdown", ".mkd":
		return KindMarkdown
	case ".html", ".htm", ".xhtml":
		return KindHTML
	}
	return ""
}

// sniffKind guesses the kind of undecoded content from its first bytes.
func sniffKind(data []byte) string {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	s := string(head)
	switch {
	case looksHTML(s):
		return KindHTML
	case looksMarkdown(s):
		return KindMarkdown
	}
	return KindText
}

// looksHTML reports whether s clearly is an HTML document or fragment: it
// starts with a doctype or <html>, or it starts with a tag and holds at least
// two opened and closed elements.
func looksHTML(s string) bool {
	t := strings.TrimLeftFunc(strings.TrimPrefix(s, "\uFEFF"), unicode.IsSpace)
	if len(t) == 0 || t[0] != '<' {
		return false
	}
	head := strings.ToLower(t[:min(len(t), 1024)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<?xml version"} {
		if strings.HasPrefix(head, p) {
			return p != "<?xml version" || strings.Contains(head, "<html")
		}
	}
	low := strings.ToLower(t[:min(len(t), 64<<10)])
	pairs := 0
	for _, tag := range []string{"p", "div", "h1", "h2", "h3", "li", "article", "section", "table", "span", "a", "em", "strong", "b", "i"} {
		pairs += min(strings.Count(low, "</"+tag+">"), strings.Count(low, "<"+tag+">")+strings.Count(low, "<"+tag+" "))
	}
	return pairs >= 2
}

// looksMarkdown reports whether s is clearly Markdown: at least two different
// kinds of Markdown construct (headings, lists, fences, links, autolinks,
// emphasis, block quotes, rules), so prose with a stray '#' or '*' stays plain.
func looksMarkdown(s string) bool {
	if len(s) > 64<<10 {
		s = s[:64<<10]
	}
	var heading, fence, quote, setext, rule, emphasis bool
	lists := 0
	prev := ""
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimRight(line, "\r")
		t := strings.TrimLeft(line, " ")
		switch {
		case atxHeading(t):
			heading = true
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			fence = true
		case strings.HasPrefix(t, "> "):
			quote = true
		case prev == "" && isRule(t):
			rule = true
		case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "+ ") || orderedItem(t):
			lists++
		case prev != "" && len(t) >= 3 && (strings.Trim(t, "=") == "" || strings.Trim(t, "-") == ""):
			setext = true
		}
		if !emphasis && hasEmphasis(t) {
			emphasis = true
		}
		prev = strings.TrimSpace(line)
	}
	link := false
	if i := strings.Index(s, "]("); i > 0 && strings.LastIndexByte(s[:i], '[') >= 0 && strings.IndexByte(s[i:], ')') > 0 {
		link = true
	}
	autolink := strings.Contains(s, "<http://") || strings.Contains(s, "<https://")
	strong := strings.Count(s, "**") >= 2 || strings.Count(s, "__") >= 2
	n := 0
	for _, b := range []bool{heading, lists >= 2, fence, link, autolink, strong || emphasis, quote, setext, rule} {
		if b {
			n++
		}
	}
	return n >= 2
}

// isRule reports whether a line is a thematic break: three or more '-', '*'
// or '_' and nothing else but spaces.
func isRule(t string) bool {
	t = strings.ReplaceAll(strings.TrimSpace(t), " ", "")
	return len(t) >= 3 && (strings.Trim(t, "-") == "" || strings.Trim(t, "*") == "" || strings.Trim(t, "_") == "")
}

// hasEmphasis reports whether a line holds *emphasised words*: a '*' before
// a non-space, then a non-space before a later '*' ("3 * 4" is no emphasis).
func hasEmphasis(t string) bool {
	open := -1
	for i := 0; i < len(t); i++ {
		if t[i] != '*' {
			continue
		}
		if open < 0 {
			if i+1 < len(t) && t[i+1] != ' ' && t[i+1] != '*' {
				open = i
			}
		} else if i > open+1 && t[i-1] != ' ' {
			return true
		}
	}
	return false
}

func atxHeading(t string) bool {
	i := 0
	for i < len(t) && t[i] == '#' {
		i++
	}
	return i >= 1 && i <= 6 && i < len(t) && t[i] == ' ' && strings.TrimSpace(t[i:]) != ""
}

func orderedItem(t string) bool {
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i >= 1 && i <= 9 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' '
}

// markupTitle returns the text of the first <title> or, failing that, <h1>
// element of s when s is markup (it starts with "<"), spaces collapsed and
// the commonest entities read; "" otherwise.
func markupTitle(s string) string {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "<") {
		return ""
	}
	low := strings.ToLower(s)
	for _, tag := range []string{"title", "h1"} {
		i := strings.Index(low, "<"+tag)
		if i < 0 {
			continue
		}
		open := strings.IndexByte(low[i:], '>')
		if open < 0 {
			continue
		}
		start := i + open + 1
		end := strings.Index(low[start:], "</"+tag)
		if end < 0 {
			continue
		}
		if t := strings.Join(strings.Fields(markupEntities.Replace(stripTags(s[start:start+end]))), " "); t != "" {
			return t
		}
	}
	return ""
}

// markupEntities are the character references a title most often holds.
var markupEntities = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'", "&#039;", "'", "&nbsp;", " ")

// stripTags returns s without its tags ("<b>", "</span>").
func stripTags(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return b.String()
		}
		b.WriteByte(' ')
		s = s[i+j+1:]
	}
}

// copyHint tells how to bring in a document Gloss cannot read (a PDF, a
// word processor's file): its text, copied from the program that opens it,
// can be pasted, and a PDF's wrapped lines are joined (SoftBreaks).
func copyHint(what string) string {
	if strings.Contains(what, "PDF") || strings.Contains(what, "Word") || strings.Contains(what, "Office") {
		return ". To annotate it, open it, select all its text, copy it and paste it here"
	}
	return ""
}
