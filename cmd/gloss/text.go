package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	gtext "gloss/app/text"
)

// textStdin is what "gloss text -" reads; tests replace it.
var textStdin io.Reader = os.Stdin

// runText prints the article text of a file as the browser loads it (same
// decoding, extraction and normalisation: code-point offsets agree), with
// no newline added; -title prints its title instead. What the browser's
// message would say (a charset guessed, a page kept whole) goes to stderr.
func runText(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("text", flag.ContinueOnError)
	fs.SetOutput(stderr)
	title := fs.Bool("title", false, "print the title (one line) instead of the text")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gloss text [-title] FILE|-")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("want one FILE (or - for standard input), got %d arguments", fs.NArg())
	}
	a, notes, err := gtext.LoadFile(fs.Arg(0), textStdin)
	if err != nil {
		return err
	}
	for _, n := range notes {
		fmt.Fprintf(stderr, "gloss text: %s\n", n)
	}
	if *title {
		_, err = fmt.Fprintln(stdout, a.Title)
		return err
	}
	_, err = io.WriteString(stdout, a.Text)
	return err
}
