package embed

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDecodeAccepts(t *testing.T) {
	cases := []struct {
		in   string
		want Request
	}{
		{`{"type":"gloss:load","id":"1","title":"T","text":"Ada Lovelace"}`,
			Request{Type: TypeLoad, ID: "1", Title: "T", Text: "Ada Lovelace"}},
		{`{"type":"gloss:load","html":"<p>x</p>","extra":{"a":[1,2]}}`,
			Request{Type: TypeLoad, HTML: "<p>x</p>"}},
		{`{"type":"gloss:load","id":"m","markdown":"# x","text":null}`,
			Request{Type: TypeLoad, ID: "m", Markdown: "# x"}},
		{`{"type":"gloss:annotations","id":"a"}`, Request{Type: TypeAnnotations, ID: "a"}},
		{`{"type":"gloss:search","id":"s","query":"Lovelace"}`, Request{Type: TypeSearch, ID: "s", Query: "Lovelace"}},
		{`{"type":"gloss:entities"}`, Request{Type: TypeEntities}},
		{` {"type":"gloss:export","id":"e","format":"brat"} `, Request{Type: TypeExport, ID: "e", Format: "brat"}},
		{`{"type":"gloss:load","text":"caf\u00e9 😀"}`, Request{Type: TypeLoad, Text: "café 😀"}},
	}
	for _, c := range cases {
		got, err := Decode([]byte(c.in))
		if err != nil {
			t.Errorf("Decode(%s): %v", c.in, err)
			continue
		}
		if got != c.want {
			t.Errorf("Decode(%s) = %+v, want %+v", c.in, got, c.want)
		}
	}
}

func TestDecodeRefuses(t *testing.T) {
	deep := strings.Repeat(`{"a":`, MaxDepth+1) + "1" + strings.Repeat("}", MaxDepth+1)
	okDeep := strings.Repeat(`[`, MaxDepth-1) + strings.Repeat("]", MaxDepth-1)
	if _, err := Decode([]byte(`{"type":"gloss:entities","x":` + okDeep + `}`)); err != nil {
		t.Errorf("depth %d refused: %v", MaxDepth, err)
	}
	cases := []struct{ in, wantErr, wantID string }{
		{``, "empty", ""},
		{`[1]`, "not a JSON object", ""},
		{`"gloss:load"`, "not a JSON object", ""},
		{`{"type":"gloss:load","text":"x"`, "not valid JSON", ""},
		{`{"type":"gloss:load","text":"x"} {}`, "has more after its value", ""},
		{deep, "deeper than 32", ""},
		{`{"type":"gloss:load","text":"x","__proto__":{"a":1}}`, `the key "__proto__"`, ""},
		{`{"type":"gloss:load","text":"x","o":{"constructor":{"prototype":1}}}`, `the key "constructor"`, ""},
		{`{"type":"gloss:load","text":"x","a":[{"prototype":1}]}`, `the key "prototype"`, ""},
		{`{"id":"7"}`, `no "type"`, "7"},
		{`{"type":"gloss:eval","id":"8"}`, `unknown message type "gloss:eval"`, "8"},
		{`{"type":7}`, `"type" must be a string, got a number`, ""},
		{`{"type":"gloss:load","id":"9","text":["x"]}`, `"text" must be a string, got an array`, "9"},
		{`{"type":"gloss:load","id":5,"text":"x"}`, `"id" must be a string`, ""},
		{`{"type":"gloss:load","id":"a"}`, "needs a non-empty text", "a"},
		{`{"type":"gloss:load","id":"b","text":"x","html":"<p>y</p>"}`, "got several", "b"},
		{`{"type":"gloss:search","id":"c","query":"  "}`, "non-empty query", "c"},
		{`{"type":"gloss:export","id":"d"}`, "needs a format", "d"},
	}
	for _, c := range cases {
		r, err := Decode([]byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.wantErr) {
			t.Errorf("Decode(%.60s) error = %v, want it to say %q", c.in, err, c.wantErr)
		}
		if r.ID != c.wantID {
			t.Errorf("Decode(%.60s) kept id %q, want %q", c.in, r.ID, c.wantID)
		}
	}
}

