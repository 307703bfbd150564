package ui

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gloss/app/annot"
	"gloss/app/entity"
	"gloss/app/session"
	"gloss/app/text"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// finder is search, the entities panel, the gazetteer and annotate-all.
// It draws its highlights with the CSS Custom Highlight API: one call per
// change however many mentions there are.
type finder struct {
	a *App

	gaz   *entity.Gazetteer
	ents  []entity.Entity
	idx   *entity.Index
	built string // ID of the article ents and idx were built for
	// shown: the suggestion highlights' spans as handed to the page since
	// draw shownDraw (App.drawCount), by name (applySuggestion).
	shown     map[string][][2]int
	shownDraw int
	// sugBase: the suggestions before the annotations take any out, for
	// the repaint after a label (suggestionsNow).
	sugBase *suggestionBase
	// repaintFn repaints the suggestions in a task of its own
	// (annotationsChanged); repaintQueued: one is posted.
	repaintFn     app.Func
	repaintQueued bool

	// The background build (build.go).
	gen     int       // bumped by every build request; a result of an older one is dropped
	job     *buildJob // the build wanted next or under way; nil when none
	bgJob   *buildJob // the build running in the background goroutine
	running bool      // the background goroutine is alive
	slices  *yielder  // the running build's slices
	// kick wakes a build waiting for the worker when a newer one is asked.
	kick chan struct{}
	// early is a long article's build posted to the workers before it was
	// stored and drawn (postEarly), until its background build takes it.
	early *workerBuild
	// builtLex: ents were built in the worker with the lexicon, before
	// the page's own copy came (nothing to retype when it does).
	builtLex bool

	query  string
	hits   []entity.Hit
	active int  // chosen search result
	closed bool // the results list is closed (the focus left the box)

	entSort   string // "count", "label" or "first"
	entActive string // Entity.Key chosen in the panel
	entLimit  int    // how many entities the panel lists
	rowCap    int    // while an install is staged, at most this many (0: no cap)
	// f.ents's indexes in the panel's order: a copy of the entities would
	// be as many pointers again for the collector to mark.
	sorted   []int32
	sortedBy string // built + entSort the sorted list is for

	stage  *installStage // what is left of a staged install (install.go)
	stepFn app.Func      // runs its next step

	mentions []text.Span // mentions being stepped through
	cur      int

	review *session.Review // annotate-all's list, nil when closed

	// Typed suggestions (suggest.go).
	lex        *entity.Lexicon // nil until fetched after first paint
	lexLoading bool
	lexParsing bool // the lexicon arrived and is being parsed (parseLexicon)
	lexError   string
	mem        *entity.Memory // what the person labelled, corrected, rejected
	typeFilter string         // the entities panel's type filter: "", a type, or "none"
}

func (f *finder) init(a *App) {
	f.a = a
	f.entSort = "count"
	f.loadGazetteer()
	f.loadMemory()
	f.exposeTargets()
	f.loadLexicon()
}

// exposeTargets lets the browser benchmark read the open article's search
// candidates (window.glossSearchTargets() returns them as a JSON array, or
// null before the index is built), so the JavaScript peers it measures
// search exactly the strings Gloss searches.
func (f *finder) exposeTargets() {
	if !app.IsClient {
		return
	}
	app.Window().Set("glossSearchTargets", app.FuncOf(func(app.Value, []app.Value) any {
		if f.idx == nil {
			return nil
		}
		b, err := json.Marshal(f.idx.Targets())
		if err != nil {
			return nil
		}
		return string(b)
	}))
}

func (f *finder) loadGazetteer() {
	f.gaz = entity.NewGazetteer(nil)
	if raw := f.a.lib.Gazetteer(); len(raw) > 0 {
		var g entity.Gazetteer
		if err := json.Unmarshal(raw, &g); err == nil {
			f.gaz = &g
		} else {
			f.a.setError("The gazetteer stored in this browser could not be read (" + err.Error() + "); it is kept untouched and an empty one is used.")
		}
	}
}

