package ui

import (
	"errors"
	"fmt"
	"path"
	"strings"

	"gloss/app/text"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// readResult is what a read of a file or paste gave.
type readResult struct {
	art     text.Article
	notices []text.Notice
	err     error
}

// readAsync runs read off the UI goroutine when it needs the extraction
// worker (needs), saying what is being read meanwhile; done gets its result
// on the UI goroutine. Plain text is read at once, as before the worker.
func (a *App) readAsync(ctx app.Context, needs bool, what string, read func() readResult, done func(ctx app.Context, r readResult)) {
	if !needs || !app.IsClient {
		done(ctx, read())
		return
	}
	a.msg = notice{Text: what, Busy: true}
	start := perfNow()
	ctx.Async(func() {
		r := read()
		ctx.Dispatch(func(ctx app.Context) {
			perfSince("extract", start)
			if a.msg.Busy && a.msg.Text == what {
				a.msg = notice{}
			}
			done(ctx, r)
		})
	})
}

// readingWhat is the busy message while content of kind is read.
func readingWhat(kind, name string) string {
	what := "the web page"
	if kind == text.KindMarkdown {
		what = "the Markdown"
	}
	if name != "" {
		what = path.Base(strings.ReplaceAll(name, "\\", "/"))
	}
	return "Reading " + what + "…"
}

// unavailableMessage is what the person reads when the reader (the
// extraction worker) could not be loaded for content of kind: nothing is
// lost, and what to do; what failed goes to the console. It returns "" for
// any other error.
func unavailableMessage(err error, kind, subject, then string) string {
	if !errors.Is(err, text.ErrUnavailable) {
		return ""
	}
	app.Log("extraction worker:", err)
	what := "a web page"
	if kind == text.KindMarkdown {
		what = "Markdown"
	}
	return fmt.Sprintf("%s is %s, but the reader for web pages and Markdown could not be loaded (it is fetched once, then kept for offline use). %s",
		subject, what, then)
}
