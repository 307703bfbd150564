package main

// The JavaScript peers of the browser benchmark: fuzzysort and uFuzzy search
// the very candidates Gloss searches (read from the page through
// window.glossSearchTargets), with the same 20 mistyped queries typed letter
// by letter, and mark.js marks the same 50 entities' mentions in the same
// article, all in the same tab of the same Chromium run. `make bench`
// installs the pinned packages into bench/node_modules (bench/package.json
// and its lock); `make test` never needs them.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"

	"gloss/app/entity"
	atext "gloss/app/text"
)

// Typo kinds, in the order the queries cycle through them.
const (
	typoDrop = iota
	typoSwap
	typoReplace
	typoDouble
	typoKinds
)

// typoQuery lower-cases name and makes one typo of the given kind in the
// middle of its longest word, which must have at least five letters (else
// ok is false): a letter dropped, two neighbouring letters swapped, a letter
// replaced by the next one in the alphabet, or a letter doubled.
func typoQuery(name string, kind int) (string, bool) {
	r := []rune(strings.ToLower(name))
	bestAt, bestLen := -1, 0
	for i := 0; i < len(r); {
		if !unicode.IsLetter(r[i]) {
			i++
			continue
		}
		j := i
		for j < len(r) && unicode.IsLetter(r[j]) {
			j++
		}
		if j-i > bestLen {
			bestAt, bestLen = i, j-i
		}
		i = j
	}
	if bestLen < 5 {
		return "", false
	}
	p := bestAt + bestLen/2
	out := append([]rune(nil), r[:p]...)
	switch kind % typoKinds {
	case typoDrop:
		out = append(out, r[p+1:]...)
	case typoSwap:
		if r[p-1] == r[p] {
			p++ // swapping equal letters would change nothing
		}
		out = append(out[:0], r...)
		out[p-1], out[p] = out[p], out[p-1]
	case typoReplace:
		c := r[p]
		if c >= 'a' && c < 'z' {
			c++
		} else {
			c = 'a'
		}
		out = append(out, c)
		out = append(out, r[p+1:]...)
	case typoDouble:
		out = append(out, r[p], r[p])
		out = append(out, r[p+1:]...)
	}
	return string(out), true
}

// typoQueries picks up to n entities spread over ents whose name has a word
// of five letters or more and makes one typo in each, the kinds in turn.
// surfaces lists, per query, the intended entity's forms in lower case: a
// result counts as found when its text is one of them.
func typoQueries(ents []entity.Entity, n int) (queries []string, surfaces [][]string) {
	step := max(1, len(ents)/n)
	for i := 0; i < len(ents) && len(queries) < n; i += step {
		// The first usable entity at or after i.
		for j := i; j < len(ents) && j < i+step; j++ {
			q, ok := typoQuery(ents[j].Name, len(queries))
			if !ok {
				continue
			}
			var s []string
			for _, v := range append([]string{ents[j].Name}, ents[j].Variants...) {
				s = append(s, strings.ToLower(v))
			}
			queries = append(queries, q)
			surfaces = append(surfaces, s)
			break
		}
	}
	return queries, surfaces
}

// peerScripts returns the JavaScript that defines window.fuzzysort,
// window.uFuzzy and window.Mark, from bench/node_modules, or an error saying
// how to install them.
func peerScripts(t *testing.T) (string, error) {
	dir := filepath.Join(repoRoot(t), "bench", "node_modules")
	read := func(p string) (string, error) {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			return "", fmt.Errorf("%v: run `make bench` (it runs npm ci in bench/)", err)
		}
		return string(b), nil
	}
	fz, err := read("fuzzysort/fuzzysort.js")
	if err != nil {
		return "", err
	}
	uf, err := read("@leeoniya/ufuzzy/dist/uFuzzy.iife.min.js")
	if err != nil {
		return "", err
	}
	mk, err := read("mark.js/dist/mark.min.js")
	if err != nil {
		return "", err
	}
	// fuzzysort 4 is an ES module: its exports become a global object.
	fz = regexp.MustCompile(`(?m)^export default `).ReplaceAllString(fz, "window.fuzzysort = ")
	fz = regexp.MustCompile(`(?m)^export `).ReplaceAllString(fz, "")
	return "(() => {" + fz + "\n})();\n" + uf + "\nwindow.uFuzzy = uFuzzy;\n" + mk + "\n", nil
}