func (f *finder) saveGazetteer() {
	b, err := json.Marshal(f.gaz)
	if err == nil {
		err = f.a.lib.SaveGazetteer(b)
	}
	if err != nil {
		f.a.storageError(err)
	}
}

// reset forgets the previous article's search state.
func (f *finder) reset() {
	f.query, f.hits, f.active = "", nil, 0
	f.entActive, f.mentions, f.cur = "", nil, 0
	f.entLimit = 0
	f.endSteps()
	f.review = nil
	f.built = ""
	f.ents, f.idx = nil, nil
	f.typeFilter = ""
}

// redraw builds the entities and index for the drawn article if needed and
// repaints the gazetteer suggestions.
func (f *finder) redraw() {
	if f.a.doc() == nil {
		return
	}
	f.build()
	f.paintSuggestions()
	f.paintHits()
}

func (f *finder) gazetteerChanged() {
	f.loadGazetteer()
	f.invalidate()
	f.redraw()
}

// annotationsChanged repaints the suggestions: a labelled mention is no
// longer one. In the browser the repaint runs in a task of its own, after
// the one that drew the change: the label shows at once, and on a long
// article the repaint was most of a label's time.
func (f *finder) annotationsChanged() {
	if f.built == "" {
		f.redraw()
		return
	}
	if !app.IsClient {
		f.paintSuggestions()
		return
	}
	if f.repaintFn == nil {
		f.repaintFn = app.FuncOf(func(app.Value, []app.Value) any {
			f.a.ctx.Dispatch(func(ctx app.Context) {
				f.repaintQueued = false
				if d := f.a.doc(); d != nil && f.built == d.Meta.ID {
					f.paintSuggestions()
				}
				ctx.PreventUpdate() // nothing go-app draws changed
			})
			return nil
		})
	}
	if !f.repaintQueued {
		f.repaintQueued = true
		glossJS().Call("yieldTask", f.repaintFn)
	}
}

// ---- search ----

func (f *finder) search(q string) {
	defer perfSince("search", perfNow())
	f.query = q
	f.active = 0
	f.cur = -1
	if d := f.a.doc(); d != nil && f.built != d.Meta.ID {
		f.redraw() // typed before the deferred build ran
	}
	if strings.TrimSpace(q) == "" || f.idx == nil {
		f.hits = nil
		f.mentions = nil
	} else {
		f.hits = f.idx.Search(q, 20)
		f.choose(0)
	}
	f.paintHits()
}

func (f *finder) choose(i int) {
	if i < 0 || i >= len(f.hits) {
		f.mentions = nil
		return
	}
	f.active = i
	f.mentions = f.hits[i].Mentions
	f.cur = -1
	f.entActive = ""
}

func (f *finder) paintHits() {
	spans := make([][2]int, len(f.mentions))
	for i, m := range f.mentions {
		spans[i] = [2]int{m.Start, m.End}
	}
	f.a.highlight("gloss-hit", spans)
	if len(spans) == 0 && app.IsClient {
		glossJS().Call("clearHighlight", "gloss-current")
	}
}

// step moves to the next (or previous) mention and scrolls to it.
func (f *finder) step(back bool) bool {
	n := len(f.mentions)
	if n == 0 {
		return false
	}
	if back {
		f.cur = (f.cur - 1 + n) % n
		if f.cur < 0 {
			f.cur = n - 1
		}
	} else {
		f.cur = (f.cur + 1) % n
	}
	m := f.mentions[f.cur]
	f.a.reveal(m.Start, m.End)
	// The hit becomes the selection and the caret: 1–9 label it at once.
	w := text.Span{Start: m.Start, End: m.End}
	f.a.caret = caret{on: true, anchor: w, focus: w}
	f.a.selected, f.a.editOpen, f.a.suggestion = "", false, target{}
	f.a.selectSpan(m.Start, m.End)
	return true
}

func (f *finder) clear() {
	f.query, f.hits, f.mentions, f.entActive = "", nil, nil, ""
	f.review = nil
	if app.IsClient {
		if el := app.Window().GetElementByID("search-input"); el.Truthy() {
			el.Set("value", "")
		}
		glossJS().Call("clearHighlight", "gloss-review")
	}
	f.paintHits()
}

