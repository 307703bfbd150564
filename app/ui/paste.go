package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"gloss/app/text"
)

// clipboard is what the last paste into the article box offered: its
// text/html besides the text/plain that went into the box.
type clipboard struct {
	html, plain string
}

// onPaste keeps the clipboard's text/html, if any, of a paste into the
// article box: a page copied from a browser keeps its paragraphs that way.
// The paste itself goes on as usual. It is a page-wide listener, not a
// go-app handler, so that no render runs in the middle of the paste; the
// clipboard can only be read during the event, and nothing on screen changes.
func (a *App) onPaste(e app.Value) {
	if e.Get("target").Get("id").String() != "paste-input" {
		return
	}
	a.clip = clipboard{}
	cd := e.Get("clipboardData")
	if !cd.Truthy() {
		return
	}
	if h := cd.Call("getData", "text/html").String(); strings.TrimSpace(h) != "" {
		a.clip = clipboard{html: h, plain: cd.Call("getData", "text/plain").String()}
	}
}

// loadPaste loads the article box. The clipboard's HTML is used while the box
// still holds what that paste put there; else Markdown or an HTML document
// is recognised in the text. What was recognised is said in the message,
// with one click to keep the text as pasted instead.
func (a *App) loadPaste(ctx app.Context, s string) {
	if strings.TrimSpace(s) == "" {
		a.setError("Paste an article first: the box is empty.")
		return
	}
	perfMark("gloss-paste")
	// A long article's build workers start now, not once it is stored
	// and drawn: the build helper's start takes a few hundred ms.
	a.find.prepareFor(len(s))
	if h := a.clip.html; h != "" && sameText(a.clip.plain, s) {
		// The worker reads the HTML: app.wasm does not link an HTML parser.
		a.readAsync(ctx, true, readingWhat(text.KindHTML, ""), func() readResult {
			start := perfNow()
			art, notices, err := text.FromClipboardHTML(h, s)
			perfSince("parse", start)
			return readResult{art, notices, err}
		}, func(ctx app.Context, r readResult) {
			a.pasted(ctx, s, r, "The clipboard's HTML was read: its paragraphs were kept and its markup dropped.", true)
		})
		return
	}
	kind := text.PasteKind(s)
	what := ""
	switch kind {
	case text.KindMarkdown:
		what = "Recognised Markdown: its markup was removed."
	case text.KindHTML:
		what = "Recognised an HTML page: its article text was kept and its markup dropped."
	}
	a.readAsync(ctx, text.NeedsExtractor(kind), readingWhat(kind, ""), func() readResult {
		start := perfNow()
		art, notices, err := text.FromPasteAs(s, kind)
		perfSince("parse", start)
		return readResult{art, notices, err}
	}, func(ctx app.Context, r readResult) { a.pasted(ctx, s, r, what, false) })
}

// pasted stores what a paste of s was read as; what says what was
// recognised in it, clip whether it was the clipboard's HTML. On an error
// the box keeps the text (and a.clip the HTML, for a load again).
func (a *App) pasted(ctx app.Context, s string, r readResult, what string, clip bool) {
	perfMark("gloss-parsed")
	kind, then := text.PasteKind(s), "It is still in the box: load it again when online, or keep it as pasted, markup included."
	if clip {
		kind, then = text.KindHTML, "It is still in the box: load it again when online to keep its paragraphs, or keep it as pasted."
	}
	if m := unavailableMessage(r.err, kind, "The pasted text", then); m != "" {
		a.msg = notice{Text: m, Error: true, Action: "Keep the text as pasted", do: func(ctx app.Context) {
			art, notices, err := text.FromPasteAs(s, text.KindText)
			a.pasted(ctx, s, readResult{art, notices, err}, "", false)
		}}
		return
	}
	if r.err != nil {
		a.setError(sentence(r.err.Error()))
		return
	}
	art := r.art
	a.clip = clipboard{}
	a.createOrOffer(ctx, art, "", r.notices, emptyPasteBox, func(created bool) {
		if created && a.doc() != nil && art.Kind != text.KindText && what != "" {
			a.offerAsPasted(what, s)
		}
	})
}

// emptyPasteBox empties the article box as the pasted article opens: it is
// stored by then, and the box never empties on a paste that does not open.
// Before the URL fragment is set, because Chromium's replaceState saves the
// form's state with the history entry: with a 5 MB paste still in the box
// that took 0.2–1.6 s of the task that opens the article.
func emptyPasteBox() {
	if !app.IsClient {
		return
	}
	if el := app.Window().GetElementByID("paste-input"); el.Truthy() {
		el.Set("value", "")
	}
}

// offerAsPasted adds to the message what was recognised in a paste and an
// action that loads the text exactly as pasted instead. The recognised
// article is replaced while it has no annotation; after that both are kept.
func (a *App) offerAsPasted(what, raw string) {
	id := a.doc().Meta.ID
	a.msg.Text += " " + what
	a.msg.Action = "Keep the text as pasted"
	a.msg.do = func(ctx app.Context) {
		art, notices, err := text.FromPasteAs(raw, text.KindText)
		if err != nil {
			a.setError(sentence(err.Error()))
			return
		}
		replaced := false
		if a.doc() != nil && a.doc().Meta.ID == id && len(a.doc().Set.All()) == 0 {
			if _, err := a.lib.Delete(id); err == nil {
				replaced = true
			}
		}
		a.create(ctx, art, "", notices)
		if a.doc() == nil {
			return
		}
		if replaced {
			a.msg.Text += " The text is kept as pasted, markup included."
		} else {
			a.msg.Text += " The text is kept as pasted in a new article; the one with annotations is still in the library."
		}
	}
}

// sameText reports whether two texts are equal but for whitespace, as the
// clipboard's text/plain and what the box holds after the paste are.
func sameText(a, b string) bool {
	return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
}
