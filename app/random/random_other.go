//go:build !js

package random

import "crypto/rand"

func read(b []byte) {
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
}
