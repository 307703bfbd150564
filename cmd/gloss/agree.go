package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

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
	docs, notes := pairDocs(sides[0], sides[1])
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

// docKey names a document for pairing: its file's path inside the input
// without extension (and without the zip's own name), and its place in
// the file when the file holds several.
func docKey(a corpus.Article) string {
	name := a.File
	if i := strings.Index(name, ".zip/"); i >= 0 {
		name = name[i+len(".zip/"):]
	}
	name = strings.TrimSuffix(name, path.Ext(name))
	return name + "#" + strconv.Itoa(a.Index)
}

// pairDocs pairs each document of B with A's of the same name, else with
// an unpaired one of A with the same text. Texts that differ only in white
// space (a CoNLL file's) count as the same: B's spans are moved onto A's
// text. Texts that differ otherwise are never compared, as offsets would
// not mean the same thing.
func pairDocs(as, bs []corpus.Article) ([]agree.Doc, []string) {
	byKey := map[string]int{}
	byText := map[string][]int{}
	for i, a := range as {
		byKey[docKey(a)] = i
		k := agree.Squeeze(a.Doc.Text)
		byText[k] = append(byText[k], i)
	}
	used := make([]bool, len(as))
	var out []agree.Doc
	var notes []string
	differ := 0
	for _, b := range bs {
		sq := agree.Squeeze(b.Doc.Text)
		i, ok := byKey[docKey(b)]
		if ok && (used[i] || agree.Squeeze(as[i].Doc.Text) != sq) {
			if !used[i] {
				differ++
			}
			ok = false
		}
		if !ok {
			for _, j := range byText[sq] {
				if !used[j] {
					i, ok = j, true
					break
				}
			}
		}
		if !ok {
			notes = append(notes, fmt.Sprintf("B's %s has no document of A with its name and text; left out", b.Source))
			continue
		}
		bAnn, aligned := agree.Align(b.Doc.Text, as[i].Doc.Text, b.Doc.Annotations)
		if !aligned {
			notes = append(notes, fmt.Sprintf("B's %s could not be aligned with A's %s; left out", b.Source, as[i].Source))
			continue
		}
		used[i] = true
		out = append(out, agree.Doc{Name: as[i].Source, Text: as[i].Doc.Text, A: as[i].Doc.Annotations, B: bAnn})
	}
	for i, u := range used {
		if !u {
			notes = append(notes, fmt.Sprintf("A's %s has no document in B; left out", as[i].Source))
		}
	}
	if differ > 0 {
		notes = append(notes, fmt.Sprintf("%s of the same name had different texts, so were not compared by name", plural(differ, "document", "documents")))
	}
	return out, notes
}
