package jsonrec

import (
	"strings"
	"testing"
)

// TestSkipDeep: nesting is followed without recursion, so a value nested a
// million deep is skipped (or refused when not closed) without exhausting
// the stack.
func TestSkipDeep(t *testing.T) {
	deep := strings.Repeat(`[{"a":`, 1_000_000) + "1" + strings.Repeat("}]", 1_000_000)
	r := New(deep)
	if err := r.Skip(); err != nil || r.End() != nil {
		t.Fatalf("deep value: %v", err)
	}
	if err := New(deep[:len(deep)-1]).Skip(); !IsSyntax(err) {
		t.Fatalf("unclosed deep value: %v, want a syntax error", err)
	}
}

// TestTypeErrorReadsOn: a value of the wrong kind is a TypeError, and the
// fields after it are still read.
func TestTypeErrorReadsOn(t *testing.T) {
	var a, b string
	r := New(`{"a":[1,{"x":2}],"b":"y"}`)
	err := r.Object(func(k string) error {
		if k == "a" {
			return r.String(&a)
		}
		return r.String(&b)
	})
	if _, ok := err.(*TypeError); !ok || b != "y" || r.End() != nil {
		t.Fatalf("err %v, b %q", err, b)
	}
}
