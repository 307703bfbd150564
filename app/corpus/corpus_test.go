package corpus

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"gloss/app/annot"
	_ "gloss/app/extract" // the articles in HTML and Markdown
	"gloss/app/format"
)

func mustZip(t *testing.T, files ...File) []byte {
	t.Helper()
	b, err := Zip(files)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func report(t *testing.T, r *Result, name string) FileReport {
	t.Helper()
	for _, f := range r.Files {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("no report for %s in %+v", name, r.Files)
	return FileReport{}
}

// A zip of every format, with bad files among the good ones.
func TestReadZipEveryFormat(t *testing.T) {
	w3c := `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","first":{"type":"AnnotationPage","items":[
 {"type":"Annotation","body":{"type":"TextualBody","purpose":"tagging","value":"LOC"},"target":{"source":"texts/w1.txt","selector":{"type":"TextPositionSelector","start":0,"end":5}}},
 {"type":"Annotation","body":{"type":"TextualBody","purpose":"tagging","value":"PER"},"target":{"source":"texts/w2.txt","selector":{"type":"TextQuoteSelector","exact":"Ada"}}}]}}`
	zip := mustZip(t,
		File{Name: "corpus/annotation.conf", Data: []byte("[entities]\nPER\nORG\n!Place\n\tGPE\n[relations]\nMet\tArg1:PER, Arg2:PER\n")},
		File{Name: "corpus/visual.conf", Data: []byte("[labels]\n")},
		File{Name: "corpus/a.txt", Data: []byte("Zoë met Ahmed in Paris.")},
		File{Name: "corpus/a.ann", Data: []byte("T1\tPER 0 3\tZoë\nT2\tPER 8 13\tAhmed\nT3\tGPE 17 22\tParis\n")},
		File{Name: "corpus/b.txt", Data: []byte("IBM hired Bob.")},
		File{Name: "corpus/b.ann", Data: []byte("T1\tORG 0 3\tIBM\nT2\tPER 10 13\tBob\n")},
		File{Name: "corpus/bad.txt", Data: []byte("Short.")},
		File{Name: "corpus/bad.ann", Data: []byte("T1\tPER 0 40\tShort.\n")},
		File{Name: "corpus/lonely.ann", Data: []byte("T1\tPER 0 3\tAda\n")},
		File{Name: "docs.jsonl", Data: []byte(`{"text":"Rome is old.","label":[[0,4,"LOC"]]}` + "\n" + `{"text":"Ada codes.","label":[[0,3,"PER"]],"title":"Ada"}` + "\n")},
		File{Name: "spacy.jsonl", Data: []byte(`{"text":"Oslo.","spans":[{"start":0,"end":4,"label":"LOC"}]}` + "\n")},
		File{Name: "news.conll", Data: []byte("-DOCSTART- -X- -X- O\n\nEU\tB-ORG\nrejects\tO\n\n-DOCSTART- -X- -X- O\n\nPeter\tB-PER\nBlackburn\tI-PER\n")},
		File{Name: "broken.jsonl", Data: []byte(`{"text":"x","label":[[0,9,"PER"]]}` + "\n")},
		File{Name: "page.html", Data: []byte("<html><head><title>A page</title></head><body><article><p>Hello from Lyon.</p></article></body></html>")},
		File{Name: "note.md", Data: []byte("# Notes\n\nSome *text*.\n")},
		File{Name: "w3c/annotations.jsonld", Data: []byte(w3c)},
		File{Name: "w3c/texts/w1.txt", Data: []byte("Paris is big.")},
		File{Name: "w3c/texts/w2.txt", Data: []byte("Ada Lovelace")},
		File{Name: "picture.png", Data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")},
		File{Name: "__MACOSX/._a.txt", Data: []byte("junk")},
	)
	r := Read([]File{{Name: "all.zip", Data: zip}})
	got := map[string]int{}
	for _, f := range r.Files {
		got[f.Name] = f.Articles
	}
	want := map[string]int{
		"all.zip/corpus/a.ann": 1, "all.zip/corpus/b.ann": 1, "all.zip/docs.jsonl": 2, "all.zip/spacy.jsonl": 1,
		"all.zip/news.conll": 2, "all.zip/page.html": 1, "all.zip/note.md": 1, "all.zip/w3c/annotations.jsonld": 2,
	}
	for name, n := range want {
		if got[name] != n {
			t.Errorf("%s: %d articles, want %d", name, got[name], n)
		}
	}
	// a, b, bad.txt (its .ann refused), 2 JSONL, 1 spaCy, 2 CoNLL, HTML, Markdown, 2 W3C.
	if len(r.Articles) != 12 {
		t.Errorf("%d articles, want 12: %s", len(r.Articles), r.Summary())
	}
	for _, bad := range []string{"all.zip/corpus/bad.ann", "all.zip/corpus/lonely.ann", "all.zip/broken.jsonl", "all.zip/picture.png"} {
		if f := report(t, r, bad); f.Refused == "" || f.Articles != 0 {
			t.Errorf("%s should be refused: %+v", bad, f)
		}
	}
	if f := report(t, r, "all.zip/corpus/lonely.ann"); !strings.Contains(f.Refused, "lonely.txt") {
		t.Errorf("lonely.ann: %q", f.Refused)
	}
	// The text of a refused .ann is not lost: it is read as an article of its own.
	if f := report(t, r, "all.zip/corpus/bad.txt"); f.Articles != 1 {
		t.Errorf("bad.txt: %+v", f)
	}
	if f := report(t, r, "all.zip/corpus/a.txt"); !f.Skipped || f.Articles != 0 {
		t.Errorf("a.txt should be read as a.ann's text: %+v", f)
	}
	if !reflect.DeepEqual(r.Labels, []string{"PER", "ORG", "GPE"}) {
		t.Errorf("labels %v", r.Labels)
	}
	var a Article
	for _, x := range r.Articles {
		if x.Source == "all.zip/corpus/a.ann" {
			a = x
		}
	}
	if len(a.Doc.Annotations) != 3 || a.Doc.Annotations[2].Text != "Paris" || a.Doc.Title == "" {
		t.Errorf("a.ann: %+v", a)
	}
	for _, x := range r.Articles {
		if strings.HasSuffix(x.Source, "texts/w2.txt") && (len(x.Doc.Annotations) != 1 || x.Doc.Annotations[0].End != 3) {
			t.Errorf("w3c quote: %+v", x)
		}
	}
	if s := r.Summary(); !strings.HasPrefix(s, "12 articles, ") || !strings.Contains(s, "4 files refused") {
		t.Errorf("summary %q", s)
	}
	ls := r.LabelSet(annot.DefaultLabels())
	if ls.Index("GPE") < 0 || ls.Index("PER") != 0 {
		t.Errorf("label set %v", ls)
	}
}

func TestReadBadZips(t *testing.T) {
	inner := mustZip(t, File{Name: "x.txt", Data: []byte("x")})
	r := Read([]File{
		{Name: "fake.zip", Data: []byte("not a zip at all")},
		{Name: "nest.zip", Data: mustZip(t, File{Name: "in.zip", Data: inner}, File{Name: "ok.txt", Data: []byte("Fine text.")})},
		{Name: "empty.zip", Data: mustZip(t)},
		{Name: "loose.txt", Data: []byte("A loose article.")},
	})
	if f := report(t, r, "fake.zip"); !strings.Contains(f.Refused, "not a readable zip") {
		t.Errorf("fake: %+v", f)
	}
	if f := report(t, r, "nest.zip/in.zip"); f.Refused == "" {
		t.Errorf("nested: %+v", f)
	}
	if f := report(t, r, "empty.zip"); f.Refused == "" {
		t.Errorf("empty: %+v", f)
	}
	if len(r.Articles) != 2 {
		t.Errorf("articles %d", len(r.Articles))
	}
}

func library() []format.Doc {
	return []format.Doc{
		{Title: "Paris talks", Text: "Zoë met Ahmed in Paris.\n\nThey spoke of IBM.", Annotations: []annot.Annotation{
			{ID: "a1", Start: 0, End: 3, Label: "PER", Text: "Zoë", Note: "the envoy"},
			{ID: "a2", Start: 8, End: 13, Label: "PER", Text: "Ahmed"},
			{ID: "a3", Start: 17, End: 22, Label: "LOC", Text: "Paris"},
			{ID: "a4", Start: 39, End: 42, Label: "ORG", Text: "IBM"},
		}},
		{Title: "Paris talks", Text: "東京 and 😀 Zürich.", Annotations: []annot.Annotation{
			{ID: "b1", Start: 0, End: 2, Label: "LOC", Text: "東京"},
			{ID: "b2", Start: 9, End: 15, Label: "LOC", Text: "Zürich"},
		}},
		{Title: "No labels / here", Text: "Nothing to see."},
	}
}

type span struct {
	start, end int
	label      string
}

func spans(as []annot.Annotation) []span {
	var out []span
	for _, a := range as {
		out = append(out, span{a.Start, a.End, a.Label})
	}
	return out
}

// Export then import keeps every article and span, in every format that can.
func TestRoundTrip(t *testing.T) {
	lib := library()
	for _, name := range []string{"brat", "jsonl", "spacy", "w3c"} {
		t.Run(name, func(t *testing.T) {
			x, err := Write(name, lib, []string{"PER", "ORG", "LOC", "MISC"})
			if err != nil {
				t.Fatal(err)
			}
			r := Read([]File{{Name: x.Name, Data: x.Data}})
			if len(r.Refused()) > 0 {
				t.Fatalf("refused: %+v", r.Refused())
			}
			if len(r.Articles) != len(lib) {
				t.Fatalf("%d articles back, want %d: %s", len(r.Articles), len(lib), r.Summary())
			}
			byText := map[string]format.Doc{}
			for _, a := range r.Articles {
				byText[a.Doc.Text] = a.Doc
			}
			for _, d := range lib {
				got, ok := byText[d.Text]
				if !ok {
					t.Errorf("article %q lost", d.Title)
					continue
				}
				if g, w := spans(got.Annotations), spans(d.Annotations); !reflect.DeepEqual(g, w) {
					t.Errorf("%q: spans %v, want %v", d.Title, g, w)
				}
			}
			if name == "brat" || name == "w3c" {
				if n := byText[lib[0].Text].Annotations[0].Note; n != "the envoy" {
					t.Errorf("note %q", n)
				}
			}
		})
	}
}

// CoNLL keeps tokens and tags, not spacing: the spans come back on the
// same words, and the export says what it could not hold.
func TestRoundTripCoNLL(t *testing.T) {
	lib := library()
	lib[0].Annotations = append(lib[0].Annotations, annot.Annotation{ID: "n1", Start: 17, End: 19, Label: "MISC", Text: "Pa"})
	for _, name := range []string{"conll", "bilou"} {
		x, err := Write(name, lib, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Count(string(x.Data), "-DOCSTART-"); got != 3 {
			t.Errorf("%s: %d -DOCSTART- lines", name, got)
		}
		if !strings.Contains(strings.Join(x.Notes, " "), "1 annotation in 1 article left out") {
			t.Errorf("%s notes %v", name, x.Notes)
		}
		r := Read([]File{{Name: x.Name, Data: x.Data}})
		if len(r.Articles) != 3 {
			t.Fatalf("%s: %s %+v", name, r.Summary(), r.Files)
		}
		for i, a := range r.Articles {
			var got, want []string
			for _, s := range a.Doc.Annotations {
				got = append(got, s.Label+":"+s.Text)
			}
			for _, s := range library()[i].Annotations {
				want = append(want, s.Label+":"+s.Text)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s article %d: %v, want %v", name, i, got, want)
			}
		}
	}
}

func TestStems(t *testing.T) {
	docs := []format.Doc{{Title: "Paris talks"}, {Title: "paris TALKS"}, {Title: "a/b:c*?"}, {Title: ""}, {Title: "東京 news"}}
	got := Stems(docs)
	want := []string{"Paris-talks", "paris-TALKS-2", "a-b-c", "article", "東京-news"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%v", got)
	}
}

func TestConf(t *testing.T) {
	c := Conf([]string{"PER", "ORG"})
	if got := ParseConf(c); !reflect.DeepEqual(got, []string{"PER", "ORG"}) {
		t.Errorf("%v from %s", got, c)
	}
}

// Many files: every one reported, in name order.
func TestReadManyReports(t *testing.T) {
	var files []File
	for i := 0; i < 30; i++ {
		files = append(files, File{Name: fmt.Sprintf("n%02d.txt", i), Data: []byte(fmt.Sprintf("Article %02d about Rome.", i))},
			File{Name: fmt.Sprintf("n%02d.ann", i), Data: []byte("T1\tLOC 17 21\tRome\n")})
	}
	files[11].Data = []byte("T1\tLOC 0 999\tx\n") // n05.ann points outside its text
	r := Read(files)
	if len(r.Articles) != 30 || r.Annotations() != 29 || len(r.Files) != 60 {
		t.Errorf("%s, %d reports", r.Summary(), len(r.Files))
	}
	if f := report(t, r, "n05.ann"); f.Refused == "" {
		t.Errorf("n05.ann %+v", f)
	}
}
