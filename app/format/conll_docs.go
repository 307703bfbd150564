package format

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// docStart is the line CoNLL-2003 puts before each document.
const docStart = "-DOCSTART-\t-X-\t-X-\tO\n"

// encodeAll writes every article as one CoNLL document: a -DOCSTART- line,
// a blank line, then its sentences.
func (f conllFormat) encodeAll(docs []Doc) ([]byte, error) {
	var b bytes.Buffer
	for i, d := range docs {
		data, err := f.Encode(d)
		if err != nil {
			return nil, fmt.Errorf("article %d (%.40q): %w", i+1, d.Title, err)
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(docStart)
		b.WriteByte('\n')
		b.Write(data)
	}
	return b.Bytes(), nil
}

// decodeDocs reads each -DOCSTART- document as an article (a file without
// one is one article). An error names the document and the line in the file.
func (f conllFormat) decodeDocs(data []byte) ([]Doc, Report, error) {
	var rep Report
	if err := checkSize(f.Name(), data); err != nil {
		return nil, rep, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	lines := strings.SplitAfter(string(data), "\n")
	var docs []Doc
	var chunk strings.Builder
	first := 0 // line index where the chunk starts
	toks := 0
	flush := func(next int) error {
		if strings.TrimSpace(chunk.String()) == "" {
			chunk.Reset()
			first = next
			return nil
		}
		d, r, err := f.Decode([]byte(chunk.String()), "")
		if err != nil {
			return fmt.Errorf("document %d (from line %d): %w", len(docs)+1, first+1, err)
		}
		if len(r.Notes) > 0 { // Decode's count: "12 tokens in 3 sentences"
			num, _, _ := strings.Cut(r.Notes[0], " ")
			n, _ := strconv.Atoi(num)
			toks += n
		}
		docs = append(docs, d)
		chunk.Reset()
		first = next
		return nil
	}
	for i, l := range lines {
		if fs := strings.Fields(l); len(fs) > 0 && fs[0] == "-DOCSTART-" {
			if err := flush(i + 1); err != nil {
				return nil, rep, err
			}
			continue
		}
		chunk.WriteString(l)
	}
	if err := flush(len(lines)); err != nil {
		return nil, rep, err
	}
	rep.Notes = append(rep.Notes, fmt.Sprintf("%s, %s", plural(len(docs), "document", "documents"), plural(toks, "token", "tokens")))
	return docs, rep, nil
}
