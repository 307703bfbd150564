// Runs before go-app starts. Where localStorage cannot be used (a sandboxed
// iframe without allow-same-origin, site data blocked), touching it throws
// and would kill the Go runtime at start: install an in-memory stand-in and
// flag it so the app can tell the person their work will not be kept.
"use strict";
(function () {
  let ok = false;
  try {
    const s = window.localStorage;
    const k = "gloss/probe";
    s.getItem(k);
    try {
      s.setItem(k, "1");
      s.removeItem(k);
    } catch (e) {
      // A full storage is still readable: keep it, so what is stored
      // shows; the app reports each refused write.
      if (!(e && e.name === "QuotaExceededError")) throw e;
    }
    ok = true;
  } catch (e) {
    ok = false;
  }
  if (ok) return;
  const data = new Map();
  const mem = {
    get length() { return data.size; },
    key(i) { return Array.from(data.keys())[i] ?? null; },
    getItem(k) { k = String(k); return data.has(k) ? data.get(k) : null; },
    setItem(k, v) { data.set(String(k), String(v)); },
    removeItem(k) { data.delete(String(k)); },
    clear() { data.clear(); },
  };
  try {
    Object.defineProperty(window, "localStorage", { value: mem, configurable: true });
  } catch (e) {
    // Nothing else can be done; the app will report storage as unavailable.
  }
  window.__glossStorageBlocked = true;
})();
