package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"gloss/app/entity"
	gtext "gloss/app/text"
)

// searchStdin is what "gloss search -" reads; tests replace it.
var searchStdin io.Reader = os.Stdin

// searchLine is one hit: what matched, its label when it is a typed
// entity, its score and every mention, in code points.
type searchLine struct {
	Query    string   `json:"query"`
	Text     string   `json:"text"`
	Label    string   `json:"label,omitempty"`
	Score    int      `json:"score"`
	Mentions [][2]int `json:"mentions"`
}

// runSearch runs each query against the article, loaded and indexed as the
// browser does, and prints the hits best first.
func runSearch(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 5, "hits per query")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gloss search [-n 5] ARTICLE|- QUERY...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() < 2 {
		fs.Usage()
		return fmt.Errorf("want an ARTICLE file (or - for standard input) and at least one QUERY, got %d arguments", fs.NArg())
	}
	if *n < 1 {
		return fmt.Errorf("-n %d: want at least one hit a query", *n)
	}
	art, notes, err := gtext.LoadFile(fs.Arg(0), searchStdin)
	if err != nil {
		return err
	}
	for _, note := range notes {
		fmt.Fprintf(stderr, "gloss search: %s\n", note)
	}
	idx := entity.NewIndex(art.Text, entity.Find(art.Text, nil))
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, q := range fs.Args()[1:] {
		if strings.TrimSpace(q) == "" {
			return fmt.Errorf("an empty query")
		}
		for _, h := range idx.Search(q, *n) {
			l := searchLine{Query: q, Text: h.Text, Label: h.Label, Score: h.Score, Mentions: make([][2]int, len(h.Mentions))}
			for i, m := range h.Mentions {
				l.Mentions[i] = [2]int{m.Start, m.End}
			}
			if err := enc.Encode(l); err != nil {
				return err
			}
		}
	}
	return nil
}
