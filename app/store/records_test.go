package store

import (
	"encoding/json"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"gloss/app/annot"
)

// jsonReads decodes payload with encoding/json the way the store did before
// records.go (the reference each decoder must match).
var jsonReads = map[string]func(payload string) (any, bool){
	"schema": func(p string) (any, bool) {
		var s schemaRecord
		return s, json.Unmarshal([]byte(p), &s) == nil
	},
	"head": func(p string) (any, bool) {
		var h headRecord
		return h, json.Unmarshal([]byte(p), &h) == nil
	},
	"entry": func(p string) (any, bool) {
		var e entry
		return e, json.Unmarshal([]byte(p), &e) == nil
	},
	"docs": func(p string) (any, bool) {
		var rec struct{ Docs []json.RawMessage }
		ok := json.Unmarshal([]byte(p), &rec) == nil
		var docs []string
		for _, d := range rec.Docs {
			docs = append(docs, string(d))
		}
		return docs, ok
	},
	"labels": func(p string) (any, bool) {
		var ls annot.Labels
		return ls, json.Unmarshal([]byte(p), &ls) == nil
	},
	"settings": func(p string) (any, bool) {
		m := map[string]string{}
		return m, json.Unmarshal([]byte(p), &m) == nil
	},
	"annotations": func(p string) (any, bool) {
		var as []annot.Annotation
		if json.Unmarshal([]byte(p), &as) == nil {
			return as, true
		}
		var items []json.RawMessage
		if json.Unmarshal([]byte(p), &items) != nil {
			return nil, false
		}
		as = []annot.Annotation{}
		for _, it := range items {
			var a annot.Annotation
			if json.Unmarshal(it, &a) == nil {
				as = append(as, a)
			}
		}
		return as, true
	},
}

// recReads are the decoders under test, in the same shape.
var recReads = map[string]func(payload string) (any, bool){
	"schema": func(p string) (any, bool) { s, err := readSchema(p); return s, err == nil },
	"head":   func(p string) (any, bool) { h, err := readHead(p); return h, err == nil },
	"entry": func(p string) (any, bool) {
		var e entry
		return e, readEntry(p, &e) == nil
	},
	"docs":     func(p string) (any, bool) { d, err := readDocs(p); return d, err == nil },
	"labels":   func(p string) (any, bool) { ls, err := readLabelSet(p); return ls, err == nil },
	"settings": func(p string) (any, bool) { m, err := readSettingsMap(p); return m, err == nil },
	"annotations": func(p string) (any, bool) {
		as, _, err := readAnnotations(p)
		return as, err == nil
	},
}

// sameRead checks one input: both accept it and decode the same value, or
// both refuse it. A value decoded from input that is refused is not used by
// the store, so it is not compared.
func sameRead(t *testing.T, kind, payload string) {
	t.Helper()
	want, wantOK := jsonReads[kind](payload)
	got, gotOK := recReads[kind](payload)
	if gotOK != wantOK {
		t.Fatalf("%s %q: accepted %v, encoding/json %v", kind, payload, gotOK, wantOK)
	}
	if wantOK && !reflect.DeepEqual(got, want) {
		t.Fatalf("%s %q:\n got  %#v\n want %#v", kind, payload, got, want)
	}
}

// TestRecordsReadWhatJSONWrote: every record kind, written by json.Marshal
// as the store writes them (with awkward strings: quotes, escapes, control
// characters, HTML, emoji, invalid UTF-8), reads back as encoding/json reads
// it.
func TestRecordsReadWhatJSONWrote(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	pieces := []string{"", "a", "Zoë", "\"", "\\", "\n\t\r", "\x00\x1f", "<b>&</b>", "\u2028", "😀", "\xff\xfe", "tab\tsep", "é"}
	str := func() string {
		var b strings.Builder
		for n := rng.Intn(4); n > 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		return b.String()
	}
	num := func() int { return []int{0, 1, -1, 7, 1 << 40, -(1 << 62)}[rng.Intn(6)] }
	for i := 0; i < 300; i++ {
		e := entry{Meta: Meta{ID: str(), Title: str(), Chars: num(), Annotations: num(), Created: int64(num()), Updated: int64(num()),
			Kind: str(), Status: Status(str()), Source: str(), Labels: str()}, Text: num(), Ann: num(), Side: num(), Sum: str()}
		as := make([]annot.Annotation, rng.Intn(4))
		for j := range as {
			as[j] = annot.Annotation{ID: str(), Start: num(), End: num(), Label: str(), Text: str(), Note: str()}
		}
		ls := annot.Labels{{Name: str(), Color: str()}}
		settings := map[string]string{str(): str(), str(): str()}
		for kind, v := range map[string]any{
			"schema": schemaRecord{Version: num()}, "head": headRecord{Revs: []int{num(), num()}},
			"entry": e, "labels": ls, "settings": settings, "annotations": as,
		} {
			data, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			sameRead(t, kind, string(data))
		}
		data, _ := json.Marshal(struct {
			Docs []entry `json:"docs"`
		}{[]entry{e, e}})
		sameRead(t, "docs", string(data))
		// A bucket as the store writes it decodes to the entries written.
		list, err := readDocs(marshalBucket(map[string]*entry{"x": &e})[len(header):])
		if err != nil || len(list) != 1 {
			t.Fatalf("bucket: %v %d", err, len(list))
		}
		var back entry
		if err := readEntry(list[0], &back); err != nil {
			t.Fatal(err)
		}
		var want entry
		json.Unmarshal([]byte(list[0]), &want)
		if back != want {
			t.Fatalf("bucket entry %#v, want %#v", back, want)
		}
	}
}

