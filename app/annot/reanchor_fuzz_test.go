package annot

import (
	"testing"
	"unicode/utf8"
)

// FuzzReanchor checks that Reanchor never panics, accounts for every
// annotation, and only places spans that are valid in the new text and hold
// their Text there.
func FuzzReanchor(f *testing.F) {
	f.Add("The minister Le Drian spoke in Moscow.", "The minister Le Drain spoke.", 13, 21, "")
	f.Add("Paris. Paris. Paris.", "Paris! Paris. Paris?", 7, 12, "Paris")
	f.Add("a\r\nb 🙂 北京 القاهرة", "a\nb 🙂 北京 القاهرة", 4, 5, "")
	f.Add("", "x", 0, 1, "x")
	f.Add("abc", "", 0, 3, "abc")
	f.Add("xx", "xx", -3, 900, "")
	f.Add("\xff\xfeinvalid", "\xffinvalid", 1, 3, "")
	f.Fuzz(func(t *testing.T, old, nw string, start, end int, text string) {
		if len(old) > 4096 || len(nw) > 4096 {
			return
		}
		as := []Annotation{
			{ID: "a", Start: start, End: end, Label: "L", Text: text},
			{ID: "b", Start: 0, End: min(3, utf8.RuneCountInString(old)), Label: "L"},
		}
		// The same offsets folded into the old text, so most spans are valid.
		if n := utf8.RuneCountInString(old); n > 0 {
			s := (start%n + n) % n
			e := min(n, s+1+(end%16+16)%16)
			as = append(as, Annotation{ID: "c", Start: s, End: e, Label: "L"})
		}
		checkReanchor(t, old, nw, as)
	})
}
