package session

import (
	"gloss/app/convert"
	"gloss/app/convert/local"
)

// Every test here converts through the worker's messages, as the page
// does: what crosses must come back whole.
func init() {
	convert.Use = convert.Wire(func(call string) (string, error) { return local.Serve(call), nil })
}
