package main

import (
	"context"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// savedPage is a news page with the furniture a saved page keeps: a menu,
// an image, a style sheet, a script and a comment section.
const savedPage = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Tempête sur le port de Montréal | La Gazette</title>
<link rel="stylesheet" href="/site.css"></head><body>
<nav><a href="/">Accueil</a> <a href="/monde">Monde</a> <a href="/sport">Sport</a></nav>
<article><h1>Tempête sur le port de Montréal</h1>
<p class="byline">Par Zoë Côté</p>
<img src="/photo.png" alt="">
<p>Une violente tempête a frappé le port de Montréal mardi, endommageant des bateaux et des quais. « Nous n'avons jamais vu cela », a déclaré Jean-Yves Côté, le capitaine du port.</p>
<p>Les habitants ont été évacués vers l'hôtel de ville, selon les autorités, et les routes du Vieux-Port restent fermées jusqu'à nouvel ordre.</p>
<p>La tempête, suivie depuis trois jours par Environnement Canada, est arrivée plus tôt que prévu, avec des vents de plus de 120 kilomètres à l'heure, une pluie abondante et une onde de tempête qui a inondé les rues basses.</p>
</article>
<section id="comments"><p>Premier commentaire !</p></section>
<script>document.title += "";</script>
</body></html>`

// TestBrowserSavedPageMHTML opens a web page saved as one file, as Chromium
// itself writes it ("Save page as… Webpage, Single File"): the article is
// read from the page inside it, as from the same page saved as .html, and
// nothing of the MIME wrapping (headers, "=3D", base64) reaches the text.
func TestBrowserSavedPageMHTML(t *testing.T) {
	ctx, _, cons := openApp(t)
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/site.css":
			w.Header().Set("Content-Type", "text/css")
			w.Write([]byte("p { line-height: 1.5 }"))
		case "/photo.png":
			w.Header().Set("Content-Type", "image/png")
			png, _ := base64.StdEncoding.DecodeString("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
			w.Write(png)
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(savedPage))
		}
	}))
	defer site.Close()
	tab, cancel := chromedp.NewContext(ctx)
	err := chromedp.Do(tab, chromedp.Navigate(site.URL+"/monde/tempete"))
	var snap page.CaptureSnapshotResult
	if err == nil {
		snap, err = chromedp.Run(tab, func(ctx context.Context, tg *chromedp.Target) (page.CaptureSnapshotResult, error) {
			return cdp.Call(ctx, tg, page.CaptureSnapshot, page.CaptureSnapshotParams{})
		})
	}
	cancel()
	if err != nil {
		t.Fatal(err)
	}
	mhtml := snap.Data
	if !strings.Contains(mhtml, "multipart/related") || !strings.Contains(mhtml, "=3D") {
		t.Fatalf("Chromium's snapshot is not the MHTML this test expects:\n%.600s", mhtml)
	}
	uploadFile(t, ctx, writeFile(t, t.TempDir(), "Tempête.mhtml", []byte(mhtml)))
	if _, err := pollJS[bool](ctx, `(document.querySelector('[data-testid="title-input"]')||{}).value === "Tempête sur le port de Montréal"`); err != nil {
		title, _ := evalJS[string](ctx, `(document.querySelector('[data-testid="title-input"]')||{}).value`)
		t.Fatalf("title %q (message %q)", title, message(ctx))
	}
	waitParagraphs(t, ctx)
	all := strings.Join(paragraphs(t, ctx), "\n\n")
	for _, want := range []string{"Une violente tempête a frappé le port de Montréal mardi", "« Nous n'avons jamais vu cela »", "120 kilomètres à l'heure"} {
		if !strings.Contains(all, want) {
			t.Errorf("the article does not hold %q:\n%s", want, all)
		}
	}
	for _, leak := range []string{"=3D", "=C3", "Content-Type", "MultipartBoundary", "Saved by Blink", "Premier commentaire", "Accueil"} {
		if strings.Contains(all, leak) {
			t.Errorf("the article holds %q:\n%s", leak, all)
		}
	}
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}

// TestBrowserSavedPageWebArchive opens a page as Safari saves it (a binary
// property list, written by Python's plistlib in Safari's layout): the
// article is read from the page inside it.
func TestBrowserSavedPageWebArchive(t *testing.T) {
	ctx, _, cons := openApp(t)
	arch, err := os.ReadFile("../../app/extract/testdata/news.webarchive")
	if err != nil {
		t.Fatal(err)
	}
	uploadFile(t, ctx, writeFile(t, t.TempDir(), "Storm.webarchive", arch))
	if _, err := pollJS[bool](ctx, `(document.querySelector('[data-testid="title-input"]')||{}).value === "Storm hits Montréal harbour"`); err != nil {
		title, _ := evalJS[string](ctx, `(document.querySelector('[data-testid="title-input"]')||{}).value`)
		t.Fatalf("title %q (message %q)", title, message(ctx))
	}
	waitParagraphs(t, ctx)
	all := strings.Join(paragraphs(t, ctx), "\n\n")
	if !strings.Contains(all, "A violent storm struck the harbour of Montréal on Tuesday") || strings.Contains(all, "LEAK") || strings.Contains(all, "WebResource") {
		t.Errorf("the article:\n%s", all)
	}
	if e := cons.Errors(); len(e) > 0 {
		t.Errorf("console errors: %q", e)
	}
}
