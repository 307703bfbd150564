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

	// The extraction section reads pages as the browser does, with the
	// worker's package run natively.
	_ "gloss/app/extract"
)

// section is one group of figures, computed from one folder of the data.
type section struct {
	name   string // as given on the command line
	folder string // under the data directory; the section is skipped without it
	run    func(dir string, w io.Writer) error
	// env, when set, names an environment variable (or -conll flag) that
	// gives the folder instead: data the project may not hold.
	env string
}

// sections lists every evaluation, in the order `make eval` prints them.
var sections = []section{
	{name: "ner", folder: "ner-dev", run: evalNER},
	{name: "extract", folder: "html-articles", run: evalExtract},
	{name: "sentences", folder: "ner-dev", run: evalSentences},
	{name: "conll2002", env: conllEnv, run: evalCoNLL},
	{name: "conll2003", env: conll2003Env, run: evalCoNLL2003},
}

func main() {
	data := flag.String("data", "../shared/conformance", "the conformance folder")
	conll := flag.String("conll", os.Getenv(conllEnv), "a folder of CoNLL-2002 files (esp.testa…), research data kept outside the project")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./cmd/eval [-data DIR] [SECTION...]")
		for _, s := range sections {
			where := s.folder
			if s.env != "" {
				where = "$" + s.env
			}
			fmt.Fprintf(os.Stderr, "  %-10s reads %s\n", s.name, where)
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
		if s.env != "" {
			dir = os.Getenv(s.env)
			if s.env == conllEnv {
				dir = *conll
			}
			if dir == "" {
				fmt.Printf("## %s: skipped, set %s to a folder of %s files\n\n", s.name, s.env, s.name)
				continue
			}
		}
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
