// Gloss's worker: runs web/extract.wasm (wasm/extract) for app.wasm. It reads
// web pages (Readability) and Markdown (goldmark), which app.wasm does not
// carry, and builds long articles' entities and search index off the page's
// thread, alone or shared with a second copy of itself (the page's build
// helper). Requests are strings of app/extract/wire: a JSON header line, then
// the payload, or {msg, text} with the payload apart (a long article's text,
// which the page posts as the string it was read from, unjoined), or {msg,
// data} for a shared build's part (bytes), or {msg, port} (and text) for a
// shared build and {msg, port, textOnPort} for its share, whose text the
// worker sends on to the helper over the port ({text}: UTF-8 bytes,
// transferred, or a string): the page gives the two workers the
// two ends of a MessageChannel, and the worker hands what it found in the
// text over to the helper on it ({data}, bytes, transferred; {err} when it
// cannot), so the helper types its share without finding the names again
// (it reads the text's words meanwhile: the share's reply {wait}). Replies
// are strings, or {reply, data, mem} with a build's result or a share's part
// (bytes, transferred), or {reply, mem} for a warm-up; a shared build posts
// its index and its entities' names as soon as the index is made, before its
// answer ({reply, data, index}, bytes transferred): the page copies and
// reads them while the typing ends, and the answer then holds the entities'
// types only. The page starts this
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
  // port} for a shared build or its share, or {msg, text} (and a port) for
  // a long article's build: the header line and the text, which the Go
  // program is given apart (glossEncodeInto, below).
  const obj = typeof e.data === "string" ? undefined : e.data;
  const msg = obj ? String(obj.msg) : e.data;
  const text = obj && obj.text !== undefined ? String(obj.text) : undefined;
  const h = header(msg);
  if (h.kind !== "warm") quietSince = performance.now();
  if (h.kind === "share" && waiting) {
    // A newer share: the one waiting for its hand-over is not wanted.
    answerWaiting("superseded");
  }
  if (h.kind === "share" && textWaiting) answerTextWaiting("superseded");
  // ctl: a shared build's or share's end of the channel between the two
  // build workers, kept by the steps that follow it.
  const ctl = obj && obj.port ? { port: obj.port, handed: false, stopped: false } : undefined;
  if (ctl && h.kind === "build" && text === undefined) {
    // A shared build: its text goes on to the helper, which the page
    // posts its share without (a copy made here, not on the page's
    // thread). Messages on a port wait for the helper to listen. A text
    // that came apart goes once the Go program has it as UTF-8
    // (glossEncodeInto).
    ctl.port.postMessage({ text: msg.slice(msg.indexOf("\n") + 1) });
  }
  if (ctl && h.kind === "share" && obj.textOnPort) {
    awaitText({ msg, ctl, h });
    return;
  }
  queue.push({ msg, data: obj && obj.data, text, ctl, h });
  if (!running) next();
};

// textWaiting is the helper's share waiting for its text, which the build
// worker sends on over their channel.
let textWaiting;

// awaitText queues the share job once its text comes on its port.
function awaitText(job) {
  textWaiting = job;
  job.ctl.port.onmessage = (e) => {
    if (textWaiting !== job) return;
    if (!e.data || !(e.data.text instanceof Uint8Array || typeof e.data.text === "string")) {
      answerTextWaiting("no text from the build worker");
      return;
    }
    textWaiting = undefined;
    // The port is started: what comes before the share is read and
    // listens for its hand-over (awaitHandOver) is kept for it.
    const early = (job.ctl.early = []);
    job.ctl.port.onmessage = (e) => early.push(e);
    queue.push({ msg: job.msg, text: e.data.text, ctl: job.ctl, h: job.h });
    if (!running) next();
  };
}

// answerTextWaiting ends the share waiting for its text with err, its port
// closed.
function answerTextWaiting(err) {
  const job = textWaiting;
  textWaiting = undefined;
  endShare(job, err);
}

// endShare answers a share set aside with err, its port closed.
function endShare(job, err) {
  job.ctl.port.onmessage = null;
  job.ctl.port.close();
  postMessage(JSON.stringify({ id: job.h.id, err }) + "\n");
}

