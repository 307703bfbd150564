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

	"gloss/app/corpus/batch"
)

// The values a read or write passes around (package batch, which app.wasm
// links without this package).
type (
	File       = batch.File
	Article    = batch.Article
	FileReport = batch.FileReport
	Result     = batch.Result
	Export     = batch.Export
)

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
