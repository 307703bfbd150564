package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"gloss/app/entity"
)

type hostMsg struct {
	Dir string         `json:"dir"`
	Msg map[string]any `json:"msg"`
}

// navigate opens a page that is not the app (no ready flag to wait for).
func navigate(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
}

// waitHostMsg waits until the host page (web/embed-host.js) has received a
// message of the given type, and returns it.
func waitHostMsg(ctx context.Context, typ, id string) (map[string]any, error) {
	expr := `(window.glossHost && window.glossHost.messages.find(m => m.dir === "←" && m.msg.type === ` + jsString(typ) +
		` && (` + jsString(id) + ` === "" || m.msg.id === ` + jsString(id) + `)) || {}).msg || null`
	return pollJS[map[string]any](ctx, expr)
}

// embedArticle is the text the embed test loads.
const embedArticle = "Ada Lovelace wrote to Charles Babbage from London. Babbage replied from London."

// TestBrowserEmbed: a host page on another origin embeds Gloss, sends an
// article, and gets its entities and annotations; a page on a third origin
// that Gloss was not told about gets nothing.
func TestBrowserEmbed(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	// The host pages are plain files on other origins, without Gloss's CSP
	// (which allows framing only 'self').
	host := serveHandler(t, http.FileServer(http.Dir(dir))) + "/"
	third := serveHandler(t, http.FileServer(http.Dir(dir))) + "/"
	ctx := newBrowser(t)
	logConsoleErrors(t, ctx)
	hostURL := host + "web/embed.html?gloss=" + base
	navigate(t, ctx, hostURL)
	ready, err := waitHostMsg(ctx, "gloss:ready", "")
	if err != nil {
		t.Fatalf("no gloss:ready from the frame: %v", err)
	}
	if ready["protocol"] != float64(1) {
		t.Errorf("gloss:ready = %v", ready)
	}
	id, err := evalJS[string](ctx, `glossHost.send({type: "gloss:load", title: "T", text: `+jsString(embedArticle)+`})`)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := waitHostMsg(ctx, "gloss:loaded", id)
	if err != nil {
		t.Fatalf("no gloss:loaded: %v", err)
	}
	if loaded["chars"] != float64(79) || loaded["doc"] == "" {
		t.Errorf("gloss:loaded = %v, want chars 79 and a doc", loaded)
	}
	id, _ = evalJS[string](ctx, `glossHost.send({type: "gloss:entities"})`)
	ents, err := waitHostMsg(ctx, "gloss:entities", id)
	if err != nil {
		t.Fatalf("no gloss:entities: %v", err)
	}
	list, _ := ents["entities"].([]any)
	found := false
	for _, e := range list {
		if m, _ := e.(map[string]any); m["text"] == "London" && m["count"] == float64(2) {
			found = true
		}
	}
	if !found {
		t.Errorf("entities lack London ×2: %v", ents)
	}
	id, _ = evalJS[string](ctx, `glossHost.send({type: "gloss:annotations"})`)
	if as, err := waitHostMsg(ctx, "gloss:annotations", id); err != nil || as["doc"] != loaded["doc"] {
		t.Errorf("gloss:annotations = %v (%v)", as, err)
	}

	// Search with a typo: every mention of London, in code points.
	id, _ = evalJS[string](ctx, `glossHost.send({type: "gloss:search", query: "lodon"})`)
	res, err := waitHostMsg(ctx, "gloss:results", id)
	if err != nil {
		t.Fatalf("no gloss:results: %v", err)
	}
	hits, _ := res["hits"].([]any)
	var spans []string
	for _, h := range hits {
		m, _ := h.(map[string]any)
		if m["text"] == "London" {
			spans = append(spans, fmt.Sprint(m["start"], "-", m["end"]))
		}
	}
	if strings.Join(spans, ",") != "43-49,72-78" {
		t.Errorf("gloss:results for lodon: London at %v, want 43-49,72-78 (%v)", spans, res)
	}
	// Every kind of typo, and the same hits as the index (and so as gloss
	// search): each hit's mentions in order, best hit first.
	x := entity.NewIndex(embedArticle, entity.Find(embedArticle, nil))
	for _, q := range []string{"lovleace", "babbbage", "lomdon", "ada lovelcae"} {
		id, _ = evalJS[string](ctx, `glossHost.send({type: "gloss:search", query: `+jsString(q)+`})`)
		res, err := waitHostMsg(ctx, "gloss:results", id)
		if err != nil {
			t.Fatalf("no gloss:results for %q: %v", q, err)
		}
		var got, want []string
		for _, h := range res["hits"].([]any) {
			m := h.(map[string]any)
			got = append(got, fmt.Sprint(m["start"], "-", m["end"], ":", m["score"]))
		}
		for _, h := range x.Search(q, 20) {
			for _, m := range h.Mentions {
				want = append(want, fmt.Sprint(m.Start, "-", m.End, ":", h.Score))
			}
		}
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("gloss:results for %q: %v, the index says %v", q, got, want)
		}
	}
	// Export: the article's annotations in a format the host names.
	id, _ = evalJS[string](ctx, `glossHost.send({type: "gloss:export", format: "csv"})`)
	if ex, err := waitHostMsg(ctx, "gloss:exported", id); err != nil || !strings.HasPrefix(fmt.Sprint(ex["data"]), "start,end,label,text,note") {
		t.Errorf("gloss:exported = %v (%v)", ex, err)
	}
	// A bad request is answered with gloss:error, echoing the id.
	id, _ = evalJS[string](ctx, `glossHost.send({type: "gloss:export", format: "nope"})`)
	if e, err := waitHostMsg(ctx, "gloss:error", id); err != nil || e["message"] == "" {
		t.Errorf("gloss:error for an unknown format = %v (%v)", e, err)
	}

	// A third origin embeds Gloss with the host's origin listed, not its own.
	navigate(t, ctx, third+"web/embed.html?gloss="+base)
	// The frame first loaded lists this page's origin: it says gloss:ready
	// (awaited, so that nothing of it is still on its way), and what it said
	// is dropped once the frame listing another origin has loaded. The new
	// address differs before its fragment: a change of fragment alone would
	// not load Gloss again, and Gloss reads its allowlist when it starts.
	if _, err := waitHostMsg(ctx, "gloss:ready", ""); err != nil {
		t.Fatalf("no gloss:ready from the frame listing this origin: %v", err)
	}
	if _, err := evalJS[bool](ctx, `new Promise(done => {
		const f = document.getElementById("gloss");
		f.addEventListener("load", () => { glossHost.messages.length = 0; done(true) }, {once: true});
		f.src = `+jsString(base+"?again#embed&origin=")+` + encodeURIComponent(`+jsString(strings.TrimSuffix(host, "/"))+`);
	})`); err != nil {
		t.Fatal(err)
	}
	time.Sleep(3 * time.Second) // give a misbehaving frame time to answer
	evalJS[string](ctx, `glossHost.send({type: "gloss:entities"})`)
	time.Sleep(2 * time.Second)
	if got, _ := evalJS[[]any](ctx, `glossHost.messages.filter(m => m.dir === "←").map(m => m.msg)`); len(got) != 0 {
		t.Errorf("a frame not listing this origin answered %d messages: %v", len(got), got)
	}
}

