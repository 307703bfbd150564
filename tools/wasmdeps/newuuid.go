package main

import "fmt"

// newUUID is written into go-app's copy (context.go) in place of
// github.com/google/uuid's NewString, from this file's text: the copy
// runs the function tested here.
//
// newUUID returns a random (version 4) UUID in its text form, as
// github.com/google/uuid's NewString does, and panics as NewString does
// if the system's random source fails.
func newUUID() string {
	var u [16]byte
	readRandom(u[:])
	u[6] = u[6]&0x0f | 0x40 // version 4
	u[8] = u[8]&0x3f | 0x80 // variant 10 (RFC 4122)
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}
