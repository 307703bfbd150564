// Starts downloading and compiling app.wasm while the page is still being
// read, instead of when go-app's deferred app.js runs (after the HTML is
// parsed, the styles loaded and the other scripts run: 100–200 ms later on a
// warm visit). It is the page's first plain script: requested early and at
// high priority, run as soon as the style sheets are in; the copy of the
// page the service worker serves holds it inlined instead. The loader
// Gloss appends to app.js (cmd/gloss/loader.go) takes the compiled module
// from window.glossWasm and instantiates it; where this script did nothing
// (no streaming compile in this browser), the loader fetches the module.
//
// compileStreaming gets the fetched Response itself (it carries its URL), so
// Chromium can keep the compiled module in its code cache. On a first visit
// that fetch takes the download the page's preload link started
// (cmd/gloss/head.go); the page the service worker serves has no such link,
// as a preloaded response never gets the code cache (see loader.go).
"use strict";
(function () {
  // Until Go replaces it, the page go-app prerendered lies under go-app's
  // opaque loader: this rule skips its style and layout while the class is
  // set (~190 elements: 15–45 ms of a warm start's main thread, traced).
  // The loader in app.js removes both just before Go starts; where go-app
  // removes its loader instead (no WebAssembly, ?wasm=false, robots) the
  // rule no longer matches and the prerendered page shows. The rule is not
  // in gloss.css: Chromium checks a :has() on body at every change under
  // it, and this one restyled the whole page each time (a long article's
  // install restyled and laid out all its paragraphs, traced).
  if (typeof WebAssembly === "object") {
    document.documentElement.classList.add("gloss-starting");
    const rule = document.createElement("style");
    rule.id = "gloss-starting";
    // go-app's loader icon spins from its first paint. The page is now
    // parsed and painted while app.wasm compiles (cmd/gloss/head.go), and
    // each turn's frames took the two cores' time from the compile (traced:
    // ~400 ms of the compositor's time during a loaded cold start, none
    // before). It waits a second: a start that takes longer still shows
    // it spinning, one that does not never draws those frames.
    // A visit the service worker serves (the module and files from its
    // cache) starts in a few hundred milliseconds: go-app's loader is not
    // drawn for it (its style, layout, icon and paint took 25–35 ms of the
    // main thread, traced), and the page stays blank until Go draws the app.
    // Should the start take longer than a second, the loader shows then;
    // a first visit, from the network, shows it at once.
    const html = document.documentElement;
    if (controlled()) {
      html.classList.add("gloss-quiet");
      setTimeout(() => html.classList.remove("gloss-quiet"), 1000);
    }
    rule.textContent = ".gloss-starting body:has(> #app-wasm-loader) > :not(#app-wasm-loader) { display: none; }" +
      " .gloss-starting #app-wasm-loader-icon { animation-delay: 1s; }" +
      " .gloss-quiet #app-wasm-loader { display: none; }";
    document.head.appendChild(rule);
  }
  if ("glossWasm" in window || typeof WebAssembly !== "object" || !WebAssembly.compileStreaming) return;
  // As a file (the network's page), app.wasm sits beside this script,
  // under any prefix the site has; the page the service worker serves holds
  // it inlined, with app.wasm's URL in data-wasm (ui.ServiceWorker).
  const here = document.currentScript;
  const url = new URL(here.dataset.wasm || "app.wasm", here.src || document.baseURI).href;
  const start = {
    url,
    loaded: 0,
    // onProgress(bytes) is set by the loader when it wants the count.
    onProgress: null,
    // Bytes are counted only on a first visit: later ones read the module
    // from the service worker's cache in well under a second, and the
    // clone the count reads would tee the body into two JavaScript streams
    // that the main thread pumps chunk by chunk while the page is read
    // (~20 ms of main-thread time per warm visit, traced).
    counts: !controlled(),
  };
  performance.mark("gloss-fetch-start");
  start.module = fetch(url).then((response) => {
    performance.mark("gloss-fetch-response");
    if (!response.ok) throw new Error("app.wasm: HTTP " + response.status);
    if (start.counts && response.body) {
      const reader = response.clone().body.getReader();
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          start.loaded += value.byteLength;
          if (start.onProgress) start.onProgress(start.loaded);
        }
      })().catch(() => {});
    }
    return WebAssembly.compileStreaming(response);
  }).then((module) => {
    performance.mark("gloss-compiled");
    return module;
  });
  // Reading navigator.serviceWorker throws in a sandboxed frame without
  // allow-same-origin (the embed): no worker there.
  function controlled() {
    try {
      return !!(navigator.serviceWorker && navigator.serviceWorker.controller);
    } catch (e) {
      return false;
    }
  }
  // The loader reports a failure; no unhandled rejection before it looks.
  start.module.catch(() => {});
  window.glossWasm = start;
})();