func (f *finder) focusSearch() {
	if el := app.Window().GetElementByID("search-input"); el.Truthy() {
		el.Call("focus")
		el.Call("select")
	}
}

// onKeyTyping handles keys inside the search box.
func (f *finder) onKeyTyping(ctx app.Context, e app.Value, key string, shift bool) bool {
	if e.Get("target").Get("id").String() != "search-input" {
		return false
	}
	switch key {
	case "ArrowDown", "ArrowUp":
		ctx.Dispatch(func(ctx app.Context) {
			if len(f.hits) == 0 {
				return
			}
			d := 1
			if key == "ArrowUp" {
				d = -1
			}
			f.choose((f.active + d + len(f.hits)) % len(f.hits))
			f.paintHits()
		})
	case "Enter":
		if e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() {
			// Annotate all without typing a character into the box.
			ctx.Dispatch(func(ctx app.Context) {
				f.startReviewFromCurrent()
				if f.review != nil {
					f.a.focusArticle()
				}
			})
			return true
		}
		ctx.Dispatch(func(ctx app.Context) {
			// The text takes the keyboard: 1–9 label the hit, N goes on.
			if f.step(shift) {
				f.a.focusArticle()
			}
		})
	case "Escape":
		e.Get("target").Call("blur")
		ctx.Dispatch(func(ctx app.Context) { f.clear() })
	default:
		return false
	}
	return true
}

// onKey handles the finder's keys outside text fields.
func (f *finder) onKey(ctx app.Context, key string, shift bool) bool {
	switch key {
	case "Enter", "n", "p":
		if len(f.mentions) == 0 {
			return false
		}
		back := shift || key == "p"
		ctx.Dispatch(func(ctx app.Context) { f.step(back) })
	case "a", "A":
		ctx.Dispatch(func(ctx app.Context) { f.startReviewFromCurrent() })
	case "e", "E":
		if el := app.Window().Get("document").Call("querySelector", `[data-testid="entity-item"]`); el.Truthy() {
			el.Call("focus")
		}
	case "g", "G":
		ctx.Dispatch(func(ctx app.Context) {
			if x, ok := f.selectedAnnotation(); ok {
				f.addToGazetteer(x)
			}
		})
	default:
		return false
	}
	return true
}

func (f *finder) selectedAnnotation() (annot.Annotation, bool) {
	if f.a.doc() == nil || f.a.selected == "" {
		return annot.Annotation{}, false
	}
	return f.a.doc().Set.Get(f.a.selected)
}

// ---- entities ----

func (f *finder) chooseEntity(key string) {
	if f.entActive == key && len(f.mentions) > 0 {
		f.step(false)
		return
	}
	for _, e := range f.ents {
		if e.Key == key {
			f.entActive = key
			f.mentions = e.Mentions
			f.cur = -1
			f.paintHits()
			f.step(false)
			return
		}
	}
}

// sortedEntities returns the indexes in f.ents of the built entities, in
// the panel's order.
func (f *finder) sortedEntities() []int32 {
	if f.a.doc() == nil || f.built != f.a.doc().Meta.ID {
		return nil // built after the text is painted; not the last article's
	}
	// Render runs at every update: sort once per article and sort order.
	if by := f.sortKey(f.entSort); by != f.sortedBy {
		f.sorted, f.sortedBy = f.sortOf(), by
	}
	return f.sorted
}

// sortKey names the sorted list for the built entities in order by.
func (f *finder) sortKey(by string) string {
	return f.built + "/" + by + "/" + strconv.Itoa(len(f.ents))
}

