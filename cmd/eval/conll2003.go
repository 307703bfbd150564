package main

import "io"

// conll2003Env names the folder holding the English CoNLL-2003 files
// (eng.testa, eng.testb: Reuters news of 1996, whole articles, one "token
// [POS chunk] tag" line a token, IOB2 tags). Like CoNLL-2002 it may only be
// used for research, so it is never part of the project.
const conll2003Env = "GLOSS_CONLL2003"

// evalCoNLL2003 prints the CoNLL-2002 figures for the English files: whole
// news articles, closer to what Gloss reads than UNER's sampled sentences.
func evalCoNLL2003(dir string, w io.Writer) error {
	return scoreCoNLL(dir, []string{"eng"}, true, w)
}
