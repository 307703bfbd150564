// Package corpus reads and writes many articles at once: a set of files (a
// folder, several files chosen together, or the entries of a .zip) of plain
// text, Markdown and HTML articles, brat pairs with annotation.conf, JSONL
// with one document a line, CoNLL with -DOCSTART- documents and W3C
// collections; and writes a library as a brat zip, one CoNLL file, one
// JSONL file or one W3C collection.
//
// Reading never stops at a bad file: each file is read whole or refused
// whole, and the report says which and why, file by file.
//
// The package never touches the DOM, storage or the clock.
package corpus

import (
	"fmt"
	"path"
	"strings"

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

// base is a file name without folder and extension, for pairing.
func stem(name string) string {
	return strings.TrimSuffix(name, path.Ext(name))
}

func ext(name string) string { return strings.ToLower(path.Ext(name)) }
