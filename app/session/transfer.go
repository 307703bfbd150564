package session

import (
	"fmt"
	"strings"

	"gloss/app/annot"
	"gloss/app/convert"
	"gloss/app/format"
	"gloss/app/store"
	"gloss/app/text"
)

// ExportDoc is the open article as the formats see it.
func (s *Session) ExportDoc() (format.Doc, error) {
	d, err := s.open()
	if err != nil {
		return format.Doc{}, err
	}
	fd := format.Doc{Title: d.Meta.Title, Text: d.Text, Annotations: d.Set.All()}
	if lines := d.Kept["brat"]; len(lines) > 0 {
		fd.Brat = &format.BratExtra{Lines: lines}
	}
	return fd, nil
}

// Export is an encoded article and what the page says about it.
type Export struct {
	File string // suggested file name
	Data []byte
	// Written counts the annotations the file holds; Omitted are those the
	// format cannot hold, with why.
	Written int
	Omitted []format.Omission
}

// Message says how many annotations were written and names any left out.
func (e Export) Message() string {
	if len(e.Omitted) == 0 {
		return fmt.Sprintf("Exported %s as %s.", plural(e.Written, "annotation", "annotations"), e.File)
	}
	return fmt.Sprintf("Exported %d of %s as %s. %s brat, W3C and JSONL keep every annotation.",
		e.Written, plural(e.Written+len(e.Omitted), "annotation", "annotations"), e.File, format.Describe(e.Omitted, 5))
}

// Export encodes the open article in the named format (format.ByName),
// saying first what the format cannot hold.
func (s *Session) Export(name string) (Export, error) {
	fd, err := s.ExportDoc()
	if err != nil {
		return Export{}, err
	}
	f, ok := format.ByName(name)
	if !ok {
		return Export{}, fmt.Errorf("unknown format %q", name)
	}
	data, left, err := convert.Encode(f.Name(), fd)
	if err != nil {
		return Export{}, err
	}
	return Export{File: SafeFileName(fd.Title) + f.Ext(), Data: data, Written: len(fd.Annotations) - len(left), Omitted: left}, nil
}

// BratZip is the open article for brat: its .txt, its .ann and an
// annotation.conf declaring the label set, in one zip, so nothing brat
// needs is left behind.
func (s *Session) BratZip() ([]byte, error) {
	fd, err := s.ExportDoc()
	if err != nil {
		return nil, err
	}
	ls := s.Labels()
	names := make([]string, len(ls))
	for i, l := range ls {
		names[i] = l.Name
	}
	x, err := convert.Write("brat", []format.Doc{fd}, names)
	if err != nil {
		return nil, err
	}
	return x.Data, nil
}

// SafeFileName makes a title usable as a file name on every system.
func SafeFileName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '/' || r == '\\' || r == ':' || r == '*' || r == '?' || r == '"' || r == '<' || r == '>' || r == '|' || r < 32:
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
		if b.Len() > 80 {
			break
		}
	}
	if strings.TrimSpace(b.String()) == "" {
		return "article"
	}
	return strings.TrimSpace(b.String())
}

// Import is what an import did, to show.
type Import struct {
	Message string
	// Warn is set when the person should look: orphans to place.
	Warn bool
	// Created counts the articles the file's own texts became (0 when it
	// was imported onto the open article).
	Created int
}

// Import reads a file of annotations. Onto the open article when there is
// one and the file is about it — annotations found again by quote and
// context where the text differs, those that cannot be placed kept as
// orphans — as one undoable step; otherwise each text the file carries
// becomes an article. Nothing changes unless the file is read whole.
func (s *Session) Import(name string, data []byte) (Import, error) {
	if strings.HasSuffix(strings.ToLower(name), ".txt") {
		return Import{}, fmt.Errorf("%s is a text file: to annotate it, load it as a new article (+ New). To import brat annotations, choose the .ann file", name)
	}
	// The file's articles, read as they are (no text to align them to),
	// and placed onto the open article unless the file holds several
	// articles of its own (convert.Import decides, in the same call).
	var onto string
	if s.Doc != nil {
		onto = s.Doc.Text
	}
	read, err := convert.Import(name, data, onto, s.Doc != nil)
	f, docs, rep := read.Format, read.Docs, read.Report
	if f == "" {
		if err != nil {
			return Import{}, fmt.Errorf("%s could not be read: %w. Nothing was imported", name, err)
		}
		return Import{}, fmt.Errorf("%s: not a format Gloss reads (brat .ann, W3C .jsonld, JSONL, CoNLL, CSV). Nothing was imported", name)
	}
	if read.Onto != nil {
		if im, done, err := s.importOnto(name, f, read.Onto); done {
			return im, err
		}
	}
	if err != nil {
		return Import{}, fmt.Errorf("%s: %v", name, err)
	}
	if len(docs) == 0 {
		return Import{}, fmt.Errorf("%s: no annotations found. Nothing was imported", name)
	}
	im := Import{}
	var first store.Meta
	for _, d := range docs {
		if d.Text == "" {
			continue
		}
		title := d.Title
		if title == "" {
			title = text.TitleOf(d.Text)
		}
		t := s.now()
		sd := store.Doc{Meta: store.Meta{Title: title, Kind: text.KindText, Source: name, Created: t, Updated: t},
			Text: d.Text, Annotations: d.Annotations}
		if d.Brat != nil {
			sd.Kept = map[string][]string{"brat": d.Brat.Lines}
		}
		meta, err := s.Lib.Create(sd)
		if err != nil {
			if im.Created > 0 {
				s.Open(first.ID)
			}
			return im, &SaveError{fmt.Errorf("%d of %s imported from %s, then: %w", im.Created, plural(len(docs), "article", "articles"), name, err)}
		}
		if im.Created == 0 {
			first = meta
		}
		im.Created++
	}
	if im.Created == 0 {
		return im, fmt.Errorf("%s carries annotations but not the text they belong to: open that article, then import the file. Nothing was imported", name)
	}
	s.Open(first.ID)
	im.Message = fmt.Sprintf("Imported %s with their annotations from %s (%s).%s", plural(im.Created, "article", "articles"), name, f, reportNotes(rep))
	return im, nil
}

