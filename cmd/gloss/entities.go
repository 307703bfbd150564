package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gloss/app/entity"
	gtext "gloss/app/text"
	"gloss/web"
)

// entitiesStdin is what "gloss entities -" reads; tests replace it.
var entitiesStdin io.Reader = os.Stdin

// entityLine is one mention in the output.
type entityLine struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Label string `json:"label,omitempty"`
	Group string `json:"group"`
	// Type is the suggested type (PER, ORG, LOC, MISC) with its confidence
	// (0..1) and evidence, strongest first.
	Type       string   `json:"type,omitempty"`
	Confidence float64  `json:"confidence,omitempty"`
	Evidence   []string `json:"evidence,omitempty"`
}

func runEntities(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("entities", flag.ContinueOnError)
	fs.SetOutput(stderr)
	gazPath := fs.String("gazetteer", "", "known names: a CSV (name,label,aliases) or JSON file")
	format := fs.String("format", "jsonl", "output format: jsonl")
	minConf := fs.Float64("min-confidence", 0, "print only entities whose suggested type has at least this confidence (0..1)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *minConf < 0 || *minConf > 1 {
		return fmt.Errorf("-min-confidence %v: want a number from 0 to 1", *minConf)
	}
	if *format != "jsonl" {
		return fmt.Errorf("unknown format %q; only jsonl is supported", *format)
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("want one ARTICLE file (or - for standard input), got %d arguments", fs.NArg())
	}
	// The article as the browser loads it, so that offsets agree.
	art, notes, err := gtext.LoadFile(fs.Arg(0), entitiesStdin)
	if err != nil {
		return err
	}
	for _, n := range notes {
		fmt.Fprintf(stderr, "gloss entities: %s\n", n)
	}
	var gaz *entity.Gazetteer
	if *gazPath != "" {
		raw, err := os.ReadFile(*gazPath)
		if err != nil {
			return err
		}
		var es []entity.Entry
		if strings.EqualFold(filepath.Ext(*gazPath), ".json") {
			es, err = entity.ParseGazetteerJSON(raw)
		} else {
			es, err = entity.ParseGazetteerCSV(raw)
		}
		if err != nil {
			return fmt.Errorf("%s: %v", *gazPath, err)
		}
		gaz = entity.NewGazetteer(es)
	}
	runes := []rune(art.Text)
	var lines []entityLine
	lex, err := entity.ParseLexicon(web.Lexicon)
	if err != nil {
		return err
	}
	for _, e := range entity.FindWith(art.Text, entity.Options{Gazetteer: gaz, Lexicon: lex}) {
		if e.Confidence < *minConf {
			continue
		}
		conf := math.Round(e.Confidence*100) / 100
		for _, m := range e.Mentions {
			lines = append(lines, entityLine{Start: m.Start, End: m.End, Text: string(runes[m.Start:m.End]), Label: e.Label, Group: e.Key,
				Type: e.Type, Confidence: conf, Evidence: e.Evidence})
		}
	}
	sort.SliceStable(lines, func(i, j int) bool {
		if lines[i].Start != lines[j].Start {
			return lines[i].Start < lines[j].Start
		}
		return lines[i].End < lines[j].End
	})
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, l := range lines {
		if err := enc.Encode(l); err != nil {
			return err
		}
	}
	return nil
}