// sortOf sorts the entities as the panel's sort menu says, as indexes: a
// long article has tens of thousands, and a sort that swaps whole entities
// moved megabytes.
func (f *finder) sortOf() []int32 {
	ents := f.ents
	byMentions := func(a, b *entity.Entity) int { return cmp.Compare(len(b.Mentions), len(a.Mentions)) }
	order := byMentions
	switch f.entSort {
	case "", "count":
		return sortByMentions(ents)
	case "label":
		order = func(a, b *entity.Entity) int {
			if a.Label != b.Label {
				switch {
				case a.Label == "":
					return 1 // unlabelled last
				case b.Label == "":
					return -1
				}
				return strings.Compare(a.Label, b.Label)
			}
			return byMentions(a, b)
		}
	case "first":
		order = func(a, b *entity.Entity) int { return cmp.Compare(a.First, b.First) }
	}
	idx := make([]int32, len(ents))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortStableFunc(idx, func(i, j int32) int { return order(&ents[i], &ents[j]) })
	return idx
}

// ---- gazetteer ----

// sortByMentions is the indexes of ents ordered by their number of
// mentions, most first, entities with as many in their order: a counting
// sort, since a long article has tens of thousands and comparing them took
// a long task.
func sortByMentions(ents []entity.Entity) []int32 {
	most := 0
	for i := range ents {
		most = max(most, len(ents[i].Mentions))
	}
	at := make([]int, most+2) // at[most-n]: where the entities with n mentions go
	for i := range ents {
		at[most-len(ents[i].Mentions)+1]++
	}
	for k := 1; k < len(at); k++ {
		at[k] += at[k-1]
	}
	out := make([]int32, len(ents))
	for i := range ents {
		k := most - len(ents[i].Mentions)
		out[at[k]] = int32(i)
		at[k]++
	}
	return out
}

// offerGazetteer offers to add a newly labelled span to the gazetteer.
func (f *finder) offerGazetteer(x annot.Annotation) {
	if f.gaz == nil || strings.TrimSpace(x.Text) == "" || f.a.embed {
		return
	}
	for _, e := range f.gaz.Entries() {
		if entity.Fold(e.Name) == entity.Fold(x.Text) {
			return
		}
	}
	f.a.msg = notice{
		Text:   fmt.Sprintf("Labelled “%s” as %s.", clip(x.Text, 60), x.Label),
		Action: "Add to gazetteer",
		do:     func(ctx app.Context) { f.addToGazetteer(x) },
	}
}

func (f *finder) addToGazetteer(x annot.Annotation) {
	name := strings.TrimSpace(x.Text)
	if err := f.gaz.Add(entity.Entry{Name: name, Label: x.Label}); err != nil {
		f.a.setError(err.Error())
		return
	}
	f.saveGazetteer()
	f.invalidate()
	f.redraw()
	f.a.setNotice(fmt.Sprintf("Added “%s” (%s) to the gazetteer: it is suggested in every article.", clip(name, 60), x.Label))
}

func (f *finder) importGazetteer(ctx app.Context, name string, data []byte) {
	var entries []entity.Entry
	var err error
	if strings.HasSuffix(strings.ToLower(name), ".csv") {
		entries, err = entity.ParseGazetteerCSV(data)
	} else {
		entries, err = entity.ParseGazetteerJSON(data)
	}
	if err != nil {
		f.a.setError(fmt.Sprintf("%s: %v. The gazetteer is unchanged.", name, err))
		return
	}
	g := entity.NewGazetteer(f.gaz.Entries())
	for _, e := range entries {
		if err := g.Add(e); err != nil {
			f.a.setError(fmt.Sprintf("%s: entry %q: %v. The gazetteer is unchanged.", name, e.Name, err))
			return
		}
	}
	f.gaz = g
	f.saveGazetteer()
	f.invalidate()
	f.redraw()
	f.a.setNotice(fmt.Sprintf("Imported %s from %s.", pluralY(len(entries), "gazetteer entry", "gazetteer entries"), name))
}

// ---- annotate all ----

// startReviewFromCurrent opens the review list for the chosen search
// result, the chosen entity or the selected annotation.
func (f *finder) startReviewFromCurrent() {
	a := f.a
	if a.doc() == nil {
		return
	}
	switch {
	case f.entActive != "":
		for _, e := range f.ents {
			if e.Key == f.entActive {
				f.startReview(e.Name, f.suggestion(e), e.Mentions)
				if f.review != nil {
					f.review.Suggested = f.review.Label != ""
				}
				return
			}
		}
	case f.typeFilter != "" && f.typeFilter != "none":
		f.startTypeReview(f.typeFilter)
	case len(f.hits) > 0 && f.active < len(f.hits):
		h := f.hits[f.active]
		label := ""
		if h.Entity != "" {
			for _, e := range f.ents {
				if e.Key == h.Entity {
					label = f.suggestion(e)
					break
				}
			}
		}
		f.startReview(h.Text, label, h.Mentions)
	default:
		if x, ok := f.selectedAnnotation(); ok {
			f.startReview(x.Text, x.Label, f.mentionsOf(x))
		}
	}
}

