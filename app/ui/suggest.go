package ui

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"

	"gloss/app/entity"
	"gloss/app/session"
	"gloss/app/text"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Typed suggestions: every candidate entity has a suggested type (from the
// lexicon, its context and the person's memory). They are drawn with a
// dashed underline in the colour of the label the type maps to, accepted
// one at a time (J/K reach them, Enter accepts, 1–9 label otherwise: see
// keyboard.go) or all of a type at once through the review list, and every
// label, correction and rejection is remembered for every article.

// lexiconURL is the built-in lexicon, relative to the page; the service
// worker caches it with the app.
const lexiconURL = "web/lexicon.txt"

// memorySetting is where the person's memory is stored in the library.
const memorySetting = "entity-memory"

// minSuggestConfidence is the least confidence drawn as a suggestion: below
// it the type is a guess from the shape of the name alone.
const minSuggestConfidence = 0.3

// typeSynonyms are label names that stand for each built-in type, lower
// case: a label set "Person, Organisation, Place" works as well as PER,
// ORG, LOC.
var typeSynonyms = map[string][]string{
	entity.TypePER:  {"per", "person", "people", "persons", "personne", "persona", "persoon", "pessoa", "pers"},
	entity.TypeORG:  {"org", "organisation", "organization", "organisations", "organizations", "company", "organización", "organisatie", "organização"},
	entity.TypeLOC:  {"loc", "location", "place", "places", "gpe", "lieu", "lugar", "locatie", "plaats", "ort", "local"},
	entity.TypeMISC: {"misc", "miscellaneous", "other", "divers", "otros", "overig", "sonstige", "outros"},
}

// labelForType returns the name of the person's label that type t stands
// for: the label of that name, else one of its synonyms; "" when none.
func (f *finder) labelForType(t string) string {
	if t == "" {
		return ""
	}
	ls := f.a.labels
	for _, l := range ls {
		if strings.EqualFold(l.Name, t) {
			return l.Name
		}
	}
	for _, syn := range typeSynonyms[strings.ToUpper(t)] {
		for _, l := range ls {
			if strings.EqualFold(l.Name, syn) {
				return l.Name
			}
		}
	}
	return ""
}

// suggestion returns the label suggested for entity e ("" for none): the
// gazetteer's label, or its type mapped onto the labels when confident
// enough.
func (f *finder) suggestion(e entity.Entity) string { return f.suggestionWith(e, nil) }

// suggestionWith is suggestion, remembering in memo (when not nil) the
// label each type or gazetteer label maps onto.
func (f *finder) suggestionWith(e entity.Entity, memo map[string]string) string {
	t := e.Type
	if e.Source == entity.SourceGazetteer {
		t = e.Label
	} else if e.Confidence < minSuggestConfidence {
		return ""
	}
	if memo == nil {
		return f.labelForType(t)
	}
	l, ok := memo[t]
	if !ok {
		l = f.labelForType(t)
		memo[t] = l
	}
	return l
}

// loadLexicon fetches the lexicon after first paint and retypes the open
// article's entities once it is there, then finds them again. Without it (offline before the
// first visit, a failed fetch) suggestions come from context alone.
func (f *finder) loadLexicon() {
	if !app.IsClient || f.lexLoading {
		return
	}
	f.lexLoading = true
	var done app.Func
	done = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer done.Release()
		text, errText := args[0].String(), args[1].String()
		if errText != "" {
			f.a.ctx.Dispatch(func(ctx app.Context) {
				f.lexError = "The word lists for typed suggestions could not be loaded (" + errText + "); suggestions use the context only."
			})
			return nil
		}
		// Parsed in its own goroutine, in slices that give the thread back
		// to the page (a 5 MB paste may be building meanwhile); the result
		// is taken in an update like any event.
		f.lexParsing = true
		go f.parseLexicon(text)
		return nil
	})
	glossJS().Call("afterPaint", app.FuncOf(func(app.Value, []app.Value) any {
		glossJS().Call("fetchText", lexiconURL, done)
		return nil
	}))
}

