package corpus

import (
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"gloss/app/format"
	"gloss/app/text"
)

// articleExts are the files read as articles to annotate.
var articleExts = map[string]bool{".txt": true, ".text": true, ".md": true, ".markdown": true, ".html": true, ".htm": true, ".xhtml": true, ".mhtml": true, ".mht": true, ".webarchive": true}

// Read reads every article the files hold. A .zip among them is opened and
// its entries read as if they had been given one by one (named
// "archive.zip/inner/path"). A brat .ann is paired with the .txt of the same
// name, a W3C collection or CSV file with the .txt of its name or of its
// annotations' target; an annotation.conf adds its entity types to Labels.
// Each file is read whole or refused whole, with the reason in its report;
// one bad file never stops the others.
func Read(files []File) *Result { return ReadAs(files, nil) }

// ReadAs is Read with the format of every annotation file given rather than
// detected (nil detects).
func ReadAs(files []File, as format.Format) *Result {
	r := &Result{}
	var all []File
	for _, f := range files {
		if IsZip(f.Name, f.Data) {
			inner, err := Unzip(f.Data)
			if err != nil {
				r.Files = append(r.Files, FileReport{Name: f.Name, Refused: err.Error() + "; nothing of it was imported"})
				continue
			}
			if len(inner) == 0 {
				r.Files = append(r.Files, FileReport{Name: f.Name, Refused: "the archive holds no files"})
				continue
			}
			for _, x := range inner {
				if IsZip(x.Name, x.Data) {
					r.Files = append(r.Files, FileReport{Name: f.Name + "/" + x.Name, Refused: "a zip inside a zip is not opened; unpack it first"})
					continue
				}
				all = append(all, File{Name: f.Name + "/" + x.Name, Data: x.Data})
			}
			continue
		}
		if hidden(f.Name) {
			r.Files = append(r.Files, FileReport{Name: f.Name, Skipped: true, Notes: []string{"system file, passed over"}})
			continue
		}
		all = append(all, f)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Name < all[j].Name })
	byName := map[string]int{}
	for i, f := range all {
		byName[f.Name] = i
	}
	used := make([]bool, len(all)) // files read as another's text
	textOf := func(name string) (string, int, error) {
		i, ok := byName[name]
		if !ok {
			return "", -1, nil
		}
		s, err := rawText(all[i])
		return s, i, err
	}
	// Annotation files first, so that the texts they take are not read as
	// articles of their own.
	var annFiles, articles []int
	for i, f := range all {
		switch e := ext(f.Name); {
		case path.Base(f.Name) == "annotation.conf" || path.Base(f.Name) == "visual.conf" || path.Base(f.Name) == "tools.conf" || path.Base(f.Name) == "kb_shortcuts.conf":
		case articleExts[e]:
			articles = append(articles, i)
		default:
			annFiles = append(annFiles, i)
		}
	}
	reports := make([]*FileReport, len(all))
	docsOf := make([][]Article, len(all))
	for i, f := range all {
		reports[i] = &FileReport{Name: f.Name}
		if b := path.Base(f.Name); strings.HasSuffix(b, ".conf") && b != "annotation.conf" {
			reports[i].Skipped = true
			reports[i].Notes = []string{"brat display settings, not needed"}
		}
	}
	for i, f := range all {
		if path.Base(f.Name) == "annotation.conf" {
			labels := ParseConf(f.Data)
			r.Labels = appendNew(r.Labels, labels...)
			reports[i].Notes = append(reports[i].Notes, fmt.Sprintf("label set: %s", plural(len(labels), "entity type", "entity types")))
		}
	}
	for _, i := range annFiles {
		docs, notes, err := readAnnotations(all[i], as, textOf, used)
		if err != nil {
			reports[i].Refused = err.Error()
			continue
		}
		reports[i].Notes = append(reports[i].Notes, notes...)
		docsOf[i] = docs
	}
	for _, i := range articles {
		if used[i] {
			reports[i].Skipped = true
			reports[i].Notes = append(reports[i].Notes, "read as the text of its annotations")
			continue
		}
		a, notes, err := text.Load(all[i].Name, all[i].Data)
		if err != nil {
			reports[i].Refused = err.Error()
			continue
		}
		for _, n := range notes {
			reports[i].Notes = append(reports[i].Notes, string(n))
		}
		docsOf[i] = []Article{{Source: all[i].Name, Format: a.Kind, Doc: format.Doc{Title: a.Title, Text: a.Text}}}
	}
	for i := range all {
		rep := reports[i]
		for k, a := range docsOf[i] {
			a.File, a.Index = all[i].Name, k
			if a.Doc.Title == "" {
				a.Doc.Title = text.TitleOf(a.Doc.Text)
			}
			r.Articles = append(r.Articles, a)
			rep.Articles++
			rep.Annotations += len(a.Doc.Annotations)
		}
		r.Files = append(r.Files, *rep)
	}
	return r
}

