package store

import (
	"strings"
	"testing"
)

func TestCheckJSON(t *testing.T) {
	deep := strings.Repeat("[", 1_000_000) + strings.Repeat("]", 1_000_000)
	cases := []struct{ in, want string }{
		{`{"a":[1,{"b":null}],"c":"__proto__"}`, ""},
		{`[[[[1]]]]`, ""},
		{`[[[[[1]]]]]`, "nested deeper than 4 levels"},
		{`{"a":{"b":{"c":{"d":{}}}}}`, "nested deeper than 4 levels"},
		{deep, "nested deeper than 4 levels"},
		{`{"__proto__":{"x":1}}`, `key "__proto__"`},
		{`{"a":1,"constructor":2}`, `key "constructor"`},
		{`{"a":[{"b":{"prototype":0}}]}`, `key "prototype"`},
		{`["__proto__","constructor"]`, ""},
		{`{"a":"prototype","b":{"c":"constructor"}}`, ""},
		{`{"a":1}{"b":2}`, "extra data"},
		{`{"a":1} x`, "invalid"},
		{`{"a":`, "invalid"},
		{`{"a" 1}`, "invalid"},
		{``, "empty"},
		{"\t\n", "empty"},
		{strings.Repeat(" ", 200) + "1", "more than the 100 allowed"},
	}
	for _, c := range cases {
		max := 10 << 20
		if strings.HasPrefix(c.in, "  ") {
			max = 100
		}
		err := CheckJSON([]byte(c.in), max, 4)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%.40q: %v", c.in, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%.40q: got %v, want %q", c.in, err, c.want)
		}
	}
}
