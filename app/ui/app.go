package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"gloss/app/annot"
	"gloss/app/session"
	"gloss/app/store"
	"gloss/app/text"
	"gloss/app/ui/embed"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// App is the whole page: the library, the article being read and labelled,
// the label set, search and entities. It holds the article in Go and draws
// it through the DOM helper (web/gloss.js) in batched calls.
type App struct {
	app.Compo

	// s is the session below the screen: the library, the open article
	// and the history; App draws it and calls its actions.
	s          *session.Session
	lib        *store.Library // s.Lib
	persistent bool           // false when the browser's storage cannot be used
	metas      []store.Meta
	labels     annot.Labels
	newPane    bool
	embed      bool
	allow      embed.Allowlist // host origins an embedded Gloss talks to
	// embedBusy: a gloss:load is being read by the extraction worker;
	// embedQueue holds the messages after it, answered once it is done.
	embedBusy  bool
	embedQueue []func(ctx app.Context)
	// beforeOpen, when set, runs once as the next article opens, before
	// the URL fragment is set (see opening).
	beforeOpen func()

	msg      notice
	selected string // ID of the selected annotation (marked in the text)
	editOpen bool   // the selected annotation's editor is open
	caret    caret  // the reading caret (keyboard)
	// suggestion is the typed suggestion J/K stopped at: Enter accepts it.
	suggestion target
	tip        tip // the suggestion whose evidence box is shown
	// focusAfterRender is the ID of the element to focus once drawn.
	focusAfterRender string
	shownSel         string // the selection gloss.js marks
	sideTab          string // "entities" (default) or "annotations"
	annFilter        string // the annotations list shows this label only ("" all)
	renaming         string // ID of the article being renamed in the library
	help             bool
	editing          bool // the article text is being edited
	showLib          bool // the library pane is open over the article (narrow windows)
	libLater         bool // the library pane is hidden at start: its contents wait for the rest (rest.go)
	dropOver         bool
	update           bool // a new version of the app is ready
	rest             bool // the parts below the first screen are mounted (rest.go)
	clip             clipboard

	find finder      // search, entities, gazetteer, annotate-all
	bulk *bulkImport // a many-file import running or its report
	lv   libView     // the library pane's filter and scroll window
	cmp  *comparison // a colleague's annotations compared with mine
	// libAgree is the library compared with a colleague's export.
	libAgree *libAgreement
	room     room // the share of the browser's storage the library takes

	ctx      app.Context
	jsFuncs  []app.Func
	painted  map[string]annot.Annotation // annotations as last drawn
	drawnDoc string                      // ID of the article in the DOM
	// drawCount counts the article's draws into the DOM (and its
	// clearing): highlights handed over before the last are gone.
	drawCount int
}

// doc is the open article, nil while the new-article pane is shown.
func (a *App) doc() *session.Doc {
	if a.s == nil { // rendered on the server, before OnMount
		return nil
	}
	return a.s.Doc
}

// notice is what the message area shows; Action names an optional button.
type notice struct {
	Text   string
	Error  bool
	Busy   bool // something is being read: an indeterminate progress bar
	Action string
	do     func(ctx app.Context)
	Extra  string
	extra  func(ctx app.Context)
}

func now() int64 { return time.Now().UnixMilli() }

// OnMount opens the library and wires the page-wide listeners.
func (a *App) OnMount(ctx app.Context) {
	perfMark("gloss-mount")
	a.ctx = ctx
	a.painted = map[string]annot.Annotation{}
	u := app.Window().URL()
	a.embed = embed.IsEmbed(u.Fragment, u.RawQuery)
	a.libLater = a.embed || libraryBehindMenu()
	if app.IsClient {
		a.lv.window = app.Window().Get("innerHeight").Int()
	}
	a.openLibrary(ctx)
	a.startRoom()
	perfMark("gloss-library-open")
	a.listen(ctx)
	a.listenTips(ctx)
	a.find.init(a)
	if a.embed {
		a.startEmbed(ctx)
	}
	id := fragmentValue(u.Fragment, "doc")
	if id == "" && !a.embed {
		id = a.lib.Setting("last")
	}
	if id != "" && a.hasDoc(id) {
		a.open(ctx, id)
	} else {
		a.newPane = true
		a.focusAfterRender = "paste-input"
	}
	ctx.Defer(func(ctx app.Context) {
		app.Window().Get("document").Get("body").Get("dataset").Set("ready", "1")
		a.mountRestAfterPaint()
	})
	a.find.warmSearchLater()
	if a.embed {
		// A host page may hold several: no warm-up for a paste that
		// does not come there.
		extractWorker.startLater(nil)
	} else {
		a.find.warmLater()
	}
}

// OnDismount releases the JavaScript callbacks.
func (a *App) OnDismount() {
	for _, f := range a.jsFuncs {
		f.Release()
	}
	a.jsFuncs = nil
}

// OnAppUpdate offers the new version once its service worker is ready.
func (a *App) OnAppUpdate(ctx app.Context) {
	a.update = ctx.AppUpdateAvailable()
}