// A shared build's typing is balanced as it goes (app/extract/wire's
// share.go): the helper types its share in pieces from the last entities
// back and posts each on the channel ({data}); the worker, once its own
// share and the index are done, types the helper's share from the first
// on, a step at a time, and takes the helper's pieces between its steps
// (a "take" request each), until every entity is typed; then it tells the
// helper to stop ({stop}). A step's reply {next} is the request to run
// next, in a later task: the messages that came meanwhile go first.
function listenForPieces(job) {
  const ctl = job.ctl;
  ctl.port.onmessage = (e) => {
    if (!e.data || !e.data.data) return;
    const msg = JSON.stringify({ id: job.h.id, kind: "take" }) + "\n";
    queue.push({ msg, data: e.data.data, ctl, h: header(msg) });
    if (!running) next();
  };
}

// sharedCtl is the channel of the worker's shared build under way.
let sharedCtl;

// stopHelper tells the helper the shared build needs no more pieces.
function stopHelper(ctl) {
  if (!ctl || ctl.stopped) return;
  ctl.stopped = true;
  ctl.port.onmessage = null;
  ctl.port.postMessage({ stop: true });
  ctl.port.close();
}

// waiting is the helper's share waiting for the worker's hand-over on its
// port: requests that come meanwhile run (it is not running).
let waiting;

// answerWaiting ends the waiting share with err, its port closed.
function answerWaiting(err) {
  const job = waiting;
  waiting = undefined;
  endShare(job, err);
}

// awaitHandOver sets a share aside, its text read, until the worker's
// hand-over comes on its port: then it runs with the bytes, or is answered
// with the worker's error (the worker types the share itself). The worker's {stop} later
// ends its pieces.
function awaitHandOver(job) {
  if (waiting) answerWaiting("superseded");
  waiting = job;
  const ctl = job.ctl;
  const early = ctl.early || [];
  ctl.early = undefined;
  ctl.port.onmessage = (e) => {
    if (waiting !== job) return;
    if (!e.data || !e.data.data) {
      answerWaiting("no hand-over: " + String((e.data && e.data.err) || "none"));
      return;
    }
    waiting = undefined;
    ctl.port.onmessage = (e) => {
      if (e.data && e.data.stop) {
        ctl.stopped = true;
        ctl.port.close();
      }
    };
    queue.push({ msg: job.msg, data: e.data.data, ctl, h: job.h });
    if (!running) next();
  };
  // Messages that came while the share read its text (awaitText).
  for (const e of early) ctl.port.onmessage && ctl.port.onmessage(e);
}

// The idle warm-up is for a long article someone may paste later: a web
// page read around it must not wait for it (measured: the page read at the
// module's start 338 -> 820 ms, the next one 189 -> 499 ms, with the warm-up
// run at once). Its steps run after any other request queued, and only
// once the module runs and no other request came for warmQuiet ms.
const warmQuiet = 1000;
let quietSince = Infinity;
ready.then(() => { quietSince = performance.now(); }, () => {});

// glossEncodeInto(text, at, length) writes text as UTF-8 into the Go
// program's memory at [at, at+length), room enough for all of it, and
// returns the bytes written: the Go program takes a request's text that
// came apart (glossExtract's text) this way. TextEncoder's encodeInto
// writes where it is told, straight from the string: Chromium took
// 54-155 ms for a 5 MB text, where encode, which the Go runtime's
// js.Value.String uses, took 125-250 ms and made an array the Go program
// then copied. For a shared build it also sends the bytes on to the helper
// (textOut): a copy of 5 MB of UTF-8, transferred, where cloning the text
// as a string wrote 10 MB of UTF-16 on this thread and the helper had to
// read and encode it again.
const encoder = new TextEncoder();
let textOut;
self.glossEncodeInto = (text, at, length) => {
  const written = encoder.encodeInto(text, new Uint8Array(self.glossMemory.buffer, at, length)).written;
  if (textOut) {
    textOut(new Uint8Array(self.glossMemory.buffer, at, written).slice());
    textOut = undefined;
  }
  return written;
};

