package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"gloss/app/agree"
	"gloss/app/corpus"
	"gloss/app/format"
)

// runAgree scores annotator B against annotator A over the documents both
// hold, with the same app/agree code the browser uses.
func runAgree(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("agree", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fmtName := fs.String("format", "", "the annotation format of both sides (brat, jsonl, conll, w3c, …); detected per file when empty")
	asJSON := fs.Bool("json", false, `print {"overall": …, "labels": …, "documents": N} rather than tables`)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gloss agree [-format F] [-json] A B")
		fmt.Fprintln(stderr, "B is scored against A: precision is the share of B's spans A has, recall the share of A's spans B has.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return errors.New("give two inputs, A and B (files, folders or zips)")
	}
	var force format.Format
	if *fmtName != "" {
		var ok bool
		if force, ok = format.ByName(*fmtName); !ok {
			return fmt.Errorf("-format %q: not a format Gloss reads", *fmtName)
		}
	}
	var sides [2][]corpus.Article
	for i, name := range fs.Args() {
		files, err := readTree(name)
		if err != nil {
			return err
		}
		r := corpus.ReadAs(files, force)
		if n := len(r.Refused()); n > 0 {
			printReport(stderr, "gloss agree: "+"AB"[i:i+1]+": ", r)
			return fmt.Errorf("%s: %s refused (listed above); agreement over part of the documents would mislead, so nothing was compared", name, plural(n, "file was", "files were"))
		}
		if len(r.Articles) == 0 {
			return fmt.Errorf("%s: no documents", name)
		}
		sides[i] = r.Articles
	}
	docs, notes := agree.PairDocs(sides[0], sides[1], "A", "B")
	for _, n := range notes {
		fmt.Fprintf(stderr, "gloss agree: %s\n", n)
	}
	if len(docs) == 0 {
		return errors.New("no document of B matches one of A by name or by text; nothing to compare")
	}
	res := agree.Compare(docs)
	if *asJSON {
		b, err := json.Marshal(res)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "%s\n", b)
		return err
	}
	return res.WriteText(stdout)
}
