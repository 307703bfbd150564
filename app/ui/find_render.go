package ui

import (
	"strings"

	"gloss/app/entity"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func (f *finder) renderPanels() app.UI {
	a := f.a
	return app.Div().Body(
		app.If(f.review != nil, f.renderReview),
		app.If(a.doc() != nil && !a.newPane, f.renderEntities),
		a.later(f.renderGazetteer),
		a.later(a.renderTransfer),
	)
}

func variants(e entity.Entity) string {
	var vs []string
	for _, v := range e.Variants {
		if v != e.Name {
			vs = append(vs, v)
		}
	}
	return strings.Join(vs, " · ")
}

// entityPage is how many entities the panel lists at a time.
const entityPage = 100

func (f *finder) entShown() int {
	n := max(f.entLimit, entityPage)
	if f.rowCap > 0 {
		n = min(n, f.rowCap)
	}
	return n
}

// filterTypes are the types the panel's filter offers: the label names the
// suggestions map to, in label order.
func (f *finder) filterTypes() []string {
	var out []string
	for _, l := range f.a.labels {
		for _, t := range []string{entity.TypePER, entity.TypeORG, entity.TypeLOC, entity.TypeMISC} {
			if f.labelForType(t) == l.Name {
				out = append(out, l.Name)
				break
			}
		}
	}
	return out
}

// filteredEntities is the sorted entity list with the type filter applied,
// as indexes in f.ents.
func (f *finder) filteredEntities() []int32 {
	ents := f.sortedEntities()
	if f.typeFilter == "" {
		return ents
	}
	out := make([]int32, 0, len(ents))
	for _, i := range ents {
		if f.typeFilterOf(f.ents[i]) {
			out = append(out, i)
		}
	}
	return out
}
