package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"gloss/app/annot"
	"gloss/app/format"
)

// ExportFormats are the formats a library exports to, in menu order.
var ExportFormats = []string{"brat", "conll", "bilou", "jsonl", "spacy", "w3c"}

// Write exports docs in the named format: brat as a zip of .txt and .ann
// per article with an annotation.conf declaring labels; CoNLL and BILOU as
// one file with a -DOCSTART- document per article; JSONL and spaCy as one
// file with an article a line; W3C as a zip of one annotation collection
// whose targets are the articles' .txt files, beside it.
func Write(name string, docs []format.Doc, labels []string) (*Export, error) {
	f, ok := format.ByName(name)
	if !ok {
		return nil, fmt.Errorf("unknown format %q", name)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("no articles to export")
	}
	x := &Export{}
	stems := Stems(docs)
	switch f {
	case format.Brat:
		files := []File{{Name: "annotation.conf", Data: Conf(usedLabels(labels, docs))}}
		for i, d := range docs {
			ann, err := format.Brat.Encode(d)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", stems[i], err)
			}
			files = append(files, File{Name: stems[i] + ".txt", Data: []byte(d.Text)}, File{Name: stems[i] + ".ann", Data: ann})
		}
		data, err := Zip(files)
		if err != nil {
			return nil, err
		}
		x.Name, x.Data = "gloss-brat.zip", data
	case format.CoNLL, format.BILOU:
		data, err := format.EncodeAll(f, docs)
		if err != nil {
			return nil, err
		}
		x.Name, x.Data = "gloss"+f.Ext(), data
		if n, in := overlapping(docs); n > 0 {
			x.Notes = append(x.Notes, fmt.Sprintf("%s cannot hold overlapping or nested spans: %s in %s left out (the earliest, then longest, of each group is kept)",
				strings.ToUpper(f.Name()), plural(n, "annotation", "annotations"), plural(in, "article", "articles")))
		}
		x.Notes = append(x.Notes, "CoNLL keeps tokens, not the text's spacing or titles: the articles come back with their words one space apart")
		x.Notes = append(x.Notes, notesLost(docs, f.Name())...)
	case format.JSONL, format.Spacy:
		data, err := format.EncodeAll(f, docs)
		if err != nil {
			return nil, err
		}
		x.Name, x.Data = "gloss"+f.Ext(), data
		x.Notes = append(x.Notes, notesLost(docs, f.Name())...)
	case format.W3C:
		coll, err := w3cCollection(docs, stems)
		if err != nil {
			return nil, err
		}
		files := []File{{Name: "annotations.jsonld", Data: coll}}
		for i, d := range docs {
			files = append(files, File{Name: "texts/" + stems[i] + ".txt", Data: []byte(d.Text)})
		}
		data, err := Zip(files)
		if err != nil {
			return nil, err
		}
		x.Name, x.Data = "gloss-w3c.zip", data
	default:
		return nil, fmt.Errorf("%s holds one article a file; export the library as brat, conll, bilou, jsonl, spacy or w3c", f.Name())
	}
	return x, nil
}

// w3cCollection writes one AnnotationCollection holding every article's
// annotations, each targeting the article's .txt in texts/.
func w3cCollection(docs []format.Doc, stems []string) ([]byte, error) {
	items := []any{}
	for i, d := range docs {
		d.Source = "texts/" + stems[i] + ".txt"
		b, err := format.W3C.Encode(d)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", stems[i], err)
		}
		var c struct {
			First struct {
				Items []json.RawMessage `json:"items"`
			} `json:"first"`
		}
		if err := json.Unmarshal(b, &c); err != nil {
			return nil, err
		}
		for _, it := range c.First.Items {
			items = append(items, it)
		}
	}
	coll := map[string]any{
		"@context": "http://www.w3.org/ns/anno.jsonld",
		"id":       "urn:gloss:library",
		"type":     "AnnotationCollection",
		"label":    "Gloss library (" + plural(len(docs), "article", "articles") + ")",
		"total":    len(items),
		"first":    map[string]any{"id": "urn:gloss:library:page1", "type": "AnnotationPage", "items": items},
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(coll); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Stems returns a file name without extension for each article, from its
// title: unique (case-insensitively, for Windows and macOS), without
// characters file systems refuse, at most 60 characters.
func Stems(docs []format.Doc) []string {
	out := make([]string, len(docs))
	seen := map[string]bool{}
	for i, d := range docs {
		s := safeStem(d.Title)
		if s == "" {
			s = "article"
		}
		u := s
		for n := 2; seen[strings.ToLower(u)]; n++ {
			u = s + "-" + strconv.Itoa(n)
		}
		seen[strings.ToLower(u)] = true
		out[i] = u
	}
	return out
}

func safeStem(s string) string {
	var b strings.Builder
	n := 0
	dash := false
	for _, r := range s {
		if n >= 60 {
			break
		}
		ok := r > 127 || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '.'
		if r > 127 && (r == 0x2028 || r == 0x2029 || r == 0xFEFF) {
			ok = false
		}
		if !ok {
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
				n++
			}
			continue
		}
		b.WriteRune(r)
		dash = false
		n++
	}
	return strings.Trim(b.String(), "-.")
}

// usedLabels is the label set followed by any label articles use that it lacks.
func usedLabels(labels []string, docs []format.Doc) []string {
	out := append([]string(nil), labels...)
	for _, d := range docs {
		for _, a := range d.Annotations {
			out = appendNew(out, a.Label)
		}
	}
	return out
}

// overlapping counts annotations a CoNLL export leaves out (those that
// overlap an earlier or longer one) and the articles they are in.
func overlapping(docs []format.Doc) (n, in int) {
	for _, d := range docs {
		as := append([]annot.Annotation(nil), d.Annotations...)
		annot.Sort(as)
		// Keep the earliest, then longest: sort puts shorter first at one start.
		end, lost := -1, 0
		for i := 0; i < len(as); {
			j := i
			for j+1 < len(as) && as[j+1].Start == as[i].Start {
				j++
			}
			// as[j] is the longest at this start.
			for k := i; k <= j; k++ {
				if as[i].Start < end || k != j {
					lost++
				}
			}
			if as[i].Start >= end {
				end = as[j].End
			}
			i = j + 1
		}
		if lost > 0 {
			n += lost
			in++
		}
	}
	return n, in
}

// notesLost names the annotation notes a format without notes leaves out.
func notesLost(docs []format.Doc, name string) []string {
	n := 0
	for _, d := range docs {
		for _, a := range d.Annotations {
			if a.Note != "" {
				n++
			}
		}
	}
	if n == 0 {
		return nil
	}
	return []string{fmt.Sprintf("%s has no place for notes: the notes of %s are not in this file (brat and W3C keep them)", name, plural(n, "annotation", "annotations"))}
}
