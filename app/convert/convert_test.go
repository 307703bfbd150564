package convert_test

import (
	"errors"
	"fmt"
	"testing"

	"gloss/app/convert"
	"gloss/app/format"
)

// TestWireFailures: a transport tells a call that did not run (any error:
// ErrUnavailable to the caller, the detail kept for the console) from one
// the far side ran and failed on (a *Ran, wrapped or not: its own message
// to the caller), and an answer from either.
func TestWireFailures(t *testing.T) {
	defer func(u convert.Converter) { convert.Use = u }(convert.Use)
	for _, c := range []struct {
		name        string
		transport   convert.Wire
		unavailable bool
		err         string // the caller's error
	}{
		{"answered", func(string) (string, error) { return `{"Data":"AQI="}`, nil }, false, ""},
		{"answered with the call's error", func(string) (string, error) { return `{"Err":"unknown format \"x\""}`, nil }, false, `unknown format "x"`},
		{"did not run", func(string) (string, error) { return "", errors.New("the worker's module could not be loaded") }, true, convert.ErrUnavailable.Error()},
		{"ran and failed", func(string) (string, error) {
			return "", &convert.Ran{Err: "the file could not be converted: index out of range"}
		}, false, "the file could not be converted: index out of range"},
		{"ran and failed, wrapped", func(string) (string, error) {
			return "", fmt.Errorf("worker: %w", &convert.Ran{Err: "the file could not be converted: boom"})
		}, false, "the file could not be converted: boom"},
		{"a bad answer", func(string) (string, error) { return "{", nil }, true, convert.ErrUnavailable.Error()},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := c.transport.Do(convert.Call{Op: convert.OpEncode, Format: "conll"})
			if r.Unavailable != c.unavailable {
				t.Errorf("Unavailable %v, want %v (Err %q)", r.Unavailable, c.unavailable, r.Err)
			}
			convert.Use = c.transport
			data, _, err := convert.Encode("conll", format.Doc{Text: "Ada"})
			switch {
			case c.err == "" && (err != nil || string(data) != "\x01\x02"):
				t.Errorf("Encode: %q %v, want the answer", data, err)
			case c.err != "" && (err == nil || err.Error() != c.err):
				t.Errorf("Encode: %v, want %q", err, c.err)
			case errors.Is(err, convert.ErrUnavailable) != c.unavailable:
				t.Errorf("Encode: %v: ErrUnavailable %v, want %v", err, !c.unavailable, c.unavailable)
			}
		})
	}
}
