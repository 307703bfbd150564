// Package jsonrec reads the small, flat JSON records the store reads at
// every start (the listing, the schema, the label set, the settings, an
// article's annotations) without encoding/json. encoding/json decodes
// through reflect: on a cold start V8 compiles ~120 KB of its and reflect's
// code on first call just to open the library. This reader is a few
// functions the caller drives field by field.
//
// It decodes what encoding/json decodes into the same Go values: the same
// JSON syntax is accepted (RFC 8259, as json.Valid), strings are unescaped
// the same way (invalid UTF-8 and lone surrogates become U+FFFD), object
// keys match their field case-insensitively as json's do (Key), an integer
// is refused when it has a fraction or exponent or does not fit, and null
// leaves a string or integer unchanged. The tests check it against
// encoding/json on the same inputs.
package jsonrec

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Reader reads one JSON value from a string, front to back.
type Reader struct {
	s string
	i int
}

// New returns a Reader of s.
func New(s string) *Reader { return &Reader{s: s} }

// SyntaxError is JSON that is not well formed: the whole value is
// unreadable, as encoding/json refuses it before decoding anything.
type SyntaxError struct {
	Offset int
	What   string
}

func (e *SyntaxError) Error() string {
	return "invalid JSON at byte " + strconv.Itoa(e.Offset) + ": " + e.What
}

// TypeError is a well-formed value of another kind than the one asked for.
type TypeError struct {
	Offset int
	Want   string
}

func (e *TypeError) Error() string {
	return "a value at byte " + strconv.Itoa(e.Offset) + " is not " + e.Want
}

// IsSyntax reports whether err is a SyntaxError. (A type assertion, not
// errors.As: the Reader never wraps its errors, and errors.As would bring
// reflectlite's code into the start.)
func IsSyntax(err error) bool {
	_, ok := err.(*SyntaxError)
	return ok
}

func (r *Reader) syntax(what string) error { return &SyntaxError{r.i, what} }

func (r *Reader) space() {
	for r.i < len(r.s) {
		switch r.s[r.i] {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return
		}
	}
}

// peek returns the next value's first byte after whitespace, 0 at the end.
func (r *Reader) peek() byte {
	r.space()
	if r.i < len(r.s) {
		return r.s[r.i]
	}
	return 0
}

// End checks that nothing but whitespace is left.
func (r *Reader) End() error {
	if r.space(); r.i < len(r.s) {
		return r.syntax("more after the value")
	}
	return nil
}

// Null consumes a null and reports true, or consumes nothing and reports
// false.
func (r *Reader) Null() bool {
	if r.peek() == 'n' && strings.HasPrefix(r.s[r.i:], "null") {
		r.i += 4
		return true
	}
	return false
}

// typeError skips the value that is not of the kind wanted (so reading
// can go on, as encoding/json does) and returns a TypeError, or the
// SyntaxError found while skipping.
func (r *Reader) typeError(want string) error {
	at := r.i
	if err := r.Skip(); err != nil {
		return err
	}
	return &TypeError{at, want}
}

// Object reads an object, calling field for each key with the Reader at its
// value, which field must read or Skip. A null reads as no fields. It stops
// at the first syntax error; a TypeError from field is kept and returned
// once the object is read, so the rest is still decoded.
func (r *Reader) Object(field func(key string) error) error {
	return r.seq('{', '}', "an object", "no comma or closing brace in an object", func() error {
		key, err := r.key()
		if err != nil {
			return err
		}
		return field(key)
	})
}

// Array reads an array, calling item with the Reader at each element. A
// null reads as no elements. Errors are handled as Object's.
func (r *Reader) Array(item func() error) error {
	return r.seq('[', ']', "an array", "no comma or closing bracket in an array", item)
}

// seq reads an object or array (opener ... closer, or null) for Object and
// Array, calling item at each member; want names it in a TypeError, noSep
// is the syntax error when a member is followed by neither comma nor closer.
func (r *Reader) seq(opener, closer byte, want, noSep string, item func() error) error {
	switch r.peek() {
	case opener:
	case 'n':
		if r.Null() {
			return nil
		}
		return r.syntax("not a value")
	default:
		return r.typeError(want)
	}
	r.i++
	var kept error
	if r.peek() == closer {
		r.i++
		return nil
	}
	for {
		if err := item(); err != nil {
			if IsSyntax(err) {
				return err
			}
			if kept == nil {
				kept = err
			}
		}
		switch r.peek() {
		case ',':
			r.i++
		case closer:
			r.i++
			return kept
		default:
			return r.syntax(noSep)
		}
	}
}

// String reads a string into *dst; a null leaves *dst as it was.
func (r *Reader) String(dst *string) error {
	switch r.peek() {
	case '"':
		s, err := r.str()
		if err == nil {
			*dst = s
		}
		return err
	case 'n':
		if r.Null() {
			return nil
		}
	}
	return r.typeError("a string")
}

// Int reads an integer into *dst; a null leaves *dst as it was. A number
// with a fraction or an exponent, or out of int64's range, is a TypeError,
// as for encoding/json.
func (r *Reader) Int(dst *int) error {
	c := r.peek()
	if c == 'n' && r.Null() {
		return nil
	}
	if c != '-' && (c < '0' || c > '9') {
		return r.typeError("an integer")
	}
	at := r.i
	tok, err := r.number()
	if err != nil {
		return err
	}
	n, perr := strconv.ParseInt(tok, 10, 64)
	if perr != nil || int64(int(n)) != n {
		return &TypeError{at, "an integer"}
	}
	*dst = int(n)
	return nil
}

