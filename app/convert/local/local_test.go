package local

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"gloss/app/annot"
	"gloss/app/convert"
	"gloss/app/corpus"
	_ "gloss/app/extract" // web pages in a corpus
	"gloss/app/format"
)

// loopback is the page's path without a worker: every call written,
// served and read back.
var loopback = convert.Wire(func(call string) (string, error) { return Serve(call), nil })

func testDoc() format.Doc {
	text := "Zoë Ndiaye met Ahmed in Paris.\nLe Monde said so \u2028 😀."
	return format.Doc{Title: "Zoë <&> in \"Paris\"", Text: text, Annotations: []annot.Annotation{
		{ID: "a1", Start: 0, End: 10, Label: "PER", Text: "Zoë Ndiaye", Note: "a note\twith a tab"},
		{ID: "a2", Start: 4, End: 10, Label: "PER", Text: "Ndiaye"}, // overlaps: CoNLL cannot hold both
		{ID: "a3", Start: 24, End: 29, Label: "LOC", Text: "Paris"},
	}, Brat: &format.BratExtra{Lines: []string{"T1\tPER 0 10\tZoë Ndiaye\n", "#1\tAnnotatorNotes T1\tkept\r\n"}}}
}

// Each operation gives the same through the worker's messages as here:
// nothing is lost on the way (bytes, omissions, reports, placements,
// errors).
func TestWireSameAsDo(t *testing.T) {
	d := testDoc()
	zip, err := corpus.Zip([]corpus.File{
		{Name: "c/a.txt", Data: []byte("IBM hired Bob.")},
		{Name: "c/a.ann", Data: []byte("T1\tORG 0 3\tIBM\nT2\tPER 10 13\tBob\n")},
		{Name: "c/annotation.conf", Data: []byte("[entities]\nPER\nORG\n")},
		{Name: "c/bad.ann", Data: []byte("T1\tPER 0 40\tShort.\n")},
		{Name: "docs.jsonl", Data: []byte(`{"text":"Rome is old.","label":[[0,4,"LOC"]]}` + "\n")},
		{Name: "page.html", Data: []byte("<html><head><title>A page</title></head><body><article><p>Hello from Lyon.</p></article></body></html>")},
		{Name: "latin1.txt", Data: []byte("Caf\xe9 in M\xfcnchen.")},
	})
	if err != nil {
		t.Fatal(err)
	}
	conll := Do(convert.Call{Op: convert.OpEncode, Format: "conll", Docs: []format.Doc{d}}).Data
	edited := strings.Replace(d.Text, "met", "has met", 1)
	two := `{"text":"Rome is old.","label":[[0,4,"LOC"]]}` + "\n" + `{"text":"Ada codes.","label":[[0,3,"PER"]]}`
	calls := map[string]convert.Call{
		"encode conll (omits)": {Op: convert.OpEncode, Format: "conll", Docs: []format.Doc{d}},
		"encode w3c":           {Op: convert.OpEncode, Format: "w3c", Docs: []format.Doc{d}},
		"encode unknown":       {Op: convert.OpEncode, Format: "nope", Docs: []format.Doc{d}},
		"write brat":           {Op: convert.OpWrite, Format: "brat", Docs: []format.Doc{d, {Title: "Two", Text: "Ada codes."}}, Labels: []string{"PER", "LOC"}},
		"write conll":          {Op: convert.OpWrite, Format: "conll", Docs: []format.Doc{d}, Labels: []string{"PER"}},
		"read zip":             {Op: convert.OpRead, Files: []corpus.File{{Name: "all.zip", Data: zip}, {Name: "x.png", Data: []byte("\x89PNG")}}},
		"decode conll":         {Op: convert.OpDecode, Name: "a.conll", Data: conll},
		"decode onto text":     {Op: convert.OpDecode, Name: "a.conll", Data: conll, Text: d.Text},
		"decode not a format":  {Op: convert.OpDecode, Name: "a.bin", Data: []byte{0, 1, 2}},
		"decode broken":        {Op: convert.OpDecode, Name: "a.jsonl", Data: []byte(`{"text":"x","label":[[0,9,"PER"]]}`)},
		"import onto, moved":   {Op: convert.OpImport, Name: "a.csv", Data: []byte("start,end,label,text\n24,29,LOC,Paris\n0,3,PER,Nobody\n"), Text: edited, Onto: true},
		"import, none open":    {Op: convert.OpImport, Name: "a.conll", Data: conll},
		"import onto, several": {Op: convert.OpImport, Name: "two.jsonl", Data: []byte(two), Text: d.Text, Onto: true},
		"import onto, broken":  {Op: convert.OpImport, Name: "a.jsonl", Data: []byte(`{"text":"x","label":[[0,9,"PER"]]}`), Text: d.Text, Onto: true},
		"unknown op":           {Op: "fly"},
	}
	for name, c := range calls {
		want, got := newIDs(Do(c)), newIDs(loopback.Do(c))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: through the wire\n%+v\nhere\n%+v", name, got, want)
		}
	}
	// The cases above do what they are named for.
	if r := Do(calls["encode conll (omits)"]); len(r.Omitted) == 0 || len(r.Data) == 0 {
		t.Errorf("conll: %d omitted, %d bytes", len(r.Omitted), len(r.Data))
	}
	if r := Do(calls["read zip"]); r.Read == nil || len(r.Read.Articles) < 4 || len(r.Read.Refused()) == 0 {
		t.Errorf("read: %+v", r.Read)
	}
	if r := Do(calls["decode not a format"]); r.Format != "" || r.Err != "" {
		t.Errorf("not a format: %+v", r)
	}
	if r := Do(calls["decode broken"]); r.Format != "jsonl" || r.Err == "" {
		t.Errorf("broken: %+v", r)
	}
	if r := Do(calls["import onto, moved"]); r.Format != "csv" || r.Onto == nil || r.Onto.Placement.Moved != 1 || len(r.Onto.Placement.Orphans) != 1 {
		t.Errorf("import onto: %+v %+v", r, r.Onto)
	}
	if r := Do(calls["import, none open"]); r.Format != "conll" || len(r.Docs) != 1 || r.Onto != nil {
		t.Errorf("import, none open: %+v", r)
	}
	if r := Do(calls["import onto, several"]); len(r.Docs) != 2 || r.Onto != nil {
		t.Errorf("import onto, several: %d docs, onto %+v", len(r.Docs), r.Onto)
	}
	if r := Do(calls["import onto, broken"]); r.Err == "" || r.Onto == nil || r.Onto.Err == "" {
		t.Errorf("import onto, broken: %+v %+v", r, r.Onto)
	}
}

