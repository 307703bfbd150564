package store

import (
	"slices"
	"strings"

	"gloss/app/annot"
)

// labelsOf returns the distinct labels of as, sorted, separated by tabs.
func labelsOf(as []annot.Annotation) string {
	out := make([]string, 0, len(as))
	for _, a := range as {
		out = append(out, a.Label)
	}
	slices.Sort(out)
	return strings.Join(slices.Compact(out), "\t")
}