// parseLexicon parses the fetched lexicon in slices and installs it.
func (f *finder) parseLexicon(text string) {
	start := perfNow()
	perfMark("gloss-lexicon-start")
	y := newYielder()
	lex, err := entity.ParseLexiconPaced([]byte(text), func() { y.pause() })
	y.release()
	perfMark("gloss-lexicon-parsed")
	perfSince("lexicon", start)
	f.a.ctx.Dispatch(func(ctx app.Context) {
		f.lexParsing = false
		if err != nil {
			f.lexError = err.Error()
			return
		}
		f.lex = lex
		if j := f.job; j != nil && !j.found {
			j.lex = lex // waiting for it (runJob), not started yet, or in the worker
			return
		}
		if d := f.a.doc(); d != nil && f.built == d.Meta.ID && f.builtLex {
			return // the worker built it with its own copy
		}
		if f.building() {
			// A build started without the lexicon: start it again with it.
			f.gen++
			f.job = nil
			f.build()
			return
		}
		f.retype()
		if d := f.a.doc(); d != nil && f.built == d.Meta.ID && len(d.Text) <= retypeLimit {
			// Types now, names found again in the background: the
			// lexicon decides boundaries too. A longer article keeps
			// its names until its next opening.
			f.refind()
		}
	})
}

// loadMemory reads the person's memory from the library. A library that
// has none yet (made before typed suggestions) gets one from the labels
// already in it, after first paint, so every past label votes too.
func (f *finder) loadMemory() {
	f.mem = &entity.Memory{}
	raw := f.a.lib.Setting(memorySetting)
	if raw == "" {
		if app.IsClient {
			glossJS().Call("afterPaint", app.FuncOf(func(app.Value, []app.Value) any {
				f.a.ctx.Dispatch(func(ctx app.Context) { f.seedMemory() })
				return nil
			}))
		}
		return
	}
	if err := json.Unmarshal([]byte(raw), f.mem); err != nil {
		f.mem = &entity.Memory{}
	}
}

// seedMemory votes every annotation of every stored article, once.
func (f *finder) seedMemory() {
	if f.a.lib.Setting(memorySetting) != "" {
		return
	}
	n := 0
	for _, m := range f.a.lib.List() {
		if m.Annotations == 0 {
			continue
		}
		d, err := f.a.lib.Load(m.ID)
		if err != nil {
			continue
		}
		for _, x := range d.Annotations {
			f.mem.Vote(x.Text, x.Label, m.ID)
			n++
		}
	}
	if n > 0 {
		f.saveMemory()
	}
}

// docID is the open article's ID ("" with none).
func (f *finder) docID() string {
	if f.a.doc() == nil {
		return ""
	}
	return f.a.doc().Meta.ID
}

// saveMemory stores the memory and retypes the open article.
func (f *finder) saveMemory() {
	b, err := json.Marshal(f.mem)
	if err == nil {
		err = f.a.lib.SaveSetting(memorySetting, string(b))
	}
	if err != nil {
		f.a.storageError(err)
	}
	// A long article is not retyped at every label: its labelled spans are
	// no longer suggestions anyway; the rest follow at its next opening.
	if d := f.a.doc(); d != nil && len(d.Text) <= retypeLimit {
		f.retype()
	}
}

// retypeLimit is the longest article (bytes) retyped at every label.
const retypeLimit = 200_000

// retype gives the open article's entities their types again (the lexicon
// arrived, the memory changed) and repaints the suggestions. The names are
// not found again: that waits for the next opening. An article whose
// entities are not built yet gets the new types when they are.
func (f *finder) retype() {
	d := f.a.doc()
	if d == nil || f.built != d.Meta.ID {
		return
	}
	defer perfSince("retype", perfNow())
	// Not the background build's pause: a build waiting for the worker (or
	// between slices) would be paused, or ended by a panic, on this
	// goroutine (seen: the lexicon arriving during a superseded build).
	p := entity.Pause
	entity.Pause = nil
	entity.Retype(d.Text, f.ents, entity.Options{Gazetteer: f.gaz, Lexicon: f.lex, Memory: f.mem})
	entity.Pause = p
	f.sortedBy = "" // the panel's order may depend on the types
	f.sugBase = nil // the types changed in place: the suggestions' base is of the old ones
	f.paintSuggestions()
}

