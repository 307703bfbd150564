package format

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// forbiddenKeys are refused in imported JSON: harmless to Go, but a file
// carrying them is made to attack JavaScript code that may read it next.
var forbiddenKeys = map[string]bool{"__proto__": true, "constructor": true, "prototype": true}

// checkJSON scans data (one JSON value or a stream of them) token by token,
// without recursion, and refuses nesting deeper than MaxDepth and forbidden
// keys before anything is unmarshalled.
func checkJSON(name string, data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	type frame struct{ object, wantKey bool }
	var stack []frame
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return errorf(name, "%s: invalid JSON: %v; nothing imported", lineAt(data, dec.InputOffset()), jsonErr(err))
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				if len(stack) >= MaxDepth {
					return errorf(name, "%s: JSON nested deeper than %d levels; nothing imported", lineAt(data, dec.InputOffset()), MaxDepth)
				}
				stack = append(stack, frame{object: d == '{', wantKey: d == '{'})
			default:
				stack = stack[:len(stack)-1]
				if n := len(stack); n > 0 && stack[n-1].object {
					stack[n-1].wantKey = true
				}
			}
			continue
		}
		n := len(stack)
		if n == 0 || !stack[n-1].object {
			continue
		}
		if stack[n-1].wantKey {
			if k, _ := tok.(string); forbiddenKeys[k] {
				return errorf(name, "%s: key %q is not accepted; nothing imported", lineAt(data, dec.InputOffset()), k)
			}
			stack[n-1].wantKey = false
		} else {
			stack[n-1].wantKey = true
		}
	}
}

// jsonErr drops the "json: " prefix from decoder errors.
func jsonErr(err error) string {
	s := err.Error()
	if len(s) > 6 && s[:6] == "json: " {
		s = s[6:]
	}
	return s
}

// lineAt names the line of byte offset off in data.
func lineAt(data []byte, off int64) string {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return fmt.Sprintf("line %d", bytes.Count(data[:off], []byte{'\n'})+1)
}
