// Gloss's extraction worker: runs web/extract.wasm (wasm/extract: Readability
// for web pages, goldmark for Markdown) for app.wasm, which does not carry
// those libraries. Messages are strings of app/extract/wire: a JSON header
// line, then the payload. The page starts this worker in idle time after its
// first paint, so a page or Markdown read later does not wait for the compile.
"use strict";
let ready;
try {
  importScripts("../wasm_exec.js");
  const go = new Go();
  ready = WebAssembly.instantiateStreaming(fetch("extract.wasm"), go.importObject)
    .then((r) => {
      go.run(r.instance); // sets self.glossExtract, then waits for calls
      if (typeof self.glossExtract !== "function") throw new Error("the module did not start");
      // Read a small page and a little Markdown once, unasked: V8 compiles
      // each function on its first call, so the person's first page does
      // not pay for compiling the reader's code.
      const para = "<p>" + "The council met on Tuesday and voted to close the old bridge to cars. ".repeat(8) + "</p>";
      self.glossExtract(JSON.stringify({ id: -1, kind: "html" }) + "\n<!DOCTYPE html><html><head><title>Warm up</title></head><body>" +
        "<nav><a href='/'>Home</a></nav><article><h1>Warm up</h1><p>By A. Writer</p>" + para.repeat(4) + "</article><footer>x</footer></body></html>");
      self.glossExtract(JSON.stringify({ id: -1, kind: "markdown" }) + "\n# Warm up\n\nSome *text* with [a link](x).\n\n- one\n- two\n");
    });
} catch (e) {
  ready = Promise.reject(e);
}
// Reply 0 tells the page the module is compiled and running (a perf mark
// for the benchmark); a failure is answered per request below.
ready.then(() => postMessage(JSON.stringify({ id: 0 }) + "\n"), () => {});

// fail answers a request the module cannot read with the header wire's
// DecodeReply understands as text.ErrUnavailable.
function fail(msg, err) {
  let id = 0;
  try {
    id = JSON.parse(msg.slice(0, msg.indexOf("\n"))).id;
  } catch (_) { /* a request without a header: id 0 */ }
  postMessage(JSON.stringify({ id, err: String((err && err.message) || err), unavailable: true }) + "\n");
}

self.onmessage = (e) => {
  const msg = String(e.data);
  ready.then(() => {
    let reply;
    try {
      reply = self.glossExtract(msg);
    } catch (err) {
      return fail(msg, err); // the Go program has exited
    }
    postMessage(reply);
  }, (err) => fail(msg, err));
};
