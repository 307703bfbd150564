package ui

import (
	"sort"

	"gloss/app/text"
)

// The reading caret: a word of the open article, drawn as the browser's
// selection so that 1–9 label it. Arrow keys move it by word, Shift+arrows
// extend the selection from where it was (the anchor) to the moved end.

// caret is the keyboard position in the article, in code points.
type caret struct {
	on     bool
	anchor text.Span // the word the selection was started from
	focus  text.Span // the word that moves
}

// sel is the caret's selection: from the anchor word to the focus word.
func (c caret) sel() text.Span {
	return text.Span{Start: min(c.anchor.Start, c.focus.Start), End: max(c.anchor.End, c.focus.End)}
}

// wordIndex returns the index of the first word ending after pos (the word
// holding pos, or the next one), len(ws) when there is none.
func wordIndex(ws []text.Span, pos int) int {
	return sort.Search(len(ws), func(i int) bool { return ws[i].End > pos })
}

// stepWord returns the word before (d < 0) or after (d > 0) the word w, or
// w itself at either end of the text.
func stepWord(ws []text.Span, w text.Span, d int) text.Span {
	if len(ws) == 0 {
		return w
	}
	i := wordIndex(ws, w.Start)
	switch {
	case d > 0:
		if i < len(ws) && ws[i].Start <= w.Start {
			i++ // past the word holding w
		}
	case d < 0:
		i--
	}
	return ws[max(0, min(i, len(ws)-1))]
}

// wordAt returns the word holding pos, or the next one, or the last.
func wordAt(ws []text.Span, pos int) (text.Span, bool) {
	if len(ws) == 0 {
		return text.Span{}, false
	}
	return ws[min(wordIndex(ws, pos), len(ws)-1)], true
}
