package format

import (
	"bytes"
	"errors"
	"fmt"

	"gloss/app/jsonguard"
)

// checkJSON runs the one JSON guard over an imported file (one value, or
// a stream of them for JSON Lines) before anything is unmarshalled.
func checkJSON(name string, data []byte, stream bool) error {
	err := jsonguard.Check(data, jsonguard.Limits{MaxDepth: MaxDepth, Stream: stream})
	var e *jsonguard.Error
	if errors.As(err, &e) {
		return errorf(name, "line %d: the file %s; nothing imported", e.Line, e.What)
	}
	return err
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
