package session

import (
	"fmt"
	"testing"

	"gloss/app/convert"
	"gloss/app/convert/local"
)

// TestImportOneCall: an import asks the converter once, with an article
// open or not, and gives what reading the file and then placing it onto
// the article (two calls, before) gave: the message, the annotations and
// orphans of the open article, the articles created, the error.
func TestImportOneCall(t *testing.T) {
	old := convert.Use
	defer func() { convert.Use = old }()
	calls := 0
	convert.Use = convert.Wire(func(call string) (string, error) { calls++; return local.Serve(call), nil })
	for _, c := range []struct {
		name, file, data string
		closed           bool // no article open
		want             string
	}{
		{"onto, moved", "old.jsonld", `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Annotation","body":{"type":"TextualBody","purpose":"tagging","value":"LOC"},
			"target":{"selector":[{"type":"TextQuoteSelector","exact":"Moscow","prefix":"Le Drian heads for ","suffix":" this Monday."},{"type":"TextPositionSelector","start":20,"end":26}]}}`, false,
			"\"Imported 1 annotation from old.jsonld (w3c): 0 at the place the file gives, 1 found again where the text moved.\" warn false created 0 err <nil>; open \"Le Drian\": Moscow/LOC; 0 orphans; 1 articles"},
		{"onto, an orphan", "x.csv", "start,end,label,text\n0,5,PER,Jean-\n70,80,LOC,Washington\n", false,
			"\"Imported 1 annotation from x.csv (csv). 1 could not be placed confidently (line 3: its text “Washington” is not in the article) and are listed under Orphans: place or drop them.\" warn true created 0 err <nil>; open \"Le Drian\": Jean-/PER; 1 orphans; 1 articles"},
		{"onto, brat", "a.ann", "T1\tPER 0 18\tJean-Yves Le Drian\n#1\tAnnotatorNotes T1\tminister\n", false,
			"\"Imported 1 annotation from a.ann (brat).\" warn false created 0 err <nil>; open \"Le Drian\": Jean-Yves Le Drian/PER/minister; 0 orphans; 1 articles"},
		{"onto, its own text the same", "a.jsonl", `{"text":"` + article + `","label":[[29,35,"LOC"]]}`, false,
			"\"Imported 1 annotation from a.jsonl (jsonl).\" warn false created 0 err <nil>; open \"Le Drian\": Moscow/LOC; 0 orphans; 1 articles"},
		{"its own text, another article", "other.jsonl", `{"text":"A different story about Paris.","label":[[24,29,"LOC"]]}`, false,
			"\"Imported 1 article with their annotations from other.jsonl (jsonl).\" warn false created 1 err <nil>; open \"A different story about Paris.\": Paris/LOC; 0 orphans; 2 articles"},
		{"several articles", "two.jsonl", `{"text":"Rome is old.","label":[[0,4,"LOC"]]}` + "\n" + `{"text":"Ada codes.","label":[[0,3,"PER"]]}`, false,
			"\"Imported 2 articles with their annotations from two.jsonl (jsonl).\" warn false created 2 err <nil>; open \"Rome is old.\": Rome/LOC; 0 orphans; 3 articles"},
		{"broken", "bad.jsonl", `{"text":"x","label":[[0,9,"PER"]]}`, false,
			"\"\" warn false created 0 err bad.jsonl: jsonl: line 1: \"label\" item 1: span 0-9 is outside the text (1 characters); nothing imported; open \"Le Drian\": ; 0 orphans; 1 articles"},
		{"broken, several", "bad2.jsonl", `{"text":"Rome is old.","label":[[0,4,"LOC"]]}` + "\n" + `{"text":"x","label":[[0,9,"PER"]]}`, false,
			"\"\" warn false created 0 err bad2.jsonl: jsonl: line 2: \"label\" item 1: span 0-9 is outside the text (1 characters); nothing imported; open \"Le Drian\": ; 0 orphans; 1 articles"},
		{"nothing placeable", "y.csv", "start,end,label,text\n200,210,LOC,Washington\n", false,
			"\"\" warn false created 0 err y.csv: none of its 1 annotation could be found in this article (the first: line 2: its text “Washington” is not in the article). Nothing was imported; is it for another article?; open \"Le Drian\": ; 0 orphans; 1 articles"},
		{"no annotations", "z.csv", "start,end,label,text\n", false,
			"\"\" warn false created 0 err z.csv: no annotations found. Nothing was imported; open \"Le Drian\": ; 0 orphans; 1 articles"},
		{"not a format", "a.bin", "\x00\x01\x02", false,
			"\"\" warn false created 0 err a.bin: not a format Gloss reads (brat .ann, W3C .jsonld, JSONL, CoNLL, CSV). Nothing was imported; open \"Le Drian\": ; 0 orphans; 1 articles"},
		{"closed, no text", "x.csv", "start,end,label,text\n0,5,PER,Jean-\n", true,
			"\"\" warn false created 0 err x.csv: csv: line 2: span 0-5 \"Jean-\" is outside the text (0 characters); nothing imported; 1 articles"},
		{"closed, own text", "other.jsonl", `{"text":"A different story about Paris.","label":[[24,29,"LOC"]]}`, true,
			"\"Imported 1 article with their annotations from other.jsonl (jsonl).\" warn false created 1 err <nil>; open \"A different story about Paris.\": Paris/LOC; 0 orphans; 2 articles"},
		{"closed, not a format", "a.bin", "\x00\x01\x02", true,
			"\"\" warn false created 0 err a.bin: not a format Gloss reads (brat .ann, W3C .jsonld, JSONL, CoNLL, CSV). Nothing was imported; 1 articles"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, _ := newSession(t)
			if c.closed {
				s.Close()
			}
			calls = 0
			im, err := s.Import(c.file, []byte(c.data))
			got := fmt.Sprintf("%q warn %v created %d err %v", im.Message, im.Warn, im.Created, err)
			if s.Doc != nil {
				got += fmt.Sprintf("; open %q: %s; %d orphans", s.Doc.Meta.Title, labels(s.Doc.Set.All()), len(s.Doc.Orphans))
			}
			got += fmt.Sprintf("; %d articles", len(s.Lib.List()))
			if got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
			if calls != 1 {
				t.Errorf("%d calls to the converter, want 1", calls)
			}
		})
	}
}