// loadPeers defines the peers in the page once; false (with a note) when
// they are not installed.
func loadPeers(t *testing.T, ctx context.Context, figs *figures) bool {
	if ok, _ := evalJS[bool](ctx, `!!(window.fuzzysort && window.uFuzzy && window.Mark)`); ok {
		return true
	}
	src, err := peerScripts(t)
	if err != nil {
		figs.note("peers: %v; *_fuzzysort, *_ufuzzy, *_markjs and the ratios missing", err)
		return false
	}
	if _, err := evalJS[bool](ctx, src+";true"); err != nil {
		t.Fatalf("loading the peers into the page: %v", err)
	}
	return true
}

// benchSearch types the same 20 mistyped names letter by letter into Gloss's
// search box, then hands the same keystrokes to fuzzysort and uFuzzy over
// the candidates Gloss built. Gloss's time per keystroke is its Go work
// (glossPerf.search: the search, choosing the first hit and highlighting its
// mentions); a peer's is its search call. After the last letter of each
// query the top 5 results of each are checked for the intended name.
func benchSearch(t *testing.T, ctx context.Context, figs *figures, large string) {
	ok, _ := evalJS[bool](ctx, `!!document.querySelector('[data-testid="search-input"]')`)
	if !ok {
		figs.note("search: no search-input in the page: search_keystroke_* missing")
		return
	}
	art, _, _ := atext.FromPaste(large)
	queries, surfaces := typoQueries(entity.Find(art.Text, nil), 20)
	qj, _ := json.Marshal(queries)
	sj, _ := json.Marshal(surfaces)
	profile := os.Getenv("GLOSS_BENCH_PROFILE") == "1"
	if profile {
		startProfile(t, ctx)
	}
	stopTrace := traceToFile(t, ctx, os.Getenv("GLOSS_BENCH_KEYTRACE"))
	r := inPage[map[string][]float64](t, ctx, `
		const queries = `+string(qj)+`, surfaces = `+string(sj)+`;
		const box = document.querySelector('[data-testid="search-input"]');
		box.focus();
		const goms = [], paint = [], syncms = [], found = [];
		const frame = () => new Promise(requestAnimationFrame);
		const stop = performance.now() + 40000; // at most 40 s of typing
		for (let k = 0; k < queries.length; k++) {
			const q = queries[k];
			if (performance.now() > stop) break;
			box.value = "";
			box.dispatchEvent(new Event("input", {bubbles: true}));
			await new Promise((r) => setTimeout(r, 30));
			for (let i = 1; i <= q.length; i++) {
				box.value = q.slice(0, i);
				const t0 = performance.now();
				box.dispatchEvent(new Event("input", {bubbles: true}));
				const sync = performance.now() - t0;
				await frame();
				const painted = performance.now() - t0;
				const go = window.glossPerf && glossPerf.searchAt > t0 ? glossPerf.search : -1;
				goms.push(go);
				syncms.push(sync);
				paint.push(painted);
			}
			await frame();
			await new Promise((r) => setTimeout(r, 30));
			const top = Array.from(document.querySelectorAll('[data-testid="search-result-text"]')).slice(0, 5)
				.map((e) => e.textContent.toLowerCase());
			found.push(top.some((x) => surfaces[k].includes(x)) ? 1 : 0);
		}
		return {goms, paint, syncms, found};`)
	stopTrace()
	if profile {
		stopProfile(t, ctx, figs, "search keystrokes on 1 MB")
	}
	if len(r["goms"]) == 0 {
		figs.note("search: no keystroke measured")
		return
	}
	if r["goms"][0] < 0 {
		r["goms"] = r["syncms"]
		figs.note("search: glossPerf.search not set: search_keystroke_*go_ms are the whole input event (Go search + go-app re-render)")
	}
	worst := 0.0
	for _, v := range r["goms"] {
		figs.add("search_keystroke_go_ms", v)
		worst = max(worst, v)
	}
	figs.add("search_keystroke_worst_go_ms", worst)
	figs.note("search: slowest keystrokes: %s", slowestKeys(r["goms"], queries, 5))
	for _, v := range r["paint"] {
		figs.add("search_keystroke_paint_ms", v)
	}
	figs.note("search: %d keystrokes of %d mistyped queries (typing capped at 40 s): %s", len(r["goms"]), len(r["found"]), strings.Join(queries, ", "))
	figs.share("search_typo_found_gloss", r["found"])

	if !loadPeers(t, ctx, figs) {
		return
	}
	p := inPage[map[string][]float64](t, ctx, `
		const queries = `+string(qj)+`, surfaces = `+string(sj)+`;
		const targets = JSON.parse(glossSearchTargets() || "[]");
		if (!targets.length) return {err: [1]};
		// Both libraries' own advice for typo tolerance and speed: fuzzysort
		// searches prepared targets; uFuzzy's intraMode 1 forgives one
		// error (insertion, substitution, transposition, deletion) per term.
		const prepared = targets.map((s) => fuzzysort.prepare(s));
		const uf = new uFuzzy({intraMode: 1});
		const fz = [], ufz = [], fzFound = [], ufFound = [];
		const hit = (k, top) => top.some((x) => surfaces[k].includes(x.toLowerCase())) ? 1 : 0;
		for (let k = 0; k < queries.length; k++) {
			const q = queries[k];
			let fzTop = [], ufTop = [];
			for (let i = 1; i <= q.length; i++) {
				const part = q.slice(0, i);
				let t0 = performance.now();
				const a = fuzzysort.go(part, prepared, {limit: 20});
				fz.push(performance.now() - t0);
				t0 = performance.now();
				const [idxs, info, order] = uf.search(targets, part);
				ufz.push(performance.now() - t0);
				if (i === q.length) {
					fzTop = Array.from(a).slice(0, 5).map((x) => x.target);
					const ids = idxs || [];
					ufTop = (order ? order.slice(0, 5).map((o) => ids[o]) : ids.slice(0, 5)).map((j) => targets[j]);
				}
			}
			fzFound.push(hit(k, fzTop));
			ufFound.push(hit(k, ufTop));
			await new Promise((r) => setTimeout(r, 0));
		}
		return {fz, ufz, fzFound, ufFound, n: [targets.length]};`)
	if len(p["err"]) > 0 {
		figs.note("peers: the page exposed no search targets (window.glossSearchTargets)")
		return
	}
	for _, v := range p["fz"] {
		figs.add("search_keystroke_fuzzysort_ms", v)
	}
	for _, v := range p["ufz"] {
		figs.add("search_keystroke_ufuzzy_ms", v)
	}
	figs.share("search_typo_found_fuzzysort", p["fzFound"])
	figs.share("search_typo_found_ufuzzy", p["ufFound"])
	figs.note("peers: fuzzysort 4.0.2 (prepared targets, limit 20) and uFuzzy 1.0.19 (intraMode 1) over Gloss's %.0f search targets", p["n"][0])

	// Gloss ÷ the faster peer: medians, and worst keystrokes.
	g := stats(figs.vals["search_keystroke_go_ms"])
	f, u := stats(p["fz"]), stats(p["ufz"])
	best := f
	if u.Median < f.Median {
		best = u
	}
	figs.ratio("search_vs_best_peer", g.Median/best.Median, g.Max/best.Max)
}

