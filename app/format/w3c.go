package format

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"strings"

	"gloss/app/annot"
	gtext "gloss/app/text"
)

// w3cFormat is the W3C Web Annotation Data Model as JSON-LD.
type w3cFormat struct{}

func (w3cFormat) Name() string { return "w3c" }
func (w3cFormat) Ext() string  { return ".jsonld" }

const (
	annoContext = "http://www.w3.org/ns/anno.jsonld"
	idPrefix    = "urn:gloss:annotation:"
	quoteWidth  = 32 // code points of prefix and suffix
)

type w3cBody struct {
	Type    string `json:"type"`
	Purpose string `json:"purpose"`
	Value   string `json:"value"`
}

type w3cSelector struct {
	Type   string  `json:"type"`
	Exact  *string `json:"exact,omitempty"`
	Prefix *string `json:"prefix,omitempty"`
	Suffix *string `json:"suffix,omitempty"`
	Start  *int    `json:"start,omitempty"`
	End    *int    `json:"end,omitempty"`
}

type w3cTarget struct {
	Source   string        `json:"source"`
	Selector []w3cSelector `json:"selector"`
}

type w3cAnnotation struct {
	Context string    `json:"@context"`
	ID      string    `json:"id"`
	Type    string    `json:"type"`
	Body    []w3cBody `json:"body"`
	Target  w3cTarget `json:"target"`
}

type w3cPage struct {
	ID         string          `json:"id"`
	Type       string          `json:"type"`
	StartIndex int             `json:"startIndex"`
	Items      []w3cAnnotation `json:"items"`
}

type w3cCollection struct {
	Context string  `json:"@context"`
	ID      string  `json:"id"`
	Type    string  `json:"type"`
	Label   string  `json:"label,omitempty"`
	Total   int     `json:"total"`
	First   w3cPage `json:"first"`
}

// source is the IRI of the article: d.Source, or one derived from its text
// so that the same article always gets the same IRI.
func source(d Doc) string {
	if d.Source != "" {
		return d.Source
	}
	h := fnv.New64a()
	h.Write([]byte(d.Text))
	return fmt.Sprintf("urn:gloss:text:%016x", h.Sum64())
}

