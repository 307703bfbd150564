package format

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gloss/app/annot"
)

func read(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// spanKey is what must survive a round trip.
type spanKey struct {
	Start, End int
	Label      string
}

func keys(as []annot.Annotation) []spanKey {
	var out []spanKey
	for _, a := range as {
		out = append(out, spanKey{a.Start, a.End, a.Label})
	}
	slices.SortFunc(out, cmpKey)
	return out
}

func cmpKey(a, b spanKey) int {
	if a.Start != b.Start {
		return a.Start - b.Start
	}
	if a.End != b.End {
		return a.End - b.End
	}
	return strings.Compare(a.Label, b.Label)
}

// fixture is the brat test article (accents, emoji outside the BMP, CJK,
// Hebrew, CRLF) read through the brat decoder.
func fixture(t testing.TB) Doc {
	t.Helper()
	d, _, err := Brat.Decode([]byte(read(t, "article.ann")), read(t, "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// plain is the fixture as a format without brat extras would carry it:
// no discontinuous span (CoNLL could not say it).
func plain(t testing.TB) Doc {
	d := fixture(t)
	d.Brat = nil
	var as []annot.Annotation
	for _, a := range d.Annotations {
		if a.ID != "T10" {
			as = append(as, a)
		}
	}
	d.Annotations = as
	return d
}

func TestBratRoundTripByteForByte(t *testing.T) {
	for _, name := range []string{"article", "simple"} {
		ann, txt := read(t, name+".ann"), read(t, name+".txt")
		d, rep, err := Brat.Decode([]byte(ann), txt)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if rep.Unit != UnitCodePoints {
			t.Errorf("%s: unit %q", name, rep.Unit)
		}
		out, err := Brat.Encode(d)
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != ann {
			t.Errorf("%s: round trip differs:\n%q\nwant\n%q", name, out, ann)
		}
	}
}

func TestBratDecode(t *testing.T) {
	d, rep := fixture(t), Report{}
	_, rep, _ = Brat.Decode([]byte(read(t, "article.ann")), read(t, "article.txt"))
	get := func(id string) annot.Annotation {
		for _, a := range d.Annotations {
			if a.ID == id {
				return a
			}
		}
		t.Fatalf("no %s", id)
		return annot.Annotation{}
	}
	if a := get("T1"); a.Text != "Zoë Ångström" || a.Note != "Physicist, née in Åre — note with “quotes”" {
		t.Errorf("T1 = %+v", a)
	}
	if a := get("T3"); a.Text != "東京" || a.Note != "Tokyo 東京 🗼" {
		t.Errorf("T3 = %+v", a)
	}
	if a := get("T10"); a.Start != 0 || a.Text != "Zoë Ångström met Ahmed in 東京 on Monday" {
		t.Errorf("discontinuous T10 = %+v", a)
	}
	// Offsets past the emoji and the CRLF must be code points.
	if a := get("T8"); []rune(d.Text)[a.Start] != 'Z' || a.Text != "Zürich" {
		t.Errorf("T8 = %+v", a)
	}
	want := "1 relation, 1 event, 1 attribute, 1 modification, 1 normalisation, 1 equivalence, 1 note on other annotations, 1 other line, 1 discontinuous span's fragments kept unchanged for export"
	if len(rep.Notes) != 1 || rep.Notes[0] != want {
		t.Errorf("notes %q\nwant %q", rep.Notes, want)
	}
}

func TestBratEdits(t *testing.T) {
	d := fixture(t)
	var as []annot.Annotation
	for _, a := range d.Annotations {
		switch a.ID {
		case "T2", "T9": // T2 is in R1 and M1; T9 in the equivalence with T5
			continue
		case "T1":
			a.Note = "" // drops #1
		case "T3":
			a.Note = "Tōkyō"
		case "T4":
			a.Label = "City Name"
			a.Note = "new note"
		}
		as = append(as, a)
	}
	as = append(as, annot.Annotation{ID: "a1", Start: 4, End: 12, Label: "Surname", Note: "two\nlines"})
	d.Annotations = as
	out, err := Brat.Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	for _, gone := range []string{"T2\t", "T9\t", "R1\t", "M1\t", "#1\t", "*\tAlias"} {
		if strings.Contains(got, gone) {
			t.Errorf("%q should be gone:\n%s", gone, got)
		}
	}
	for _, kept := range []string{
		"T4\tCity_Name 52 59\tירושלים\r\n", "#3\tAnnotatorNotes T3\tTōkyō\n", "E1\tMeeting:T10 Participant:T1 Place:T3\n",
		"A1\tNegated E1\n", "X1\tunknown line kept\n", "T11\tSurname 4 12\tÅngström\n",
		"#4\tAnnotatorNotes T4\tnew note\n", "#5\tAnnotatorNotes T11\ttwo lines\n",
	} {
		if !strings.Contains(got, kept) {
			t.Errorf("missing %q in:\n%s", kept, got)
		}
	}
	// And it reads back.
	back, _, err := Brat.Decode(out, d.Text)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Annotations) != len(as) {
		t.Errorf("read back %d annotations, want %d", len(back.Annotations), len(as))
	}
}

func TestBratRemovingEventTriggerDropsDependents(t *testing.T) {
	d := fixture(t)
	var as []annot.Annotation
	for _, a := range d.Annotations {
		if a.ID != "T10" {
			as = append(as, a)
		}
	}
	d.Annotations = as
	out, _ := Brat.Encode(d)
	for _, gone := range []string{"T10\t", "E1\t", "A1\t", "#2\t"} {
		if strings.Contains(string(out), gone) {
			t.Errorf("%q should be gone with T10:\n%s", gone, out)
		}
	}
}

func TestBratRefuses(t *testing.T) {
	txt := read(t, "article.txt")
	for _, c := range []struct{ ann, want string }{
		{"T1\tPerson 0 12\tZoë Ångström\nT2\tPerson 17 22\tAhmad\n", `brat: line 2: span 17-22 "Ahmad" does not match the text ("Ahmed"); nothing imported`},
		{"T1\tPerson 40 38\tx\n", "brat: line 1: offsets 40-38 reversed; nothing imported"},
		{"T1\tPerson 0 3\tZoë\nT1\tPerson 0 3\tZoë\n", "brat: line 2: T1 is defined twice (first on line 1); nothing imported"},
		{"T1\tPerson zero 3\tZoë\n", `brat: line 1: T1: offsets "zero 3" are not numbers; nothing imported`},
		{"T1\tPerson 0 9999\tZoë\n", `brat: line 1: span 0-9999 "Zoë" is outside the text (174 characters); nothing imported`},
	} {
		_, _, err := Brat.Decode([]byte(c.ann), txt)
		if err == nil || err.Error() != c.want {
			t.Errorf("got %v\nwant %s", err, c.want)
		}
	}
}

// TestEachFormatRoundTrip: Doc -> format -> Doc keeps every span.
func TestEachFormatRoundTrip(t *testing.T) {
	d := plain(t)
	want := keys(d.Annotations)
	for _, f := range All() {
		data, err := f.Encode(d)
		if err != nil {
			t.Fatalf("%s: %v", f.Name(), err)
		}
		back, rep, err := f.Decode(data, d.Text)
		if err != nil {
			t.Fatalf("%s: %v\n%s", f.Name(), err, data)
		}
		if got := keys(back.Annotations); !slices.Equal(got, want) {
			t.Errorf("%s: spans\n%v\nwant\n%v", f.Name(), got, want)
		}
		if back.Text != d.Text {
			t.Errorf("%s: text changed", f.Name())
		}
		if f != CoNLL && f != BILOU && rep.Unit != UnitCodePoints {
			t.Errorf("%s: unit %q", f.Name(), rep.Unit)
		}
		if f == Brat || f == W3C || f == CSV {
			for i, a := range sorted(back.Annotations) {
				if w := sorted(d.Annotations)[i]; a.Note != w.Note || a.Text != w.Text {
					t.Errorf("%s: %+v, want note %q text %q", f.Name(), a, w.Note, w.Text)
				}
			}
		}
		if f == Brat || f == W3C {
			for i, a := range sorted(back.Annotations) {
				if w := sorted(d.Annotations)[i]; a.ID != w.ID {
					t.Errorf("%s: ID %q, want %q", f.Name(), a.ID, w.ID)
				}
			}
		}
	}
}

// TestAllPairs: A -> B -> A keeps the spans for every pair of formats.
func TestAllPairs(t *testing.T) {
	d := plain(t)
	want := keys(d.Annotations)
	via := func(f Format, d Doc) Doc {
		t.Helper()
		data, err := f.Encode(d)
		if err != nil {
			t.Fatalf("%s encode: %v", f.Name(), err)
		}
		back, _, err := f.Decode(data, d.Text)
		if err != nil {
			t.Fatalf("%s decode: %v", f.Name(), err)
		}
		return back
	}
	for _, a := range All() {
		for _, b := range All() {
			got := keys(via(a, via(b, via(a, d))).Annotations)
			if !slices.Equal(got, want) {
				t.Errorf("%s -> %s -> %s: %v\nwant %v", a.Name(), b.Name(), a.Name(), got, want)
			}
		}
	}
}

// utf16Off and byteOff restate a code point offset in another unit.
func utf16Off(s string, cp int) int { return len(utf16.Encode([]rune(s)[:cp])) }
func byteOff(s string, cp int) int  { return len(string([]rune(s)[:cp])) }

func TestUnitDetection(t *testing.T) {
	d := plain(t)
	for _, c := range []struct {
		unit string
		conv func(string, int) int
	}{
		{UnitUTF16, utf16Off},
		{UnitBytes, byteOff},
	} {
		// JSONL without quoted text, CSV and W3C and brat with it.
		var labels [][3]any
		var csvRows []string
		var ann []string
		for i, a := range sorted(d.Annotations) {
			s, e := c.conv(d.Text, a.Start), c.conv(d.Text, a.End)
			labels = append(labels, [3]any{s, e, a.Label})
			csvRows = append(csvRows, fmt.Sprintf("%d,%d,%s,%s,", s, e, a.Label, a.Text))
			ann = append(ann, fmt.Sprintf("T%d\t%s %d %d\t%s", i+1, a.Label, s, e, oneLine(a.Text)))
		}
		line, _ := json.Marshal(map[string]any{"text": d.Text, "label": labels})
		files := map[Format]string{
			JSONL: string(line),
			CSV:   "start,end,label,text,note\n" + strings.Join(csvRows, "\n"),
			Brat:  strings.Join(ann, "\n") + "\n",
		}
		w3c, _ := W3C.Encode(d)
		files[W3C] = w3cShift(t, w3c, d.Text, c.conv)
		for f, data := range files {
			back, rep, err := f.Decode([]byte(data), d.Text)
			if err != nil {
				t.Fatalf("%s in %s: %v", f.Name(), c.unit, err)
			}
			if rep.Unit != c.unit {
				t.Errorf("%s: unit %q, want %q", f.Name(), rep.Unit, c.unit)
			}
			if got := keys(back.Annotations); !slices.Equal(got, keys(d.Annotations)) {
				t.Errorf("%s in %s: %v", f.Name(), c.unit, got)
			}
		}
	}
}

// w3cShift rewrites the TextPositionSelectors of a W3C export into another unit.
func w3cShift(t *testing.T, data []byte, text string, conv func(string, int) int) string {
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	for _, it := range v["first"].(map[string]any)["items"].([]any) {
		for _, s := range it.(map[string]any)["target"].(map[string]any)["selector"].([]any) {
			sm := s.(map[string]any)
			if sm["type"] == "TextPositionSelector" {
				sm["start"] = conv(text, int(sm["start"].(float64)))
				sm["end"] = conv(text, int(sm["end"].(float64)))
			}
		}
	}
	out, _ := json.Marshal(v)
	return string(out)
}

func TestRefusesMismatch(t *testing.T) {
	text := "Er flog nach Moskau. Dann Moscow."
	jsonl := `{"text": "Er flog nach Moskau.", "label": []}
{"text": "x", "label": []}
{"text": "Er flog nach Mosco", "entities": [{"start_offset": 13, "end_offset": 19, "label": "LOC", "text": "Moscow"}]}
`
	for _, c := range []struct {
		f          Format
		data, want string
	}{
		{JSONL, jsonl, `jsonl: line 3: "entities" item 1: span 13-19 "Moscow" does not match the text ("Mosco"); nothing imported`},
		{CSV, "start,end,label,text\n13,19,LOC,Moskau\n26,32,LOC,Moskau\n", `csv: line 3: span 26-32 "Moskau" does not match the text ("Moscow"); nothing imported`},
		{CSV, "start,end,label\n13,x,LOC\n", `csv: line 2: offsets "13"-"x" are not numbers; nothing imported`},
		{CoNLL, "Er\tO\nflog\tO\nnach\tO\nMoscow\tB-LOC\n", `conll: line 4: token "Moscow" does not match the text at 13 ("Moskau"); nothing imported`},
		{CoNLL, "SOCCER SOCCER SOCCER\n", `conll: line 1: tag "SOCCER" is not O or B-, I-, L-, U-, E-, S- and a label; nothing imported`},
		{W3C, `[{"type":"Annotation","target":{"source":"x:y","selector":{"type":"TextQuoteSelector","exact":"Paris"}}}]`, `w3c: item 1: quote "Paris" is not in the text; nothing imported`},
		{W3C, `{"type":"Annotation","target":{"source":"x:y","selector":[{"type":"TextQuoteSelector","exact":"Paris"},{"type":"TextPositionSelector","start":13,"end":19}]}}`, `w3c: item 1: span 13-19 "Paris" does not match the text ("Moskau"); nothing imported`},
	} {
		_, _, err := c.f.Decode([]byte(c.data), text)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: got %v\nwant %s", c.f.Name(), err, c.want)
		}
	}
}

func TestHardening(t *testing.T) {
	deep := strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	for _, c := range []struct {
		f          Format
		data, want string
	}{
		{JSONL, `{"text":"a","__proto__":{"x":1}}`, `jsonl: line 1: the file has the key "__proto__", which is not accepted (it could change JavaScript object prototypes); nothing imported`},
		{W3C, "{\"type\":\"Annotation\",\n\"body\":{\"constructor\":1}}", `w3c: line 2: the file has the key "constructor", which is not accepted (it could change JavaScript object prototypes); nothing imported`},
		{Spacy, `{"text":"a","spans":[{"prototype":1}]}`, `spacy: line 1: the file has the key "prototype", which is not accepted (it could change JavaScript object prototypes); nothing imported`},
		{W3C, deep, `w3c: line 1: the file nests deeper than 64 levels; nothing imported`},
		{JSONL, `{"text": "a", "label": [}`, `jsonl: line 1: the file is not valid JSON: invalid character '}' looking for beginning of value; nothing imported`},
	} {
		_, _, err := c.f.Decode([]byte(c.data), "a")
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: got %v\nwant %s", c.f.Name(), err, c.want)
		}
	}
	// A value ("__proto__" as a string, not a key) is fine, and so is depth 64.
	ok := `{"text":"__proto__","label":[[0,9,"X"]]}`
	if _, _, err := JSONL.Decode([]byte(ok), ""); err != nil {
		t.Error(err)
	}
	if err := checkJSON("x", []byte(strings.Repeat("[", MaxDepth)+strings.Repeat("]", MaxDepth)), false); err != nil {
		t.Error(err)
	}
	big := make([]byte, MaxSize+1)
	for _, f := range All() {
		if _, _, err := f.Decode(big, ""); err == nil || !strings.Contains(err.Error(), "over the 50 MB limit") {
			t.Errorf("%s: %v", f.Name(), err)
		}
	}
}

func TestJSONLShapes(t *testing.T) {
	data := `{"text": "EU rejects German call.", "label": [[0, 2, "ORG"], [11, 17, "MISC"]]}
{
  "text": "Google was founded by Larry Page.",
  "entities": [{"id": 0, "start_offset": 0, "end_offset": 6, "label": "ORG"}],
  "relations": []
}
{"text": "Ada Lovelace 😀 wrote.", "spans": [{"start": 0, "end": 12, "label": "PER"}], "ents": [{"start": 0, "end": 3, "label": "GIVEN"}]}
{"text": "no spans", "label": ["positive"]}
`
	docs, rep, err := DecodeAll(JSONL, []byte(data), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 4 || rep.Unit != UnitCodePoints {
		t.Fatalf("%d docs, %+v", len(docs), rep)
	}
	if got := keys(docs[0].Annotations); !slices.Equal(got, []spanKey{{0, 2, "ORG"}, {11, 17, "MISC"}}) {
		t.Error(got)
	}
	if a := docs[1].Annotations; len(a) != 1 || a[0].Text != "Google" || a[0].ID == "" {
		t.Error(a)
	}
	if len(docs[2].Annotations) != 2 || len(docs[3].Annotations) != 0 {
		t.Error(docs[2:])
	}
	// Decode picks the line with the open article's text.
	d, rep, err := JSONL.Decode([]byte(data), "Google was founded by Larry Page.")
	if err != nil || d.Annotations[0].Label != "ORG" || d.Text != "Google was founded by Larry Page." {
		t.Fatal(d, err)
	}
	if len(rep.Notes) != 1 || rep.Notes[0] != "the file holds 4 articles; article 2 was read" {
		t.Error(rep.Notes)
	}
	// EncodeAll writes one line per article and reads back the same.
	out, err := EncodeAll(Spacy, docs)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(out, []byte("\n")); n != 4 {
		t.Errorf("%d lines:\n%s", n, out)
	}
	again, _, err := DecodeAll(Spacy, out, "")
	if err != nil || len(again) != 4 || !slices.Equal(keys(again[2].Annotations), keys(docs[2].Annotations)) {
		t.Error(again, err)
	}
	if _, err := EncodeAll(CSV, docs); err == nil {
		t.Error("CSV took 4 articles")
	}
}

func TestCoNLLDecode(t *testing.T) {
	data := "-DOCSTART- -X- O O\n\nWhen WRB _ O\nSebastian NNP _ B-PERSON\nThrun NNP _ I-PERSON\nleft VBD _ O\n. . _ O\n\n\n" +
		"Ada\tB-PER\r\nLovelace\tL-PER\r\nin\tO\r\nLondon\tU-LOC\r\n"
	d, rep, err := CoNLL.Decode([]byte(data), "")
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != "When Sebastian Thrun left .\nAda Lovelace in London" {
		t.Errorf("text %q", d.Text)
	}
	want := []spanKey{{5, 20, "PERSON"}, {28, 40, "PER"}, {44, 50, "LOC"}}
	if got := keys(d.Annotations); !slices.Equal(got, want) {
		t.Errorf("%v", got)
	}
	if rep.Unit != "" || len(rep.Notes) != 1 || rep.Notes[0] != "9 tokens in 2 sentences" {
		t.Errorf("%+v", rep)
	}
	// spaCy's one sentence a line.
	d, _, err = CoNLL.Decode([]byte("When|WRB|O Ada|NNP|B-PER Lovelace|NNP|I-PER left|VBD|O\nIn|IN|O London|NNP|U-LOC\n"), "")
	if err != nil || d.Text != "When Ada Lovelace left\nIn London" || !slices.Equal(keys(d.Annotations), []spanKey{{5, 17, "PER"}, {26, 32, "LOC"}}) {
		t.Errorf("%q %v %v", d.Text, keys(d.Annotations), err)
	}
	// With the article text the tokens are aligned to it.
	text := "When  Sebastian Thrun left.\n\nAda Lovelace in London"
	d, _, err = CoNLL.Decode([]byte(data), text)
	if err != nil {
		t.Fatal(err)
	}
	want = []spanKey{{6, 21, "PERSON"}, {29, 41, "PER"}, {45, 51, "LOC"}}
	if got := keys(d.Annotations); !slices.Equal(got, want) {
		t.Errorf("aligned %v", got)
	}
}

func TestCoNLLEncode(t *testing.T) {
	d := Doc{Text: "Dr. O'Brien met 東京 folks. Then EU-Kommission's head 👩‍🔬 left.\nNew line", Annotations: []annot.Annotation{
		{ID: "1", Start: 4, End: 11, Label: "PER"},
		{ID: "2", Start: 16, End: 17, Label: "LOC"}, // inside the token 東京: split
		{ID: "3", Start: 31, End: 44, Label: "ORG"}, // EU-Kommission inside EU-Kommission's
		{ID: "4", Start: 31, End: 33, Label: "X"},   // overlaps 3: not writable
	}}
	out, err := BILOU.Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	want := "Dr\tO\n.\tO\nO'Brien\tU-PER\nmet\tO\n東\tU-LOC\n京\tO\nfolks\tO\n.\tO\n\n" +
		"Then\tO\nEU-Kommission\tU-ORG\n's\tO\nhead\tO\n👩‍🔬\tO\nleft\tO\n.\tO\n\nNew\tO\nline\tO\n"
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	out, _ = CoNLL.Encode(Doc{Text: "Ada Lovelace", Annotations: []annot.Annotation{{ID: "1", Start: 0, End: 12, Label: "PER"}}})
	if string(out) != "Ada\tB-PER\nLovelace\tI-PER\n" {
		t.Errorf("%q", out)
	}
	// A listed abbreviation does not end the sentence; "no." does.
	out, _ = CoNLL.Encode(Doc{Text: "Gen. Smith said no. Then"})
	if string(out) != "Gen\tO\n.\tO\nSmith\tO\nsaid\tO\nno\tO\n.\tO\n\nThen\tO\n" {
		t.Errorf("%q", out)
	}
}

func TestCSV(t *testing.T) {
	d := Doc{Text: "Say \"hi\", 👋 Zoë", Annotations: []annot.Annotation{
		{ID: "x", Start: 4, End: 8, Label: "QUOTE, SAID", Note: "line one\nline \"two\""},
		{ID: "y", Start: 12, End: 15, Label: "PER"},
	}}
	out, err := CSV.Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	want := "start,end,label,text,note\n4,8,\"QUOTE, SAID\",\"\"\"hi\"\"\",\"line one\nline \"\"two\"\"\"\n12,15,PER,Zoë,\n"
	if string(out) != want {
		t.Errorf("got %q\nwant %q", out, want)
	}
	back, _, err := CSV.Decode(out, d.Text)
	if err != nil || back.Annotations[0].Note != d.Annotations[0].Note || back.Annotations[0].Label != "QUOTE, SAID" {
		t.Error(back, err)
	}
}

func TestW3CDecodeShapes(t *testing.T) {
	text := "The quick brown fox jumps over the lazy dog; the fox sleeps."
	data := `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage", "id": "http://x/p1", "items": [
  {"id": "http://x/a1", "type": "Annotation", "body": "http://example.org/tag/animal",
   "target": {"source": "http://x/doc", "selector": {"type": "TextQuoteSelector", "exact": "fox", "prefix": "the ", "suffix": " sleeps"}}},
  {"id": "urn:gloss:annotation:T7", "type": "Annotation",
   "body": [{"type": "TextualBody", "purpose": "tagging", "value": "ANIMAL"}, {"type": "TextualBody", "value": "a dog", "purpose": "commenting"}],
   "target": [{"source": "http://x/doc", "selector": {"type": "TextPositionSelector", "start": 40, "end": 43,
       "refinedBy": {"type": "TextPositionSelector", "start": 0, "end": 1}}}]},
  {"type": "Annotation", "motivation": "highlighting", "target": {"source": "http://x/doc", "selector": {"type": "TextQuoteSelector", "exact": "quick"}}},
  {"type": "Annotation", "body": {"type": "TextualBody", "value": "nice"}, "target": "http://x/doc"}
]}`
	d, rep, err := W3C.Decode([]byte(data), text)
	if err != nil {
		t.Fatal(err)
	}
	want := []spanKey{{4, 9, "highlighting"}, {40, 43, "ANIMAL"}, {49, 52, "http://example.org/tag/animal"}}
	if got := keys(d.Annotations); !slices.Equal(got, want) {
		t.Errorf("%v", got)
	}
	for _, a := range d.Annotations {
		if a.Label == "ANIMAL" && (a.ID != "T7" || a.Note != "a dog") {
			t.Errorf("%+v", a)
		}
	}
	if len(rep.Notes) != 1 || rep.Notes[0] != "1 annotation without a text selector was skipped" {
		t.Error(rep.Notes)
	}
}

func TestW3CSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	schema, err := jsonschema.UnmarshalJSON(strings.NewReader(read(t, "w3c-annotation.schema.json")))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("w3c.json", schema); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("w3c.json")
	if err != nil {
		t.Fatal(err)
	}
	valid := func(data []byte) error {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			return err
		}
		return sch.Validate(v)
	}
	d := fixture(t)
	d.Title = "Zoë & 東京"
	out, err := W3C.Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	if err := valid(out); err != nil {
		t.Errorf("export does not validate: %v\n%s", err, out)
	}
	empty, _ := W3C.Encode(Doc{Text: "nothing"})
	if err := valid(empty); err != nil {
		t.Errorf("empty export does not validate: %v\n%s", err, empty)
	}
	// The schema can fail: a selector without start, and a body without value.
	for _, bad := range []string{
		`{"@context":"http://www.w3.org/ns/anno.jsonld","id":"urn:x:1","type":"Annotation","target":{"source":"urn:x","selector":{"type":"TextPositionSelector","end":3}}}`,
		`{"@context":"http://www.w3.org/ns/anno.jsonld","id":"urn:x:1","type":"Annotation","body":{"type":"TextualBody"},"target":"urn:x"}`,
		`{"@context":"http://www.w3.org/ns/anno.jsonld","id":"no iri","type":"Annotation","target":"urn:x"}`,
	} {
		if valid([]byte(bad)) == nil {
			t.Errorf("schema accepted %s", bad)
		}
	}
}

