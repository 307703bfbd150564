package format

import "testing"

// A CoNLL file of several documents is counted in its report: documents
// and, summed from each document's own count, tokens.
func TestCoNLLDocsCount(t *testing.T) {
	data := "-DOCSTART-\t-X-\t-X-\tO\n\nAda\tB-PER\nLovelace\tI-PER\nwrote\tO\n\n" +
		"-DOCSTART-\t-X-\t-X-\tO\n\nIn\tO\nLondon\tB-LOC\n.\tO\n\nShe\tO\nleft\tO\n" +
		"-DOCSTART-\t-X-\t-X-\tO\n\n"
	docs, rep, err := DecodeAll(CoNLL, []byte(data), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(rep.Notes) == 0 || rep.Notes[len(rep.Notes)-1] != "2 documents, 8 tokens" {
		t.Errorf("%d documents, notes %q", len(docs), rep.Notes)
	}
}
