// Package jsonguard checks untrusted JSON (imported files, backups,
// gazetteers, embed messages) before it is decoded: its size, its nesting,
// how many values it holds, and keys that would change JavaScript object
// prototypes. It is the one guard every JSON reader of Gloss goes through.
package jsonguard

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Limits says what Check accepts.
type Limits struct {
	MaxBytes int  // longest input; 0 for no limit (the caller checked the size)
	MaxDepth int  // deepest nesting of objects and arrays
	Stream   bool // several values one after another (JSON Lines), or none
}

// Error says what is wrong with the input and where, so each reader can
// word it for its own message.
type Error struct {
	Offset int64  // byte offset of the problem
	Line   int    // its line, from 1; 0 when the problem is the whole input's (its size)
	What   string // what is wrong, worded after a subject: "nests deeper than 64 levels"
}

func (e *Error) Error() string { return "input " + e.What + e.Where() }

// Where is " (line N)", or "" when the problem is the whole input's.
func (e *Error) Where() string {
	if e.Line == 0 {
		return ""
	}
	return fmt.Sprintf(" (line %d)", e.Line)
}

// forbidden keys are harmless to Go, but a file carrying them is made to
// attack JavaScript code that may read it next.
var forbidden = map[string]bool{"__proto__": true, "constructor": true, "prototype": true}

// Check reads data's tokens once, keeping no call stack per level (deep
// nesting cannot exhaust the stack), and returns an *Error when data is
// longer than lim.MaxBytes, is not valid JSON, nests deeper than
// lim.MaxDepth, holds other than one value (unless lim.Stream), or has an
// object key "__proto__", "constructor" or "prototype".
func Check(data []byte, lim Limits) error {
	fail := func(off int64, format string, args ...any) error {
		off = min(max(off, 0), int64(len(data)))
		return &Error{Offset: off, Line: bytes.Count(data[:off], []byte{'\n'}) + 1, What: fmt.Sprintf(format, args...)}
	}
	if lim.MaxBytes > 0 && len(data) > lim.MaxBytes {
		return &Error{What: fmt.Sprintf("is %s, more than the %s allowed", size(len(data)), size(lim.MaxBytes))}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // numbers are checked for syntax, not range
	// For each open object or array: whether it is an object, and whether
	// the object's next token is a key.
	type level struct{ object, wantKey bool }
	var stack []level
	values := 0
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if len(stack) > 0 {
				return fail(int64(len(data)), "is not valid JSON: it ends inside %d open objects or arrays", len(stack))
			}
			break
		}
		if err != nil {
			var se *json.SyntaxError
			if errors.As(err, &se) {
				off = se.Offset
			}
			return fail(off, "is not valid JSON: %s", trimPrefix(err))
		}
		off = dec.InputOffset() // the token's end: its line
		if len(stack) == 0 {
			if values++; values > 1 && !lim.Stream {
				return fail(off, "has more after its value")
			}
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			if n := len(stack); n > 0 && stack[n-1].object {
				stack[n-1].wantKey = true
			}
			continue
		}
		if n := len(stack); n > 0 && stack[n-1].object {
			if stack[n-1].wantKey {
				if k, _ := tok.(string); forbidden[k] {
					return fail(off, "has the key %q, which is not accepted (it could change JavaScript object prototypes)", k)
				}
				stack[n-1].wantKey = false
				continue
			}
			stack[n-1].wantKey = true // a value; the next token is a key
		}
		if d, ok := tok.(json.Delim); ok {
			if len(stack) == lim.MaxDepth {
				return fail(off, "nests deeper than %d levels", lim.MaxDepth)
			}
			stack = append(stack, level{object: d == '{', wantKey: d == '{'})
		}
	}
	if values == 0 && !lim.Stream {
		return fail(0, "is empty")
	}
	return nil
}

// trimPrefix drops the "json: " prefix of decoder errors.
func trimPrefix(err error) string {
	s := err.Error()
	if len(s) > 6 && s[:6] == "json: " {
		return s[6:]
	}
	return s
}

// size words a byte count: "812 bytes", "51.0 MB".
func size(n int) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d bytes", n)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
