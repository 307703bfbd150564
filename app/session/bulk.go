package session

import (
	"fmt"
	"strings"

	"gloss/app/annot"
	"gloss/app/corpus/batch"
	"gloss/app/store"
)

// Bulk is a many-file import being stored: the articles of a corpus read,
// a file's articles all or none, a few at a time so the page can show its
// progress between steps.
type Bulk struct {
	Total, Done int // articles to store, and those tried so far
	Added       int // articles stored
	Annotations int // annotations they hold
	// Same and Merged count the articles whose text the library held
	// already, so were not stored twice: with nothing new, and with
	// MergedAnnotations annotations they lacked added to them.
	Same, Merged, MergedAnnotations int
	FirstID                         string             // the first article stored, to open
	Refused                         []batch.FileReport // files left out, whole, and why
	// Full is the storage's refusal that stopped the import; nil while it
	// goes on or when every file was stored.
	Full error

	read     *batch.Result
	groups   [][]batch.Article // the articles, by file, in order
	next     int               // the next group to store
	bySource map[string]store.Meta
	notes    []string // on what was stored (a file name met again)
}

// NewBulk prepares storing what r read.
func (s *Session) NewBulk(r *batch.Result) *Bulk {
	b := &Bulk{Total: len(r.Articles), read: r, Refused: r.Refused(), bySource: map[string]store.Meta{}}
	for _, m := range s.Lib.List() {
		if m.Source != "" {
			b.bySource[sourceKey(m.Source)] = m
		}
	}
	for i, art := range r.Articles {
		if i == 0 || r.Articles[i-1].File != art.File {
			b.groups = append(b.groups, nil)
		}
		b.groups[len(b.groups)-1] = append(b.groups[len(b.groups)-1], art)
	}
	return b
}

// StoreBulk stores the next files, at least n articles when there are
// that many, and reports whether there is more to store. When the storage
// refuses an article, the articles of its file stored already are deleted
// again, the file is listed as refused and the import stops.
func (s *Session) StoreBulk(b *Bulk, n int) bool {
	for count := 0; b.next < len(b.groups) && count < n && b.Full == nil; b.next++ {
		g := b.groups[b.next]
		var got []bulkStored
		for _, art := range g {
			st, err := s.storeImported(art, b.bySource)
			if err != nil {
				b.Full = err
				break
			}
			got = append(got, st)
		}
		if b.Full != nil {
			for _, st := range got {
				st.undo(s)
			}
			b.Refused = append(b.Refused, batch.FileReport{Name: g[0].File, Refused: "storage refused it (" + b.Full.Error() + "); nothing of it was kept"})
			break
		}
		for _, st := range got {
			switch {
			case st.created:
				b.Added++
				b.Annotations += st.anns
				if b.FirstID == "" {
					b.FirstID = st.id
				}
			case st.added > 0:
				b.Merged++
				b.MergedAnnotations += st.added
			default:
				b.Same++
			}
			if st.note != "" {
				b.notes = append(b.notes, st.note)
			}
		}
		count += len(g)
		b.Done += len(g)
	}
	return b.next < len(b.groups) && b.Full == nil
}

// bulkStored is what storing one imported article did.
type bulkStored struct {
	id      string
	created bool // a new article; else the text was in the library already
	anns    int  // annotations of the new article
	added   int  // annotations added to the article already there
	before  []annot.Annotation
	note    string
}

// undo takes back what storing the article did.
func (st bulkStored) undo(s *Session) {
	switch {
	case st.created:
		s.Lib.Delete(st.id)
	case st.added > 0:
		s.Lib.SaveAnnotations(st.id, st.before, s.now())
	}
}

// storeImported stores one imported article. When the library already
// holds the same text, nothing is stored twice: the annotations the article
// there lacks (same span and label) are added to it. bySource holds the
// articles the library held from each file name before the import, to say
// (once a file) when a file of the same name brought another text.
func (s *Session) storeImported(art batch.Article, bySource map[string]store.Meta) (bulkStored, error) {
	d := art.Doc
	t := s.now()
	if m, ok := s.Lib.WithText(d.Text); ok {
		added, before, err := s.Lib.AddAnnotations(m.ID, d.Annotations, t)
		if err != nil {
			return bulkStored{}, err
		}
		return bulkStored{id: m.ID, added: added, before: before}, nil
	}
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
		return bulkStored{}, err
	}
	st := bulkStored{id: meta.ID, created: true, anns: len(d.Annotations)}
	if prev, ok := bySource[sourceKey(art.Source)]; ok && art.Source != "" {
		st.note = fmt.Sprintf("%s: the library already held %q from a file of this name, with another text; both are kept.", art.Source, prev.Title)
		delete(bySource, sourceKey(art.Source)) // one note a file
	}
	return st, nil
}

// sourceKey is a file's path inside what was imported: the zip's own name
// (which changes from one export to the next) is left out.
func sourceKey(src string) string {
	if i := strings.LastIndex(src, ".zip/"); i >= 0 {
		return src[i+len(".zip/"):]
	}
	return src
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
	return append(out, b.notes...)
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
	if n := b.Same + b.Merged; n > 0 {
		msg += fmt.Sprintf(" %s %s already in the library (same text), not stored twice", plural(n, "article", "articles"), map[bool]string{true: "was", false: "were"}[n == 1])
		switch {
		case b.Merged == 0:
			msg += "; nothing new in them."
		case b.Same == 0:
			msg += fmt.Sprintf(": %s from the files added to them.", plural(b.MergedAnnotations, "annotation", "annotations"))
		default:
			msg += fmt.Sprintf(": %s from the files added to %d of them, nothing new in the other %d.", plural(b.MergedAnnotations, "annotation", "annotations"), b.Merged, b.Same)
		}
	}
	if b.Full != nil {
		n := b.Total - b.Added - b.Same - b.Merged
		msg += fmt.Sprintf(" The browser's storage is full: %s %s not imported. Download a backup, delete articles you no longer need, and import the rest again.",
			plural(n, "article", "articles"), map[bool]string{true: "was", false: "were"}[n == 1])
	}
	if len(b.Refused) > 0 {
		msg += fmt.Sprintf(" %s refused, listed below.", plural(len(b.Refused), "file", "files"))
	}
	return msg
}