// TestBrowserEmbedSandboxed: in a sandboxed iframe without
// allow-same-origin (no storage), Gloss still starts and answers.
func TestBrowserEmbedSandboxed(t *testing.T) {
	ctx, _ := openSandboxed(t)
	id, _ := evalJS[string](ctx, `glossHost.send({type: "gloss:load", text: "Grace Hopper in Arlington."})`)
	if loaded, err := waitHostMsg(ctx, "gloss:loaded", id); err != nil || loaded["chars"] != float64(26) {
		t.Fatalf("sandboxed frame: gloss:loaded = %v (%v)", loaded, err)
	}
}

// openSandboxed opens a host page on another origin embedding Gloss in
// <iframe sandbox="allow-scripts"> (no allow-same-origin: an opaque
// origin, no storage, no Worker), and waits for gloss:ready. base is
// Gloss's address, the frame's.
func openSandboxed(t *testing.T) (ctx context.Context, base string) {
	t.Helper()
	dir := buildSite(t, "")
	base = serveSite(t, dir, "")
	hostDir := t.TempDir()
	page, err := os.ReadFile(filepath.Join(dir, "web", "embed.html"))
	if err != nil {
		t.Fatal(err)
	}
	page = []byte(strings.Replace(string(page), `<iframe id="gloss"`, `<iframe id="gloss" sandbox="allow-scripts"`, 1))
	os.MkdirAll(filepath.Join(hostDir, "web"), 0o755)
	os.WriteFile(filepath.Join(hostDir, "index.html"), []byte("host"), 0o644)
	os.WriteFile(filepath.Join(hostDir, "web", "embed.html"), page, 0o644)
	copyFile(filepath.Join(dir, "web", "embed-host.js"), filepath.Join(hostDir, "web", "embed-host.js"))
	host := serveHandler(t, http.FileServer(http.Dir(hostDir))) + "/"
	ctx = newBrowser(t)
	logConsoleErrors(t, ctx)
	navigate(t, ctx, host+"web/embed.html?gloss="+base)
	if _, err := waitHostMsg(ctx, "gloss:ready", ""); err != nil {
		t.Fatalf("sandboxed frame sent no gloss:ready: %v", err)
	}
	return ctx, base
}