// mentionsOf finds every whole-word occurrence of an annotation's text.
func (f *finder) mentionsOf(x annot.Annotation) []text.Span {
	if f.idx != nil {
		if e, ok := f.idx.Entity(entity.Fold(x.Text)); ok {
			return e.Mentions
		}
	}
	return f.a.doc().Occurrences(x.Text)
}

func (f *finder) startReview(name, label string, mentions []text.Span) {
	r, msg := f.a.s.StartReview(name, label, mentions)
	if msg != "" {
		f.a.setNotice(msg)
	}
	if r != nil {
		f.review = r
		f.showReviewItem()
		if app.IsClient {
			// On a phone the panel under the article is short: bring the
			// review list and its Apply into it (a no-op where it shows).
			f.a.ctx.Defer(func(app.Context) {
				if el := app.Window().Get("document").Call("querySelector", `[data-testid="review"] [data-testid="review-apply"]`); el.Truthy() {
					el.Call("scrollIntoView", map[string]any{"block": "nearest"})
				}
			})
		}
	}
}

func (f *finder) reviewing() bool { return f.review != nil }

func (f *finder) showReviewItem() {
	r := f.review
	if r == nil || r.Cur >= len(r.Items) {
		return
	}
	it := r.Items[r.Cur]
	f.a.reveal(it.Start, it.End)
	var spans [][2]int
	for _, sp := range r.Accepted() {
		spans = append(spans, [2]int{sp.Start, sp.End})
	}
	f.a.highlight("gloss-review", spans)
}

// onReviewKey: y/a accept, n/r reject, arrows move, digits pick the label,
// Enter applies, Escape cancels.
func (f *finder) onReviewKey(ctx app.Context, key string, shift bool) bool {
	r := f.review
	mark := func(reject bool) {
		ctx.Dispatch(func(ctx app.Context) { r.Mark(reject); f.showReviewItem() })
	}
	switch {
	case key == "y" || key == "a":
		mark(false)
	case key == "n" || key == "r":
		mark(true)
	case key == "ArrowDown" || key == "j":
		ctx.Dispatch(func(ctx app.Context) { r.Move(1); f.showReviewItem() })
	case key == "ArrowUp" || key == "k":
		ctx.Dispatch(func(ctx app.Context) { r.Move(-1); f.showReviewItem() })
	case key == "Enter":
		ctx.Dispatch(func(ctx app.Context) { f.applyReview() })
	case key == "Escape":
		ctx.Dispatch(func(ctx app.Context) { f.cancelReview() })
	case len(key) == 1 && key >= "1" && key <= "9":
		i := int(key[0] - '1')
		if i >= len(f.a.labels) {
			return false
		}
		ctx.Dispatch(func(ctx app.Context) { r.Label = f.a.labels[i].Name })
	default:
		return false
	}
	return true
}

func (f *finder) applyReview() {
	r := f.review
	if r == nil {
		return
	}
	if r.Label == "" {
		f.a.setError(sentence(session.ErrNoLabel.Error()))
		return
	}
	f.reviewLearn(r)
	f.review = nil
	if app.IsClient {
		glossJS().Call("clearHighlight", "gloss-review")
	}
	prev := f.a.doc()
	msg, err := f.a.s.ApplyReview(r)
	f.a.after(prev)
	if err != nil {
		f.a.failed(err)
		return
	}
	f.a.setNotice(msg)
}

func (f *finder) cancelReview() {
	f.review = nil
	if app.IsClient {
		glossJS().Call("clearHighlight", "gloss-review")
	}
}