func TestDecodeSizeLimit(t *testing.T) {
	head, tail := `{"type":"gloss:load","text":"`, `"}`
	over := head + strings.Repeat("a", MaxMessageBytes+1-len(head)-len(tail)) + tail
	_, err := Decode([]byte(over))
	if err == nil || !strings.Contains(err.Error(), "25 MB") {
		t.Fatalf("message of %d bytes: err = %v", len(over), err)
	}
	// Accepting one at the limit would take seconds; 1 MB shows the path works.
	ok := head + strings.Repeat("é", 1<<19) + tail
	r, err := Decode([]byte(ok))
	if err != nil || len(r.Text) != 1<<20 {
		t.Fatalf("1 MB message: err = %v", err)
	}
}

func TestAllowlist(t *testing.T) {
	a := ParseAllowlist("#embed&origin=https://a.example,HTTPS://B.Example:443,http://127.0.0.1:8080/,https://evil.example/path,*,ftp://c.example")
	want := []string{"http://127.0.0.1:8080", "https://a.example", "https://b.example"}
	if got := a.Origins(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Origins = %q, want %q", got, want)
	}
	if got := a.Invalid(); strings.Join(got, " ") != "https://evil.example/path * ftp://c.example" {
		t.Errorf("Invalid = %q", got)
	}
	for origin, ok := range map[string]bool{
		"https://a.example":       true,
		"https://b.example":       true,
		"http://127.0.0.1:8080":   true,
		"http://a.example":        false, // scheme differs
		"https://a.example:8443":  false, // port differs
		"https://x.a.example":     false, // no subdomain wildcard
		"https://a.example.evil":  false,
		"null":                    false,
		"":                        false,
		"https://evil.example":    false,
		"http://127.0.0.1:8081":   false,
		"https://a.example/":      true, // same origin, trailing slash
		"https://user@a.example":  false,
		"javascript:alert(1)//":   false,
		"https://a.example?x=1":   false,
		"https://a.example#frag":  false,
		"https://a.example:443":   true,
		"HTTPS://A.EXAMPLE":       true,
		"https://%61.example":     false,
		"https://*.example":       false,
		"https://a.example:99999": false,
	} {
		if got := a.Allows(origin); got != ok {
			t.Errorf("Allows(%q) = %v, want %v", origin, got, ok)
		}
	}
}

func TestAllowlistForms(t *testing.T) {
	for _, s := range []string{
		"?embed=1&origin=https%3A%2F%2Fa.example",
		"embed&origin=https://a.example&origin=null",
		"#origin=https://z.example&embed&origin=https://a.example",
	} {
		if !ParseAllowlist(s).Allows("https://a.example") {
			t.Errorf("%q: https://a.example not allowed", s)
		}
	}
	if ParseAllowlist("#embed").Allows("null") || ParseAllowlist("").Allows("https://a.example") {
		t.Error("an empty allowlist allowed something")
	}
	if !ParseAllowlist("#embed&origin=null").Allows("null") {
		t.Error(`"null" listed but not allowed`)
	}
	var zero Allowlist
	if zero.Allows("https://a.example") || len(zero.Origins()) != 0 {
		t.Error("zero Allowlist allows something")
	}
}

func TestIsEmbed(t *testing.T) {
	for _, c := range []struct {
		frag, query string
		want        bool
	}{
		{"#embed", "", true},
		{"#embed&origin=https://a.example", "", true},
		{"embed=1", "", true},
		{"", "?embed=1", true},
		{"", "embed=1&x=2", true},
		{"#doc=abc", "", false},
		{"#embedded", "", false},
		{"", "?embed=0", false},
		{"", "?embed=false", false},
		{"#doc=embed", "", false},
		{"", "", false},
	} {
		if got := IsEmbed(c.frag, c.query); got != c.want {
			t.Errorf("IsEmbed(%q, %q) = %v, want %v", c.frag, c.query, got, c.want)
		}
	}
}

