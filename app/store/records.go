package store

import (
	"gloss/app/annot"
	"gloss/app/jsonrec"
)

// The records Open reads at every start (the schema, the listing's head and
// buckets, the label set, the settings) and an article's annotations are
// decoded here with jsonrec rather than encoding/json, so a cold start
// compiles no reflect-driven decoder (~120 KB of code V8 compiles on first
// call). These are their only decoders; they are still written with
// json.Marshal, and records_test.go checks each reads what encoding/json
// reads, from what encoding/json writes and from damaged or odd input.

// readSchema decodes the schema record {"version":N}.
func readSchema(payload string) (schemaRecord, error) {
	var s schemaRecord
	r := jsonrec.New(payload)
	err := r.Object(func(k string) error {
		if jsonrec.Key(k, "version") {
			return r.Int(&s.Version)
		}
		return r.Skip()
	})
	return s, ended(r, err)
}

// readHead decodes the listing's head {"revs":[N,…]}.
func readHead(payload string) (headRecord, error) {
	var h headRecord
	r := jsonrec.New(payload)
	err := r.Object(func(k string) error {
		if !jsonrec.Key(k, "revs") {
			return r.Skip()
		}
		h.Revs = nil
		if r.Null() {
			return nil
		}
		h.Revs = []int{}
		return r.Array(func() error {
			h.Revs = append(h.Revs, 0)
			return r.Int(&h.Revs[len(h.Revs)-1])
		})
	})
	return h, ended(r, err)
}

// readDocs returns the entries of a listing record {"docs":[…]} (a bucket,
// or an older schema's index) each as it stands, so one damaged entry can be
// left out and the others read. It fails when the record as a whole is not
// of that shape.
func readDocs(payload string) ([]string, error) {
	var docs []string
	r := jsonrec.New(payload)
	err := r.Object(func(k string) error {
		if !jsonrec.Key(k, "docs") {
			return r.Skip()
		}
		docs = nil
		return r.Array(func() error {
			raw, err := r.Raw()
			docs = append(docs, raw)
			return err
		})
	})
	return docs, ended(r, err)
}

// readEntry decodes one listing entry into e.
func readEntry(raw string, e *entry) error {
	r := jsonrec.New(raw)
	err := r.Object(func(k string) error {
		var status string
		switch {
		case jsonrec.Key(k, "id"):
			return r.String(&e.ID)
		case jsonrec.Key(k, "title"):
			return r.String(&e.Title)
		case jsonrec.Key(k, "chars"):
			return r.Int(&e.Chars)
		case jsonrec.Key(k, "annotations"):
			return r.Int(&e.Annotations)
		case jsonrec.Key(k, "created"):
			return int64Field(r, &e.Created)
		case jsonrec.Key(k, "updated"):
			return int64Field(r, &e.Updated)
		case jsonrec.Key(k, "kind"):
			return r.String(&e.Kind)
		case jsonrec.Key(k, "status"):
			status = string(e.Status)
			err := r.String(&status)
			e.Status = Status(status)
			return err
		case jsonrec.Key(k, "source"):
			return r.String(&e.Source)
		case jsonrec.Key(k, "labels"):
			return r.String(&e.Labels)
		case jsonrec.Key(k, "text"):
			return r.Int(&e.Text)
		case jsonrec.Key(k, "ann"):
			return r.Int(&e.Ann)
		case jsonrec.Key(k, "side"):
			return r.Int(&e.Side)
		case jsonrec.Key(k, "sum"):
			return r.String(&e.Sum)
		}
		return r.Skip()
	})
	return ended(r, err)
}

// int64Field reads an integer into an int64 field (int is 64 bits on every
// platform Gloss builds for).
func int64Field(r *jsonrec.Reader, dst *int64) error {
	n := int(*dst)
	err := r.Int(&n)
	*dst = int64(n)
	return err
}

// readLabelSet decodes the label set [{"name":…,"color":…},…].
func readLabelSet(payload string) (annot.Labels, error) {
	var ls annot.Labels
	r := jsonrec.New(payload)
	if r.Null() {
		return nil, ended(r, nil)
	}
	ls = annot.Labels{}
	err := r.Array(func() error {
		ls = append(ls, annot.Label{})
		lb := &ls[len(ls)-1]
		return r.Object(func(k string) error {
			switch {
			case jsonrec.Key(k, "name"):
				return r.String(&lb.Name)
			case jsonrec.Key(k, "color"):
				return r.String(&lb.Color)
			}
			return r.Skip()
		})
	})
	return ls, ended(r, err)
}

// readSettingsMap decodes the settings {"name":"value",…}; null reads as a
// nil map, a null value as "", as encoding/json reads them into a map.
func readSettingsMap(payload string) (map[string]string, error) {
	r := jsonrec.New(payload)
	if r.Null() {
		return nil, ended(r, nil)
	}
	m := map[string]string{}
	err := r.Object(func(k string) error {
		var v string
		err := r.String(&v)
		m[k] = v
		return err
	})
	return m, ended(r, err)
}

// readAnnotations decodes an annotations record [{…},…]. When some elements
// are of the wrong shape it returns the others and how many were left out;
// err is set only when the record as a whole is unreadable.
func readAnnotations(payload string) (as []annot.Annotation, bad int, err error) {
	r := jsonrec.New(payload)
	if r.Null() {
		return nil, 0, ended(r, nil)
	}
	var items []string
	err = r.Array(func() error {
		raw, err := r.Raw()
		items = append(items, raw)
		return err
	})
	if err = ended(r, err); err != nil {
		return nil, 0, err
	}
	as = make([]annot.Annotation, 0, len(items))
	for _, it := range items {
		if a, err := readAnnotation(it); err == nil {
			as = append(as, a)
		}
	}
	return as, len(items) - len(as), nil
}

func readAnnotation(raw string) (annot.Annotation, error) {
	var a annot.Annotation
	r := jsonrec.New(raw)
	err := r.Object(func(k string) error {
		switch {
		case jsonrec.Key(k, "id"):
			return r.String(&a.ID)
		case jsonrec.Key(k, "start"):
			return r.Int(&a.Start)
		case jsonrec.Key(k, "end"):
			return r.Int(&a.End)
		case jsonrec.Key(k, "label"):
			return r.String(&a.Label)
		case jsonrec.Key(k, "text"):
			return r.String(&a.Text)
		case jsonrec.Key(k, "note"):
			return r.String(&a.Note)
		}
		return r.Skip()
	})
	return a, ended(r, err)
}

// ended returns err, or a syntax error if more than whitespace follows the
// value read.
func ended(r *jsonrec.Reader, err error) error {
	if err != nil && jsonrec.IsSyntax(err) {
		return err
	}
	if end := r.End(); end != nil {
		return end
	}
	return err
}
