package ui

import (
	"strings"
	"testing"

	"gloss/app/agree"
	"gloss/app/annot"
)

// The agreement table has a row per label either side used, in order, and
// one for all; each row scores theirs against mine.
func TestAgreementTable(t *testing.T) {
	text := "Ada met Byron in London."
	mine := []annot.Annotation{
		{ID: "1", Start: 0, End: 3, Label: "PER", Text: "Ada"},
		{ID: "2", Start: 8, End: 13, Label: "PER", Text: "Byron"},
		{ID: "3", Start: 17, End: 23, Label: "LOC", Text: "London"},
	}
	theirs := []annot.Annotation{
		{ID: "a", Start: 0, End: 3, Label: "PER", Text: "Ada"},
		{ID: "b", Start: 17, End: 23, Label: "GPE", Text: "London"},
	}
	r := agree.Compare([]agree.Doc{{Text: text, A: mine, B: theirs}})
	html := render(t, &agreementTable{Result: r, TestID: "agreement-table"})
	if !hasLine(html, `class="agree"`, `data-testid="agreement-table"`) {
		t.Errorf("no table with its test id:\n%s", html)
	}
	var order []string
	for _, l := range strings.Split(html, "\n") {
		if i := strings.Index(l, `data-label="`); i >= 0 {
			order = append(order, strings.SplitN(l[i+len(`data-label="`):], `"`, 2)[0])
		}
	}
	if got := strings.Join(order, " "); got != "GPE LOC PER all" {
		t.Errorf("rows %q, want GPE LOC PER all", got)
	}
	// PER: theirs has Ada of mine's two → P 1.00, R 0.50; 1 of 2 mine, 1 of theirs.
	per := html[strings.Index(html, `data-label="PER"`):]
	per = per[:strings.Index(per, "</tr>")]
	for _, want := range []string{"1.00", "0.50", "0.67", "2/1"} {
		if !strings.Contains(per, want) {
			t.Errorf("PER row lacks %s:\n%s", want, per)
		}
	}
	all := html[strings.Index(html, `data-label="all"`):]
	if !strings.Contains(all[:strings.Index(all, "</tr>")], "3/2") {
		t.Errorf("all row does not count 3/2:\n%s", all)
	}
	// No result yet: the header and an empty "all" row, not a panic.
	if html := render(t, &agreementTable{TestID: "x"}); !hasLine(html, `data-label="all"`) || strings.Contains(html, `data-label="PER"`) {
		t.Errorf("empty:\n%s", html)
	}
}
