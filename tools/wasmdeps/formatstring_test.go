package main

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

type named string

type stringer int

func (s stringer) String() string { return "s" + fmt.Sprint(int(s)) }

// formatString gives what fmt.Sprintf gives, on its fast path and off it.
func TestFormatString(t *testing.T) {
	cases := []struct {
		format string
		v      []any
	}{
		{"%v", []any{""}}, {"%v", []any{"search-input"}}, {"%v", []any{"a %d b"}}, {"%v", []any{"é€\x00"}},
		{"%v", []any{0}}, {"%v", []any{-7}}, {"%v", []any{math.MaxInt}}, {"%v", []any{math.MinInt}},
		{"%v", []any{named("n")}}, {"%v", []any{stringer(3)}}, {"%v", []any{int64(5)}}, {"%v", []any{true}},
		{"%v", []any{nil}}, {"%v", []any{1.5}}, {"%v", []any{"a", "b"}}, {"%d", []any{4}}, {"%s-%d", []any{"x", 2}},
	}
	for _, c := range cases {
		if got, want := formatString(c.format, c.v...), fmt.Sprintf(c.format, c.v...); got != want {
			t.Errorf("formatString(%q, %#v) = %q, fmt.Sprintf gives %q", c.format, c.v, got, want)
		}
	}
	// With nothing to format, go-app's FormatString returns the format as is.
	format := formatString // called through a value: vet takes it for a printf with no arguments
	for _, f := range []string{"100%", "%v", ""} {
		if got := format(f); got != f {
			t.Errorf("formatString(%q) = %q, want it unchanged", f, got)
		}
	}
}

// The text written into go-app's copy is formatString whole, in package app.
func TestFormatStringSource(t *testing.T) {
	src := formatStringSource()
	if !strings.HasPrefix(src, "package app\n") || !strings.Contains(src, "\n// formatString returns") || !strings.Contains(src, "func formatString(format string, v ...any) string {") || strings.Contains(src, "is written into") || !strings.Contains(src, "\"strconv\"") {
		t.Errorf("formatStringSource() = %q", src)
	}
}
