// Gloss DOM helper: the article is drawn here, in batches, so the Go side
// crosses into JavaScript a few times per change instead of once per node.
// Offsets handed in here are UTF-16 units relative to a paragraph; the Go
// side converts from code points (app/text.Index) before calling.
"use strict";
(function () {
  const paras = []; // paragraph elements, by index
  let texts = []; // paragraph texts, by index
  let anns = {}; // annotation id -> {label, color, start, end, note, text}
  let selectedId = ""; // the annotation marked as selected (mark.ann.selected)
  let vers = []; // per paragraph, bumped when build redraws it: its old Ranges are stale
  const lit = new Map(); // highlight name -> {h: Highlight, at, all: its spans by paragraph, made: Map(para -> {ver, ranges}), gen}
  let litGen = 0;

  function int32(u8) {
    return new Int32Array(u8.buffer, u8.byteOffset, u8.byteLength >> 2);
  }

  // The paragraphs are drawn in blocks of up to blockParas paragraphs or
  // blockChars characters, and a block off screen is skipped whole
  // (content-visibility: auto on .blk, gloss.css): one skipped box per
  // block instead of one per paragraph, so the first layout of a long
  // article, and every frame while its highlights come in, goes through
  // ~100 boxes instead of thousands (a 5 MB article: ~6,000 paragraphs).
  const blockParas = 64, blockChars = 32768;

  // render replaces the article's paragraphs. bounds holds [start16, end16,
  // startCodePoint] for each paragraph of text; soft (optional) the UTF-16
  // offsets, in order, of the line breaks that only wrap a paragraph's
  // lines (text copied from a PDF or an e-mail): drawn as spaces, so the
  // paragraph flows at the window's width. One character for one, so
  // every offset stays the text's.
  function render(el, text, boundsU8, softU8) {
    const b = int32(boundsU8);
    const soft = softU8 ? int32(softU8) : [];
    let si = 0;
    const frag = document.createDocumentFragment();
    paras.length = 0;
    texts = new Array(b.length / 3);
    blkEls = [];
    blkStart = [];
    let blk = null, n = 0, chars = 0;
    const close = () => {
      // Its height until drawn: 5em a paragraph, as gloss.css had for each.
      if (blk) blk.style.containIntrinsicSize = "auto " + 5 * n + "em";
    };
    for (let i = 0, k = 0; k < b.length; i++, k += 3) {
      if (!blk || n === blockParas || chars >= blockChars) {
        close();
        blk = document.createElement("div");
        blk.className = "blk";
        frag.appendChild(blk);
        blkStart.push(i);
        blkEls.push(blk);
        n = 0;
        chars = 0;
      }
      const p = document.createElement("p");
      p.dataset.start = b[k + 2];
      p.dataset.i = i;
      let t = text.slice(b[k], b[k + 1]);
      while (si < soft.length && soft[si] < b[k]) si++;
      if (si < soft.length && soft[si] < b[k + 1]) {
        const cs = t.split("");
        // After a hyphen ("Com-⏎mission") the break is drawn as a zero-width
        // space, so the word reads "Com-mission", not "Com- mission".
        for (; si < soft.length && soft[si] < b[k + 1]; si++) {
          const o = soft[si] - b[k];
          cs[o] = o > 0 && cs[o - 1] === "-" ? "\u200b" : " ";
        }
        t = cs.join("");
      }
      texts[i] = t;
      p.textContent = t;
      paras.push(p);
      blk.appendChild(p);
      n++;
      chars += t.length;
    }
    close();
    blkStart.push(paras.length);
    el.replaceChildren(frag);
    anns = {};
    vers = new Array(paras.length).fill(0);
    for (const st of lit.values()) st.gen = -1;
    lit.clear();
    live.clear();
    liveKnown = false;
    // The article shown again, or laid out anew (another width): the
    // blocks near the view may be others.
    if (window.ResizeObserver) {
      if (!sized) sized = new ResizeObserver(queueLive);
      sized.disconnect();
      sized.observe(el);
    }
    queueLive();
  }

  // paint redraws the annotation marks of some paragraphs. spec is JSON:
  // {anns: {id: {label, color, start, end, note}}, paras: [[i, [[s16, e16, id, first, last], ...]], ...]}
  // Pieces are sorted and nest properly (the Go side splits crossing spans).
  function paint(specJSON) {
    const spec = JSON.parse(specJSON);
    Object.assign(anns, spec.anns);
    for (const [i, pieces] of spec.paras) {
      const p = paras[i];
      if (!p) continue;
      build(p, texts[i], pieces);
      remake(i);
    }
  }

  // remake makes anew the ranges every highlight had in paragraph i, which
  // build just redrew: the old ones are in text nodes no longer in the page.
  // So a highlight whose spans did not change need not be handed over again
  // when a label is drawn (the Go side skips it: a label changes one or two
  // of the suggestions' highlights).
  function remake(i) {
    for (const st of lit.values()) {
      if (!st.made.has(i)) continue;
      unmake(st, i);
      if (live.has(i)) make(st, i);
    }
  }

  function build(p, text, pieces) {
    vers[+p.dataset.i]++;
    const stack = [{ el: p, end: text.length }];
    let pos = 0;
    p.textContent = "";
    const put = (el, to) => {
      if (to > pos) el.appendChild(document.createTextNode(text.slice(pos, to)));
      pos = Math.max(pos, to);
    };
    for (const [s, e, id, first, last] of pieces) {
      while (stack.length > 1 && stack[stack.length - 1].end <= s) {
        const top = stack.pop();
        put(top.el, top.end);
      }
      put(stack[stack.length - 1].el, s);
      const a = anns[id] || {};
      const m = document.createElement("mark");
      m.className = "ann";
      m.dataset.testid = "annotation";
      m.dataset.id = id;
      m.dataset.start = a.start;
      m.dataset.end = a.end;
      m.dataset.label = a.label;
      if (!first) m.dataset.cont = "1";
      if (last) m.dataset.last = "1";
      if (a.note) {
        m.title = a.note;
        m.dataset.note = "1"; // drawn as a marker: a note is never hover-only
      }
      // Focusable by J/K (not by Tab: an article has hundreds), named with
      // its label and note for screen readers; the label tag is CSS only.
      m.tabIndex = -1;
      m.setAttribute("role", "button");
      m.setAttribute("aria-label", (a.text || "") + ", " + a.label + (a.note ? ", note: " + a.note : ""));
      if (id === selectedId) m.classList.add("selected");
      m.style.setProperty("--c", a.color);
      stack[stack.length - 1].el.appendChild(m);
      stack.push({ el: m, end: e });
    }
    while (stack.length > 1) {
      const top = stack.pop();
      put(top.el, top.end);
    }
    put(p, text.length);
  }

  // offsetIn returns the UTF-16 offset of (node, off) within paragraph p.
  function offsetIn(p, node, off) {
    const r = document.createRange();
    r.setStart(p, 0);
    try {
      r.setEnd(node, off);
    } catch (e) {
      return 0;
    }
    return r.toString().length;
  }

  function paraOf(node) {
    while (node && !(node.nodeType === 1 && node.tagName === "P" && node.dataset.i !== undefined)) {
      node = node.parentNode;
    }
    return node;
  }

  // selection returns [para, off16, para, off16] for the current selection
  // inside el, or null.
  function selection(el) {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const r = sel.getRangeAt(0);
    if (!el.contains(r.startContainer) || !el.contains(r.endContainer)) return null;
    let ps = paraOf(r.startContainer), pe = paraOf(r.endContainer);
    let so, eo;
    if (!ps) {
      ps = paras.find((p) => r.intersectsNode(p));
      so = 0;
    } else so = offsetIn(ps, r.startContainer, r.startOffset);
    if (!pe) {
      const hit = paras.filter((p) => r.intersectsNode(p));
      pe = hit[hit.length - 1];
      eo = pe ? texts[+pe.dataset.i].length : 0;
    } else eo = offsetIn(pe, r.endContainer, r.endOffset);
    if (!ps || !pe) return null;
    return [+ps.dataset.i, so, +pe.dataset.i, eo];
  }

  function clearSelection() {
    const sel = window.getSelection();
    if (sel) sel.removeAllRanges();
  }

  // rangeAt makes a DOM Range over [s, e) UTF-16 units of paragraph i.
  function rangeAt(i, s, e) {
    const b = boundsAt(i, s, e);
    if (!b) return null;
    const r = document.createRange();
    r.setStart(b.startContainer, b.startOffset);
    r.setEnd(b.endContainer, b.endOffset);
    return r;
  }

  // boundsAt is rangeAt's boundary points, as a StaticRange takes them.
  function boundsAt(i, s, e) {
    const p = paras[i];
    if (!p) return null;
    const w = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let pos = 0, b = null, n;
    while ((n = w.nextNode())) {
      const len = n.data.length;
      if (!b && s <= pos + len) b = { startContainer: n, startOffset: s - pos };
      if (b && e <= pos + len) {
        b.endContainer = n;
        b.endOffset = e - pos;
        return b;
      }
      pos += len;
    }
    return null;
  }

  // liveRange is a Range over a StaticRange's points (for its text, boxes).
  function liveRange(r) {
    const l = document.createRange();
    l.setStart(r.startContainer, r.startOffset);
    l.setEnd(r.endContainer, r.endOffset);
    return l;
  }

  // highlight paints [para, s16, e16] triples under a CSS highlight name
  // and returns how many spans it holds. Ranges are made only for the
  // paragraphs near the view (windowed highlights, below); the others keep
  // their spans and get ranges when scrolled near. It redoes only the
  // paragraphs whose spans changed since the last call for that name, or
  // that were redrawn; the others keep their ranges. Up to syncRanges new
  // ranges are made at once; more are made in slices of sliceMs from the
  // next task on, so the page never freezes, and a newer call for the name
  // takes over from an unfinished one. The ranges are StaticRanges: the
  // browser updates every live Range of the document on each change to it,
  // and with the suggestions of a long article (tens of thousands) drawing
  // one label, or any change, took seconds. A redrawn paragraph gets new
  // ones. It does nothing where the Custom Highlight API is missing.
  const syncRanges = 4096, sliceMs = 8;
  // The names whose ranges are still being made in slices.
  const filling = new Set();
  function highlight(name, u8) {
    if (!window.CSS || !CSS.highlights) return 0;
    if (!liveKnown) updateLive();
    const t = int32(u8);
    const n = (t.length / 3) | 0, np = paras.length;
    let st = lit.get(name);
    if (!st || CSS.highlights.get(name) !== st.h) {
      st = { h: new Highlight(), made: new Map(), at: new Int32Array(np + 1), all: new Int32Array(0), gen: 0 };
      lit.set(name, st);
    }
    const gen = (st.gen = ++litGen);
    // The spans by paragraph, each paragraph's in the order given:
    // paragraph i's are the (s, e) pairs at[i] to at[i+1] of all.
    const at = new Int32Array(np + 1);
    for (let k = 0; k < n; k++) {
      const i = t[3 * k];
      if (i >= 0 && i < np) at[i + 1]++;
    }
    for (let i = 0; i < np; i++) at[i + 1] += at[i];
    const all = new Int32Array(2 * at[np]);
    const next = at.slice(0, np);
    for (let k = 0; k < n; k++) {
      const i = t[3 * k];
      if (i < 0 || i >= np) continue;
      const j = 2 * next[i]++;
      all[j] = t[3 * k + 1];
      all[j + 1] = t[3 * k + 2];
    }
    const oldAt = st.at, oldAll = st.all;
    const same = (i) => {
      const a = 2 * at[i], b = 2 * at[i + 1], o = 2 * oldAt[i];
      if (b - a !== 2 * oldAt[i + 1] - o) return false;
      for (let q = a; q < b; q++) if (all[q] !== oldAll[o + q - a]) return false;
      return true;
    };
    // To make: the paragraphs near the view whose spans changed or that
    // were redrawn, and those that had none made; the others' ranges go.
    const todo = [];
    let work = 0;
    for (const [i, own] of Array.from(st.made)) {
      if (at[i + 1] > at[i] && own.ver === (vers[i] || 0) && same(i)) continue;
      if (at[i + 1] > at[i] && live.has(i)) {
        todo.push(i);
        work += at[i + 1] - at[i];
      } else unmake(st, i);
    }
    for (const i of live) {
      if (at[i + 1] > at[i] && !st.made.has(i)) {
        todo.push(i);
        work += at[i + 1] - at[i];
      }
    }
    st.at = at;
    st.all = all;
    let ti = 0;
    const fill = (budget) => {
      if (st.gen !== gen) return; // a newer call took over
      const stop = performance.now() + budget;
      for (; ti < todo.length; ti++) {
        if (budget > 0 && performance.now() > stop) break;
        const i = todo[ti];
        unmake(st, i);
        if (live.has(i)) make(st, i);
      }
      if (ti < todo.length) setTimeout(() => fill(sliceMs), 0);
      else filling.delete(name);
    };
    // Many ranges: none in this call, which may be one of several in one
    // task (the suggestions' ten names after a build, 8 ms each).
    if (work <= syncRanges) fill(0);
    else {
      filling.add(name);
      setTimeout(() => fill(sliceMs), 0);
    }
    if (at[np]) {
      if (CSS.highlights.get(name) !== st.h) CSS.highlights.set(name, st.h);
    } else CSS.highlights.delete(name);
    return at[np];
  }

  // make adds the ranges of paragraph i's spans to st's highlight.
  function make(st, i) {
    const ranges = [];
    for (let q = 2 * st.at[i]; q < 2 * st.at[i + 1]; q += 2) {
      const b = boundsAt(i, st.all[q], st.all[q + 1]);
      if (b) {
        const r = new StaticRange(b);
        st.h.add(r);
        ranges.push(r);
      }
    }
    st.made.set(i, { ver: vers[i] || 0, ranges });
  }

  // unmake takes paragraph i's ranges out of st's highlight.
  function unmake(st, i) {
    const own = st.made.get(i);
    if (!own) return;
    for (const r of own.ranges) st.h.delete(r);
    st.made.delete(i);
  }

  // highlightsFilling is how many highlights still have ranges to make.
  function highlightsFilling() {
    return filling.size;
  }

  // highlightCount is how many spans the highlight name holds, near the
  // view or not (its ranges are only those near the view).
  function highlightCount(name) {
    const st = lit.get(name);
    return st && CSS.highlights.get(name) === st.h ? st.at[st.at.length - 1] : 0;
  }

  // Windowed highlights. Chromium rebuilds its markers from every range of
  // every registered highlight at each frame after any change to the DOM,
  // to a style or to a highlight (HighlightRegistry::ValidateHighlightMarkers),
  // and repaints every text node that holds one: with a 5 MB article's
  // suggestions (a few hundred thousand ranges) every such frame took
  // 30-70 ms, so each step of an install, each search keystroke, each label
  // was a long frame. The ranges are therefore made only for the paragraphs
  // near the view (from a screen above it to two below), and taken out once
  // a paragraph is more than two screens above it or three below; every
  // span is kept, so scrolling brings its ranges back. A frame then costs
  // what the few screens near the view hold, whatever the article's length.
  // (Made by block, 32 KB of text each, they were those of one to three
  // blocks, 9-26 thousand pixels at a desktop width: every frame of a 1 MB
  // article's search repainted 8-12 ms of highlighted text, against ~3 ms
  // with no highlight at all.)
  let blkEls = []; // the article's blocks
  let blkStart = [0]; // per block, its first paragraph (and the count at the end)
  const live = new Set(); // the paragraphs whose ranges are made
  let liveKnown = false; // live was worked out from the layout since render
  let liveQueued = false;
  let sized = null; // a ResizeObserver of the article

  // nearParas returns [a, e), the paragraphs between lo and hi pixels from
  // the viewport's top, or null when the article is not laid out (hidden).
  // It finds the blocks first: a paragraph is measured only in a block
  // near the view, which the browser lays out anyway.
  function nearParas(lo, hi) {
    const nb = blkEls.length;
    if (!nb || !blkEls[0].getClientRects().length) return null;
    let a = 0, b = nb;
    while (a < b) {
      const m = (a + b) >> 1;
      if (blkEls[m].getBoundingClientRect().bottom > lo) b = m;
      else a = m + 1;
    }
    let e = a;
    while (e < nb && blkEls[e].getBoundingClientRect().top < hi) e++;
    // In blocks a to e-1: the first paragraph that ends below lo, and the
    // first after it that starts at hi or below.
    let pa = blkStart[a], pb = blkStart[e];
    while (pa < pb) {
      const m = (pa + pb) >> 1;
      if (paras[m].getBoundingClientRect().bottom > lo) pb = m;
      else pa = m + 1;
    }
    let pe = pa, pz = blkStart[e];
    while (pe < pz) {
      const m = (pe + pz) >> 1;
      if (paras[m].getBoundingClientRect().top < hi) pe = m + 1;
      else pz = m;
    }
    return [pa, pe];
  }

  // updateLive makes the ranges of the paragraphs that came near the view
  // and takes out those of the paragraphs that went further away.
  function updateLive() {
    const near = nearParas(-innerHeight, 2 * innerHeight);
    if (!near) {
      // Hidden (another pane shown): the top of the article, where it opens.
      if (!liveKnown && blkStart.length > 1) {
        for (let i = blkStart[0]; i < blkStart[1]; i++) if (!live.has(i)) setLive(i, true);
      }
      return;
    }
    liveKnown = true;
    const keep = nearParas(-2 * innerHeight, 3 * innerHeight);
    for (const i of Array.from(live)) if (i < keep[0] || i >= keep[1]) setLive(i, false);
    for (let i = near[0]; i < near[1]; i++) if (!live.has(i)) setLive(i, true);
  }

  // setLive makes (on) or takes out the ranges of paragraph i in every
  // highlight.
  function setLive(i, on) {
    if (on) live.add(i);
    else live.delete(i);
    for (const st of lit.values()) {
      if (!on) unmake(st, i);
      else if (st.at[i + 1] > st.at[i] && !st.made.has(i)) make(st, i);
    }
  }

  function queueLive() {
    if (liveQueued) return;
    liveQueued = true;
    requestAnimationFrame(() => {
      liveQueued = false;
      updateLive();
    });
  }
  document.addEventListener("scroll", queueLive, { passive: true, capture: true });
  window.addEventListener("resize", queueLive, { passive: true });
  // A printout shows the whole article: every block's ranges while it prints.
  window.addEventListener("beforeprint", () => {
    for (let i = 0; i < paras.length; i++) if (!live.has(i)) setLive(i, true);
  });
  window.addEventListener("afterprint", updateLive);

  function clearHighlight(name) {
    const st = lit.get(name);
    if (st) st.gen = -1;
    lit.delete(name);
    filling.delete(name);
    if (window.CSS && CSS.highlights) CSS.highlights.delete(name);
  }

  // reveal scrolls a span into view and marks it as the current one.
  function reveal(i, s, e) {
    const r = rangeAt(i, s, e);
    if (!r) return;
    if (window.CSS && CSS.highlights) CSS.highlights.set("gloss-current", new Highlight(r));
    const box = r.getBoundingClientRect();
    const el = paras[i].closest(".article-scroll") || document.scrollingElement;
    const view = el.getBoundingClientRect ? el.getBoundingClientRect() : { top: 0, height: innerHeight };
    if (box.top < view.top + 40 || box.bottom > view.top + view.height - 40) {
      paras[i].scrollIntoView({ block: "center" });
    }
  }

  // select marks the annotation id as the selected one ("" for none).
  function select(id) {
    selectedId = id;
    for (const m of document.querySelectorAll("mark.ann.selected")) {
      if (m.dataset.id !== id) m.classList.remove("selected");
    }
    if (id) for (const m of document.querySelectorAll(`mark.ann[data-id="${CSS.escape(id)}"]`)) m.classList.add("selected");
  }

  // focusAnn moves the keyboard focus to the annotation's first piece.
  function focusAnn(id) {
    const m = document.querySelector(`mark.ann[data-id="${CSS.escape(id)}"]`);
    if (!m) return false;
    m.focus({ preventScroll: true });
    scrollNear(m.getBoundingClientRect(), m);
    return true;
  }

  // scrollNear scrolls the article so a box is well inside the view.
  function scrollNear(box, el) {
    const sc = el.closest(".article-scroll");
    if (!sc) return;
    const view = sc.getBoundingClientRect();
    if (box.top < view.top + 40 || box.bottom > view.bottom - 40) {
      sc.scrollTop += box.top - view.top - view.height / 3;
    }
  }

  // scrollToSelection scrolls the article to the current selection.
  function scrollToSelection() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0) return;
    const r = sel.getRangeAt(0);
    const p = paraOf(r.startContainer);
    if (!p) return;
    const sc = p.closest(".article-scroll");
    const box = r.getBoundingClientRect(), view = sc.getBoundingClientRect();
    if (box.top < view.top + 40 || box.bottom > view.bottom - 40) p.scrollIntoView({ block: "center" });
  }

  // focusArticle gives the article the keyboard focus without scrolling.
  function focusArticle(el) {
    if (el && document.activeElement !== el) el.focus({ preventScroll: true });
  }

  // lineProbe finds the text position one line above (dir < 0) or below
  // the current selection: [para, off16], or null at the top or bottom.
  function lineProbe(dir) {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0) return null;
    const rects = sel.getRangeAt(0).getClientRects();
    if (!rects.length) return null;
    const r = dir < 0 ? rects[0] : rects[rects.length - 1];
    const y = dir < 0 ? r.top - r.height * 0.6 : r.bottom + r.height * 0.6;
    const hit = document.caretRangeFromPoint(r.left + 2, y);
    if (!hit) return null;
    const p = paraOf(hit.startContainer);
    if (!p) return null;
    return [+p.dataset.i, offsetIn(p, hit.startContainer, hit.startOffset)];
  }

  // place puts the popover el beside the annotation id: below its last
  // line, or above when there is no room below; a bottom sheet on phones
  // (the CSS decides, place only sets the coordinates it may use).
  function place(el, id) {
    if (!el) return;
    const marks = document.querySelectorAll(`mark.ann[data-id="${CSS.escape(id)}"]`);
    const sc = el.closest(".article-scroll");
    if (!marks.length || !sc) return;
    const last = marks[marks.length - 1].getBoundingClientRect();
    const first = marks[0].getBoundingClientRect();
    const view = sc.getBoundingClientRect();
    const w = el.offsetWidth, h = el.offsetHeight;
    let top = last.bottom - view.top + sc.scrollTop + 6;
    if (last.bottom + h + 12 > view.bottom && first.top - view.top > h + 12) {
      top = first.top - view.top + sc.scrollTop - h - 6;
    }
    let left = Math.max(8, Math.min(last.left - view.left, view.width - w - 16));
    el.style.top = top + "px";
    el.style.left = left + "px";
  }

  // selectRange selects [s, e) of paragraph i (keyboard selection, tests).
  function selectRange(i, s, j, e) {
    const a = rangeAt(i, s, s), b = rangeAt(j, e, e);
    if (!a || !b) return false;
    const r = document.createRange();
    r.setStart(a.startContainer, a.startOffset);
    r.setEnd(b.startContainer, b.startOffset);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(r);
    return true;
  }

  // download saves data as a file.
  function download(name, type, data) {
    const url = URL.createObjectURL(new Blob([data], { type }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // readFile reads a File as bytes and hands them to done(name, Uint8Array,
  // "", text). With keepText, a file of 64 KB or more that is UTF-8 comes
  // also as the string it decodes to (its BOM dropped, as Go's text.Decode
  // does): the page hands that string back to JavaScript (app/ui/jstext.go)
  // instead of decoding its Go bytes again for the worker, the storage and
  // the draw. Anything else comes without it.
  function readFile(file, done, keepText) {
    const r = new FileReader();
    r.onload = () => {
      const b = new Uint8Array(r.result);
      let text;
      if (keepText && b.length >= 65536) {
        try {
          text = new TextDecoder("utf-8", { fatal: true }).decode(b);
        } catch (_) {
          // not UTF-8: Go decodes it
        }
      }
      done(file.name, b, "", text);
    };
    r.onerror = () => done(file.name, null, String(r.error));
    r.readAsArrayBuffer(file);
  }

  // readMany reads Files one after another, handing each to
  // onFile(name, Uint8Array|null, error, index, total) and calling onDone()
  // after the last; names keep the folder path of a chosen folder.
  function readMany(files, onFile, onDone) {
    const list = Array.from(files);
    let i = 0;
    const next = () => {
      if (i >= list.length) { onDone(); return; }
      const f = list[i], k = i++;
      const name = f.glossPath || f.webkitRelativePath || f.name;
      const r = new FileReader();
      r.onload = () => { onFile(name, new Uint8Array(r.result), "", k, list.length); next(); };
      r.onerror = () => { onFile(name, null, String(r.error), k, list.length); next(); };
      r.readAsArrayBuffer(f);
    };
    next();
  }

  // droppedFiles lists the files of a drop, walking dropped folders, and
  // hands them to done(files, hadFolder).
  function droppedFiles(dt, done) {
    const items = Array.from(dt.items || []).filter((it) => it.kind === "file");
    const entries = items.map((it) => it.webkitGetAsEntry && it.webkitGetAsEntry()).filter(Boolean);
    if (!entries.some((e) => e.isDirectory)) { done(Array.from(dt.files), false); return; }
    const out = [];
    let pending = 0;
    const finish = () => { if (--pending === 0) done(out, true); };
    const walk = (entry, prefix) => {
      pending++;
      if (entry.isFile) {
        entry.file((f) => { f.glossPath = prefix + f.name; out.push(f); finish(); }, finish);
        return;
      }
      const reader = entry.createReader();
      const readBatch = () => reader.readEntries((batch) => {
        if (batch.length === 0) { finish(); return; }
        batch.forEach((e) => walk(e, prefix + entry.name + "/"));
        readBatch();
      }, finish);
      readBatch();
    };
    entries.forEach((e) => walk(e, ""));
  }

  // storageUsed returns the characters Gloss's keys and values take in
  // localStorage (Chromium's limit counts characters, about 5.24 million).
  function storageUsed() {
    const s = window.__glossStorage || localStorage;
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (k && k.startsWith("gloss/")) n += k.length + (s.getItem(k) || "").length;
    }
    return n;
  }

  // storageKeys returns every key of the storage Gloss uses, one a line:
  // one call from Go at start instead of two per key. null when a key
  // is empty or holds a line break (Go then reads them one by one).
  function storageKeys() {
    const s = window.__glossStorage || localStorage;
    const keys = [];
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (k === null) continue;
      if (k === "" || k.includes("\n")) return null;
      keys.push(k);
    }
    return keys.join("\n");
  }

  // persist asks the browser to keep the site's storage under pressure
  // and hands done(true) when it will.
  function persist(done) {
    if (!navigator.storage || !navigator.storage.persist) { done(false); return; }
    navigator.storage.persisted()
      .then((p) => p ? true : navigator.storage.persist())
      .then((p) => done(!!p), () => done(false));
  }

  // downloadBytes saves a Uint8Array as a file.
  function downloadBytes(name, type, u8) {
    download(name, type, u8);
  }

  // suggestionColors styles the suggestion highlights with the label
  // colours (validated #rrggbb on the Go side): gloss-s0… for gazetteer
  // names (dotted, tinted), gloss-t0… for typed suggestions (dashed, not
  // tinted, so they never look like labels). The same colours again change
  // nothing: any change to a sheet restyles every paragraph.
  let suggestStyle = null, suggestJSON = "";
  function suggestionColors(json) {
    if (json === suggestJSON) return;
    suggestJSON = json;
    const colors = JSON.parse(json);
    if (!suggestStyle) {
      suggestStyle = document.createElement("style");
      document.head.appendChild(suggestStyle);
    }
    suggestStyle.textContent = colors
      .map((c, i) => /^#[0-9a-fA-F]{6}$/.test(c)
        ? `::highlight(gloss-s${i}) { text-decoration: underline dotted 2px ${c}; background-color: ${c}22; }\n` +
          `::highlight(gloss-t${i}) { text-decoration: underline dashed 2px ${c}; text-underline-offset: 3px; }`
        : "")
      .join("\n");
  }

  // fetchText fetches url (relative to the page) and hands its text, or an
  // error message, to done(text, error).
  function fetchText(url, done) {
    fetch(url).then((r) => {
      if (!r.ok) throw new Error(r.status + " " + r.statusText);
      return r.text();
    }).then((t) => done(t, ""), (e) => done("", String(e)));
  }

  // The embed bridge: messages are handed to Go as (origin, JSON text);
  // replies go to the window that sent the last message from that origin,
  // or the parent, with the origin as targetOrigin.
  const sources = new Map();
  function listen(fn) {
    window.addEventListener("message", (e) => {
      if (e.source === window) return;
      let json;
      try {
        json = JSON.stringify(e.data);
      } catch (err) {
        return;
      }
      if (typeof json !== "string") return;
      sources.set(e.origin, e.source);
      fn(e.origin, json);
    });
  }
  function post(origin, json) {
    const to = sources.get(origin) || (window.parent !== window ? window.parent : null);
    if (to) to.postMessage(JSON.parse(json), origin);
  }

  // Suggestions are CSS highlights, which get no pointer events: hoverTips
  // finds the one under the mouse (or a tap) from the caret position at the pointer
  // and calls fn(para, s16, e16) when it changes, fn(-1, 0, 0) when the
  // mouse leaves it. Only ranges that start or end in the text node under
  // the pointer are tested, so a long article costs no more than a short one.
  let hovered = null;
  function suggestionAt(x, y) {
    if (!window.CSS || !CSS.highlights) return null;
    let node, off;
    if (document.caretPositionFromPoint) {
      const c = document.caretPositionFromPoint(x, y);
      if (!c) return null;
      node = c.offsetNode;
      off = c.offset;
    } else if (document.caretRangeFromPoint) {
      const c = document.caretRangeFromPoint(x, y);
      if (!c) return null;
      node = c.startContainer;
      off = c.startOffset;
    } else return null;
    const p = node && node.nodeType === 3 ? paraOf(node) : null;
    if (!p) return null;
    // highlight keeps each paragraph's ranges: only this one's are looked at.
    for (const [name, st] of lit) {
      if (!/^gloss-[st]\d+$/.test(name) || CSS.highlights.get(name) !== st.h) continue;
      const own = st.made.get(+p.dataset.i);
      if (!own) continue;
      for (const r of own.ranges) {
        if (r.startContainer !== node && r.endContainer !== node) continue;
        const l = liveRange(r);
        if (!l.isPointInRange(node, off)) continue;
        // The caret is at the nearest gap: the pointer must be on the
        // words themselves, not past the end of the line.
        for (const b of l.getClientRects()) {
          if (x >= b.left && x <= b.right && y >= b.top && y <= b.bottom) return r;
        }
      }
    }
    return null;
  }
  function hoverTips(fn) {
    let x = 0, y = 0, queued = false;
    const look = () => {
      queued = false;
      const r = suggestionAt(x, y);
      if (r === hovered) return;
      hovered = r;
      if (!r) return fn(-1, 0, 0);
      const p = paraOf(r.startContainer);
      fn(+p.dataset.i, offsetIn(p, r.startContainer, r.startOffset), offsetIn(p, r.endContainer, r.endOffset));
    };
    const at = (e) => {
      x = e.clientX;
      y = e.clientY;
      if (!queued) {
        queued = true;
        requestAnimationFrame(look);
      }
    };
    document.addEventListener("mousemove", at, { passive: true });
    // A tap on a touch screen: the finger's pointer, since Safari on iOS
    // sends no mouse events for a tap on plain text. A tap elsewhere hides
    // the box as the mouse leaving does.
    document.addEventListener("pointerup", (e) => {
      if (e.pointerType !== "mouse") at(e);
    }, { passive: true });
    document.addEventListener("scroll", () => placeTip(), { passive: true, capture: true });
  }

  // placeTip puts the evidence box under its suggestion (above it when
  // there is no room below), inside the window.
  function placeTip() {
    const el = document.querySelector('[data-testid="suggestion-evidence"]');
    if (!el) return;
    const r = rangeAt(+el.dataset.para, +el.dataset.s, +el.dataset.e);
    if (!r) return;
    const rects = r.getClientRects();
    if (!rects.length) return;
    const first = rects[0], last = rects[rects.length - 1];
    const w = el.offsetWidth, h = el.offsetHeight;
    let top = last.bottom + 6;
    if (top + h > innerHeight - 8 && first.top - h - 6 >= 8) top = first.top - h - 6;
    el.style.top = Math.max(8, Math.min(top, innerHeight - h - 8)) + "px";
    el.style.left = Math.max(8, Math.min(last.left, innerWidth - w - 8)) + "px";
  }

  // yieldTask calls fn in a task of its own after the tasks already waiting
  // (input, a frame due): the background build's way of handing the thread
  // back. A message to itself comes back with no minimum delay, where a
  // nested setTimeout waits at least 4 ms.
  const yields = [];
  const yieldPort = new MessageChannel();
  yieldPort.port1.onmessage = () => {
    const fn = yields.shift();
    if (fn) fn();
  };
  function yieldTask(fn) {
    yields.push(fn);
    yieldPort.port2.postMessage(0);
  }

  // afterPaint calls fn once the browser has painted the current DOM.
  function afterPaint(fn) {
    requestAnimationFrame(() => setTimeout(fn, 0));
  }

  // whenIdle calls fn in idle time at least delay ms after the current DOM
  // is painted: work nobody waits for, such as starting the extraction
  // worker. No deadline: while the page works (a long article's build
  // yields in tasks of its own) it waits, rather than take the processor.
  function whenIdle(delay, fn) {
    afterPaint(() => setTimeout(() => {
      if (window.requestIdleCallback) requestIdleCallback(() => fn());
      else fn();
    }, delay));
  }

  // onIntent calls fn once, at the first sign that a person is bringing in
  // an article: a paste into the article box, files dragged over the page,
  // a click on a file input (a key opening it sends one too), whose picker
  // then opens. The extraction worker starts then (app/ui/extractor.go)
  // rather than in idle time or at Load: its module's download, compile
  // and start (about a second on a first visit) overlap the person's own
  // paste, drop or pick. Listened for in the capture phase, in JavaScript
  // only: no call into Go per event, and none once it fired.
  function onIntent(fn) {
    const opts = { capture: true, passive: true };
    const types = ["paste", "dragover", "click"];
    const seen = (e) => {
      const t = e.target;
      const dt = e.dataTransfer;
      const yes = e.type === "paste" ? t && t.id === "paste-input"
        : e.type === "dragover" ? dt && Array.prototype.includes.call(dt.types, "Files")
          : t && t.tagName === "INPUT" && t.type === "file";
      if (!yes) return;
      for (const type of types) removeEventListener(type, seen, opts);
      fn(e.type);
    };
    for (const type of types) addEventListener(type, seen, opts);
  }

  // inPage runs the worker's module (web/extract.wasm, the program of
  // wasm/extract) in the page itself, as a second Go instance beside the
  // app's: where no Worker can be started (a sandboxed frame without
  // allow-same-origin) the imports and exports it carries still run.
  // Loaded once, when first asked; a failure is tried again next time.
  let inPageGo;
  function inPageModule() {
    if (!inPageGo) {
      inPageGo = (async () => {
        const go = new Go();
        const r = await WebAssembly.instantiateStreaming(fetch("web/extract.wasm"), go.importObject);
        go.run(r.instance); // sets glossExtract, then waits for calls
        if (typeof window.glossExtract !== "function") throw new Error("the module did not start");
        performance.mark("gloss-inpage-ready");
        return window.glossExtract;
      })();
      inPageGo.catch(() => { inPageGo = undefined; });
    }
    return inPageGo;
  }

  // inPage hands a request of app/extract/wire to the in-page module and
  // calls done(reply, "") with its reply, or done("", error).
  function inPage(msg, done) {
    inPageModule().then((run) => {
      let reply;
      try {
        reply = run(msg);
      } catch (err) {
        done("", String((err && err.message) || err)); // its Go program ended
        return;
      }
      done(reply, "");
    }, (err) => done("", String((err && err.message) || err)));
  }

  window.gloss = {
    afterPaint, whenIdle, onIntent, yieldTask, inPage,
    listen, post,
    suggestionColors,
    fetchText,
    render, paint, selection, clearSelection, highlight, clearHighlight, highlightsFilling, highlightCount, reveal,
    selectRange, download, readFile,
    readMany, droppedFiles, downloadBytes, storageUsed, storageKeys, persist,
    select, focusAnn, focusArticle, lineProbe, place, scrollToSelection,
    hoverTips, placeTip,
  };
})();