function next() {
  const job = queue.shift();
  if (!job) {
    running = false;
    return;
  }
  running = true;
  const { msg, data, text, h } = job;
  if ((h.kind === "build" || h.kind === "share") && queue.some((j) => j.h.kind === h.kind)) {
    if (job.ctl) {
      job.ctl.port.postMessage({ err: "superseded" });
      job.ctl.port.close();
    }
    postMessage(JSON.stringify({ id: h.id, err: "superseded" }) + "\n");
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
  // says why not; the helper's share posts its pieces on its port (send).
  const ctl = job.ctl;
  const handOver = (bytes, err) => {
    if (!ctl || ctl.handed) return;
    ctl.handed = true;
    if (bytes) {
      ctl.port.postMessage({ data: bytes }, [bytes.buffer]);
      listenForPieces(job);
    } else {
      ctl.port.postMessage({ err: String(err || "none") });
      ctl.port.close();
      ctl.stopped = true;
    }
  };
  const send = (bytes) => {
    if (ctl && !ctl.stopped) ctl.port.postMessage({ data: bytes }, [bytes.buffer]);
  };
  const index = (bytes) => {
    postMessage({ reply: JSON.stringify({ id: h.id }) + "\n", data: bytes, index: true }, [bytes.buffer]);
  };
  if (h.kind === "build" || h.kind === "part" && h.drop && sharedCtl && sharedCtl.id === h.id) {
    // A newer build, or this one dropped: the helper's pieces of the
    // older one are not wanted.
    if (sharedCtl && sharedCtl !== ctl) stopHelper(sharedCtl);
    sharedCtl = h.kind === "build" ? ctl : undefined;
    if (ctl) ctl.id = h.id;
  }
  let call = msg;
  if (h.kind === "help" && ctl && ctl.stopped) {
    call = JSON.stringify({ id: h.id, kind: "help", drop: true }) + "\n"; // the worker has them all
  }
  before.then(() => {
    let reply;
    // A shared build's text that came apart goes on to the helper as
    // the UTF-8 the Go program has just written.
    textOut = ctl && h.kind === "build" && typeof text === "string" ? (bytes) => ctl.port.postMessage({ text: bytes }, [bytes.buffer]) : undefined;
    try {
      // Marks on the page's timeline (DevTools, the benchmark's trace).
      performance.mark("gloss-worker-" + h.kind);
      const src = typeof text === "string" ? { text, length: text.length } : text;
      reply = h.kind === "build" ? self.glossExtract(call, data, handOver, index, src) : self.glossExtract(call, data, send, undefined, src);
      performance.mark("gloss-worker-" + h.kind + "-done");
    } catch (err) {
      if (h.kind === "build") handOver(undefined, err);
      stopHelper(ctl);
      fail(h, err); // the Go program has exited
      return;
    } finally {
      textOut = undefined; // never another request's
    }
    if (h.kind === "build") handOver(undefined, "the build ended without one");
    if (typeof reply === "string") {
      if (reply) postMessage(reply);
      return;
    }
    if (reply.wait) {
      // A share's text is read: it waits for the worker's hand-over, its
      // text no longer passed. A newer share queued meanwhile replaces it.
      if (queue.some((j) => j.h.kind === "share")) {
        job.ctl.port.close();
        postMessage(JSON.stringify({ id: h.id, err: "superseded" }) + "\n");
        return;
      }
      awaitHandOver({ ...job, msg: msg.slice(0, msg.indexOf("\n") + 1), text: undefined });
      return;
    }
    if (reply.more) return job; // a warm-up's next step: see below
    if (reply.next) return { msg: reply.next, h: header(reply.next), ctl }; // a shared build's
    if (reply.data && h.kind !== "help") stopHelper(ctl); // a shared build's result
    // A build's result or a share's part (its bytes transferred), or a
    // warm-up's answer, with the memory the worker holds.
    reply.mem = self.glossMemory ? self.glossMemory.buffer.byteLength : 0;
    postMessage(reply, reply.data ? [reply.data.buffer] : []);
  }, (err) => {
    if (h.kind === "build") handOver(undefined, (err && err.lexicon) || err);
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
