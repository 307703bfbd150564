package jsonguard

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	deep := strings.Repeat("[", 1_000_000) + strings.Repeat("]", 1_000_000)
	one := Limits{MaxBytes: 10 << 20, MaxDepth: 4}
	stream := Limits{MaxDepth: 4, Stream: true}
	cases := []struct {
		in   string
		lim  Limits
		want string
		line int
	}{
		{`{"a":[1,{"b":null}],"c":"__proto__"}`, one, "", 0},
		{`[[[[1]]]]`, one, "", 0},
		{`[[[[[1]]]]]`, one, "input nests deeper than 4 levels", 1},
		{`{"a":{"b":{"c":{"d":{}}}}}`, one, "nests deeper than 4 levels", 1},
		{deep, one, "nests deeper than 4 levels", 1},
		{"{\n\"__proto__\":{\"x\":1}}", one, `has the key "__proto__", which is not accepted`, 2},
		{`{"a":1,"constructor":2}`, one, `key "constructor"`, 1},
		{`{"a":[{"b":{"prototype":0}}]}`, one, `key "prototype"`, 1},
		{`["__proto__","constructor"]`, one, "", 0},
		{`{"a":"prototype","b":{"c":"constructor"}}`, one, "", 0},
		{`{"a":1e999999}`, one, "", 0}, // syntax, not range
		{`{"a":1}{"b":2}`, one, "has more after its value", 1},
		{"{\"a\":1}\n{\"b\":2}", stream, "", 0},
		{"{\"a\":1}\n{\"b\":{\"prototype\":2}}", stream, `key "prototype"`, 2},
		{"", stream, "", 0},
		{`{"a":1} x`, one, "is not valid JSON: invalid character 'x'", 1},
		{`{"a":`, one, "is not valid JSON: it ends inside 1 open", 1},
		{"{\n\"a\" 1}", one, "is not valid", 2},
		{``, one, "is empty", 1},
		{"\t\n", one, "is empty", 1},
		{strings.Repeat(" ", 200) + "1", Limits{MaxBytes: 100, MaxDepth: 4}, "input is 201 bytes, more than the 100 bytes allowed", 0},
		{strings.Repeat(" ", 3<<20), Limits{MaxBytes: 2 << 20, MaxDepth: 4}, "input is 3.0 MB, more than the 2.0 MB allowed", 0},
	}
	for _, c := range cases {
		err := Check([]byte(c.in), c.lim)
		var e *Error
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%.40q: %v", c.in, err)
		case c.want != "" && (!errors.As(err, &e) || !strings.Contains(err.Error(), c.want) || e.Line != c.line):
			t.Errorf("%.40q: got %v, want %q on line %d", c.in, err, c.want, c.line)
		}
	}
}

// FuzzCheck: whatever Check accepts is valid JSON.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{`{}`, `[1,2]`, `{"__proto__":1}`, `{"a":{"prototype":[]}}`, `"x"`, `{"a":1}{`, `[[[[[[[[[]]]]]]]]]`, `{"a" :[ true ,null]}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if Check(data, Limits{MaxBytes: 1 << 20, MaxDepth: 8}) == nil && !json.Valid(data) {
			t.Fatalf("accepted invalid JSON %q", data)
		}
	})
}

func BenchmarkCheck(b *testing.B) {
	data := []byte(`[` + strings.Repeat(`{"id":"a1","start":10,"end":20,"label":"PER","text":"Jean-Yves Le Drian"},`, 10000) + `{}]`)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if err := Check(data, Limits{MaxDepth: 64}); err != nil {
			b.Fatal(err)
		}
	}
}