func TestDetect(t *testing.T) {
	for _, c := range []struct {
		name, data string
		want       Format
	}{
		{"a.ann", "", Brat},
		{"x", "T1\tPER 0 3\tAda\n", Brat},
		{"a.jsonld", "{}", W3C},
		{"a.json", `{"@context": "http://www.w3.org/ns/anno.jsonld"}`, W3C},
		{"a.jsonl", `{"text": "a", "label": []}`, JSONL},
		{"a.jsonl", `{"text": "a", "spans": []}`, Spacy},
		{"x", `{"text": "a", "ents": []}`, Spacy},
		{"a.conll", "Ada\tB-PER\n", CoNLL},
		{"a.conll", "Ada\tU-PER\n", BILOU},
		{"x", "-DOCSTART- O\n\nAda\tB-PER\nL\tL-PER\n", BILOU},
		{"a.CSV", "", CSV},
		{"x", "start,end,label\n", CSV},
	} {
		f, ok := Detect(c.name, []byte(c.data))
		if !ok || f != c.want {
			t.Errorf("Detect(%q, %q) = %v, want %s", c.name, c.data, f, c.want.Name())
		}
	}
	if f, ok := Detect("x", []byte("just prose here")); ok {
		t.Errorf("prose detected as %s", f.Name())
	}
}

