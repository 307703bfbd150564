package ui

import (
	"fmt"
	"strings"

	"gloss/app/store"
	"gloss/app/text"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// localStorage is the browser's window.localStorage as a store.Backend.
// A refused write (quota exceeded, storage blocked) throws in JavaScript;
// syscall/js turns that into a panic, which is recovered into an error.
type localStorage struct{}

// Long values (an article's text) are stored in parts (store.Parts): the
// browser tells the page of each of its own writes with the value, and a
// 5 MB one took 50–86 ms of the page's main thread after a long paste's
// first paint.
func newLocalStorage() store.Backend {
	if !app.IsClient {
		return store.NewMemory()
	}
	return store.Parts(localStorage{})
}

// ls is the real storage: web/boot.js gives go-app a view of localStorage
// without Gloss's keys (so its start-up scan skips them) and keeps the
// storage itself, or an in-memory stand-in, as window.__glossStorage.
func ls() app.Value {
	if s := app.Window().Get("__glossStorage"); s.Truthy() {
		return s
	}
	return app.Window().Get("localStorage")
}

func jsError(r any) error {
	msg := fmt.Sprint(r)
	if e, ok := r.(error); ok {
		msg = e.Error()
	}
	if strings.Contains(strings.ToLower(msg), "quota") {
		return fmt.Errorf("the browser's storage is full (%w)", store.ErrQuota)
	}
	return fmt.Errorf("the browser refused to store it (%s)", msg)
}

func (localStorage) Get(key string) (v string, ok bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = jsError(r)
		}
	}()
	x := ls().Call("getItem", key)
	if x.IsNull() || x.IsUndefined() {
		return "", false, nil
	}
	return x.String(), true, nil
}

func (localStorage) Set(key, value string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = jsError(r)
		}
	}()
	old := storedLen(key)
	ls().Call("setItem", key, toJS(value))
	usedChange(key, old, utf16Len(key)+utf16Len(value))
	return nil
}

func (localStorage) Delete(key string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = jsError(r)
		}
	}()
	old := storedLen(key)
	ls().Call("removeItem", key)
	usedChange(key, old, 0)
	return nil
}

// used is the characters Gloss's keys and values take in localStorage, as
// counted once by gloss.js's storageUsed and then kept up to date by each
// write of this tab, so showing the room left after a save does not read
// the whole library; -1 when unknown (at start, and after another tab
// wrote: see forgetUsed).
var used = -1

// storageUsed returns the characters Gloss's records take in localStorage.
func storageUsed() int {
	if used < 0 {
		used = glossJS().Call("storageUsed").Int()
	}
	return used
}

// forgetUsed makes the next storageUsed count again (another tab wrote).
func forgetUsed() { used = -1 }

// storedLen is the characters a key and its value take, 0 if absent.
func storedLen(key string) int {
	if used < 0 || !store.IsKey(key) {
		return 0
	}
	x := ls().Call("getItem", key)
	if x.IsNull() || x.IsUndefined() {
		return 0
	}
	// syscall/js reads no property of a string primitive: the value is
	// copied (a record, never the library).
	return utf16Len(key) + utf16Len(x.String())
}

func usedChange(key string, old, now int) {
	if used >= 0 && store.IsKey(key) {
		used += now - old
	}
}

// utf16Len is the length of s in UTF-16 code units, as JavaScript counts
// (an article's text: a 5 MB one's is counted as it is stored).
func utf16Len(s string) int { return text.UTF16Len(s) }

func (localStorage) Keys() (keys []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = jsError(r)
		}
	}()
	// One call for all of them: a key read from Go costs two calls into
	// JavaScript, and a library of a few hundred articles has a thousand
	// keys, read at every start. (A JSON array was slower: encoding/json
	// goes through reflect for every string.)
	if g := glossJS(); g.Truthy() && g.Get("storageKeys").Type() == app.TypeFunction {
		if v := g.Call("storageKeys"); v.Type() == app.TypeString {
			if s := v.String(); s != "" {
				return strings.Split(s, "\n"), nil
			}
			return nil, nil
		}
	}
	s := ls()
	n := s.Get("length").Int()
	for i := 0; i < n; i++ {
		if k := s.Call("key", i); !k.IsNull() {
			keys = append(keys, k.String())
		}
	}
	return keys, nil
}
