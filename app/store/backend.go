// Package store keeps the library — articles, annotations, label set,
// gazetteer and settings — in a small key-value Backend (localStorage in the
// browser, memory in tests) under one versioned schema, gloss/v1/....
package store

// Backend is the key-value storage the library lives in. Implementations
// return an error from Set when the write was refused (a full quota, storage
// blocked) and leave the previous value in place.
type Backend interface {
	Get(key string) (value string, ok bool, err error)
	Set(key, value string) error
	Delete(key string) error
	Keys() ([]string, error)
}