// inFrame evaluates expr in the embedded Gloss frame (same site, so the
// frame shares the page's target) and returns its value.
func inFrame[T any](t *testing.T, ctx context.Context, urlPrefix, expr string) T {
	t.Helper()
	eval := func(ctx context.Context, tg *chromedp.Target) (T, error) {
		var out T
		tree, err := cdp.Call(ctx, tg, page.GetFrameTree, cdp.Empty{})
		if err != nil {
			return out, err
		}
		for _, c := range tree.FrameTree.ChildFrames {
			if !strings.HasPrefix(c.Frame.URL, urlPrefix) {
				continue
			}
			world, err := cdp.Call(ctx, tg, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: c.Frame.ID})
			if err != nil {
				return out, err
			}
			yes := true
			res, err := cdp.Call(ctx, tg, runtime.Evaluate, runtime.EvaluateParams{Expression: expr, ContextID: world.ExecutionContextID, ReturnByValue: &yes})
			if err != nil {
				return out, err
			}
			if res.ExceptionDetails != nil {
				return out, fmt.Errorf("%s", res.ExceptionDetails.Text)
			}
			return out, json.Unmarshal(res.Result.Value, &out)
		}
		return out, fmt.Errorf("no frame at %s", urlPrefix)
	}
	v, err := chromedp.Run(ctx, eval)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// frameTarget returns a context on the frame whose address starts with
// urlPrefix when it runs in a process of its own (Chromium isolates a
// sandboxed frame: it is not in the page's frame tree, so inFrame cannot
// reach it). The helpers that take a context work there as in a page.
func frameTarget(t *testing.T, ctx context.Context, urlPrefix string) context.Context {
	t.Helper()
	targets, err := chromedp.Targets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	for _, tg := range targets {
		if tg.Type == "iframe" && strings.HasPrefix(tg.URL, urlPrefix) {
			fctx, cancel := chromedp.NewContext(ctx, chromedp.WithTargetID(tg.TargetID))
			t.Cleanup(cancel)
			if err := chromedp.Do(fctx); err != nil {
				t.Fatalf("attaching to the frame at %s: %v", tg.URL, err)
			}
			return fctx
		}
		seen = append(seen, tg.Type+" "+tg.URL)
	}
	t.Fatalf("no frame of its own at %s: %v", urlPrefix, seen)
	return nil
}

// TestBrowserEmbedStorageFull: with the frame's storage full, a second
// gloss:load cannot be saved; the host gets gloss:error for it, never
// gloss:loaded with the first article's id.
func TestBrowserEmbedStorageFull(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	host := serveHandler(t, http.FileServer(http.Dir(dir))) + "/"
	ctx := newBrowser(t)
	navigate(t, ctx, host+"web/embed.html?gloss="+base)
	if _, err := waitHostMsg(ctx, "gloss:ready", ""); err != nil {
		t.Fatalf("no gloss:ready from the frame: %v", err)
	}
	first := "Ada Lovelace wrote to Charles Babbage from London. Babbage replied from London. He was in Turin, the letter says, for the meeting."
	id, _ := evalJS[string](ctx, `glossHost.send({type: "gloss:load", text: `+jsString(first)+`})`)
	loaded, err := waitHostMsg(ctx, "gloss:loaded", id)
	if err != nil {
		t.Fatalf("no gloss:loaded for the first text: %v", err)
	}
	filled := inFrame[int](t, ctx, base, fillStorageJS)
	t.Logf("the frame's storage is full after %d junk keys", filled)

	second := "Grace Hopper met John von Neumann in Princeton."
	id, _ = evalJS[string](ctx, `glossHost.send({type: "gloss:load", text: `+jsString(second)+`})`)
	reply, err := pollJS[map[string]any](ctx, `(glossHost.messages.find(m => m.dir === "←" && m.msg.id === `+jsString(id)+`) || {}).msg || null`)
	if err != nil {
		t.Fatalf("no answer to the second gloss:load: %v", err)
	}
	switch reply["type"] {
	case "gloss:error":
		if msg, _ := reply["message"].(string); !strings.Contains(msg, "could not be saved") {
			t.Errorf("gloss:error message %q does not say the text could not be saved", msg)
		}
	case "gloss:loaded":
		if reply["doc"] == loaded["doc"] || reply["chars"] != float64(len([]rune(second))) {
			t.Errorf("gloss:loaded %v answers for the previous article (%v)", reply, loaded)
		}
	default:
		t.Errorf("answer %v", reply)
	}
}

// TestBrowserEmbedAsShipped opens web/embed.html as `gloss serve` serves it,
// with no ?gloss=: its frame shows Gloss itself (not a 404) and answers.
func TestBrowserEmbedAsShipped(t *testing.T) {
	dir := buildSite(t, "")
	base := serveSite(t, dir, "")
	ctx := newBrowser(t)
	logConsoleErrors(t, ctx)
	navigate(t, ctx, base+"web/embed.html")
	if _, err := waitHostMsg(ctx, "gloss:ready", ""); err != nil {
		t.Fatalf("no gloss:ready from the shipped embed page's frame: %v", err)
	}
	shown, err := evalJS[[]any](ctx, `(d => [d.location.pathname, !!d.querySelector('header.top'), d.body.innerText.includes("Not Found")])(document.getElementById("gloss").contentDocument)`)
	if err != nil {
		t.Fatal(err)
	}
	if shown[0] != "/" || shown[1] != true || shown[2] != false {
		t.Errorf("the frame shows %v (path, Gloss's header, Not Found); want Gloss at /", shown)
	}
}
