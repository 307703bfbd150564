package main

// "Any file": files a person may pick, uploaded through the real file
// input. What is not text is refused with a message naming the file and the
// reason, leaving the library as it was; what is text in any common
// encoding lands as the right characters.

import (
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/chromedp/chromedp"
)

// libraryRows reads the library list as "title | size" rows, in order.
func libraryRows(t *testing.T, ctx context.Context) []string {
	t.Helper()
	rows, err := evalJS[[]string](ctx, `[...document.querySelectorAll('[data-testid="library-item"]')].map(li =>
		li.querySelector('[data-testid="library-title"]').textContent + " | " + li.querySelector('[data-testid="library-size"]').textContent)`)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// uploadFile opens the new-article pane (when it is not open) and picks
// path in the file input.
func uploadFile(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	if _, err := evalJS[bool](ctx, `(() => { const b = document.querySelector('[data-testid="new-article"]'); if (b) b.click(); return true })()`); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="file-input"]`), []string{path})); err != nil {
		t.Fatalf("uploading %s: %v", filepath.Base(path), err)
	}
}

// waitMessage waits until the message area mentions every one of want.
func waitMessage(t *testing.T, ctx context.Context, want ...string) string {
	t.Helper()
	conds := make([]string, len(want))
	for i, w := range want {
		conds[i] = fmt.Sprintf("m.includes(%s)", jsString(w))
	}
	expr := fmt.Sprintf(`(() => { const e = document.querySelector('[data-testid="message"]'); const m = e ? e.textContent : ""; return %s })()`, strings.Join(conds, " && "))
	if _, err := pollJS[bool](ctx, expr); err != nil {
		t.Fatalf("the message %q does not mention %q", message(ctx), want)
	}
	return message(ctx)
}

// paragraphs returns the text of each paragraph drawn in the article.
func paragraphs(t *testing.T, ctx context.Context) []string {
	t.Helper()
	ps, err := evalJS[[]string](ctx, `[...document.querySelectorAll('[data-testid="article"] p')].map(p => p.textContent)`)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// writeFile writes data to name in dir and returns its path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// utf16Bytes encodes s as UTF-16 with a byte order mark.
func utf16Bytes(s string, order binary.AppendByteOrder) []byte {
	units := utf16.Encode([]rune(s))
	b := make([]byte, 0, 2+2*len(units))
	b = order.AppendUint16(b, 0xFEFF)
	for _, u := range units {
		b = order.AppendUint16(b, u)
	}
	return b
}

// TestBrowserFilesRefused uploads what is not an article: each is refused
// with a message naming the file and the reason, and the library keeps the
// same articles at the same sizes, also after a reload.
func TestBrowserFilesRefused(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	cons := logConsoleErrors(t, ctx)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	pasteArticle(t, ctx, newsArticle)
	before := libraryRows(t, ctx)
	if len(before) != 1 {
		t.Fatalf("library after one paste = %q", before)
	}

	files := t.TempDir()
	big := []byte(strings.Repeat("Twenty-one megabytes of plain words, far too many.\n", 21<<20/51+1))
	cases := []struct {
		name   string
		data   []byte
		reason []string // all of these in the message
	}{
		{"empty.txt", nil, []string{"empty"}},
		{"photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"), []string{"not text", "PNG"}},
		{"report.txt", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"), []string{"not text", "PDF"}},
		{"letter.txt", []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml\x00\x00"), []string{"not text", "ZIP"}},
		{"story.txt.gz", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcb\x48\xcd\xc9\xc9\x57\x28\xcf\x2f\xca\x49\x01\x00"), []string{"not text", "gzip"}},
		{"huge.txt", big, []string{"20 MB", "21.0 MB"}},
	}
	for _, c := range cases {
		uploadFile(t, ctx, writeFile(t, files, c.name, c.data))
		msg := waitMessage(t, ctx, append([]string{c.name}, c.reason...)...)
		if !strings.Contains(strings.ToLower(msg), "nothing was loaded") {
			t.Errorf("%s: the message %q does not say nothing was loaded", c.name, msg)
		}
		if got := libraryRows(t, ctx); strings.Join(got, "\n") != strings.Join(before, "\n") {
			t.Errorf("%s: library changed to %q, want %q", c.name, got, before)
		}
	}
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	if got := libraryRows(t, ctx); strings.Join(got, "\n") != strings.Join(before, "\n") {
		t.Errorf("after a reload the library is %q, want %q", got, before)
	}
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// TestBrowserFilesDecoded uploads text in many encodings: BOMs, UTF-16 both
// ways, windows-1252 without a declaration, HTML declaring a single-byte
// charset by <meta charset> and by http-equiv, Shift_JIS and GBK (decoded by
// the browser's TextDecoder), and invalid UTF-8 (U+FFFD, counted).
func TestBrowserFilesDecoded(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	cons := logConsoleErrors(t, ctx)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	files := t.TempDir()
	const multi = "Élysée 😀 東京\n\nFrançois a visité 北京, Zürich et Ærøskøbing 🇫🇷 en été."
	// Shift_JIS and GBK bytes written by iconv, not by the code under test.
	const (
		sjisTitle = "\x93\x8c\x8b\x9e\x82\xcc\x93\x56\x8b\x43"                                                                                                                 // 東京の天気
		sjisBody  = "\x93\x8c\x8b\x9e\x82\xcc\x93\x56\x8b\x43\x82\xcd\x90\xb0\x82\xea\x82\xc5\x82\xb7\x81\x42\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x83\x65\x83\x4c\x83\x58\x83\x67" // 東京の天気は晴れです。日本語のテキスト
		gbkTitle  = "\xd6\xd0\xce\xc4\xd0\xc2\xce\xc5"                                                                                                                         // 中文新闻
		gbkBody   = "\xd6\xd0\xce\xc4\xd0\xc2\xce\xc5\xa3\xba\xb1\xb1\xbe\xa9\xcc\xec\xc6\xf8"                                                                                 // 中文新闻：北京天气
		cp1251    = "\xcc\xee\xf1\xea\xe2\xe0: \xed\xee\xe2\xee\xf1\xf2\xe8 \xe4\xed\xff"                                                                                      // Москва: новости дня
	)
	cases := []struct {
		name   string
		data   []byte
		title  string
		paras  []string // the article's paragraphs, exactly (nil: only contains)
		has    []string // in the article text
		notice []string // in the message
	}{
		{name: "bom.txt", data: []byte("\xEF\xBB\xBFCafé au Zürich\n\nLe café était très bon."),
			title: "Café au Zürich", paras: []string{"Café au Zürich", "Le café était très bon."}},
		{name: "utf16le.txt", data: utf16Bytes(multi, binary.LittleEndian),
			title: "Élysée 😀 東京", paras: strings.Split(multi, "\n\n")},
		{name: "utf16be.txt", data: utf16Bytes(multi, binary.BigEndian),
			title: "Élysée 😀 東京", paras: strings.Split(multi, "\n\n")},
		{name: "cp1252.txt", data: []byte("Caf\xe9 news\n\ncaf\xe9 \x93quoted\x94 \x80 5, na\xefve"),
			title: "Café news", paras: []string{"Café news", "café “quoted” € 5, naïve"}, notice: []string{"windows-1252"}},
		{name: "latin9.html", data: []byte(`<html><head><meta charset="iso-8859-15"><title>Prix en ` + "\xa4" + `</title></head><body><article><p>Le caf` + "\xe9 co\xfbte 3 \xa4" + `.</p></article></body></html>`),
			title: "Prix en €", has: []string{"Le café coûte 3 €."}},
		{name: "cp1251.html", data: []byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>` + cp1251[:6] + `</title></head><body><article><p>` + cp1251 + `</p></article></body></html>`),
			title: "Москва", has: []string{"Москва: новости дня"}},
		{name: "sjis.html", data: []byte(`<html><head><meta charset="Shift_JIS"><title>` + sjisTitle + `</title></head><body><article><p>` + sjisBody + `</p></article></body></html>`),
			title: "東京の天気", has: []string{"東京の天気は晴れです。日本語のテキスト"}, notice: []string{"shift_jis"}},
		{name: "gbk.html", data: []byte(`<html><head><meta charset="gbk"><title>` + gbkTitle + `</title></head><body><article><p>` + gbkBody + `</p></article></body></html>`),
			title: "中文新闻", has: []string{"中文新闻：北京天气"}, notice: []string{"gbk"}},
		// Mostly UTF-8 with two damaged sequences (a lone 0xFF, a truncated
		// é): U+FFFD each, the accents around them kept.
		{name: "damaged.txt", data: []byte("Crème brûlée à Zürich\n\nCafé naïve façade \xff déjà vu \xc3 señor."),
			title: "Crème brûlée à Zürich", paras: []string{"Crème brûlée à Zürich", "Café naïve façade \uFFFD déjà vu \uFFFD señor."},
			notice: []string{"2 invalid UTF-8 sequences were replaced"}},
	}
	for _, c := range cases {
		uploadFile(t, ctx, writeFile(t, files, c.name, c.data))
		if _, err := pollJS[bool](ctx, fmt.Sprintf(`(document.querySelector('[data-testid="title-input"]')||{}).value === %s`, jsString(c.title))); err != nil {
			title, _ := evalJS[string](ctx, `(document.querySelector('[data-testid="title-input"]')||{}).value`)
			t.Errorf("%s: title %q, want %q (message %q)", c.name, title, c.title, message(ctx))
			continue
		}
		waitParagraphs(t, ctx)
		got := paragraphs(t, ctx)
		all := strings.Join(got, "\n\n")
		if c.paras != nil && strings.Join(got, "\n\n") != strings.Join(c.paras, "\n\n") {
			t.Errorf("%s: paragraphs %q, want %q", c.name, got, c.paras)
		}
		for _, h := range c.has {
			if !strings.Contains(all, h) {
				t.Errorf("%s: article %q does not contain %q", c.name, all, h)
			}
		}
		if strings.ContainsRune(all, '\uFEFF') {
			t.Errorf("%s: a byte order mark is in the text: %q", c.name, all)
		}
		if !strings.Contains(c.name, "damaged") && strings.ContainsRune(all, utf8.RuneError) {
			t.Errorf("%s: U+FFFD in the text: %q", c.name, all)
		}
		msg := message(ctx)
		if !strings.Contains(msg, c.title) {
			t.Errorf("%s: the message %q does not name the article", c.name, msg)
		}
		for _, n := range c.notice {
			if !strings.Contains(msg, n) {
				t.Errorf("%s: the message %q does not say %q", c.name, msg, n)
			}
		}
	}
	// The code point count shown in the library is the decoded text's.
	rows := libraryRows(t, ctx)
	wantRow := fmt.Sprintf("Élysée 😀 東京 | %d chars", utf8.RuneCountInString(multi))
	n := 0
	for _, r := range rows {
		if r == wantRow {
			n++
		}
	}
	if n != 2 || len(rows) != len(cases) {
		t.Errorf("library %q: want %d rows, two of them %q", rows, len(cases), wantRow)
	}
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// TestBrowserPasteLarge pastes a 5 MB article: it loads, the library lists
// it with its size in code points, and a reload brings it back. The text is
// set as the textarea's value with an input event, as a paste leaves it:
// Input.insertText of 5 MB goes through the editing pipeline and is far
// slower than anything this test is about.
func TestBrowserPasteLarge(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	cons := logConsoleErrors(t, ctx)
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	const first = "A very long dispatch from Zürich"
	var b strings.Builder
	b.WriteString(first)
	for i := 0; b.Len() < 5<<20; i++ {
		fmt.Fprintf(&b, "\n\nParagraph %d: Jean-Yves Le Drian met Sergueï Lavrov in Moscow; the talks covered Syria, Iraq and the 🇫🇷–🇷🇺 accord, said AFP.", i)
	}
	article := b.String()
	chars := utf8.RuneCountInString(article)

	if _, err := evalJS[bool](ctx, `(() => { const b = document.querySelector('[data-testid="new-article"]'); if (b) b.click(); return true })()`); err != nil {
		t.Fatal(err)
	}
	set := fmt.Sprintf(`(() => { const el = document.querySelector('[data-testid="paste-input"]'); el.focus(); el.value = %s; el.dispatchEvent(new InputEvent("input", {bubbles: true, inputType: "insertFromPaste"})); return el.value.length })()`, jsString(article))
	if n, err := evalJS[int](ctx, set); err != nil || n != len(utf16.Encode([]rune(article))) {
		t.Fatalf("setting the paste box: %d UTF-16 units, %v", n, err)
	}
	click(t, ctx, `[data-testid="paste-load"]`)
	waitParagraphs(t, ctx)
	waitMessage(t, ctx, first, thousands(chars)+" characters")
	wantRow := fmt.Sprintf("%s | %s chars", first, thousands(chars))
	check := func(when string) {
		t.Helper()
		if rows := libraryRows(t, ctx); len(rows) != 1 || rows[0] != wantRow {
			t.Errorf("%s: library %q, want [%q]", when, rows, wantRow)
		}
		ps := paragraphs(t, ctx)
		if len(ps) < 2 || ps[0] != first || !strings.HasPrefix(ps[1], "Paragraph 0: Jean-Yves") {
			t.Errorf("%s: the article starts with %q", when, ps[:min(len(ps), 2)])
		}
	}
	check("after loading")
	if err := waitReady(ctx, base); err != nil {
		t.Fatal(err)
	}
	waitParagraphs(t, ctx)
	check("after a reload")
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// thousands formats n with commas, as the app does.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