func TestByName(t *testing.T) {
	for _, f := range All() {
		if g, ok := ByName(strings.ToUpper(f.Name())); !ok || g != f {
			t.Errorf("ByName(%q)", f.Name())
		}
	}
	if _, ok := ByName("docx"); ok {
		t.Error("docx found")
	}
}

// A discontinuous span whose quote joins its fragments with nothing (as
// some tools write it; brat joins them with a space) is read, and written
// back byte for byte.
func TestBratFragmentJoin(t *testing.T) {
	text := "The binding of protein 1 to the receptor."
	for _, ann := range []string{
		"T1\tProtein 15 22;23 24\tprotein1\n",
		"T1\tProtein 15 22;23 24\tprotein 1\n",
	} {
		d, _, err := Brat.Decode([]byte(ann), text)
		if err != nil {
			t.Fatalf("%q: %v", ann, err)
		}
		if len(d.Annotations) != 1 || d.Annotations[0].Text != "protein 1" {
			t.Fatalf("%q: %+v", ann, d.Annotations)
		}
		out, err := Brat.Encode(d)
		if err != nil || string(out) != ann {
			t.Fatalf("written back as %q (%v), want %q", out, err, ann)
		}
	}
	if _, _, err := Brat.Decode([]byte("T1\tProtein 15 22;23 24\tprotein2\n"), text); err == nil {
		t.Fatal("a quote matching neither join was accepted")
	}
}
