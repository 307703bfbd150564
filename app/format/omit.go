package format

import (
	"fmt"
	"strings"

	"gloss/app/annot"
)

// Omission is an annotation a format cannot hold, and why.
type Omission struct {
	Annotation annot.Annotation
	Reason     string
}

// omitter is implemented by the formats that cannot hold every annotation.
type omitter interface {
	omitted(d Doc) []Omission
}

// Omitted returns the annotations of d that f leaves out when it encodes d,
// each with the reason, in text order; nil when f keeps every one (brat,
// W3C, JSONL, spaCy, CSV). Call it before Encode to say what an export
// cannot hold: CoNLL and BILOU give a token one tag, so of overlapping
// spans they write the outer (the earliest, then the longest) and leave
// the others out.
func Omitted(f Format, d Doc) []Omission {
	if o, ok := f.(omitter); ok {
		return o.omitted(d)
	}
	return nil
}

// OmittedAll is Omitted over several articles, as EncodeAll writes them.
func OmittedAll(f Format, docs []Doc) []Omission {
	var out []Omission
	for _, d := range docs {
		out = append(out, Omitted(f, d)...)
	}
	return out
}

// Describe says in one sentence which annotations were left out and why,
// naming at most max of them; "" when none was.
func Describe(os []Omission, max int) string {
	if len(os) == 0 {
		return ""
	}
	var b strings.Builder
	if len(os) == 1 {
		b.WriteString("1 annotation was left out: ")
	} else {
		fmt.Fprintf(&b, "%d annotations were left out: ", len(os))
	}
	for i, o := range os {
		if i == max {
			fmt.Fprintf(&b, "; and %d more", len(os)-max)
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "“%s” (%s, %d–%d) %s", clipText(o.Annotation.Text, 40), o.Annotation.Label, o.Annotation.Start, o.Annotation.End, o.Reason)
	}
	b.WriteString(".")
	return b.String()
}

func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