// TestRecordsReadOddInput: hand-edited, damaged and unusual input is read,
// or refused, as encoding/json reads or refuses it.
func TestRecordsReadOddInput(t *testing.T) {
	for kind, inputs := range map[string][]string{
		"schema": {`{"version":3}`, ` {"VERSION":3} `, `{"version":3.0}`, `{"version":3e0}`, `{"version":"3"}`, `{"version":null}`,
			`null`, `[]`, `{"version":3,"x":[1,{"y":[]}]}`, `{"version":3}x`, `{"version":9223372036854775808}`, `{"version":-0}`,
			`{"version":01}`, `{"version":-}`, `{"version":3,}`, `{"version" 3}`, `{version:3}`, ``, `{"ver\u0073ion":4}`, `{"version":1,"version":2}`},
		"head": {`{"revs":[1,2,3]}`, `{"revs":null}`, `{"revs":[]}`, `{"revs":[1,null,2]}`, `{"revs":[1,"2"]}`, `{"revs":{}}`, `{"revs":[1,]}`,
			`{"Revs":[4]}`, `{"revs":[1],"revs":[2,3]}`, `{"revs":[1.5]}`, `[1]`},
		"entry": {`{"id":"a","text":1,"ann":2,"status":"done","created":1700000000000}`, `null`, `{"id":5}`, `{"ID":"b","Text":1}`,
			`{"id":"a","status":null}`, `{"title":"\u00e9\ud83d\ude00\ud800x\udc00"}`, `{"title":"a\/b\b\f"}`, `{"title":"bad \x escape"}`,
			`{"title":"tab	raw"}`, `{"title":"\u12"}`, `{"title":"\xff"}`, `{"id":"a","extra":{"deep":[[[]]]},"text":1}`, `{"id":"a","text":true}`,
			`{"ſum":"kelvin-long-s"}`, `{"SUM":"x"}`, `{"id":"a"} `, `{"id":"a"`, `"x"`},
		"docs": {`{"docs":[{"id":"a"},{"id":"b","text":"x"},5,null]}`, `{"docs":null}`, `{"docs":[]}`, `{"docs":{}}`, `{"Docs":[1]}`,
			`{"docs":[1,]}`, `[]`, `{"docs":[{"a":[1,2,{"b":"c"}]}],"docs":[2]}`, `{"docs":[tru]}`, `{"docs":[ 1 , "two" ]}`},
		"labels":   {`[{"name":"PER","color":"#e8590c"}]`, `null`, `[]`, `[null]`, `[{"name":1}]`, `{"name":"x"}`, `[{"NAME":"x","Color":"y"}]`, `[{}]x`},
		"settings": {`{"a":"b"}`, `null`, `{}`, `{"a":null}`, `{"a":1}`, `{"a":"b","a":"c"}`, `[]`, `{"\u0041":"\n"}`, `{"a":"b"`, `"s"`},
		"annotations": {`[{"id":"a","start":1,"end":2,"label":"PER","text":"x"}]`, `null`, `[]`, `[1,"2",null,{}]`, `[{"start":"1"},{"start":1}]`,
			`{"id":"a"}`, `[{"start":1.5}]`, `[{"start":1}`, `[{"note":"\ud83d"}]`, `[{"Label":"LOC","END":9}]`, `[[],{}]`},
	} {
		for _, in := range inputs {
			sameRead(t, kind, in)
		}
	}
}

// FuzzRecords: on any input, every decoder accepts or refuses as
// encoding/json does and decodes the same values.
func FuzzRecords(f *testing.F) {
	for _, s := range []string{`{"docs":[{"id":"a","text":1}]}`, `[{"id":"a","start":1,"end":2,"label":"PER"}]`, `{"a":"b"}`,
		`{"revs":[1,2]}`, `{"version":3}`, `[{"name":"PER","color":"#000"}]`, `{"title":"\ud83d\ude00"}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, payload string) {
		for kind := range jsonReads {
			sameRead(t, kind, payload)
		}
	})
}