// benchMarkJS marks the mentions of the same 50 entities as benchHighlight
// with mark.js markRegExp (one expression of all their surface forms, whole
// words) in a copy of the article shown in its place, until the next frame.
func benchMarkJS(t *testing.T, ctx context.Context, figs *figures, large string) {
	if !loadPeers(t, ctx, figs) {
		return
	}
	_, ents := topEntities(t, large, 50)
	seen := map[string]bool{}
	var alts []string
	for _, e := range ents {
		for _, v := range append([]string{e.Name}, e.Variants...) {
			if !seen[v] {
				seen[v] = true
				alts = append(alts, regexp.QuoteMeta(v))
			}
		}
	}
	// Longest first, so a longer form wins over its prefix.
	sort.SliceStable(alts, func(i, j int) bool { return len(alts[i]) > len(alts[j]) })
	re := `(?<![\p{L}\p{N}])(?:` + strings.Join(alts, "|") + `)(?![\p{L}\p{N}])`
	for i := 0; i < 7; i++ {
		r := inPage[map[string]float64](t, ctx, `
			const orig = document.querySelector('[data-testid="article"]');
			const copy = orig.cloneNode(true);
			copy.removeAttribute("id");
			orig.style.display = "none";
			orig.after(copy);
			await new Promise(requestAnimationFrame);
			await new Promise(requestAnimationFrame);
			const re = new RegExp(`+jsString(re)+`, "gu");
			let n = 0;
			const t0 = performance.now();
			new Mark(copy).markRegExp(re, {done: (c) => { n = c; }});
			const js = performance.now() - t0;
			await new Promise(requestAnimationFrame);
			const paint = performance.now() - t0;
			copy.remove();
			orig.style.display = "";
			await new Promise(requestAnimationFrame);
			return {n, js, paint};`)
		figs.add("highlight_50_entities_markjs_ms", r["paint"])
		figs.add("highlight_50_entities_markjs_js_ms", r["js"])
		if i == 0 {
			figs.note("mark.js 8.11.1: markRegExp marked %.0f matches of %d surface forms of the same 50 entities", r["n"], len(alts))
		}
	}
	g, m := stats(figs.vals["highlight_50_entities_ms"]), stats(figs.vals["highlight_50_entities_markjs_ms"])
	if g.Median > 0 && m.Median > 0 {
		figs.ratio("highlight_vs_markjs", g.Median/m.Median, g.Max/m.Max)
	}
}