// Encode writes an AnnotationCollection whose first page embeds every
// annotation, each with a tagging body (the label), a commenting body (the
// note, if any), and a TextQuoteSelector and TextPositionSelector in code
// points.
func (w3cFormat) Encode(d Doc) ([]byte, error) {
	idx := gtext.NewOffsets(d.Text)
	if err := checkAnnotations("w3c", idx, d.Annotations); err != nil {
		return nil, err
	}
	src := source(d)
	h := fnv.New64a()
	h.Write([]byte(src))
	coll := w3cCollection{
		Context: annoContext,
		ID:      fmt.Sprintf("urn:gloss:collection:%016x", h.Sum64()),
		Type:    "AnnotationCollection",
		Label:   d.Title,
		Total:   len(d.Annotations),
	}
	coll.First = w3cPage{ID: coll.ID + ":page1", Type: "AnnotationPage", Items: []w3cAnnotation{}}
	for _, a := range sorted(d.Annotations) {
		id := a.ID
		if !strings.Contains(id, ":") {
			id = idPrefix + id
		}
		body := []w3cBody{{Type: "TextualBody", Purpose: "tagging", Value: a.Label}}
		if a.Note != "" {
			body = append(body, w3cBody{Type: "TextualBody", Purpose: "commenting", Value: a.Note})
		}
		exact := idx.Slice(a.Start, a.End)
		prefix := idx.Slice(max(0, a.Start-quoteWidth), a.Start)
		suffix := idx.Slice(a.End, min(idx.Len(), a.End+quoteWidth))
		start, end := a.Start, a.End
		q := w3cSelector{Type: "TextQuoteSelector", Exact: &exact}
		if prefix != "" {
			q.Prefix = &prefix
		}
		if suffix != "" {
			q.Suffix = &suffix
		}
		coll.First.Items = append(coll.First.Items, w3cAnnotation{
			Context: annoContext, ID: id, Type: "Annotation", Body: body,
			Target: w3cTarget{Source: src, Selector: []w3cSelector{q, {Type: "TextPositionSelector", Start: &start, End: &end}}},
		})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(coll); err != nil {
		return nil, errorf("w3c", "%v; nothing exported", err)
	}
	return b.Bytes(), nil
}

// w3cItem is an annotation read from a file, before its offsets are known.
type w3cItem struct {
	a        annot.Annotation
	where    string
	hasPos   bool
	span     rawSpan
	quote    string
	prefix   string
	suffix   string
	hasQuote bool
}

// Decode reads an AnnotationCollection (with embedded pages), an
// AnnotationPage, a list of annotations or a single one. Annotations
// without a text selector (a whole web page as target) are skipped and
// counted in Notes.
func (w3cFormat) Decode(data []byte, text string) (Doc, Report, error) {
	var rep Report
	d, items, err := parseW3C(data, &rep)
	if err != nil {
		return Doc{}, rep, err
	}
	d.Text = text
	idx := gtext.NewOffsets(text)
	var spans []rawSpan
	for _, it := range items {
		if it.hasPos {
			spans = append(spans, it.span)
		}
	}
	unit, conv, err := detectUnit(idx, spans)
	if err != nil {
		return Doc{}, rep, errorf("w3c", "%v; nothing imported", err)
	}
	if len(spans) == 0 {
		unit = UnitCodePoints
	}
	rep.Unit = unit
	j := 0
	for _, it := range items {
		a := it.a
		if it.hasPos {
			a.Start, a.End = conv[j][0][0], conv[j][0][1]
			j++
		} else {
			s, ok := findQuote(idx, it.quote, it.prefix, it.suffix)
			if !ok {
				return Doc{}, rep, errorf("w3c", "%s: quote %q is not in the text; nothing imported", it.where, it.quote)
			}
			a.Start, a.End = s, s+len([]rune(it.quote))
		}
		a.Text = idx.Slice(a.Start, a.End)
		d.Annotations = append(d.Annotations, a)
	}
	fillIDs(d.Annotations)
	if unit != UnitCodePoints {
		rep.Notes = append(rep.Notes, "offsets were in "+unit+"; converted to code points")
	}
	return d, rep, nil
}

// parseW3C reads the annotations of a file without placing them: the Doc
// holds the title only; notes on what was skipped go to rep.
func parseW3C(data []byte, rep *Report) (Doc, []w3cItem, error) {
	var d Doc
	v, err := readW3CJSON(data)
	if err != nil {
		return d, nil, err
	}
	annos, title, unfollowed := walkW3C(v)
	d.Title = title
	var items []w3cItem
	skipped := 0
	for k, x := range annos {
		it, ok := readW3CAnnotation(x, fmt.Sprintf("item %d", k+1))
		if !ok {
			skipped++
			continue
		}
		items = append(items, it)
	}
	if skipped > 0 {
		rep.Notes = append(rep.Notes, plural(skipped, "annotation without a text selector was", "annotations without a text selector were")+" skipped")
	}
	if unfollowed > 0 {
		rep.Notes = append(rep.Notes, plural(unfollowed, "page given only by its IRI was", "pages given only by their IRI were")+" not fetched")
	}
	return d, items, nil
}

// readW3CJSON checks a W3C file with the JSON guard and decodes it.
func readW3CJSON(data []byte) (any, error) {
	if err := checkSize("w3c", data); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if err := checkJSON("w3c", data, false); err != nil {
		return nil, err
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, errorf("w3c", "invalid JSON: %v; nothing imported", jsonErr(err))
	}
	return v, nil
}

// walkW3C returns the annotations of a W3C document — one annotation, a
// list, or an AnnotationCollection and its pages, walked without
// recursion — with the collection's label and how many pages given only by
// their IRI were not followed.
func walkW3C(v any) (annos []map[string]any, title string, unfollowed int) {
	queue := []any{v}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		switch x := x.(type) {
		case []any:
			queue = append(queue, x...)
		case map[string]any:
			switch {
			case hasType(x, "AnnotationCollection"):
				if l, ok := x["label"].(string); ok && title == "" {
					title = l
				}
				switch first := x["first"].(type) {
				case map[string]any:
					queue = append(queue, first)
				case string:
					unfollowed++
				}
			case hasType(x, "AnnotationPage"):
				if items, ok := x["items"].([]any); ok {
					queue = append(queue, items...)
				}
				if next, ok := x["next"].(map[string]any); ok {
					queue = append(queue, next)
				} else if _, ok := x["next"].(string); ok {
					unfollowed++
				}
			default:
				annos = append(annos, x)
			}
		}
	}
	return annos, title, unfollowed
}

