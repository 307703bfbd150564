package main

import (
	"context"
	"os"
	"sort"
	"strings"
	"testing"
)

// axeResult is what axe.run reports, cut to what the test prints.
type axeResult struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// TestBrowserA11y runs axe-core (WCAG 2.2 A and AA rules) over every state
// of the screenshot test, in light and dark, at both sizes. It needs the
// pinned axe-core from npm, so `make a11y` runs it, not `make test`:
//
//	GLOSS_BROWSER=1 GLOSS_AXE=a11y/node_modules/axe-core/axe.min.js go test -run TestBrowserA11y ./cmd/gloss
func TestBrowserA11y(t *testing.T) {
	path := os.Getenv("GLOSS_AXE")
	if path == "" {
		t.Skip("set GLOSS_AXE to axe.min.js (make a11y installs it) to run the accessibility check")
	}
	axe, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	total := map[string]int{}
	eachShot(t, func(t *testing.T, ctx context.Context, where string) {
		// Injected through the debugging protocol: the page's CSP
		// (script-src 'self') does not apply to it.
		if _, err := evalJS[bool](ctx, string(axe)+";true"); err != nil {
			t.Fatal(err)
		}
		res, err := evalJS[[]axeResult](ctx, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})
			.then(r => r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help, nodes: v.nodes.map(n => n.target.join(" ") + " " + (n.failureSummary || "").split("\n").slice(1, 2).join(""))})))`)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range res {
			total[v.ID] += len(v.Nodes)
			t.Errorf("%s: %s (%s, %d): %s — %s", where, v.ID, v.Impact, len(v.Nodes), v.Help, strings.Join(v.Nodes[:min(3, len(v.Nodes))], " | "))
		}
	})
	ids := make([]string, 0, len(total))
	n := 0
	for id, c := range total {
		ids = append(ids, id)
		n += c
	}
	sort.Strings(ids)
	for _, id := range ids {
		t.Logf("axe total: %s %d", id, total[id])
	}
	t.Logf("axe total: %d violating nodes over %d rules", n, len(ids))
}
