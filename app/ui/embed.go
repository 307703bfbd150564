package ui

import (
	"fmt"

	"gloss/app/text"
	"gloss/app/ui/embed"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The embed bridge: web/gloss.js forwards each message event as
// (origin, JSON text); replies go back to the sender's window with its
// origin as targetOrigin. Messages from origins not in the page URL's
// allowlist are dropped without an answer.

func (a *App) startEmbed(ctx app.Context) {
	u := app.Window().URL()
	a.allow = embed.ParseAllowlist(u.Fragment)
	if len(a.allow.Origins()) == 0 {
		a.allow = embed.ParseAllowlist(u.RawQuery)
	}
	if bad := a.allow.Invalid(); len(bad) > 0 {
		a.setError(fmt.Sprintf("Embed: %q are not origins (scheme://host[:port]) and are ignored.", bad))
	}
	fn := app.FuncOf(func(this app.Value, args []app.Value) any {
		origin, data := args[0].String(), args[1].String()
		if !a.allow.Allows(origin) {
			return nil
		}
		ctx.Dispatch(func(ctx app.Context) { a.onEmbedMessage(ctx, origin, []byte(data)) })
		return nil
	})
	a.jsFuncs = append(a.jsFuncs, fn)
	glossJS().Call("listen", fn)
	for _, o := range a.allow.Origins() {
		glossJS().Call("post", o, string(embed.Ready(Version)))
	}
}

func (a *App) reply(origin string, msg []byte) {
	if app.IsClient {
		glossJS().Call("post", origin, string(msg))
	}
}

func (a *App) onEmbedMessage(ctx app.Context, origin string, data []byte) {
	if a.embedBusy {
		a.embedQueue = append(a.embedQueue, func(ctx app.Context) { a.onEmbedMessage(ctx, origin, data) })
		return
	}
	req, err := embed.Decode(data)
	if err != nil {
		a.reply(origin, embed.Error(req.ID, err.Error()))
		return
	}
	switch req.Type {
	case embed.TypeLoad:
		if req.HTML != "" || req.Markdown != "" {
			// Read by the extraction worker, off the UI goroutine; later
			// messages wait so that answers keep the order of requests.
			a.embedBusy = true
			ctx.Async(func() {
				art, err := embedRead(req)
				ctx.Dispatch(func(ctx app.Context) {
					a.embedBusy = false
					if err != nil {
						a.reply(origin, embed.Error(req.ID, err.Error()))
					} else {
						a.embedLoad(ctx, origin, req, art)
					}
					a.drainEmbed(ctx)
				})
			})
			return
		}
		// Plain text is kept exactly as sent so the host's offsets agree.
		a.embedLoad(ctx, origin, req, text.Article{Title: text.TitleOf(req.Text), Text: req.Text, Kind: text.KindText})
	case embed.TypeAnnotations:
		if a.doc() == nil {
			a.reply(origin, embed.Error(req.ID, "no article is loaded"))
			return
		}
		a.reply(origin, embed.Annotations(req.ID, a.doc().Meta.ID, a.embedAnnotations()))
	case embed.TypeSearch:
		if a.doc() == nil {
			a.reply(origin, embed.Error(req.ID, "no article is loaded"))
			return
		}
		a.find.buildNow()
		a.find.redraw()
		a.find.search(req.Query)
		var hits []embed.Hit
		for _, h := range a.find.hits {
			for _, m := range h.Mentions {
				if len(hits) == 1000 {
					break
				}
				hits = append(hits, embed.Hit{Start: m.Start, End: m.End, Text: a.doc().X.Slice(m.Start, m.End), Score: h.Score})
			}
		}
		a.reply(origin, embed.Results(req.ID, req.Query, hits))
	case embed.TypeEntities:
		if a.doc() == nil {
			a.reply(origin, embed.Error(req.ID, "no article is loaded"))
			return
		}
		a.find.buildNow()
		a.find.redraw()
		var ents []embed.Entity
		for _, e := range a.find.ents {
			ents = append(ents, embed.Entity{Text: e.Name, Label: e.Label, Count: len(e.Mentions), Spans: spans2(e.Mentions)})
		}
		a.reply(origin, embed.Entities(req.ID, ents))
	case embed.TypeExport:
		if a.doc() == nil {
			a.reply(origin, embed.Error(req.ID, "no article is loaded"))
			return
		}
		x, err := a.s.Export(req.Format)
		if err != nil {
			a.reply(origin, embed.Error(req.ID, err.Error()))
			return
		}
		a.reply(origin, embed.Exported(req.ID, req.Format, string(x.Data)))
	}
}

// embedRead reads a gloss:load's web page or Markdown with text.Extract
// (the worker, in the browser) as sent: no article cleaning, so the host's
// offsets are those of the text Gloss keeps.
func embedRead(req embed.Request) (text.Article, error) {
	x := text.Extract
	if x == nil {
		return text.Article{}, text.ErrUnavailable
	}
	if req.HTML != "" {
		p, err := x.HTML(req.HTML)
		return text.Article{Title: p.Title, Text: p.Text, Kind: text.KindHTML}, err
	}
	title, body, err := x.Markdown(req.Markdown)
	return text.Article{Title: title, Text: body, Kind: text.KindMarkdown}, err
}

// embedLoad opens art for a gloss:load, or the article already holding its
// text, and answers.
func (a *App) embedLoad(ctx app.Context, origin string, req embed.Request, art text.Article) {
	if req.Title != "" {
		art.Title = req.Title
	}
	if art.Text == "" {
		a.reply(origin, embed.Error(req.ID, "gloss:load needs a non-empty text, html or markdown"))
		return
	}
	// The same text loaded again opens the article kept, annotations
	// and all, rather than store a copy.
	if m, ok := a.lib.WithText(art.Text); ok {
		a.open(ctx, m.ID)
		if a.doc() == nil || a.doc().Meta.ID != m.ID {
			a.reply(origin, embed.Error(req.ID, a.msg.Text))
			return
		}
		a.reply(origin, embed.LoadedExisting(req.ID, m.ID, a.doc().X.Len()))
		return
	}
	// On a failed create the previous article is still open: answer
	// from the error, never from whatever a.doc() holds.
	if err := a.create(ctx, art, "", nil); err != nil {
		a.reply(origin, embed.Error(req.ID, a.msg.Text))
		return
	}
	a.reply(origin, embed.Loaded(req.ID, a.doc().Meta.ID, a.doc().X.Len()))
}

// drainEmbed handles the messages that waited for a read, in order, until
// one starts another read.
func (a *App) drainEmbed(ctx app.Context) {
	for !a.embedBusy && len(a.embedQueue) > 0 {
		next := a.embedQueue[0]
		a.embedQueue = a.embedQueue[1:]
		next(ctx)
	}
}

func spans2(ms []text.Span) [][2]int {
	out := make([][2]int, len(ms))
	for i, m := range ms {
		out[i] = [2]int{m.Start, m.End}
	}
	return out
}

func (a *App) embedAnnotations() []embed.Annotation {
	var out []embed.Annotation
	for _, x := range a.doc().Set.All() {
		out = append(out, embed.Annotation{ID: x.ID, Start: x.Start, End: x.End, Label: x.Label, Text: x.Text, Note: x.Note})
	}
	return out
}

// notifyChanged tells the host page about every change made in the frame.
func (a *App) notifyChanged() {
	if !a.embed || a.doc() == nil {
		return
	}
	msg := embed.Changed(a.doc().Meta.ID, a.embedAnnotations())
	for _, o := range a.allow.Origins() {
		a.reply(o, msg)
	}
}
