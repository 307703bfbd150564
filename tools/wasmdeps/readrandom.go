package main

import "gloss/app/random"

// readRandom is what go-app's copy gets in random_js.go (randomSource):
// gloss/app/random's Read as the browser runs it.
func readRandom(b []byte) { random.Read(b) }
