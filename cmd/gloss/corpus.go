package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gloss/app/corpus"
)

// readTree reads a file, or every file under a folder, as corpus files
// named by their path relative to the folder ("/" separators). A zip stays
// one file: corpus.Read opens it.
func readTree(name string) ([]corpus.File, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		b, err := readLimited(name, corpus.MaxZipBytes)
		if err != nil {
			return nil, err
		}
		out := []corpus.File{{Name: filepath.Base(name), Data: b}}
		// An annotation file alone needs its article's text: the .txt beside it.
		if ext := strings.ToLower(filepath.Ext(name)); ext != ".txt" && !corpus.IsZip(name, b) {
			txt := strings.TrimSuffix(name, filepath.Ext(name)) + ".txt"
			if t, err := readLimited(txt, corpus.MaxFileSize); err == nil {
				out = append(out, corpus.File{Name: filepath.Base(txt), Data: t})
			}
		}
		return out, nil
	}
	var out []corpus.File
	var total int64
	err = filepath.WalkDir(name, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(name, p)
		if err != nil {
			return err
		}
		b, err := readLimited(p, corpus.MaxFileSize)
		if err != nil {
			return err
		}
		if total += int64(len(b)); total > corpus.MaxZipBytes {
			return fmt.Errorf("%s holds more than %d MB", name, corpus.MaxZipBytes>>20)
		}
		out = append(out, corpus.File{Name: filepath.ToSlash(rel), Data: b})
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s holds no files", name)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func readLimited(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s is over the %d MB limit", name, limit>>20)
	}
	return b, nil
}

// printReport writes the file-by-file report of a corpus read to w, as the
// browser shows it: what each file gave and why any was refused.
func printReport(w io.Writer, prefix string, r *corpus.Result) {
	for _, f := range r.Files {
		switch {
		case f.Refused != "":
			fmt.Fprintf(w, "%s%s: refused: %s\n", prefix, f.Name, f.Refused)
		case f.Skipped:
		case f.Articles > 0:
			fmt.Fprintf(w, "%s%s: %s, %s", prefix, f.Name, plural(f.Articles, "article", "articles"), plural(f.Annotations, "annotation", "annotations"))
			if len(f.Notes) > 0 {
				fmt.Fprintf(w, " (%s)", strings.Join(f.Notes, "; "))
			}
			fmt.Fprintln(w)
		case len(f.Notes) > 0:
			fmt.Fprintf(w, "%s%s: %s\n", prefix, f.Name, strings.Join(f.Notes, "; "))
		}
	}
	fmt.Fprintf(w, "%s%s\n", prefix, r.Summary())
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
