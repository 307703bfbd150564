//go:build !(js && wasm)

package convert

// Natively (the CLI, the server's prerendering, tests) calls run here.
func init() { Use = Local{} }
