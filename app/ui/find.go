package ui

import (
	"gloss/app/annot"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// finder is search, the entities panel, the gazetteer and annotate-all.
type finder struct {
	a *App
}

func (f *finder) init(a *App)                                              { f.a = a }
func (f *finder) reset()                                                   {}
func (f *finder) redraw()                                                  {}
func (f *finder) clear()                                                   {}
func (f *finder) annotationsChanged()                                      {}
func (f *finder) gazetteerChanged()                                        {}
func (f *finder) offerGazetteer(x annot.Annotation)                        {}
func (f *finder) focusSearch()                                             {}
func (f *finder) reviewing() bool                                          { return false }
func (f *finder) onReviewKey(ctx app.Context, key string, shift bool) bool { return false }
func (f *finder) onKey(ctx app.Context, key string, shift bool) bool       { return false }
func (f *finder) onKeyTyping(ctx app.Context, e app.Value, key string, shift bool) bool {
	return false
}
func (f *finder) renderSearch() app.UI                              { return app.Span() }
func (f *finder) renderPanels() app.UI                              { return app.Div() }
func (f *finder) renderAnnotationActions(x annot.Annotation) app.UI { return app.Span() }
