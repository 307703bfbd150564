package convert

import (
	"encoding/json"
	"fmt"

	"gloss/app/corpus"
	"gloss/app/format"
)

// Local runs calls here, with Do: natively, and in the worker's module.
type Local struct{}

// Do runs c.
func (Local) Do(c Call) Result { return Do(c) }

// Do runs c here. app.wasm must never call it (see the package comment):
// it is what links the formats.
func Do(c Call) (r Result) {
	fail := func(err error) Result {
		r.Err = err.Error()
		return r
	}
	switch c.Op {
	case OpEncode:
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
	case OpWrite:
		x, err := corpus.Write(c.Format, c.Docs, c.Labels)
		if err != nil {
			return fail(err)
		}
		r.Export = x
	case OpRead:
		r.Read = corpus.Read(c.Files)
	case OpDecode:
		f, ok := format.Detect(c.Name, c.Data)
		if !ok {
			return r
		}
		r.Format = f.Name()
		docs, rep, err := format.DecodeAll(f, c.Data, c.Text)
		r.Docs, r.Report = docs, rep
		if err != nil {
			return fail(err)
		}
	case OpOnto:
		f, ok := format.ByName(c.Format)
		if !ok {
			return fail(fmt.Errorf("unknown format %q", c.Format))
		}
		d, p, rep, err := format.DecodeOnto(f, c.Data, c.Text)
		r.Doc, r.Placement, r.Report = d, p, rep
		if err != nil {
			return fail(err)
		}
	default:
		return Failed(fmt.Errorf("convert: unknown operation %q", c.Op))
	}
	return r
}

// Serve runs a call written by EncodeCall and writes its result for
// DecodeResult: the worker's side.
func Serve(msg string) string {
	var c Call
	var r Result
	if err := json.Unmarshal([]byte(msg), &c); err != nil {
		r = Failed(fmt.Errorf("convert: a bad call: %v", err))
	} else {
		r = Do(c)
	}
	b, err := json.Marshal(r)
	if err != nil {
		b, _ = json.Marshal(Failed(fmt.Errorf("convert: the result could not be written: %v", err)))
	}
	return string(b)
}
