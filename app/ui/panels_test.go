package ui

import (
	"strings"
	"testing"

	"gloss/app/format"
)

// The gazetteer panel counts its names and offers import and exports; the
// transfer panel offers every format under the name its file will carry.
func TestGazetteerAndTransferPanels(t *testing.T) {
	html := render(t, &gazetteerPanel{Names: 1})
	for _, want := range [][]string{{"1 name"}, {`data-testid="gazetteer-import"`, `type="file"`}, {"Export CSV"}, {"Export JSON"}} {
		if !hasLine(html, want...) {
			t.Errorf("gazetteer: no line with %q in\n%s", want, html)
		}
	}
	html = render(t, &transferPanel{})
	if n := strings.Count(html, "<option"); n != len(format.All()) {
		t.Errorf("%d formats offered, want %d", n, len(format.All()))
	}
	for _, want := range [][]string{{`value="conll"`, "CoNLL IOB2 (.iob2.conll)"}, {`data-testid="export-button"`}, {`data-testid="import-input"`, `type="file"`}} {
		if !hasLine(html, want...) {
			t.Errorf("transfer: no line with %q in\n%s", want, html)
		}
	}
}
