// Package web holds files the command line needs from the web folder.
package web

import _ "embed" // the lexicon

//go:generate go run ../tools/lexgen -src ../tools/lexgen -out lexicon.txt

// Lexicon is lexicon.txt, the built-in lexicon (entity.ParseLexicon reads
// it). The app fetches the same file after first paint; the command line
// and the evaluation embed it.
//
//go:embed lexicon.txt
var Lexicon []byte