// entityAt returns the entity with a mention exactly at start..end.
func (f *finder) entityAt(start, end int) (entity.Entity, bool) {
	for _, e := range f.ents {
		for _, m := range e.Mentions {
			if m.Start == start && m.End == end {
				return e, true
			}
			if m.Start > start {
				break
			}
		}
	}
	return entity.Entity{}, false
}

// learn remembers that the person labelled text at start..end with label:
// a vote for that label, or a correction when the suggestion was another.
func (f *finder) learn(start, end int, text, label string) {
	if f.mem == nil || strings.TrimSpace(text) == "" || label == "" {
		return
	}
	if e, ok := f.entityAt(start, end); ok {
		if s := f.suggestion(e); s != "" && s != label {
			f.mem.Correct(text, label)
			f.saveMemory()
			return
		}
	}
	f.mem.Vote(text, label, f.docID())
	f.saveMemory()
}

// relearn remembers a change of label: always a correction.
func (f *finder) relearn(text, label string) {
	if f.mem == nil || strings.TrimSpace(text) == "" || label == "" {
		return
	}
	f.mem.Correct(text, label)
	f.saveMemory()
}

// reject remembers that text is not label.
func (f *finder) reject(text, label string) {
	if f.mem == nil || strings.TrimSpace(text) == "" || label == "" {
		return
	}
	f.mem.Reject(text, label)
	f.saveMemory()
}

// startTypeReview opens the review list over every unlabelled mention of
// every entity suggested as type t, labelled with t's label.
func (f *finder) startTypeReview(t string) {
	label := f.labelForType(t)
	if label == "" {
		f.a.setError(fmt.Sprintf("No label stands for %s: add a label named %s (or rename one) to accept these suggestions.", t, t))
		return
	}
	var mentions []text.Span
	n := 0
	for _, e := range f.ents {
		if f.suggestion(e) != label {
			continue
		}
		n++
		mentions = append(mentions, e.Mentions...)
	}
	spans := append([]text.Span(nil), mentions...)
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	f.startReview(fmt.Sprintf("every %s suggestion (%s)", t, plural(n, "name")), label, spans)
	if f.review != nil {
		f.review.Suggested = true
	}
}

// typeFilterOf reports whether e passes the entities panel's type filter.
func (f *finder) typeFilterOf(e entity.Entity) bool {
	switch f.typeFilter {
	case "":
		return true
	case "none":
		return f.suggestion(e) == ""
	}
	return f.suggestion(e) == f.labelForType(f.typeFilter)
}

// evidenceText is the hover and focus text of an entity's suggestion.
func (f *finder) evidenceText(e entity.Entity) string {
	l := f.suggestion(e)
	if l == "" {
		if e.Type != "" {
			return fmt.Sprintf("Maybe %s (%d%%, too unsure to suggest): %s", e.Type, percent(e.Confidence), strings.Join(e.Evidence, "; "))
		}
		return "No suggestion: nothing says what this is."
	}
	if e.Source == entity.SourceGazetteer {
		return fmt.Sprintf("Suggested %s: in your gazetteer", l)
	}
	return fmt.Sprintf("Suggested %s (%d%%): %s", l, percent(e.Confidence), strings.Join(e.Evidence, "; "))
}

func percent(c float64) int { return int(math.Round(c * 100)) }

// reviewLearn remembers a review's outcome: accepted mentions are votes (or
// corrections, when the label is not what was suggested), rejected ones of a
// suggestion review count against the type.
func (f *finder) reviewLearn(r *session.Review) {
	if f.mem == nil {
		return
	}
	changed := false
	for _, it := range r.Items {
		switch {
		case it.Reject && r.Suggested:
			f.mem.Reject(it.Text, r.Label)
			changed = true
		case !it.Reject:
			if e, ok := f.entityAt(it.Start, it.End); ok && f.suggestion(e) != "" && f.suggestion(e) != r.Label {
				f.mem.Correct(it.Text, r.Label)
			} else {
				f.mem.Vote(it.Text, r.Label, f.docID())
			}
			changed = true
		}
	}
	if changed {
		f.saveMemory()
	}
}
