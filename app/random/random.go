// Package random reads cryptographically random bytes. In the browser it
// asks crypto.getRandomValues itself: crypto/rand would link Go's FIPS 140
// module (its DRBG, AES, SHA-2, SHA-3 and HMAC, with their initialisers)
// only to end in the same call.
package random

// Read fills b with cryptographically random bytes. It panics if the
// system's source fails, which crypto/rand documents it never does on
// supported platforms.
func Read(b []byte) { read(b) }
