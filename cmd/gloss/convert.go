package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"gloss/app/corpus"
	"gloss/app/format"
	gtext "gloss/app/text"
)

// runConvert reads IN in one format and writes it to stdout in another,
// with the same app/format code the browser uses.
func runConvert(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	fs.SetOutput(stderr)
	names := make([]string, 0, len(format.All()))
	for _, f := range format.All() {
		names = append(names, f.Name())
	}
	from := fs.String("from", "", "input format ("+strings.Join(names, ", ")+"); guessed from IN when empty")
	to := fs.String("to", "", "output format ("+strings.Join(names, ", ")+")")
	textFile := fs.String("text", "", "the article (.txt, .md or .html), loaded as the browser loads it; for brat IN with .txt is read as it is")
	outText := fs.String("out-text", "", "also write the article text to this file (the .txt of a brat export)")
	outFile := fs.String("o", "", "write to this file rather than stdout; a folder or .zip IN, or a .zip here, converts a whole corpus")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gloss convert -from F -to F [-text article.txt] [-out-text FILE] [-o out.zip|FILE] IN")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("give one input file (or - for stdin)")
	}
	in := fs.Arg(0)
	out, ok := format.ByName(*to)
	if !ok {
		return fmt.Errorf("-to %q: not one of %s", *to, strings.Join(names, ", "))
	}
	if in != "-" && isCorpus(in, *outFile) {
		var force format.Format
		if *from != "" {
			if force, ok = format.ByName(*from); !ok {
				return fmt.Errorf("-from %q: not one of %s", *from, strings.Join(names, ", "))
			}
		}
		return convertCorpus(in, force, out, *outFile, stdout, stderr)
	}
	data, err := readInput(in)
	if err != nil {
		return err
	}
	var src format.Format
	if *from == "" {
		if src, ok = format.Detect(in, data); !ok {
			return fmt.Errorf("cannot tell the format of %s: give -from", in)
		}
	} else if src, ok = format.ByName(*from); !ok {
		return fmt.Errorf("-from %q: not one of %s", *from, strings.Join(names, ", "))
	}
	text := ""
	switch {
	case *textFile != "":
		// The article, loaded as the browser loads it (an .html page gives
		// its main text), so that offsets agree with what it shows.
		a, notes, err := gtext.LoadFile(*textFile, nil)
		if err != nil {
			return fmt.Errorf("reading the article text: %w", err)
		}
		for _, n := range notes {
			fmt.Fprintf(stderr, "gloss convert: %s: %s\n", *textFile, n)
		}
		text = a.Text
	case src == format.Brat && in != "-":
		// A brat pair's .txt is the annotation file's own text, kept
		// exactly: its offsets count in it as it is.
		txt := strings.TrimSuffix(in, ".ann") + ".txt"
		b, err := os.ReadFile(txt)
		if err != nil {
			return fmt.Errorf("reading the article text: %w", err)
		}
		if !utf8.Valid(b) {
			return fmt.Errorf("%s is not UTF-8 text", txt)
		}
		text = string(b)
	}
	var docs []format.Doc
	var rep format.Report
	// Several articles pass through to JSONL whole; other formats hold one
	// (with -text, the article with that text).
	if (out == format.JSONL || out == format.Spacy) && text == "" {
		docs, rep, err = format.DecodeAll(src, data, text)
	} else {
		var d format.Doc
		d, rep, err = src.Decode(data, text)
		docs = []format.Doc{d}
	}
	if err != nil {
		return err
	}
	if rep.Unit != "" && rep.Unit != format.UnitCodePoints {
		fmt.Fprintf(stderr, "gloss convert: offsets read as %s\n", rep.Unit)
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(stderr, "gloss convert: %s\n", n)
	}
	b, err := format.EncodeAll(out, docs)
	if err != nil {
		return err
	}
	if left := format.OmittedAll(out, docs); len(left) > 0 {
		fmt.Fprintf(stderr, "gloss convert: %s\n", format.Describe(left, 20))
	}
	if *outText != "" {
		if len(docs) != 1 {
			return fmt.Errorf("-out-text: the input holds %d articles", len(docs))
		}
		if err := os.WriteFile(*outText, []byte(docs[0].Text), 0o644); err != nil {
			return err
		}
	}
	if *outFile != "" {
		return os.WriteFile(*outFile, b, 0o644)
	}
	_, err = stdout.Write(b)
	return err
}

// isCorpus reports whether a conversion is of many articles: a folder or a
// zip in, or a zip out.
func isCorpus(in, out string) bool {
	if strings.HasSuffix(strings.ToLower(out), ".zip") {
		return true
	}
	st, err := os.Stat(in)
	if err != nil {
		return false
	}
	if st.IsDir() {
		return true
	}
	f, err := os.Open(in)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	return corpus.IsZip(in, head[:n])
}

// convertCorpus reads every article under IN, reports file by file on
// stderr as the browser does, and writes them all in one export. Refused
// files do not stop the others; they make the exit status 1.
func convertCorpus(in string, from, to format.Format, outFile string, stdout, stderr io.Writer) error {
	files, err := readTree(in)
	if err != nil {
		return err
	}
	r := corpus.ReadAs(files, from)
	printReport(stderr, "gloss convert: ", r)
	if len(r.Articles) == 0 {
		return fmt.Errorf("no article could be read from %s; nothing written", in)
	}
	docs := make([]format.Doc, len(r.Articles))
	for i, a := range r.Articles {
		docs[i] = a.Doc
	}
	x, err := corpus.Write(to.Name(), docs, r.Labels)
	if err != nil {
		return err
	}
	for _, n := range x.Notes {
		fmt.Fprintf(stderr, "gloss convert: %s\n", n)
	}
	dest := "stdout"
	if outFile != "" {
		dest = outFile
		err = os.WriteFile(outFile, x.Data, 0o644)
	} else {
		_, err = stdout.Write(x.Data)
	}
	if err != nil {
		return err
	}
	if n := len(r.Refused()); n > 0 {
		return fmt.Errorf("%s refused (listed above); the other %s written to %s", plural(n, "file was", "files were"), plural(len(docs), "article was", "articles were"), dest)
	}
	return nil
}

func readInput(name string) ([]byte, error) {
	var r io.Reader = os.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	// Read one byte past the limit so that Decode can say the file is too big.
	b, err := io.ReadAll(io.LimitReader(r, format.MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return b, nil
}
