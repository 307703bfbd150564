// Command gloss serves and builds the Gloss web app and runs its annotation
// tools on the command line: the same app/ code the browser runs.
//
//	gloss serve    [-addr 127.0.0.1:8000] [-dir dist]
//	gloss build    [-out dist] [-prefix /sub/path] [-wasm web/app.wasm]
//	gloss convert  -from F -to F [-text article.txt] [-o out.zip|FILE] IN
//	gloss agree    [-format F] [-json] A B
//	gloss entities [-gazetteer FILE] [-format jsonl] ARTICLE
//	gloss search   [-n 5] ARTICLE QUERY...
//	gloss text     [-title] FILE|-
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"

	// Web pages and Markdown are read natively by package extract, the code
	// the browser runs in its extraction worker.
	_ "gloss/app/extract"
)

// command is one subcommand.
type command struct {
	usage string
	run   func(args []string, stdout, stderr io.Writer) error
}

// commands are the subcommands, listed here so the whole command line is in
// one place.
var commands = map[string]command{
	"serve":    {usage: "serve  [-addr 127.0.0.1:8000] [-dir dist] [-prefix /sub/path] [-dev]   serve the built app", run: runServe},
	"build":    {usage: "build  [-out dist] [-prefix /sub/path] [-web web] [-wasm web/app.wasm]   write the static site", run: runBuild},
	"convert":  {usage: "convert -from F -to F [-text article.txt] [-out-text FILE] [-o out.zip|FILE] IN   convert annotations; IN a file, a folder or a .zip", run: runConvert},
	"agree":    {usage: "agree [-format F] [-json] A B   agreement of B with A: files, folders or zips, paired by name, else by text", run: runAgree},
	"entities": {usage: "entities [-gazetteer FILE] [-min-confidence 0.5] [-format jsonl] ARTICLE   typed entities with code-point offsets", run: runEntities},
	"search":   {usage: "search [-n 5] ARTICLE QUERY...   typo-tolerant search, one JSON object a hit", run: runSearch},
	"text":     {usage: "text [-title] FILE|-   the article text exactly as the browser keeps it", run: runText},
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "help" || args[0] == "--help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "gloss: unknown command %q\n", args[0])
		usage(stderr)
		return 2
	}
	if err := c.run(args[1:], stdout, stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "gloss %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: gloss COMMAND [flags]")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  gloss %s\n", commands[n].usage)
	}
}
