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
  if (ok) {
    hideGlossKeys(window.localStorage);
    return;
  }
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
  window.__glossStorage = mem;
  window.__glossStorageBlocked = true;

  // go-app reads and JSON-decodes every localStorage value at each start
  // (its expired-state clean-up): with a 1 MB article in the library that
  // took ~330 ms of a ~520 ms reload. Gloss keeps its records in the real
  // storage, reached as window.__glossStorage; go-app gets a view of the
  // same storage that lists only the keys that are not Gloss's.
  function hideGlossKeys(real) {
    const mine = (k) => typeof k === "string" && (k.startsWith("gloss/") || k === "gloss");
    const others = () => {
      const out = [];
      for (let i = 0; i < real.length; i++) {
        const k = real.key(i);
        if (k !== null && !mine(k)) out.push(k);
      }
      return out;
    };
    const view = {
      get length() { return others().length; },
      key(i) { return others()[i] ?? null; },
      getItem(k) { return real.getItem(k); },
      setItem(k, v) { real.setItem(k, v); },
      removeItem(k) { real.removeItem(k); },
      clear() { real.clear(); },
    };
    window.__glossStorage = real;
    try {
      Object.defineProperty(window, "localStorage", { value: view, configurable: true });
    } catch (e) {
      // go-app then reads Gloss's records too: slower, not wrong.
    }
  }
})();
