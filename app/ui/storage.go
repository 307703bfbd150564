package ui

import (
	"fmt"
	"strings"

	"gloss/app/store"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// localStorage is the browser's window.localStorage as a store.Backend.
// A refused write (quota exceeded, storage blocked) throws in JavaScript;
// syscall/js turns that into a panic, which is recovered into an error.
type localStorage struct{}

func newLocalStorage() store.Backend {
	if !app.IsClient {
		return store.NewMemory()
	}
	return localStorage{}
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
	ls().Call("setItem", key, value)
	return nil
}

func (localStorage) Delete(key string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = jsError(r)
		}
	}()
	ls().Call("removeItem", key)
	return nil
}

func (localStorage) Keys() (keys []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = jsError(r)
		}
	}()
	s := ls()
	n := s.Get("length").Int()
	for i := 0; i < n; i++ {
		if k := s.Call("key", i); !k.IsNull() {
			keys = append(keys, k.String())
		}
	}
	return keys, nil
}