func (a *App) openLibrary(ctx app.Context) {
	backend := newLocalStorage()
	a.persistent = !app.Window().Get("__glossStorageBlocked").Truthy()
	lib, problems, err := store.Open(backend)
	if err != nil {
		lib, _, _ = store.Open(store.NewMemory())
		a.persistent = false
		a.setError(fmt.Sprintf("Gloss cannot read this browser's storage (%v): your work stays in this tab only. Use Backup to keep it.", err))
	} else if !a.persistent {
		a.setNotice("This browser does not let Gloss keep data here (storage is blocked): your work stays in this tab only. Use Backup or Export to keep it.")
	}
	a.lib = lib
	a.s = session.New(lib, now)
	a.metas = lib.List()
	a.labels = lib.Labels()
	if lib.ReadOnly() {
		a.setError("This library was saved by a newer version of Gloss: it is open read-only so nothing of it is overwritten. Reload to get the new version.")
	}
	if len(problems) > 0 {
		var b strings.Builder
		fmt.Fprintf(&b, "%s could not be read and %s kept aside untouched: ", plural(len(problems), "stored record"), map[bool]string{true: "was", false: "were"}[len(problems) == 1])
		for i, p := range problems {
			if i == 3 {
				fmt.Fprintf(&b, "; and %d more", len(problems)-3)
				break
			}
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(strings.TrimSuffix(p.Message, "."))
		}
		b.WriteString(". Everything else is loaded.")
		a.setError(b.String())
	}
}

func (a *App) hasDoc(id string) bool {
	for _, m := range a.metas {
		if m.ID == id {
			return true
		}
	}
	return false
}

// open shows the article with the given ID. A damaged annotations record
// opens with what is readable, and says so.
func (a *App) open(ctx app.Context, id string) {
	err := a.s.Open(id)
	if err != nil && (a.doc() == nil || a.doc().Meta.ID != id) {
		a.setError(err.Error())
		return
	}
	a.opened()
	if err != nil {
		a.setError(err.Error())
	}
}

// show makes d the open article and draws it.
func (a *App) show(ctx app.Context, d store.Doc) {
	a.s.Show(d)
	a.opened()
}

// opened resets the view for the article the session just opened and
// draws it.
func (a *App) opened() {
	d := a.doc()
	a.newPane = false
	a.selected = ""
	a.editOpen = false
	a.caret = caret{}
	a.suggestion = target{}
	a.editing = false
	a.showLib = false
	a.find.reset()
	a.find.prepareBuild()
	if f := a.beforeOpen; f != nil {
		a.beforeOpen = nil
		f()
	}
	if !a.embed {
		a.lib.SaveSetting("last", d.Meta.ID)
		// Here, not after the render: set later, keys pressed in a row
		// ("[" then "t") labelled another article than the one shown
		// (TestBrowserLibraryStatus, 2–3 runs in 8). A paste being opened
		// has left its box by now (beforeOpen: emptyPasteBox), so
		// Chromium's replaceState does not save it with the entry.
		setFragment("doc=" + d.Meta.ID)
	}
	// a.ctx, not the event's: Defer skips a dismounted source element, and
	// the button that opened this article may be gone after the render.
	a.ctx.Defer(func(ctx app.Context) { a.draw() })
}

// opening runs do with before set to run as an article opens in it (after
// the article is stored, before the fragment is set), if one does. Nothing
// of it is left for a later open.
func (a *App) opening(before func(), do func()) {
	a.beforeOpen = before
	defer func() { a.beforeOpen = nil }()
	do()
}

// create stores a new article, read from the file named source ("" when
// pasted), and opens it. When it cannot be stored the open article stays
// as it was and the error says why (also shown in the page).
func (a *App) create(ctx app.Context, art text.Article, source string, notices []text.Notice) error {
	title := strings.TrimSpace(art.Title)
	if title == "" {
		title = "Untitled article"
	}
	// A long article's build starts in the workers now, beside its
	// storing and drawing.
	a.find.postEarly(art.Text)
	start := perfNow()
	// The text just stored is the one in hand: it is not read back.
	meta, err := a.s.Create(store.Doc{Meta: store.Meta{Title: title, Kind: art.Kind, Source: source}, Text: art.Text})
	if err != nil {
		a.find.dropEarly()
		a.setError("The article could not be saved: " + err.Error() + ". Nothing in your library was changed.")
		return err
	}
	perfSince("store", start)
	perfMark("gloss-stored")
	a.updateRoom()
	a.metas = a.lib.List()
	start = perfNow()
	a.opened()
	perfSince("show", start)
	by := strings.Join(slices.DeleteFunc([]string{art.Byline, art.Published}, func(s string) bool { return s == "" }), ", ")
	if by != "" {
		// A web page's byline and date are kept apart from its text.
		by = " (" + by + ")"
	}
	msg := fmt.Sprintf("Loaded %q%s: %s characters.", title, by, thousands(meta.Chars))
	for _, n := range notices {
		msg += " " + sentence(string(n))
	}
	a.setNotice(msg)
	a.focusAfterRender = "article"
	return nil
}

// failed shows what went wrong with an action: a refused write (the
// change is kept in the tab) offers a backup; anything else is an error.
func (a *App) failed(err error) {
	var se *session.SaveError
	if errors.As(err, &se) || errors.Is(err, store.ErrQuota) {
		a.storageError(err)
		return
	}
	a.setError(sentence(err.Error()))
}

func (a *App) storageError(err error) {
	n := notice{Error: true,
		Text:   "Your change is kept in this tab but could not be saved in the browser: " + err.Error() + ". What was stored before is intact. Download a backup to keep your work.",
		Action: "Download backup",
		do:     func(ctx app.Context) { a.downloadBackup() },
	}
	a.msg = n
}

func (a *App) setNotice(s string) { a.msg = notice{Text: s} }
func (a *App) setError(s string)  { a.msg = notice{Text: s, Error: true} }

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// sentence capitalises s and ends it with a full stop, for messages built
// from lower-case error and notice texts.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	s = string(r)
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "!") && !strings.HasSuffix(s, "?") {
		s += "."
	}
	return s
}
