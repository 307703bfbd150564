package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/net/html"

	"gloss/app/text"
)

// The "extract" section loads every source.html of Mozilla Readability's test
// pages as the browser does (text.Load) and scores the article body against
// expected.html by bag-of-words overlap, the way the main-text extraction
// benchmarks do: a token is a run of letters or digits, lower-cased; precision
// is the share of extracted tokens found in the gold, recall the share of gold
// tokens extracted. Figures are means over pages (macro) and over all tokens
// (micro). A page is "refused" when Load fails and "near-empty" when it keeps
// under a fifth of the gold's tokens.

type pageScore struct {
	name                string
	tp, got, want       int
	p, r, f             float64
	refused, empty      bool
	titleOK, hasTitle   bool
	titleSite           bool // the expected title less its site name
	elapsed             time.Duration
	err                 string
	wantTitle, gotTitle string
}

// evalExtract is the "extract" section (see above).
func evalExtract(dir string, w io.Writer) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var pages []pageScore
	for _, e := range entries {
		src, err := os.ReadFile(filepath.Join(dir, e.Name(), "source.html"))
		if err != nil {
			continue // LICENSE.md and the like
		}
		gold, err := os.ReadFile(filepath.Join(dir, e.Name(), "expected.html"))
		if err != nil {
			return err
		}
		var meta struct {
			Title string `json:"title"`
		}
		if b, err := os.ReadFile(filepath.Join(dir, e.Name(), "expected-metadata.json")); err == nil {
			_ = json.Unmarshal(b, &meta)
		}
		pages = append(pages, scorePage(e.Name(), src, gold, meta.Title))
	}
	if len(pages) == 0 {
		return fmt.Errorf("no page with a source.html in %s", dir)
	}
	var sp, sr, sf float64
	var tp, got, want, refused, empty, titled, titleOK, titleSite int
	var total time.Duration
	times := make([]time.Duration, 0, len(pages))
	for _, p := range pages {
		sp, sr, sf = sp+p.p, sr+p.r, sf+p.f
		tp, got, want = tp+p.tp, got+p.got, want+p.want
		if p.refused {
			refused++
		}
		if p.empty {
			empty++
		}
		if p.hasTitle {
			titled++
			if p.titleOK {
				titleOK++
			}
			if p.titleSite {
				titleSite++
			}
		}
		total += p.elapsed
		times = append(times, p.elapsed)
	}
	slices.Sort(times)
	n := float64(len(pages))
	mp, mr := ratio(tp, got), ratio(tp, want)
	fmt.Fprintf(w, "%d pages; body tokens against expected.html:\n\n", len(pages))
	fmt.Fprintln(w, "| average | precision | recall | F1 |")
	fmt.Fprintln(w, "| --- | --- | --- | --- |")
	fmt.Fprintf(w, "| per page (macro) | %.3f | %.3f | %.3f |\n", sp/n, sr/n, sf/n)
	fmt.Fprintf(w, "| per token (micro) | %.3f | %.3f | %.3f |\n\n", mp, mr, f1(mp, mr))
	fmt.Fprintf(w, "refused: %d; near-empty (recall < 0.2): %d\n", refused, empty)
	fmt.Fprintf(w, "title equal to expected-metadata.json (case and spaces aside): %d/%d (%.3f); %d more are it less a trailing site name\n",
		titleOK, titled, ratio(titleOK, titled), titleSite)
	fmt.Fprintf(w, "time per page: mean %s, median %s, slowest %s (total %s)\n\n",
		(total / time.Duration(len(pages))).Round(time.Microsecond), times[len(times)/2].Round(time.Microsecond),
		times[len(times)-1].Round(time.Microsecond), total.Round(time.Millisecond))
	worst := slices.Clone(pages)
	slices.SortStableFunc(worst, func(a, b pageScore) int {
		switch {
		case a.f < b.f:
			return -1
		case a.f > b.f:
			return 1
		}
		return 0
	})
	fmt.Fprintln(w, "lowest F1:")
	for _, p := range worst[:min(10, len(worst))] {
		note := ""
		if p.refused {
			note = " refused: " + p.err
		}
		fmt.Fprintf(w, "  %-40s P %.3f R %.3f F1 %.3f%s\n", p.name, p.p, p.r, p.f, note)
	}
	fmt.Fprintln(w, "titles that differ:")
	k := 0
	for _, p := range pages {
		if p.hasTitle && !p.titleOK && !p.titleSite && k < 10 {
			fmt.Fprintf(w, "  %-40s want %q got %q\n", p.name, p.wantTitle, p.gotTitle)
			k++
		}
	}
	return nil
}

func scorePage(name string, src, gold []byte, wantTitle string) pageScore {
	s := pageScore{name: name, wantTitle: wantTitle}
	start := time.Now()
	art, _, err := text.Load("source.html", src)
	s.elapsed = time.Since(start)
	wantToks := tokens(htmlText(gold))
	s.want = len(wantToks)
	if err != nil {
		s.refused, s.empty, s.err = true, true, err.Error()
		return s
	}
	gotToks := tokens(art.Text)
	s.got = len(gotToks)
	s.tp = overlap(gotToks, wantToks)
	s.p, s.r = ratio(s.tp, s.got), ratio(s.tp, s.want)
	s.f = f1(s.p, s.r)
	s.empty = s.r < 0.2
	if strings.TrimSpace(wantTitle) != "" {
		s.hasTitle = true
		s.gotTitle = art.Title
		s.titleOK = sameTitle(art.Title, wantTitle)
		s.titleSite = !s.titleOK && siteDropped(art.Title, wantTitle)
	}
	return s
}

// htmlText returns the text of every text node of an HTML fragment.
func htmlText(b []byte) string {
	doc, err := html.Parse(strings.NewReader(string(b)))
	if err != nil {
		return ""
	}
	var sb strings.Builder
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
			sb.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)
	return sb.String()
}

// tokens splits s into lower-cased runs of letters, digits and marks.
func tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !text.IsWordRune(r)
	})
}

// overlap is the size of the multiset intersection of a and b.
func overlap(a, b []string) int {
	count := map[string]int{}
	for _, t := range b {
		count[t]++
	}
	n := 0
	for _, t := range a {
		if count[t] > 0 {
			count[t]--
			n++
		}
	}
	return n
}

func sameTitle(a, b string) bool {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	return norm(a) == norm(b)
}

// siteDropped reports whether got is want less a trailing " - Site" or
// " | Site": the page's headline.
func siteDropped(got, want string) bool {
	g, w := strings.Join(strings.Fields(got), " "), strings.Join(strings.Fields(want), " ")
	rest, ok := strings.CutPrefix(w, g)
	return ok && g != "" && len(rest) > 3 && strings.ContainsAny(rest[:3], "|-–—·")
}