func hasType(x map[string]any, t string) bool {
	switch v := x["type"].(type) {
	case string:
		return v == t
	case []any:
		for _, e := range v {
			if e == t {
				return true
			}
		}
	}
	return false
}

func hasPurpose(x map[string]any, p string) bool {
	switch v := x["purpose"].(type) {
	case string:
		return v == p
	case []any:
		for _, e := range v {
			if e == p {
				return true
			}
		}
	}
	return false
}

// asList turns a single value or an array into a list.
func asList(v any) []any {
	switch v := v.(type) {
	case nil:
		return nil
	case []any:
		return v
	}
	return []any{v}
}

// readW3CAnnotation reads one annotation; ok is false when it has no text
// selector to place it.
func readW3CAnnotation(x map[string]any, where string) (w3cItem, bool) {
	it := w3cItem{where: where}
	if id, ok := x["id"].(string); ok {
		it.a.ID = strings.TrimPrefix(id, idPrefix)
	}
	var untagged []string
	for _, b := range append(asList(x["body"]), asList(x["bodyValue"])...) {
		switch b := b.(type) {
		case string: // a body given by its IRI, or bodyValue
			if it.a.Label == "" && strings.Contains(b, ":") {
				it.a.Label = b
			} else {
				untagged = append(untagged, b)
			}
		case map[string]any:
			val, _ := b["value"].(string)
			if val == "" {
				val, _ = firstString(b, "source", "id")
			}
			switch {
			case hasPurpose(b, "tagging") && it.a.Label == "":
				it.a.Label = val
			case hasPurpose(b, "commenting") && it.a.Note == "":
				it.a.Note = val
			case hasType(b, "TextualBody") && val != "":
				untagged = append(untagged, val)
			}
		}
	}
	if it.a.Label == "" {
		if m, ok := x["motivation"].(string); ok {
			it.a.Label = m
		} else {
			it.a.Label = "Annotation"
		}
	}
	if it.a.Note == "" && len(untagged) > 0 {
		it.a.Note = strings.Join(untagged, "\n")
	}
	for _, t := range asList(x["target"]) {
		tm, ok := t.(map[string]any)
		if !ok {
			continue
		}
		for _, s := range asList(tm["selector"]) {
			sm, ok := s.(map[string]any)
			if !ok {
				continue
			}
			switch {
			case hasType(sm, "TextPositionSelector"):
				s, ok1 := intOf(sm["start"])
				e, ok2 := intOf(sm["end"])
				if ok1 && ok2 {
					it.hasPos = true
					it.span = rawSpan{frags: [][2]int{{s, e}}, where: where}
				}
			case hasType(sm, "TextQuoteSelector"):
				if ex, ok := sm["exact"].(string); ok && ex != "" {
					it.hasQuote = true
					it.quote = ex
					it.prefix, _ = sm["prefix"].(string)
					it.suffix, _ = sm["suffix"].(string)
				}
			}
		}
		if it.hasPos || it.hasQuote {
			break
		}
	}
	if it.hasPos && it.hasQuote {
		it.span.text, it.span.hasText = it.quote, true
	}
	return it, it.hasPos || it.hasQuote
}

// findQuote finds exact in the text, choosing among several occurrences
// the one whose surroundings best match prefix and suffix; it returns a
// code point offset.
func findQuote(t *gtext.Offsets, exact, prefix, suffix string) (int, bool) {
	s := t.String()
	best, bestScore := -1, -1
	for from := 0; from <= len(s); {
		i := strings.Index(s[from:], exact)
		if i < 0 {
			break
		}
		at := from + i
		score := commonSuffix(s[:at], prefix) + commonPrefix(s[at+len(exact):], suffix)
		if score > bestScore {
			best, bestScore = at, score
		}
		from = at + 1
		for from < len(s) && (s[from]&0xC0) == 0x80 {
			from++
		}
	}
	if best < 0 {
		return 0, false
	}
	return fromUnit(t, UnitBytes, best)
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func commonSuffix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}
