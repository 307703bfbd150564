package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// CheckJSON checks untrusted JSON before it is decoded: at most maxBytes
// long, at most maxDepth levels of nested objects and arrays, exactly one
// value, and no object key "__proto__", "constructor" or "prototype" (they
// would change object prototypes if the data reached JavaScript). It reads
// with json.Decoder.Token, which keeps no call stack per level, so deep
// nesting cannot exhaust the stack.
func CheckJSON(data []byte, maxBytes, maxDepth int) error {
	if len(data) > maxBytes {
		return fmt.Errorf("json: %d bytes is more than the %d allowed", len(data), maxBytes)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	// For each open object or array: whether it is an object, and whether
	// the object's next token is a key.
	type level struct{ object, wantKey bool }
	var stack []level
	values := 0
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF {
			if len(stack) > 0 {
				return fmt.Errorf("json: invalid: the input ends inside %d open objects or arrays", len(stack))
			}
			break
		}
		if err != nil {
			var se *json.SyntaxError
			if errors.As(err, &se) {
				return fmt.Errorf("json: invalid at byte %d: %v", se.Offset, se)
			}
			return fmt.Errorf("json: invalid after byte %d: %v", off, err)
		}
		if len(stack) == 0 {
			values++
			if values > 1 {
				return fmt.Errorf("json: extra data after the value at byte %d", off)
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
				if k, _ := tok.(string); k == "__proto__" || k == "constructor" || k == "prototype" {
					return fmt.Errorf("json: key %q near byte %d is not allowed (it could change JavaScript object prototypes)", k, off)
				}
				stack[n-1].wantKey = false
				continue
			}
			stack[n-1].wantKey = true // a value; the next token is a key
		}
		if d, ok := tok.(json.Delim); ok {
			if len(stack) == maxDepth {
				return fmt.Errorf("json: nested deeper than %d levels near byte %d", maxDepth, off)
			}
			stack = append(stack, level{object: d == '{', wantKey: d == '{'})
		}
	}
	if values == 0 {
		return errors.New("json: empty input")
	}
	return nil
}
