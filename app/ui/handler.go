// Package ui is Gloss in the browser: the go-app components, the routes, the
// Handler settings the command line serves and builds the site with, the
// localStorage backend and the embed bridge.
package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Version is the app's version, shown in the page and sent in gloss:ready.
const Version = "0.1.0"

// ContentSecurityPolicy is the policy `gloss serve` sends as a header. It
// stops a script injected into the DOM from running: only same-origin
// files run, wasm may compile ('wasm-unsafe-eval'), nothing inline.
// frame-ancestors is open because embedding is a feature; the embed
// protocol checks the host's origin instead.
const ContentSecurityPolicy = metaPolicy + "; frame-ancestors *"

// metaPolicy is ContentSecurityPolicy without frame-ancestors, which
// browsers ignore (with a console error) when it comes from a <meta>.
const metaPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; " +
	"worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

// Routes registers the app's pages. Both mains call it before app.RunWhenOnBrowser
// or before serving, so they agree on which paths exist.
func Routes() {
	app.Route("/", func() app.Composer { return &App{} })
}

// ServiceWorker is the app-worker.js template (go-app fills in {{.Version}}
// and {{.ResourcesToCache}}). It differs from go-app's default in what
// matters for updates and offline use:
//   - install fetches every resource with {cache: "reload"}, so a new
//     version never fills its cache from stale HTTP-cache entries;
//   - caches are named per scope and version, and activate deletes only
//     this scope's older ones (two builds may share an origin);
//   - navigations to the scope, index.html or the bare prefix, with any
//     query or fragment (#doc=…, ?embed=1), get the cached index page;
//   - where the browser has static routing (Chromium), the scope's files
//     other than pages are routed to this version's cache (else the
//     network) at install: what the fetch handler answers, without running
//     it for each file of a start-up (~10 ms sooner each);
//   - skipWaiting hands pages already controlled by the old worker to the
//     new one; go-app's app.js sees it reach "activated" while a
//     controller exists and calls goappOnUpdate, so every component's
//     OnAppUpdate;
//   - a first visit ends up controlled: app.js registers the worker once Go
//     runs and, once it is activated, asks it to claim the page
//     ("gloss:claim") and compiles app.wasm from this cache as well, so
//     that V8 also keeps the module's compiled code with this cache entry,
//     which the next visit is served (see glossAdoptWorker in
//     cmd/gloss/loader.go). The claim is asked for, not made at activate:
//     go-app takes a worker activated while the page has a controller for
//     an update;
//   - the page is cached without the preload of app.wasm the network's
//     copy has for a first visit (a module compiled from a preloaded
//     response never gets V8's code cache), and with web/wasm-start.js
//     inlined, allowed by its hash (the network's copy keeps the file: a
//     first visit's compile started too soon with it inlined);
//   - a first install caches what a start needs, the page (as this worker
//     serves it) with it: every file but the two large ones only fetched
//     after the first draw, the extraction worker's module and the
//     lexicon, so that the page adopts the worker sooner. A visit right
//     after the first one then gets this worker's page (no preload, the
//     start inlined) and its files, online or offline; before, the page
//     came only with the rest, and such a visit got the network's. The
//     two large files are cached on a "gloss:fill" message the page
//     posts once adopted, and in idle time after the start of every
//     later visit (for an entry ever missing; not during the start, when
//     it would start a stopped worker). An update's install, which nobody
//     waits for, caches everything.
const ServiceWorker = `// Gloss service worker, version {{.Version}}.
"use strict";
const scope = self.registration.scope; // absolute, ends with "/"
const scopePath = new URL(scope).pathname;
const cachePrefix = "gloss:" + scope + ":";
const cacheName = cachePrefix + "{{.Version}}";
// go-app lists the root as "/" or "/prefix": cache it as the scope URL so a
// static host's redirect from "/prefix" to "/prefix/" is never stored.
const resourcesToCache = Array.from(new Set({{.ResourcesToCache}}.map((u) => {
  const abs = new URL(u, scope).href;
  return abs === scope || abs + "/" === scope ? scope : abs;
})));

// What a first install caches (see ui.ServiceWorker): all but the files
// fetched after the first draw, which fill() caches once the page asks.
const wasm = new URL("web/app.wasm", scope).href;
const later = ["web/extract.wasm", "web/lexicon.txt"].map((p) => new URL(p, scope).href);
const startFiles = resourcesToCache.filter((u) => !later.includes(u));
const reload = (u) => new Request(u, { cache: "reload" });

self.addEventListener("install", (event) => {
  if (event.addRoutes) {
    // Static routing (Chromium): the scope's files other than pages come
    // from this version's cache (else the network) without running the
    // fetch handler below for each: what it would answer, sooner. So does
    // the app's page itself, opened without a query (a person's visit):
    // then a visit need not start this worker at all, which a stopped
    // worker's start delayed.
    const inScope = new URLPattern({ pathname: scopePath + "*" });
    event.addRoutes([{
      condition: { or: ["cors", "no-cors", "same-origin"].map((requestMode) => ({ urlPattern: inScope, requestMethod: "GET", requestMode })) },
      source: { cacheName },
    }, {
      condition: { urlPattern: new URLPattern({ pathname: scopePath, search: "" }), requestMethod: "GET", requestMode: "navigate" },
      source: { cacheName },
    }]).catch(() => {});
  }
  // A first install is what a first visit's page waits for before it
  // adopts the worker; an update's is waited for by nobody.
  const first = !self.registration.active;
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    await cacheFiles(cache, (first ? startFiles : resourcesToCache).map(reload));
    await self.skipWaiting();
  })());
});

// A first visit's page asks for the claim once this worker is activated,
// and then for the rest of the files to be cached (posted again in idle
// time after every later start, should an entry ever be missing).
self.addEventListener("message", (event) => {
  if (event.data === "gloss:claim") event.waitUntil(self.clients.claim());
  if (event.data === "gloss:fill") event.waitUntil(fill());
});

async function fill() {
  const cache = await caches.open(cacheName);
  const missing = [];
  for (const u of resourcesToCache) {
    if (!(await cache.match(u))) missing.push(reload(u));
  }
  if (missing.length) await cacheFiles(cache, missing);
}

// The page as the network serves it preloads app.wasm, for a first visit
// (cmd/gloss/head.go). The page this worker serves must not: V8 never
// keeps the code of a module compiled from a preloaded response, and every
// later visit takes its module from V8's code cache. So the page is cached
// without that link.
const wasmPreload = /<link rel="preload" href="[^"]*\/web\/app\.wasm"[^>]*>\s*/;

async function cacheFiles(cache, requests) {
  // The page is cached only as this worker serves it (below), never the
  // network's copy first: a visit in between would get that one.
  const pageReq = requests.find((r) => r.url === scope);
  const [, page] = await Promise.all([
    cache.addAll(requests.filter((r) => r !== pageReq)),
    pageReq ? fetch(pageReq) : null,
  ]);
  if (!page) return;
  if (!page.ok) throw new TypeError(scope + ": HTTP " + page.status);
  const headers = new Headers(page.headers);
  let text = (await page.text()).replace(wasmPreload, "");
  // After the files: it reads wasm-start.js from this cache.
  text = (await inlineStart(cache, text, headers).catch(() => null)) || text;
  // The body is kept decoded, and its length changes.
  headers.delete("Content-Length");
  headers.delete("Content-Encoding");
  await cache.put(scope, new Response(text, { status: page.status, statusText: page.statusText, headers }));
}

// The network's page asks for web/wasm-start.js, the script that starts
// app.wasm's download and compile, as a file: inlined there, its compile
// started before the head's other files were in and a first visit's
// module was ready later (round 11, 6 of 6 cold pairs). The page this
// worker serves holds it inlined: it runs as the parser meets it, without
// waiting for its own answer from this cache (~20 ms after the page, traced),
// and the module is already in this cache. It is allowed by its SHA-256,
// added to the page's script-src (the <meta>'s and the header's), never by
// 'unsafe-inline'. Where that cannot be done, the page keeps the file:
// returns null, headers untouched.
const startTag = /<script [^>]*\bsrc="([^"]*\/web\/wasm-start\.js)"[^>]*><\/script>/;
const startPreload = /<link rel="preload" href="[^"]*\/web\/wasm-start\.js" as="script">\s*/;
const metaPolicy = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/;

async function inlineStart(cache, page, headers) {
  const tag = page.match(startTag);
  if (!tag) return null;
  const file = await cache.match(new URL(tag[1], scope).href);
  if (!file) return null;
  // Its comment lines are for the source, not for every page.
  const code = (await file.text()).split("\n").filter((l) => {
    const t = l.trim();
    return t !== "" && !t.startsWith("//");
  }).join("\n");
  if (!code || /<\/script|<!--/i.test(code)) return null;
  const sum = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(code)));
  const hash = "'sha256-" + btoa(String.fromCharCode(...sum)) + "'";
  let out = page;
  const meta = out.match(metaPolicy);
  if (meta) {
    const p = allowHash(meta[2], hash);
    if (p === null) return null;
    out = out.replace(metaPolicy, (_, a, _p, c) => a + p + c);
  }
  const header = headers.get("Content-Security-Policy");
  let policy = null;
  if (header !== null) {
    // A header may hold several policies, each enforced.
    const ps = header.split(",").map((p) => allowHash(p, hash));
    if (ps.includes(null)) return null;
    policy = ps.join(",");
  }
  out = out.replace(startPreload, "").replace(startTag, () => '<script data-wasm="' + wasm + '">' + code + "</script>");
  if (policy !== null) headers.set("Content-Security-Policy", policy);
  return out;
}

// allowHash returns policy with hash added to what governs inline scripts
// (script-src-elem, script-src), or null when a default-src alone does (a
// script-src of our own would change what else it allows).
function allowHash(policy, hash) {
  let added = false;
  const dirs = policy.split(";").map((d) => {
    const name = d.trim().split(/\s+/)[0].toLowerCase();
    if (name !== "script-src" && name !== "script-src-elem") return d;
    added = true;
    return d.replace(/\s*$/, "") + " " + hash;
  });
  if (!added && /(^|;)\s*default-src\b/i.test(policy)) return null;
  return dirs.join(";");
}

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const keys = await caches.keys();
    await Promise.all(keys
      .filter((k) => k !== cacheName && k.startsWith(cachePrefix))
      .map((k) => caches.delete(k)));
  })());
});

function isIndex(url) {
  const p = url.pathname;
  return p === scopePath || p + "/" === scopePath || p === scopePath + "index.html";
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(scope.slice(0, -1))) return;
  event.respondWith(respond(req, url));
});

async function respond(req, url) {
  const cache = await caches.open(cacheName);
  if (req.mode === "navigate" && isIndex(url)) {
    const page = await cache.match(scope);
    if (page) return page;
  }
  const hit = await cache.match(req);
  if (hit) return hit;
  return fetch(req);
}
`
