package ui

import (
	"fmt"
	"strconv"
	"strings"

	"gloss/app/agree"
	"gloss/app/annot"
	"gloss/app/convert"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// comparison holds a colleague's annotations of the open article
// ("theirs"), compared with the person's own and adjudicated difference by
// difference: keep mine, or take theirs as one undoable change.
type comparison struct {
	doc    string // the article compared
	name   string // the file theirs came from
	theirs []annot.Annotation
	cur    int             // index into the differences shown
	kept   map[string]bool // differences where mine was kept
}

// diffKey names a difference so that keeping mine survives recomputing.
func diffKey(d agree.Diff) string {
	var b strings.Builder
	for _, x := range append(append([]annot.Annotation(nil), d.A...), d.B...) {
		fmt.Fprintf(&b, "%d-%d-%s;", x.Start, x.End, x.Label)
	}
	return b.String()
}

// differences returns what still differs between mine and theirs, in text
// order, and the agreement figures.
func (a *App) differences() ([]agree.Diff, *agree.Result) {
	c := a.cmp
	mine := a.doc().Set.All()
	var out []agree.Diff
	for _, d := range agree.Diffs(mine, c.theirs) {
		if d.Kind != agree.Same {
			out = append(out, d)
		}
	}
	return out, agree.Compare([]agree.Doc{{Text: a.doc().Text, A: mine, B: c.theirs}})
}

// compareFile reads a colleague's annotations of the open article.
func (a *App) compareFile(ctx app.Context, name string, data []byte) {
	if a.doc() == nil {
		return
	}
	f, docs, _, err := convert.Decode(name, data, a.doc().Text)
	if f == "" && err == nil {
		a.setError(fmt.Sprintf("%s: not a format Gloss reads (brat .ann, W3C .jsonld, JSONL, CoNLL, CSV). Nothing to compare.", name))
		return
	}
	if err != nil {
		a.setError(fmt.Sprintf("%s: %v", name, err))
		return
	}
	var theirs []annot.Annotation
	found := false
	for _, d := range docs {
		if d.Text == "" || d.Text == a.doc().Text {
			theirs, found = d.Annotations, true
			break
		}
		if as, ok := agree.Align(d.Text, a.doc().Text, d.Annotations); ok {
			theirs, found = as, true
			break
		}
	}
	if !found {
		a.setError(fmt.Sprintf("%s holds no annotations of this article's text, so there is nothing to compare. Open the article they annotated, or import the file as new articles.", name))
		return
	}
	a.cmp = &comparison{doc: a.doc().Meta.ID, name: name, theirs: theirs, kept: map[string]bool{}}
	ds, r := a.differences()
	a.setNotice(fmt.Sprintf("Compared with %s: %s, overlap F1 %.2f, κ %.2f. J / K step through them, Y takes theirs, N keeps mine.",
		name, plural(len(ds), "difference"), r.Overall.Overlap.Score().F1, r.Kappa.Value))
	a.stepDiff(0)
}

// stepDiff moves to the difference by steps away from the current one and shows it.
func (a *App) stepDiff(by int) {
	if a.cmp == nil || a.doc() == nil {
		return
	}
	ds, _ := a.differences()
	if len(ds) == 0 {
		a.cmp.cur = 0
		return
	}
	a.cmp.cur = ((a.cmp.cur+by)%len(ds) + len(ds)) % len(ds)
	d := ds[a.cmp.cur]
	a.reveal(d.Start(), d.End())
}

// resolve keeps mine (theirs false) or takes theirs for the current
// difference, then moves to the next one still open.
func (a *App) resolve(theirs bool) {
	if a.cmp == nil || a.doc() == nil {
		return
	}
	ds, _ := a.differences()
	if len(ds) == 0 {
		return
	}
	d := ds[a.cmp.cur]
	if !theirs {
		a.cmp.kept[diffKey(d)] = true
		a.setNotice("Kept yours: " + describeDiff(d) + ".")
		a.stepDiff(1)
		return
	}
	remove, add := agree.Take(d, annot.NewID)
	drop := map[string]bool{}
	for _, id := range remove {
		drop[id] = true
	}
	var next []annot.Annotation
	for _, x := range a.doc().Set.All() {
		if !drop[x.ID] {
			next = append(next, x)
		}
	}
	next = append(next, add...)
	if err := a.changeAnnotations("take theirs", func(s *annot.Set) error {
		s.Replace(next)
		return nil
	}); err != nil {
		return
	}
	a.setNotice("Took theirs: " + describeDiff(d) + ". Ctrl+Z undoes it.")
	// The difference is gone: the next one is now at the same index.
	a.stepDiff(0)
}

func describeDiff(d agree.Diff) string {
	side := func(as []annot.Annotation) string {
		if len(as) == 0 {
			return "nothing"
		}
		return fmt.Sprintf("%q %s", as[0].Text, as[0].Label)
	}
	return fmt.Sprintf("%s (mine %s, theirs %s)", d.Kind, side(d.A), side(d.B))
}

// comparing reports whether the open article is being compared.
func (a *App) comparing() bool {
	return a.cmp != nil && a.doc() != nil && a.cmp.doc == a.doc().Meta.ID
}

// onCompareKey handles J, K, Y and N while comparing.
func (a *App) onCompareKey(ctx app.Context, key string) bool {
	if a.cmp == nil || a.doc() == nil || a.cmp.doc != a.doc().Meta.ID {
		return false
	}
	switch key {
	case "j", "J":
		ctx.Dispatch(func(ctx app.Context) { a.stepDiff(1) })
	case "k", "K":
		ctx.Dispatch(func(ctx app.Context) { a.stepDiff(-1) })
	case "y", "Y":
		ctx.Dispatch(func(ctx app.Context) { a.resolve(true) })
	case "n", "N":
		ctx.Dispatch(func(ctx app.Context) { a.resolve(false) })
	default:
		return false
	}
	return true
}

func (a *App) renderCompare() app.UI {
	if a.doc() == nil || a.newPane {
		return app.Div()
	}
	input := app.Label().Class("muted").Body(
		app.Text("Compare with a colleague's file: "),
		app.Input().Type("file").DataSet("testid", "compare-input").
			OnChange(func(ctx app.Context, e app.Event) {
				a.readFilesWith(ctx, ctx.JSSrc().Get("files"), a.compareFile)
				ctx.JSSrc().Set("value", "")
			}),
	)
	if a.cmp == nil || a.cmp.doc != a.doc().Meta.ID {
		return app.Div().DataSet("testid", "compare").Body(app.H2().Text("Agreement"), input)
	}
	ds, r := a.differences()
	return app.Div().DataSet("testid", "compare").Body(
		app.H2().Body(
			app.Text("Agreement "),
			app.Button().Class("x").Text("close").DataSet("testid", "compare-close").
				OnClick(func(ctx app.Context, e app.Event) { a.cmp = nil }),
		),
		app.P().Class("muted").Text("Mine against "+a.cmp.name+" (theirs): precision is the share of theirs I have."),
		&agreementTable{Result: r, TestID: "agreement-table"},
		kappaLine(r, "agreement-kappa"),
		app.If(len(ds) == 0, func() app.UI {
			return app.P().DataSet("testid", "diff-none").Text("No differences left.")
		}).Else(func() app.UI {
			cur := min(a.cmp.cur, len(ds)-1)
			return app.Div().Body(
				app.P().Class("muted").Text(fmt.Sprintf("Difference %d of %d (J / K to step, Y take theirs, N keep mine)", cur+1, len(ds))),
				app.Ul().Class("diffs").Body(
					app.Range(ds).Slice(func(i int) app.UI {
						d := ds[i]
						cls := "diff " + strings.ReplaceAll(d.Kind.String(), " ", "-")
						if i == cur {
							cls += " current"
						}
						if a.cmp.kept[diffKey(d)] {
							cls += " kept"
						}
						return app.Li().Class(cls).DataSet("testid", "diff-item").DataSet("kind", d.Kind.String()).DataSet("i", i).
							Text(describeDiff(d)).
							OnClick(func(ctx app.Context, e app.Event) {
								k, _ := strconv.Atoi(ctx.JSSrc().Get("dataset").Get("i").String())
								a.cmp.cur = 0
								a.stepDiff(k)
							})
					}),
				),
				app.Div().Class("row").Body(
					app.Button().DataSet("testid", "diff-keep").Text("Keep mine (N)").
						OnClick(func(ctx app.Context, e app.Event) { a.resolve(false) }),
					app.Button().DataSet("testid", "diff-take").Text("Take theirs (Y)").
						OnClick(func(ctx app.Context, e app.Event) { a.resolve(true) }),
				),
			)
		}),
		input,
	)
}
