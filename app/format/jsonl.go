package format

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"gloss/app/annot"
	gtext "gloss/app/text"
)

// jsonlFormat is one article per line: doccano's {"text", "label":[[s,e,L]]}
// (or "entities":[{start_offset,end_offset,label}]) and spaCy's {"text",
// "spans":[{start,end,label}]} (or "ents"). Both read every shape; they
// differ in what they write.
type jsonlFormat struct{ spacy bool }

func (f jsonlFormat) Name() string {
	if f.spacy {
		return "spacy"
	}
	return "jsonl"
}

func (jsonlFormat) Ext() string { return ".jsonl" }

func (f jsonlFormat) Encode(d Doc) ([]byte, error) { return f.encodeAll([]Doc{d}) }

func (f jsonlFormat) encodeAll(docs []Doc) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, d := range docs {
		idx := gtext.NewOffsets(d.Text)
		if err := checkAnnotations(f.Name(), idx, d.Annotations); err != nil {
			return nil, err
		}
		var err error
		if f.spacy {
			type span struct {
				Start int    `json:"start"`
				End   int    `json:"end"`
				Label string `json:"label"`
			}
			spans := []span{}
			for _, a := range sorted(d.Annotations) {
				spans = append(spans, span{a.Start, a.End, a.Label})
			}
			err = enc.Encode(struct {
				Text  string `json:"text"`
				Spans []span `json:"spans"`
				Title string `json:"title,omitempty"`
			}{d.Text, spans, d.Title})
		} else {
			labels := [][3]any{}
			for _, a := range sorted(d.Annotations) {
				labels = append(labels, [3]any{a.Start, a.End, a.Label})
			}
			err = enc.Encode(struct {
				Text  string   `json:"text"`
				Label [][3]any `json:"label"`
				Title string   `json:"title,omitempty"`
			}{d.Text, labels, d.Title})
		}
		if err != nil {
			return nil, errorf(f.Name(), "%v; nothing exported", err)
		}
	}
	return b.Bytes(), nil
}

// Decode returns the article whose text is text, or the first; Notes say
// how many more the file holds (DecodeAll returns them all).
func (f jsonlFormat) Decode(data []byte, text string) (Doc, Report, error) {
	docs, rep, err := f.decodeAll(data)
	if err != nil {
		return Doc{}, rep, err
	}
	if len(docs) == 0 {
		return Doc{Text: text}, rep, nil
	}
	pick := 0
	if text != "" {
		pick = -1
		for i, d := range docs {
			if d.Text == text {
				pick = i
				break
			}
		}
		if pick < 0 {
			pick = 0
			rep.Notes = append(rep.Notes, "no article in the file has the open article's text; the first was taken")
		}
	}
	if len(docs) > 1 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("the file holds %d articles; article %d was read", len(docs), pick+1))
	}
	return docs[pick], rep, nil
}