func TestTypoQuery(t *testing.T) {
	for _, c := range []struct {
		name string
		kind int
		want string
		ok   bool
	}{
		{"Hollande", typoDrop, "hollnde", true},
		{"Hollande", typoSwap, "holalnde", true},
		{"Putin", typoReplace, "puuin", true}, // t -> u
		{"Shoigu", typoDouble, "shoiigu", true},
		{"Jean-Yves Le Drian", typoDrop, "jean-yves le dran", true}, // the longest word
		{"Anna", typoDrop, "", false},
		{"Hollande", typoKinds + typoDrop, "hollnde", true},
		{"Bassett", typoSwap, "basestt", true}, // "ss": the next pair
	} {
		got, ok := typoQuery(c.name, c.kind)
		if got != c.want || ok != c.ok {
			t.Errorf("typoQuery(%q, %d) = %q, %v; want %q, %v", c.name, c.kind, got, ok, c.want, c.ok)
		}
	}
}

// slowestKeys names the n slowest of the keystrokes typed for queries (one
// per letter, in order) with their time: "3 ms at \"hol\" (query 1)".
func slowestKeys(ms []float64, queries []string, n int) string {
	type key struct {
		ms       float64
		q, typed int
	}
	var keys []key
	i := 0
	for qi, q := range queries {
		for l := 1; l <= len(utf16.Encode([]rune(q))) && i < len(ms); l++ {
			keys = append(keys, key{ms[i], qi, l})
			i++
		}
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a].ms > keys[b].ms })
	var out []string
	for _, k := range keys[:min(n, len(keys))] {
		out = append(out, fmt.Sprintf("%.1f ms at %q (query %d)", k.ms, string(utf16.Decode(utf16.Encode([]rune(queries[k.q]))[:k.typed])), k.q+1))
	}
	return strings.Join(out, ", ")
}
