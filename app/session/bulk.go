package session

import (
	"fmt"

	"gloss/app/corpus"
	"gloss/app/store"
)

// Bulk is a many-file import being stored: the articles of a corpus read,
// a file's articles all or none, a few at a time so the page can show its
// progress between steps.
type Bulk struct {
	Total, Done int                 // articles to store, and those tried so far
	Added       int                 // articles stored
	Annotations int                 // annotations they hold
	FirstID     string              // the first article stored, to open
	Refused     []corpus.FileReport // files left out, whole, and why
	// Full is the storage's refusal that stopped the import; nil while it
	// goes on or when every file was stored.
	Full error

	read   *corpus.Result
	groups [][]corpus.Article // the articles, by file, in order
	next   int                // the next group to store
}

// NewBulk prepares storing what r read.
func (s *Session) NewBulk(r *corpus.Result) *Bulk {
	b := &Bulk{Total: len(r.Articles), read: r, Refused: r.Refused()}
	for i, art := range r.Articles {
		if i == 0 || r.Articles[i-1].File != art.File {
			b.groups = append(b.groups, nil)
		}
		b.groups[len(b.groups)-1] = append(b.groups[len(b.groups)-1], art)
	}
	return b
}

// StoreBulk stores the next files, at least batch articles when there are
// that many, and reports whether there is more to store. When the storage
// refuses an article, the articles of its file stored already are deleted
// again, the file is listed as refused and the import stops.
func (s *Session) StoreBulk(b *Bulk, batch int) bool {
	for count := 0; b.next < len(b.groups) && count < batch && b.Full == nil; b.next++ {
		g := b.groups[b.next]
		var ids []string
		for _, art := range g {
			id, err := s.storeImported(art)
			if err != nil {
				b.Full = err
				break
			}
			ids = append(ids, id)
		}
		if b.Full != nil {
			for _, id := range ids {
				s.Lib.Delete(id)
			}
			b.Refused = append(b.Refused, corpus.FileReport{Name: g[0].File, Refused: "storage refused it (" + b.Full.Error() + "); nothing of it was kept"})
			break
		}
		if b.FirstID == "" && len(ids) > 0 {
			b.FirstID = ids[0]
		}
		b.Added += len(ids)
		for _, art := range g {
			b.Annotations += len(art.Doc.Annotations)
		}
		count += len(g)
		b.Done += len(g)
	}
	return b.next < len(b.groups) && b.Full == nil
}

// storeImported stores one imported article and returns its ID.
func (s *Session) storeImported(art corpus.Article) (string, error) {
	d := art.Doc
	t := s.now()
	kind := art.Format
	if kind != "text" && kind != "markdown" && kind != "html" {
		kind = "text"
	}
	sd := store.Doc{Meta: store.Meta{Title: d.Title, Kind: kind, Created: t, Updated: t, Source: art.Source}, Text: d.Text, Annotations: d.Annotations}
	if d.Brat != nil {
		sd.Kept = map[string][]string{"brat": d.Brat.Lines}
	}
	meta, err := s.Lib.Create(sd)
	if err != nil {
		return "", err
	}
	return meta.ID, nil
}

// Notes are the remarks on the files read ("offsets were in bytes"), each
// after its file's name.
func (b *Bulk) Notes() []string {
	var out []string
	for _, f := range b.read.Files {
		if f.Skipped {
			continue
		}
		for _, n := range f.Notes {
			out = append(out, f.Name+": "+n)
		}
	}
	return out
}

// Summary says what the import did, once StoreBulk has nothing more to do.
func (b *Bulk) Summary() string {
	read := 0
	for _, f := range b.read.Files {
		if !f.Skipped && f.Refused == "" {
			read++
		}
	}
	msg := fmt.Sprintf("Imported %s with %s from %s.", plural(b.Added, "article", "articles"), plural(b.Annotations, "annotation", "annotations"), plural(read, "file", "files"))
	if b.Full != nil {
		n := b.Total - b.Added
		msg += fmt.Sprintf(" The browser's storage is full: %s %s not imported. Download a backup, delete articles you no longer need, and import the rest again.",
			plural(n, "article", "articles"), map[bool]string{true: "was", false: "were"}[n == 1])
	}
	if len(b.Refused) > 0 {
		msg += fmt.Sprintf(" %s refused, listed below.", plural(len(b.Refused), "file", "files"))
	}
	return msg
}
