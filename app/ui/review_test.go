package ui

import (
	"strings"
	"testing"

	"gloss/app/session"
)

// The review panel draws each mention with its context, the current one
// active, rejected ones marked, and counts what Apply will label.
func TestReviewPanel(t *testing.T) {
	r := session.Review{From: "Moscow", Label: "LOC", Cur: 1, Items: []session.ReviewItem{
		{Start: 29, End: 35, Before: "heads for ", Text: "Moscow", After: " this Monday"},
		{Start: 80, End: 86, Before: "Shoigu in ", Text: "Moscow", After: ".", Reject: true},
		{Start: 90, End: 96, Before: "back to ", Text: "Moscow", After: " soon"},
	}}
	html := render(t, &reviewPanel{Review: r})
	for _, want := range [][]string{
		{`data-testid="review"`, `data-label="LOC"`},
		{"Annotate all: “Moscow” as LOC"},
		{`class="active rejected"`, `data-state="rejected"`},
		{`<span class="muted">…heads for </span>`}, {"<b>Moscow</b>"},
		{`data-testid="review-apply"`, "Apply 2"},
	} {
		if !hasLine(html, want...) {
			t.Errorf("no line with %q in\n%s", want, html)
		}
	}
	if n := strings.Count(html, `data-state="accepted"`); n != 2 {
		t.Errorf("%d accepted, want 2", n)
	}
	r.Label = ""
	if html := render(t, &reviewPanel{Review: r}); !strings.Contains(html, "as … (choose a label with 1–9)") {
		t.Errorf("no label: %s", html)
	}
}

// A person on a touch screen is told how to reject one mention: by
// tapping it (the keys are named after).
func TestReviewPanelSaysTap(t *testing.T) {
	html := render(t, &reviewPanel{Review: session.Review{From: "Russia", Label: "LOC"}})
	if !strings.Contains(html, "Tap or click a mention to reject or accept it.") {
		t.Errorf("the review does not say how to reject a mention without keys:\n%s", html)
	}
}
