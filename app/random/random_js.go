package random

import "syscall/js"

// read fills b from crypto.getRandomValues, which fills at most 65,536
// bytes a call (more throws a QuotaExceededError).
func read(b []byte) {
	crypto := js.Global().Get("crypto")
	for len(b) > 0 {
		n := min(len(b), 65536)
		a := js.Global().Get("Uint8Array").New(n)
		crypto.Call("getRandomValues", a)
		js.CopyBytesToGo(b[:n], a)
		b = b[n:]
	}
}
