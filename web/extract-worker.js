// Gloss's worker: runs web/extract.wasm (wasm/extract) for app.wasm. It reads
// web pages (Readability) and Markdown (goldmark), which app.wasm does not
// carry, and builds long articles' entities and search index off the page's
// thread, alone or shared with a second copy of itself (the page's build
// helper). Requests are strings of app/extract/wire: a JSON header line, then
// the payload, or {msg, data} for a shared build's part (bytes), or {msg,
// port} for a shared build and its share: the page gives the two workers the
// two ends of a MessageChannel, and the worker hands what it found in the
// text over to the helper on it ({data}, bytes, transferred; {err} when it
// cannot), so the helper types its share without reading the text. Replies
// are strings, or {reply, data, mem} with a build's result or a share's part
// (bytes, transferred), or {reply, mem} for a warm-up. The page starts this
// worker and warms it up in idle time after its first paint (at once for a
// long article), so that neither a page read later nor a long article pasted
// later waits for its compile or V8's tiering up.
"use strict";
let ready, go;
try {
  importScripts("../wasm_exec.js");
  go = new Go();
  ready = WebAssembly.instantiateStreaming(fetch("extract.wasm"), go.importObject)
    .then((r) => {
      self.glossMemory = r.instance.exports.mem;
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

// The built-in lexicon, fetched (from the service worker's cache once
// installed) and handed to the Go program before the first build that asks
// for it.
let lexicon;
function withLexicon() {
  if (!lexicon) {
    lexicon = fetch("lexicon.txt")
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error("HTTP " + r.status))))
      .then((text) => ready.then(() => {
        performance.mark("gloss-worker-lexicon");
        const err = self.glossLexicon(text);
        if (err) throw new Error(err);
      }));
    lexicon.catch(() => { lexicon = undefined; }); // tried again by the next build
  }
  return lexicon;
}

function header(msg) {
  try {
    return JSON.parse(msg.slice(0, msg.indexOf("\n")));
  } catch (_) {
    return { id: 0 }; // a request without a header
  }
}

// fail answers a request the module cannot do with the header wire's
// DecodeReply understands as text.ErrUnavailable.
function fail(h, err) {
  postMessage(JSON.stringify({ id: h.id, err: String((err && err.message) || err), unavailable: true }) + "\n");
}

// Requests run one at a time, in order. A build (or a share of one) with a
// newer one behind it is not done: the page wants only the newest (it is
// answered at once).
const queue = [];
let running = false;
self.onmessage = (e) => {
  // A string, or {msg, data} for a shared build's part (bytes), or {msg,
  // port} for a shared build or its share.
  const obj = typeof e.data === "string" ? undefined : e.data;
  const msg = obj ? String(obj.msg) : e.data;
  const h = header(msg);
  if (h.kind !== "warm") quietSince = performance.now();
  if (h.kind === "share" && waiting) {
    // A newer share: the one waiting for its hand-over is not wanted.
    answerWaiting("superseded");
  }
  queue.push({ msg, data: obj && obj.data, port: obj && obj.port, h });
  if (!running) next();
};

// waiting is the helper's share waiting for the worker's hand-over on its
// port: requests that come meanwhile run (it is not running).
let waiting;

// answerWaiting ends the waiting share with err, its port closed.
function answerWaiting(err) {
  const job = waiting;
  waiting = undefined;
  job.port.onmessage = null;
  job.port.close();
  postMessage(JSON.stringify({ id: job.h.id, err }) + "\n");
}

// awaitHandOver sets a share aside until the worker's hand-over comes on
// its port: then it runs with the bytes, or is answered with the worker's
// error (the worker types the share itself).
function awaitHandOver(job) {
  waiting = job;
  job.port.onmessage = (e) => {
    if (waiting !== job) return;
    if (!e.data || !e.data.data) {
      answerWaiting("no hand-over: " + String((e.data && e.data.err) || "none"));
      return;
    }
    waiting = undefined;
    job.port.onmessage = null;
    job.port.close();
    queue.push({ msg: job.msg, data: e.data.data, h: job.h });
    if (!running) next();
  };
}