func (f jsonlFormat) decodeAll(data []byte) ([]Doc, Report, error) {
	name := f.Name()
	var rep Report
	if err := checkSize(name, data); err != nil {
		return nil, rep, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if err := checkJSON(name, data, true); err != nil {
		return nil, rep, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var docs []Doc
	seenUnits := map[string]int{}
	for {
		off := dec.InputOffset()
		for off < int64(len(data)) && strings.ContainsRune(" \t\r\n", rune(data[off])) {
			off++
		}
		where := lineAt(data, off)
		var v any
		if err := dec.Decode(&v); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, rep, errorf(name, "%s: invalid JSON: %v; nothing imported", where, jsonErr(err))
		}
		if arr, ok := v.([]any); ok && len(docs) == 0 && dec.More() == false {
			// A JSON array of articles rather than one per line.
			for i, item := range arr {
				d, unit, err := decodeJSONLDoc(item, fmt.Sprintf("%s item %d", where, i+1))
				if err != nil {
					return nil, rep, errorf(name, "%v; nothing imported", err)
				}
				seenUnits[unit]++
				docs = append(docs, d)
			}
			continue
		}
		d, unit, err := decodeJSONLDoc(v, where)
		if err != nil {
			return nil, rep, errorf(name, "%v; nothing imported", err)
		}
		seenUnits[unit]++
		docs = append(docs, d)
	}
	rep.Unit = UnitCodePoints
	for _, u := range units {
		if n := seenUnits[u]; n > 0 && u != UnitCodePoints {
			rep.Unit = u
			rep.Notes = append(rep.Notes, fmt.Sprintf("offsets were in %s in %s; converted to code points", u, plural(n, "article", "articles")))
		}
	}
	return docs, rep, nil
}

// decodeJSONLDoc reads one article object in any of the shapes accepted.
func decodeJSONLDoc(v any, where string) (Doc, string, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		return Doc{}, "", fmt.Errorf("%s: not a JSON object", where)
	}
	var d Doc
	text, ok := firstString(obj, "text", "data", "column_data")
	if !ok {
		return Doc{}, "", fmt.Errorf("%s: no \"text\"", where)
	}
	d.Text = text
	d.Title, _ = firstString(obj, "title")
	var spans []rawSpan
	var as []annot.Annotation
	for _, key := range []string{"label", "labels", "column_label", "entities", "spans", "ents"} {
		list, ok := obj[key].([]any)
		if !ok {
			continue
		}
		for i, item := range list {
			w := fmt.Sprintf("%s: %q item %d", where, key, i+1)
			var s, e int
			var label, quote string
			var okS, okE, hasQuote bool
			switch it := item.(type) {
			case []any: // [start, end, "LABEL"]
				if len(it) < 3 {
					return Doc{}, "", fmt.Errorf("%s: want [start, end, label]", w)
				}
				s, okS = intOf(it[0])
				e, okE = intOf(it[1])
				label, _ = it[2].(string)
			case map[string]any:
				s, okS = intOf(firstOf(it, "start_offset", "start", "start_char"))
				e, okE = intOf(firstOf(it, "end_offset", "end", "end_char"))
				label, _ = firstString(it, "label", "label_")
				quote, hasQuote = it["text"].(string)
			case string:
				continue // a document class, not a span
			default:
				return Doc{}, "", fmt.Errorf("%s: not a span", w)
			}
			if !okS || !okE {
				return Doc{}, "", fmt.Errorf("%s: start and end are not whole numbers", w)
			}
			if label == "" {
				return Doc{}, "", fmt.Errorf("%s: span %d-%d has no label", w, s, e)
			}
			spans = append(spans, rawSpan{frags: [][2]int{{s, e}}, text: quote, hasText: hasQuote, where: w})
			as = append(as, annot.Annotation{Label: label})
		}
	}
	idx := gtext.NewOffsets(text)
	unit, conv, err := detectUnit(idx, spans)
	if err != nil {
		return Doc{}, "", err
	}
	for i := range as {
		as[i].Start, as[i].End = conv[i][0][0], conv[i][0][1]
		as[i].Text = idx.Slice(as[i].Start, as[i].End)
	}
	fillIDs(as)
	d.Annotations = as
	if len(spans) == 0 {
		unit = UnitCodePoints
	}
	return d, unit, nil
}

func firstOf(obj map[string]any, keys ...string) any {
	for _, k := range keys {
		if v, ok := obj[k]; ok {
			return v
		}
	}
	return nil
}

func firstString(obj map[string]any, keys ...string) (string, bool) {
	for _, k := range keys {
		if s, ok := obj[k].(string); ok {
			return s, true
		}
	}
	return "", false
}

// intOf reads a JSON whole number (decoded with UseNumber or as float64).
func intOf(v any) (int, bool) {
	switch n := v.(type) {
	case json.Number:
		i, err := strconv.ParseInt(string(n), 10, 64)
		if err != nil || i < 0 || i > 1<<40 {
			return 0, false
		}
		return int(i), true
	case float64:
		if n != float64(int64(n)) || n < 0 || n > 1<<40 {
			return 0, false
		}
		return int(n), true
	}
	return 0, false
}