// Raw reads any value and returns it as it stands in the input.
func (r *Reader) Raw() (string, error) {
	r.space()
	at := r.i
	if err := r.Skip(); err != nil {
		return "", err
	}
	return r.s[at:r.i], nil
}

// Skip reads any value and drops it. Nesting is followed with a stack of
// brackets rather than recursion, so no input can exhaust the stack.
func (r *Reader) Skip() error {
	var open []byte // the brackets to close, innermost last
	for {
		// A value.
		switch c := r.peek(); {
		case c == '"':
			if _, err := r.str(); err != nil {
				return err
			}
		case c == '-' || '0' <= c && c <= '9':
			if _, err := r.number(); err != nil {
				return err
			}
		case c == 't' || c == 'f' || c == 'n':
			lit := "null"
			if c == 't' {
				lit = "true"
			} else if c == 'f' {
				lit = "false"
			}
			if !strings.HasPrefix(r.s[r.i:], lit) {
				return r.syntax("not a value")
			}
			r.i += len(lit)
		case c == '{' || c == '[':
			r.i++
			closing := byte('}')
			if c == '[' {
				closing = ']'
			}
			if r.peek() == closing {
				r.i++
				break
			}
			open = append(open, closing)
			if c == '{' {
				if _, err := r.key(); err != nil {
					return err
				}
			}
			continue
		default:
			return r.syntax("not a value")
		}
		// After a value: a comma, or close as many as end here.
		for {
			if len(open) == 0 {
				return nil
			}
			top := open[len(open)-1]
			switch r.peek() {
			case ',':
				r.i++
				if top == '}' {
					if _, err := r.key(); err != nil {
						return err
					}
				}
			case top:
				r.i++
				open = open[:len(open)-1]
				continue
			default:
				return r.syntax("no comma or closing bracket")
			}
			break
		}
	}
}

// key reads an object key and its colon, and returns the key.
func (r *Reader) key() (string, error) {
	if r.peek() != '"' {
		return "", r.syntax("an object key is not a string")
	}
	key, err := r.str()
	if err != nil {
		return "", err
	}
	if r.peek() != ':' {
		return "", r.syntax("no colon after an object key")
	}
	r.i++
	return key, nil
}

// number reads a JSON number and returns its text.
func (r *Reader) number() (string, error) {
	at, s, i := r.i, r.s, r.i
	digits := func() bool {
		j := i
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		return i > j
	}
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case !digits():
		r.i = i
		return "", r.syntax("a number without digits")
	}
	if i < len(s) && s[i] == '.' {
		i++
		if !digits() {
			r.i = i
			return "", r.syntax("a number without digits after its point")
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if !digits() {
			r.i = i
			return "", r.syntax("a number without digits in its exponent")
		}
	}
	r.i = i
	return s[at:i], nil
}

// str reads a string (the Reader at its opening quote) and returns it
// unescaped. One without escapes, control characters or invalid UTF-8 is
// returned as a slice of the input, not copied.
func (r *Reader) str() (string, error) {
	s := r.s
	start := r.i + 1
	i := start
	for i < len(s) {
		c := s[i]
		switch {
		case c == '"':
			r.i = i + 1
			return s[start:i], nil
		case c == '\\' || c < 0x20:
			return r.strSlow(start, i)
		case c < utf8.RuneSelf:
			i++
		default:
			ch, size := utf8.DecodeRuneInString(s[i:])
			if ch == utf8.RuneError && size == 1 {
				return r.strSlow(start, i)
			}
			i += size
		}
	}
	r.i = i
	return "", r.syntax("a string is not closed")
}

// strSlow goes on from s[i], where an escape, a control character or an
// invalid byte is, building the string.
func (r *Reader) strSlow(start, i int) (string, error) {
	s := r.s
	var b strings.Builder
	b.WriteString(s[start:i])
	for i < len(s) {
		c := s[i]
		switch {
		case c == '"':
			r.i = i + 1
			return b.String(), nil
		case c < 0x20:
			r.i = i
			return "", r.syntax("a control character in a string")
		case c == '\\':
			if i+1 >= len(s) {
				r.i = i
				return "", r.syntax("a string is not closed")
			}
			i += 2
			switch s[i-1] {
			case '"', '\\', '/':
				b.WriteByte(s[i-1])
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				ch, ok := hex4(s, i)
				if !ok {
					r.i = i
					return "", r.syntax("a bad \\u escape in a string")
				}
				i += 4
				if utf16.IsSurrogate(ch) {
					// A pair makes one character; a lone half is U+FFFD.
					if lo, ok := hex4(s, i+2); ok && s[i] == '\\' && s[i+1] == 'u' {
						if pair := utf16.DecodeRune(ch, lo); pair != utf8.RuneError {
							b.WriteRune(pair)
							i += 6
							break
						}
					}
					ch = utf8.RuneError
				}
				b.WriteRune(ch)
			default:
				r.i = i - 1
				return "", r.syntax("a bad escape in a string")
			}
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			i++
		default:
			ch, size := utf8.DecodeRuneInString(s[i:])
			b.WriteRune(ch) // an invalid byte is written as U+FFFD
			i += size
		}
	}
	r.i = i
	return "", r.syntax("a string is not closed")
}

// hex4 reads the four hex digits of a \u escape at s[i:].
func hex4(s string, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var v rune
	for _, c := range []byte(s[i : i+4]) {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		v = v<<4 | rune(c)
	}
	return v, true
}

// Key reports whether an object's key names the field name, matched as
// encoding/json matches a field: exactly or else case-insensitively. The
// caller's field names differ in more than case, so either is one field.
func Key(key, name string) bool { return key == name || strings.EqualFold(key, name) }