func TestReplies(t *testing.T) {
	cases := []struct {
		got  []byte
		want string
	}{
		{Ready("0.1.0"), `{"type":"gloss:ready","version":"0.1.0","protocol":1}`},
		{Loaded("1", "d1", 12), `{"type":"gloss:loaded","id":"1","doc":"d1","chars":12}`},
		{LoadedExisting("1", "d1", 12), `{"type":"gloss:loaded","id":"1","doc":"d1","chars":12,"existing":true}`},
		{Error("", "bad"), `{"type":"gloss:error","message":"bad"}`},
		{Error("2", "bad"), `{"type":"gloss:error","id":"2","message":"bad"}`},
		{Annotations("3", "d1", nil), `{"type":"gloss:annotations","id":"3","doc":"d1","annotations":[]}`},
		{Annotations("3", "d1", []Annotation{{ID: "a1", Start: 0, End: 3, Label: "PER", Text: "Ada"}, {ID: "a2", Start: 4, End: 5, Label: "LOC", Text: "é", Note: "n"}}),
			`{"type":"gloss:annotations","id":"3","doc":"d1","annotations":[{"id":"a1","start":0,"end":3,"label":"PER","text":"Ada"},{"id":"a2","start":4,"end":5,"label":"LOC","text":"é","note":"n"}]}`},
		{Results("4", "ada", nil), `{"type":"gloss:results","id":"4","query":"ada","hits":[]}`},
		{Results("4", "ada", []Hit{{0, 3, "Ada", 10}}), `{"type":"gloss:results","id":"4","query":"ada","hits":[{"start":0,"end":3,"text":"Ada","score":10}]}`},
		{Entities("5", []Entity{{Text: "Ada", Count: 2, Spans: [][2]int{{0, 3}, {9, 12}}}, {Text: "Paris", Label: "LOC", Count: 0}}),
			`{"type":"gloss:entities","id":"5","entities":[{"text":"Ada","count":2,"spans":[[0,3],[9,12]]},{"text":"Paris","label":"LOC","count":0,"spans":[]}]}`},
		{Exported("6", "brat", "T1\tPER 0 3\tAda\n"), `{"type":"gloss:exported","id":"6","format":"brat","data":"T1\tPER 0 3\tAda\n"}`},
		{Changed("d1", nil), `{"type":"gloss:changed","doc":"d1","annotations":[]}`},
		{Error("x", "</script><b>"), `{"type":"gloss:error","id":"x","message":"\u003c/script\u003e\u003cb\u003e"}`},
	}
	for _, c := range cases {
		if string(c.got) != c.want {
			t.Errorf("got  %s\nwant %s", c.got, c.want)
		}
		if !json.Valid(c.got) {
			t.Errorf("invalid JSON: %s", c.got)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"type":"gloss:load","id":"1","text":"Ada Lovelace"}`,
		`{"type":"gloss:search","id":"s","query":"Lovelace"}`,
		`{"type":"gloss:export","id":"e","format":"brat"}`,
		`{"type":"gloss:load","a":{"__proto__":1}}`,
		`{"type":"gloss:load","text":"x"} []`,
		`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`,
		`{"type":"gloss:load","text":"\ud800"}`,
		`{"type":"gloss:load","id":"1","text":"x","text":5}`,
		`{}`, ``, `null`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Decode(data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "embed: ") {
				t.Fatalf("error %q lacks the package prefix", err)
			}
			return
		}
		if _, ok := requests[r.Type]; !ok {
			t.Fatalf("accepted unknown type %q", r.Type)
		}
		if !json.Valid(data) {
			t.Fatalf("accepted invalid JSON %q", data)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("accepted a non-object: %v", err)
		}
		if _, bad := m["__proto__"]; bad {
			t.Fatal("accepted __proto__")
		}
		if r.Type == TypeLoad && r.Text == "" && r.HTML == "" && r.Markdown == "" {
			t.Fatal("accepted an empty gloss:load")
		}
	})
}