// readAnnotations reads a file of annotations: the articles it holds, or
// those it annotates with the texts beside it (marked in used).
func readAnnotations(f File, fm format.Format, textOf func(string) (string, int, error), used []bool) ([]Article, []string, error) {
	ok := fm != nil
	if !ok {
		fm, ok = format.Detect(f.Name, f.Data)
	}
	if !ok {
		return nil, nil, fmt.Errorf("not a format Gloss reads (text, Markdown, HTML, brat, JSONL, CoNLL, W3C, CSV, zip)")
	}
	var notes []string
	report := func(rep format.Report) {
		if rep.Unit != "" && rep.Unit != format.UnitCodePoints {
			notes = append(notes, "offsets were in "+rep.Unit+"; converted to code points")
		}
		for _, n := range rep.Notes {
			if !strings.Contains(n, "converted to code points") || len(notes) == 0 {
				notes = append(notes, n)
			}
		}
	}
	switch fm {
	case format.JSONL, format.Spacy, format.CoNLL, format.BILOU:
		// Many articles a file: a JSONL line or a CoNLL -DOCSTART- each.
		docs, rep, err := format.DecodeAll(fm, f.Data, "")
		if err != nil {
			return nil, nil, err
		}
		report(rep)
		conll := fm == format.CoNLL || fm == format.BILOU
		var out []Article
		for k, d := range docs {
			src := fmt.Sprintf("%s line %d", f.Name, k+1)
			if conll {
				src = f.Name
				if len(docs) > 1 {
					src = fmt.Sprintf("%s document %d", f.Name, k+1)
				}
			}
			out = append(out, Article{Source: src, Format: fm.Name(), Doc: d})
		}
		if len(out) == 0 {
			return nil, nil, fmt.Errorf("%s: no %s in the file", fm.Name(), map[bool]string{false: "articles", true: "tokens"}[conll])
		}
		return out, notes, nil
	case format.W3C:
		return readW3C(f, textOf, used)
	}
	// brat and CSV: the text is the .txt of the same name.
	txtName := stem(f.Name) + ".txt"
	txt, i, err := textOf(txtName)
	switch {
	case err != nil:
		return nil, nil, fmt.Errorf("%s: %v", path.Base(txtName), err)
	case i < 0:
		return nil, nil, fmt.Errorf("%s: no %s beside it, so its offsets point nowhere; nothing imported", fm.Name(), path.Base(txtName))
	}
	d, rep, err := fm.Decode(f.Data, txt)
	if err != nil {
		return nil, nil, err
	}
	report(rep)
	d.Text = txt
	used[i] = true
	return []Article{{Source: f.Name, Format: fm.Name(), Doc: d}}, notes, nil
}

// rawText is a .txt taken verbatim (brat, CSV and W3C offsets count its
// characters as stored): UTF-8, a leading byte order mark dropped.
func rawText(f File) (string, error) {
	b := bytes.TrimPrefix(f.Data, []byte("\ufeff"))
	if !utf8.Valid(b) {
		return "", fmt.Errorf("not UTF-8 text")
	}
	if len(b) == 0 {
		return "", fmt.Errorf("empty")
	}
	return string(b), nil
}

// readW3C reads a W3C annotation file. With a .txt of the same name it is
// one article's annotations; otherwise its annotations are grouped by
// target source, and each source must name a .txt given with it (by path
// relative to the file, or by base name).
func readW3C(f File, textOf func(string) (string, int, error), used []bool) ([]Article, []string, error) {
	if txt, i, err := textOf(stem(f.Name) + ".txt"); err == nil && i >= 0 {
		d, rep, err := format.W3C.Decode(f.Data, txt)
		if err != nil {
			return nil, nil, err
		}
		used[i] = true
		d.Text = txt
		return []Article{{Source: f.Name, Format: "w3c", Doc: d}}, rep.Notes, nil
	}
	groups, title, err := format.SplitW3C(f.Data)
	if err != nil {
		return nil, nil, err
	}
	if len(groups) == 0 {
		return nil, nil, fmt.Errorf("w3c: no annotations in the file")
	}
	dir := path.Dir(f.Name)
	var out []Article
	var notes []string
	var taken []int
	for _, g := range groups {
		src := g.Source
		rel := strings.TrimPrefix(src, "file://")
		var txt string
		var i = -1
		for _, cand := range []string{path.Join(dir, rel), path.Join(dir, path.Base(rel)), path.Join(dir, stem(path.Base(rel))+".txt")} {
			if t, k, err := textOf(cand); err == nil && k >= 0 {
				txt, i = t, k
				break
			}
		}
		if i < 0 {
			return nil, nil, fmt.Errorf("w3c: annotations target %q, and no text file of that name came with them; W3C annotations carry no text, so add the article's .txt; nothing imported", src)
		}
		d, rep, err := format.W3C.Decode(g.Data, txt)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %v", src, err)
		}
		notes = append(notes, rep.Notes...)
		d.Text = txt
		d.Source = src
		if len(groups) == 1 {
			d.Title = title
		}
		taken = append(taken, i)
		out = append(out, Article{Source: f.Name + " " + src, Format: "w3c", Doc: d})
	}
	for _, i := range taken {
		used[i] = true
	}
	return out, notes, nil
}

func appendNew(have []string, more ...string) []string {
	for _, m := range more {
		dup := false
		for _, h := range have {
			if h == m {
				dup = true
				break
			}
		}
		if !dup {
			have = append(have, m)
		}
	}
	return have
}