// The idle warm-up is for a long article someone may paste later: a web
// page read around it must not wait for it (measured: the page read at the
// module's start 338 -> 820 ms, the next one 189 -> 499 ms, with the warm-up
// run at once). Its steps run after any other request queued, and only
// once the module runs and no other request came for warmQuiet ms.
const warmQuiet = 1000;
let quietSince = Infinity;
ready.then(() => { quietSince = performance.now(); }, () => {});

function next() {
  const job = queue.shift();
  if (!job) {
    running = false;
    return;
  }
  running = true;
  const { msg, data, h } = job;
  if ((h.kind === "build" || h.kind === "share") && queue.some((j) => j.h.kind === h.kind)) {
    if (job.port) {
      job.port.postMessage({ err: "superseded" });
      job.port.close();
    }
    postMessage(JSON.stringify({ id: h.id, err: "superseded" }) + "\n");
    return next();
  }
  if (h.kind === "share" && job.port) {
    awaitHandOver(job);
    return next();
  }
  if (h.kind === "warm") {
    if (queue.some((j) => j.h.kind !== "warm")) {
      queue.push(job);
      return next();
    }
    const wait = quietSince + warmQuiet - performance.now();
    if (wait > 0) {
      // Set aside meanwhile: a request that comes runs at once.
      running = false;
      setTimeout(() => {
        queue.push(job);
        if (!running) next();
      }, Math.min(wait, warmQuiet));
      return;
    }
  }
  const lexiconFailed = (err) => {
    throw { lexicon: err };
  };
  const before = (h.kind === "build" || h.kind === "warm" || h.kind === "share" || h.kind === "start") && h.lexicon ? ready.then(() => withLexicon().catch(lexiconFailed)) : ready;
  // A shared build hands what it found over to the helper on its port
  // (handOver, called by the Go program in the middle of the build), or
  // says why not.
  let handed = !job.port;
  const handOver = (bytes, err) => {
    if (handed) return;
    handed = true;
    if (bytes) job.port.postMessage({ data: bytes }, [bytes.buffer]);
    else job.port.postMessage({ err: String(err || "none") });
    job.port.close();
  };
  before.then(() => {
    let reply;
    try {
      // Marks on the page's timeline (DevTools, the benchmark's trace).
      performance.mark("gloss-worker-" + h.kind);
      reply = self.glossExtract(msg, data, job.port ? handOver : undefined);
      performance.mark("gloss-worker-" + h.kind + "-done");
    } catch (err) {
      handOver(undefined, err);
      fail(h, err); // the Go program has exited
      return;
    }
    handOver(undefined, "the build ended without one");
    if (typeof reply === "string") {
      if (reply) postMessage(reply); // a shared build answers with its part
      return;
    }
    if (reply.more) return job; // a warm-up's next step: see below
    // A build's result or a share's part (its bytes transferred), or a
    // warm-up's answer, with the memory the worker holds.
    reply.mem = self.glossMemory ? self.glossMemory.buffer.byteLength : 0;
    postMessage(reply, reply.data ? [reply.data.buffer] : []);
  }, (err) => {
    handOver(undefined, (err && err.lexicon) || err);
    if (err && err.lexicon) {
      // Not the module: this build fails, the next one tries again.
      postMessage(JSON.stringify({ id: h.id, err: "the word lists could not be loaded: " + String(err.lexicon.message || err.lexicon) }) + "\n");
      return;
    }
    fail(h, err);
  }).then((again) => {
    if (h.kind !== "warm") quietSince = performance.now();
    if (!again) return next();
    // In a later task, after the messages that came during this step
    // (they wait for this task to end): the requests they bring go first.
    setTimeout(() => {
      queue.push(again);
      next();
    }, 0);
  });
}