func reportNotes(rep format.Report) string {
	out := ""
	if rep.Unit != "" && rep.Unit != format.UnitCodePoints {
		out += " Offsets were in " + rep.Unit + " and were converted."
	}
	if len(rep.Notes) > 0 {
		out += " " + strings.Join(rep.Notes, "; ") + "."
	}
	return out
}

// importOnto imports onto the open article; done is false, changing
// nothing, when the file carries a text of its own that is another article
// (most of its annotations cannot be placed).
func (s *Session) importOnto(name, f string, placed *convert.Placed) (im Import, done bool, err error) {
	d := s.Doc
	fd, p, rep := placed.Doc, placed.Placement, placed.Report
	if placed.Err != "" {
		return im, true, fmt.Errorf("%s: %s", name, placed.Err)
	}
	ownText := f == format.JSONL.Name() || f == format.Spacy.Name() || f == format.CoNLL.Name() || f == format.BILOU.Name()
	if ownText && len(p.Annotations) < 4*len(p.Orphans) {
		return im, false, nil
	}
	if len(p.Annotations) == 0 {
		if len(p.Orphans) == 0 {
			return im, true, fmt.Errorf("%s: no annotations found. Nothing was imported", name)
		}
		return im, true, fmt.Errorf("%s: none of its %s could be found in this article (the first: %s). Nothing was imported; is it for another article?",
			name, plural(len(p.Orphans), "annotation", "annotations"), p.Orphans[0].Reason)
	}
	id := d.Meta.ID
	beforeAnns, beforeOrph, beforeKept := d.Set.All(), d.Orphans, d.Kept
	afterAnns := mergeImported(beforeAnns, p.Annotations)
	afterOrph := append(append([]annot.Orphan(nil), beforeOrph...), p.Orphans...)
	afterKept := beforeKept
	if fd.Brat != nil {
		afterKept = map[string][]string{"brat": fd.Brat.Lines}
	}
	apply := func(as []annot.Annotation, os []annot.Orphan, kept map[string][]string) error {
		c := store.Change{Annotations: &as, Orphans: &os, Kept: map[string][]string{"brat": kept["brat"]}}
		if err := s.Lib.Update(id, c, s.now()); err != nil {
			return err
		}
		return s.reopen(id)
	}
	if err := apply(afterAnns, afterOrph, afterKept); err != nil {
		return im, true, err
	}
	s.hist.push(step{name: "import",
		undo: func() error { return apply(beforeAnns, beforeOrph, beforeKept) },
		redo: func() error { return apply(afterAnns, afterOrph, afterKept) },
	})
	msg := fmt.Sprintf("Imported %s from %s (%s)", plural(len(p.Annotations), "annotation", "annotations"), name, f)
	if p.Moved > 0 {
		msg += fmt.Sprintf(": %d at the place the file gives, %d found again where the text moved", len(p.Annotations)-p.Moved, p.Moved)
	}
	msg += "." + reportNotes(rep)
	if len(p.Orphans) > 0 {
		msg += fmt.Sprintf(" %d could not be placed confidently (%s) and are listed under Orphans: place or drop them.", len(p.Orphans), p.Orphans[0].Reason)
		return Import{Message: msg, Warn: true}, true, nil
	}
	return Import{Message: msg}, true, nil
}

// mergeImported adds imported annotations to the existing ones, skipping
// spans already carrying the same label.
func mergeImported(have, imported []annot.Annotation) []annot.Annotation {
	out := append([]annot.Annotation(nil), have...)
	type key struct {
		start, end int
		label      string
	}
	seen := map[key]bool{}
	ids := map[string]bool{}
	for _, x := range have {
		seen[key{x.Start, x.End, x.Label}] = true
		ids[x.ID] = true
	}
	for _, x := range imported {
		k := key{x.Start, x.End, x.Label}
		if seen[k] {
			continue
		}
		seen[k] = true
		if x.ID == "" || ids[x.ID] {
			x.ID = annot.NewID()
		}
		ids[x.ID] = true
		out = append(out, x)
	}
	annot.Sort(out)
	return out
}
