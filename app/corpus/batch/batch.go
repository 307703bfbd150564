// Package batch holds what a many-file read or write passes around: the
// files, the articles read from them with a report per file, a library
// written in one format. Package corpus does the reading and writing (with
// archive/zip), in the worker's module; app.wasm uses only these values, so
// it links neither.
package batch

import (
	"fmt"

	"gloss/app/annot"
	"gloss/app/format"
)

// File is one named file: a path inside a folder or a zip, with "/" separators.
type File struct {
	Name string
	Data []byte
}

// Article is one article read, with the file (and line or document) it came from.
type Article struct {
	// Source names where it came from: "news/a.txt", "corpus.jsonl line 3".
	Source string
	// File is the file it was read from (for brat, the .ann) and Index its
	// place among the articles of that file, from 0.
	File  string
	Index int
	// Format is the name of the format it was read as ("brat", "text", …).
	Format string
	Doc    format.Doc
}

// FileReport says what became of one file.
type FileReport struct {
	Name        string
	Articles    int
	Annotations int
	// Notes are remarks that did not stop the file ("offsets were in bytes").
	Notes []string
	// Refused is why the file was left out, whole; empty when it was read.
	Refused string
	// Skipped marks files deliberately passed over (system files, a .txt
	// read as the text of its .ann): they are not errors.
	Skipped bool
}

// Result is everything a set of files held.
type Result struct {
	Articles []Article
	Files    []FileReport
	// Labels are the entity types of every annotation.conf read, in order.
	Labels []string
}

// Export is a library written in one format, ready to download.
type Export struct {
	// Name is the file name: "gloss-brat.zip", "gloss.conll", …
	Name string
	Data []byte
	// Notes say what the format could not hold, so nothing is dropped
	// silently ("CoNLL holds no overlapping spans: 3 left out").
	Notes []string
}

// Refused returns the reports of the files left out.
func (r *Result) Refused() []FileReport {
	var out []FileReport
	for _, f := range r.Files {
		if f.Refused != "" {
			out = append(out, f)
		}
	}
	return out
}

// Annotations is the number of annotations of every article read.
func (r *Result) Annotations() int {
	n := 0
	for _, a := range r.Articles {
		n += len(a.Doc.Annotations)
	}
	return n
}

// Summary is one line for people: "20 articles, 113 annotations from 21
// files; 1 file refused".
func (r *Result) Summary() string {
	read := 0
	for _, f := range r.Files {
		if f.Refused == "" && !f.Skipped {
			read++
		}
	}
	s := fmt.Sprintf("%s, %s from %s", plural(len(r.Articles), "article", "articles"),
		plural(r.Annotations(), "annotation", "annotations"), plural(read, "file", "files"))
	if n := len(r.Refused()); n > 0 {
		s += fmt.Sprintf("; %s refused", plural(n, "file", "files"))
	}
	return s
}

// LabelSet returns the label set extended with every label an article read
// or an annotation.conf uses that it lacks, each with a colour of its own.
func (r *Result) LabelSet(have annot.Labels) annot.Labels {
	out := append(annot.Labels(nil), have...)
	add := func(name string) {
		if out.Index(name) >= 0 || annot.CheckName(name) != nil {
			return
		}
		if next, err := out.Add(annot.Label{Name: name, Color: Palette[len(out)%len(Palette)]}); err == nil {
			out = next
		}
	}
	for _, l := range r.Labels {
		add(l)
	}
	for _, a := range r.Articles {
		for _, x := range a.Doc.Annotations {
			add(x.Label)
		}
	}
	return out
}

// Palette colours labels added by an import; distinct, readable on light
// and dark backgrounds.
var Palette = []string{"#e8590c", "#1c7ed6", "#2f9e44", "#9c36b5", "#c2255c", "#0c8599", "#f08c00", "#5c940d", "#6741d9", "#d6336c", "#1098ad", "#e67700"}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
