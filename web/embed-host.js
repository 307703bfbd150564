// Example host for Gloss's embed protocol (version 1). Copy and adapt.
"use strict";
(function () {
  const frame = document.getElementById("gloss");
  const here = new URL(location.href);
  const gloss = new URL(here.searchParams.get("gloss") || frame.dataset.gloss || "../", location.href);
  gloss.hash = "embed&origin=" + encodeURIComponent(location.origin);
  // A sandboxed frame without allow-same-origin has the opaque origin
  // "null": messages to it can only be addressed to "*".
  const sandbox = frame.getAttribute("sandbox");
  const opaque = sandbox !== null && !/\ballow-same-origin\b/.test(sandbox);
  const glossOrigin = opaque ? "*" : gloss.origin;
  const log = document.getElementById("log");
  const host = (window.glossHost = { messages: [], send });
  let next = 1;

  function show(dir, msg) {
    host.messages.push({ dir, msg });
    log.textContent += dir + " " + JSON.stringify(msg) + "\n";
    log.scrollTop = log.scrollHeight;
  }

  // send posts a request to Gloss and returns its id.
  function send(msg) {
    msg = Object.assign({ id: String(next++) }, msg);
    show("→", msg);
    frame.contentWindow.postMessage(msg, glossOrigin);
    return msg.id;
  }

  window.addEventListener("message", (event) => {
    // Only Gloss's frame, from Gloss's origin, is listened to.
    if (event.source !== frame.contentWindow) return;
    if (!opaque && event.origin !== gloss.origin) return;
    const msg = event.data;
    if (!msg || typeof msg.type !== "string" || !msg.type.startsWith("gloss:")) return;
    show("←", msg);
  });

  const on = (id, f) => document.getElementById(id).addEventListener("click", f);
  on("send", () => send({ type: "gloss:load", title: "Example", text: document.getElementById("article").value }));
  on("entities", () => send({ type: "gloss:entities" }));
  on("annotations", () => send({ type: "gloss:annotations" }));
  on("export", () => send({ type: "gloss:export", format: "brat" }));

  frame.src = gloss.href;
})();
