// Command eval prints Gloss's quality figures on the development data in
// ../shared/conformance (or -data DIR): name finding and typing per language,
// typo search recall, and main-text extraction. It reads that folder only when
// it is there; the test suite never does. `make eval` runs every section.
//
//	go run ./cmd/eval [-data ../shared/conformance] [SECTION...]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// section is one group of figures, computed from one folder of the data.
type section struct {
	name   string // as given on the command line
	folder string // under the data directory; the section is skipped without it
	run    func(dir string, w io.Writer) error
}

// sections lists every evaluation, in the order `make eval` prints them.
var sections = []section{
	{name: "ner", folder: "ner-dev", run: evalNER},
	{name: "extract", folder: "html-articles", run: evalExtract},
	{name: "sentences", folder: "ner-dev", run: evalSentences},
}

func main() {
	data := flag.String("data", "../shared/conformance", "the conformance folder")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./cmd/eval [-data DIR] [SECTION...]")
		for _, s := range sections {
			fmt.Fprintf(os.Stderr, "  %-10s reads %s\n", s.name, s.folder)
		}
	}
	flag.Parse()
	want := map[string]bool{}
	for _, a := range flag.Args() {
		want[a] = true
	}
	failed := false
	for _, s := range sections {
		if len(want) > 0 && !want[s.name] {
			continue
		}
		dir := filepath.Join(*data, s.folder)
		if _, err := os.Stat(dir); err != nil {
			fmt.Printf("## %s: skipped, %s is not there\n\n", s.name, dir)
			continue
		}
		fmt.Printf("## %s (%s)\n\n", s.name, dir)
		if err := s.run(dir, os.Stdout); err != nil {
			fmt.Fprintf(os.Stderr, "eval %s: %v\n", s.name, err)
			failed = true
		}
		fmt.Println()
	}
	if failed {
		os.Exit(1)
	}
}