// newIDs blanks the IDs the decoders made up (random), keeping the
// file's own.
func newIDs(r convert.Result) convert.Result {
	blank := func(as []annot.Annotation) {
		for i := range as {
			if len(as[i].ID) > 3 {
				as[i].ID = "new"
			}
		}
	}
	for _, d := range r.Docs {
		blank(d.Annotations)
	}
	if o := r.Onto; o != nil {
		blank(o.Doc.Annotations)
		blank(o.Placement.Annotations)
		for i := range o.Placement.Orphans {
			if len(o.Placement.Orphans[i].ID) > 3 {
				o.Placement.Orphans[i].ID = "new"
			}
		}
	}
	if r.Read != nil {
		for _, a := range r.Read.Articles {
			blank(a.Doc.Annotations)
		}
	}
	return r
}

// The helpers give what the packages give, and errors as errors.
func TestHelpers(t *testing.T) {
	old := convert.Use
	defer func() { convert.Use = old }()
	convert.Use = loopback
	d := testDoc()
	data, omitted, err := convert.Encode("conll", d)
	f, _ := format.ByName("conll")
	want, _ := f.Encode(d)
	if err != nil || string(data) != string(want) || !reflect.DeepEqual(omitted, format.Omitted(f, d)) {
		t.Errorf("Encode: %v %d omitted", err, len(omitted))
	}
	if _, _, err := convert.Encode("nope", d); err == nil {
		t.Error("Encode in an unknown format: no error")
	}
	name, docs, _, err := convert.Decode("x.conll", data, "")
	if name != "conll" || err != nil || len(docs) != 1 {
		t.Errorf("Decode: %q %d %v", name, len(docs), err)
	}
	if im, err := convert.Import("x.conll", data, d.Text, true); err != nil || im.Format != "conll" || len(im.Docs) != 1 || im.Onto == nil || len(im.Onto.Placement.Annotations) == 0 {
		t.Errorf("Import: %+v %v", im, err)
	}
	x, err := convert.Write("brat", []format.Doc{d}, []string{"PER"})
	if err != nil || !strings.HasSuffix(x.Name, ".zip") || len(x.Data) == 0 {
		t.Errorf("Write: %+v %v", x, err)
	}
	r, err := convert.Read([]corpus.File{{Name: x.Name, Data: x.Data}})
	if err != nil || len(r.Articles) != 1 || r.Articles[0].Doc.Text != d.Text {
		t.Errorf("Read back: %+v %v", r, err)
	}
	// No converter (a module that could not be loaded): every helper says so.
	convert.Use = convert.Wire(func(string) (string, error) { return "", errors.New("offline") })
	if _, _, err := convert.Encode("conll", d); !errors.Is(err, convert.ErrUnavailable) {
		t.Errorf("Encode offline: %v", err)
	}
	if _, err := convert.Read(nil); !errors.Is(err, convert.ErrUnavailable) {
		t.Errorf("Read offline: %v", err)
	}
	if name, _, _, err := convert.Decode("x.conll", data, ""); name != "" || !errors.Is(err, convert.ErrUnavailable) {
		t.Errorf("Decode offline: %q %v", name, err)
	}
	if _, err := convert.Write("brat", []format.Doc{d}, nil); !errors.Is(err, convert.ErrUnavailable) {
		t.Errorf("Write offline: %v", err)
	}
	convert.Use = nil
	if _, err := convert.Import("a.csv", nil, "", true); !errors.Is(err, convert.ErrUnavailable) {
		t.Errorf("no converter: %v", err)
	}
}
