package format

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"

	"gloss/app/annot"
	gtext "gloss/app/text"
)

type csvFormat struct{}

func (csvFormat) Name() string { return "csv" }
func (csvFormat) Ext() string  { return ".csv" }

// Encode writes the header start,end,label,text,note and one row per
// annotation, RFC 4180 quoted, offsets in code points.
func (csvFormat) Encode(d Doc) ([]byte, error) {
	idx := gtext.NewOffsets(d.Text)
	if err := checkAnnotations("csv", idx, d.Annotations); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"start", "end", "label", "text", "note"})
	for _, a := range sorted(d.Annotations) {
		w.Write([]string{strconv.Itoa(a.Start), strconv.Itoa(a.End), a.Label, idx.Slice(a.Start, a.End), a.Note})
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// Decode reads rows under a header naming at least start, end and label
// (text, note and id are optional, columns in any order).
func (csvFormat) Decode(data []byte, text string) (Doc, Report, error) {
	var rep Report
	as, spans, err := parseCSV(data)
	if err != nil {
		return Doc{}, rep, err
	}
	idx := gtext.NewOffsets(text)
	unit, conv, err := detectUnit(idx, spans)
	if err != nil {
		return Doc{}, rep, errorf("csv", "%v; nothing imported", err)
	}
	if len(spans) == 0 {
		unit = UnitCodePoints
	}
	for i := range as {
		as[i].Start, as[i].End = conv[i][0][0], conv[i][0][1]
		as[i].Text = idx.Slice(as[i].Start, as[i].End)
	}
	fillIDs(as)
	rep.Unit = unit
	if unit != UnitCodePoints {
		rep.Notes = append(rep.Notes, "offsets were in "+unit+"; converted to code points")
	}
	return Doc{Text: text, Annotations: as}, rep, nil
}

// parseCSV reads the rows: an annotation (ID, label, note) and its span as
// the file gives it, for each.
func parseCSV(data []byte) ([]annot.Annotation, []rawSpan, error) {
	if err := checkSize("csv", data); err != nil {
		return nil, nil, err
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, errorf("csv", "%v; nothing imported", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, need := range []string{"start", "end", "label"} {
		if _, ok := col[need]; !ok {
			return nil, nil, errorf("csv", "line 1: the header has no %q column (want start,end,label,text,note); nothing imported", need)
		}
	}
	get := func(rec []string, name string) (string, bool) {
		i, ok := col[name]
		if !ok || i >= len(rec) {
			return "", false
		}
		return rec[i], true
	}
	var as []annot.Annotation
	var spans []rawSpan
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, errorf("csv", "%v; nothing imported", err)
		}
		line, _ := r.FieldPos(0)
		where := "line " + strconv.Itoa(line)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		ss, _ := get(rec, "start")
		es, _ := get(rec, "end")
		s, err1 := strconv.Atoi(strings.TrimSpace(ss))
		e, err2 := strconv.Atoi(strings.TrimSpace(es))
		if err1 != nil || err2 != nil {
			return nil, nil, errorf("csv", "%s: offsets %q-%q are not numbers; nothing imported", where, ss, es)
		}
		label, _ := get(rec, "label")
		if strings.TrimSpace(label) == "" {
			return nil, nil, errorf("csv", "%s: span %d-%d has no label; nothing imported", where, s, e)
		}
		quote, hasText := get(rec, "text")
		note, _ := get(rec, "note")
		id, _ := get(rec, "id")
		as = append(as, annot.Annotation{ID: id, Label: label, Note: note})
		spans = append(spans, rawSpan{frags: [][2]int{{s, e}}, text: quote, hasText: hasText, where: where, lf: true})
	}
	return as, spans, nil
}
