package format

import (
	"encoding/json"
	"strings"
)

// W3CGroup is the annotations of a W3C file that target one source, as a
// JSON list W3C.Decode reads.
type W3CGroup struct {
	Source string
	Data   []byte
}

// SplitW3C groups the annotations of a W3C file (one annotation, a list, a
// collection and its pages) by target source, in the order the sources
// first appear, and returns the collection's label with them: a corpus
// file may annotate many articles. The file is guarded and walked as
// W3C.Decode does.
func SplitW3C(data []byte) ([]W3CGroup, string, error) {
	v, err := readW3CJSON(data)
	if err != nil {
		return nil, "", err
	}
	annos, title, _ := walkW3C(v)
	var order []string
	bySource := map[string][]map[string]any{}
	for _, x := range annos {
		src := targetSource(x["target"])
		if _, ok := bySource[src]; !ok {
			order = append(order, src)
		}
		bySource[src] = append(bySource[src], x)
	}
	out := make([]W3CGroup, len(order))
	for i, src := range order {
		b, err := json.Marshal(bySource[src])
		if err != nil {
			return nil, "", errorf("w3c", "%v", err)
		}
		out[i] = W3CGroup{Source: src, Data: b}
	}
	return out, title, nil
}

// targetSource names what an annotation's target points at: its source
// (or id), without a fragment.
func targetSource(t any) string {
	switch t := t.(type) {
	case string:
		s, _, _ := strings.Cut(t, "#")
		return s
	case map[string]any:
		if s, ok := t["source"].(string); ok {
			return s
		}
		if s, ok := t["id"].(string); ok {
			return s
		}
	case []any:
		if len(t) > 0 {
			return targetSource(t[0])
		}
	}
	return ""
}
