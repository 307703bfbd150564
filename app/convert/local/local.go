// Package local runs package convert's calls: the formats' encoders and
// decoders, the corpus reader and writer. app.wasm must never import it
// (package convert says why); the worker's module does, and so does every
// native program that converts (importing it makes it convert.Use).
package local

import (
	"encoding/json"
	"fmt"

	"gloss/app/convert"
	"gloss/app/corpus"
	"gloss/app/format"
)

func init() { convert.Use = Converter{} }

// Converter runs calls here, with Do.
type Converter struct{}

// Do runs c.
func (Converter) Do(c convert.Call) convert.Result { return Do(c) }

// Do runs c here.
func Do(c convert.Call) (r convert.Result) {
	fail := func(err error) convert.Result {
		r.Err = err.Error()
		return r
	}
	switch c.Op {
	case convert.OpEncode:
		f, ok := format.ByName(c.Format)
		if !ok {
			return fail(fmt.Errorf("unknown format %q", c.Format))
		}
		if len(c.Docs) != 1 {
			return fail(fmt.Errorf("encode: %d articles, want 1", len(c.Docs)))
		}
		data, err := f.Encode(c.Docs[0])
		if err != nil {
			return fail(err)
		}
		r.Data, r.Omitted = data, format.Omitted(f, c.Docs[0])
	case convert.OpWrite:
		x, err := corpus.Write(c.Format, c.Docs, c.Labels)
		if err != nil {
			return fail(err)
		}
		r.Export = x
	case convert.OpRead:
		r.Read = corpus.Read(c.Files)
	case convert.OpDecode, convert.OpImport:
		text := c.Text
		if c.Op == convert.OpImport {
			text = ""
		}
		f, ok := format.Detect(c.Name, c.Data)
		if !ok {
			return r
		}
		r.Format = f.Name()
		docs, rep, err := format.DecodeAll(f, c.Data, text)
		r.Docs, r.Report = docs, rep
		if c.Op == convert.OpImport && c.Onto && (err != nil || len(docs) <= 1) {
			d, p, rep, err := format.DecodeOnto(f, c.Data, c.Text)
			r.Onto = &convert.Placed{Doc: d, Placement: p, Report: rep}
			if err != nil {
				r.Onto.Err = err.Error()
			}
		}
		if err != nil {
			return fail(err)
		}
	default:
		return convert.Failed(fmt.Errorf("convert: unknown operation %q", c.Op))
	}
	return r
}

// Serve runs a call written by convert.EncodeCall and writes its result
// for convert.DecodeResult: the worker's side.
func Serve(msg string) string {
	var c convert.Call
	var r convert.Result
	if err := json.Unmarshal([]byte(msg), &c); err != nil {
		r = convert.Failed(fmt.Errorf("convert: a bad call: %v", err))
	} else {
		r = Do(c)
	}
	b, err := json.Marshal(r)
	if err != nil {
		b, _ = json.Marshal(convert.Failed(fmt.Errorf("convert: the result could not be written: %v", err)))
	}
	return string(b)
}
