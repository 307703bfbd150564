package entity

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// osaPrefix is the plain dynamic programme prefixDist computes bit by bit:
// the least optimal-string-alignment distance between q and a prefix of
// s's letters (spaces skipped).
func osaPrefix(q, s string) int {
	best, _ := osa(q, s)
	return best
}

// osa returns the least distance to a prefix and to the whole of s.
func osa(q, s string) (int, int) {
	a := []rune(q)
	b := []rune(strings.ReplaceAll(s, " ", ""))
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+c)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	best := len(a)
	for j := range d[len(a)] {
		best = min(best, d[len(a)][j])
	}
	return best, d[len(a)][len(b)]
}

func TestPrefixDist(t *testing.T) {
	for _, c := range []struct {
		q, s string
		want int
		full bool
	}{
		{"hollande", "hollande", 0, true},
		{"hollnade", "hollande", 1, true},
		{"ptuin", "putin", 1, true},
		{"damascis", "damascus", 1, true},
		{"shoiigu", "shoigu", 1, true},
		{"hollnd", "hollande", 1, false},
		{"holl", "hollande", 0, false},
		{"jeanyves", "jean yves le drian", 0, true},
		{"zzzz", "hollande", 4, false},
		{"élysée", "élysée", 0, true},
		{"élisée", "élysée", 1, true},
	} {
		p := newTypoPattern(c.q)
		d, end, full := p.prefixDist(c.s, 2)
		if min(d, 3) != min(c.want, 3) || d <= 2 && full != c.full {
			t.Errorf("prefixDist(%q, %q) = %d, %v; want %d, %v", c.q, c.s, d, full, c.want, c.full)
		}
		if d <= 2 && (end < 0 || end > len(c.s)) {
			t.Errorf("prefixDist(%q, %q): end %d", c.q, c.s, end)
		}
	}
}

func FuzzPrefixDist(f *testing.F) {
	f.Add("hollnade", "francois hollande")
	f.Add("ab", "ba")
	f.Add("ça", "ac ç")
	f.Fuzz(func(t *testing.T, q, s string) {
		if !utf8.ValidString(q) || !utf8.ValidString(s) || q == "" || strings.Contains(q, " ") ||
			utf8.RuneCountInString(q) > maxPattern {
			return
		}
		want, whole := osa(q, s)
		for _, limit := range []int{0, 1, 2, 64} {
			if p := newTypoPattern(q); want <= limit && (!p.mayStart(s, limit) || !p.mayPrefix(s, limit)) {
				t.Fatalf("mayStart or mayPrefix (%q, %q, %d) rules out distance %d", q, s, limit, want)
			}
			got, _, _ := newTypoPattern(q).prefixDist(s, limit)
			if want <= limit && got != want || want > limit && got <= limit {
				t.Fatalf("prefixDist(%q, %q, %d) = %d, want %d", q, s, limit, got, want)
			}
			if strings.Contains(s, " ") {
				continue
			}
			got = newTypoPattern(q).wordDist(s, limit)
			if whole <= limit && got != whole || whole > limit && got <= limit {
				t.Fatalf("wordDist(%q, %q, %d) = %d, want %d", q, s, limit, got, whole)
			}
		}
	})
}

func TestAllowance(t *testing.T) {
	for q, want := range map[string]int{"hol": 0, "ptuin": 1, "hollnade": 2, "jean yves": 2, "le drian": 1, "": 0} {
		if got := allowance(q); got != want {
			t.Errorf("allowance(%q) = %d, want %d", q, got, want)
		}
	}
}

// TestSearchTypos: every kind of typo in the middle of a name finds it
// first, and the hit emphasises letters of the name.
func TestSearchTypos(t *testing.T) {
	text := sample + "\n\nHe will ask Russian Defense Minister Sergey Shoigu to increase strikes."
	x := NewIndex(text, Find(text, nil))
	for _, c := range []struct{ q, want string }{
		{"hollnade", "Hollande"}, {"ptuin", "Putin"}, {"damascis", "Damascus"}, {"shoiigu", "Shoigu"},
		{"hollade", "Hollande"}, {"hollannde", "Hollande"}, {"holande", "Hollande"}, {"pjtin", "Putin"},
		{"moskow", "Moscow"}, {"le drain", "Le Drian"}, {"francios hollande", "Francois Hollande"},
		{"HOLLNADE", "Hollande"}, {"dámascus", "Damascus"},
	} {
		// Typed letter by letter, as in the search box.
		var hits []Hit
		for i := range c.q {
			hits = x.Search(c.q[:i+1], 5)
		}
		if len(hits) == 0 || !strings.Contains(hits[0].Text, c.want) || len(hits[0].Mentions) == 0 {
			t.Errorf("Search(%q) = %v, want %q first", c.q, hits, c.want)
			continue
		}
		r := []rune(hits[0].Text)
		if len(hits[0].Matched) < 3 {
			t.Errorf("Search(%q): %q emphasises only %v", c.q, hits[0].Text, hits[0].Matched)
		}
		for _, i := range hits[0].Matched {
			if i < 0 || i >= len(r) {
				t.Errorf("Search(%q): matched index %d outside %q", c.q, i, hits[0].Text)
			}
		}
	}
	// Typed from scratch, the same answer.
	x2 := NewIndex(text, Find(text, nil))
	if a, b := x.Search("ptuin", 5), x2.Search("ptuin", 5); len(a) != len(b) || a[0].Text != b[0].Text {
		t.Errorf("letter by letter %v, at once %v", a, b)
	}
	// Exact and prefix matches rank above typo matches.
	if h := x.Search("paris", 3); len(h) == 0 || h[0].Text != "Paris" {
		t.Errorf("paris: %v", h)
	}
	// Short words forgive nothing: "hol" is not "hal" or "pol".
	for _, h := range x.Search("hol", 20) {
		if !strings.Contains(Fold(h.Text), "hol") && !isSubseq("hol", Fold(h.Text)) {
			t.Errorf("hol found %q", h.Text)
		}
	}
}

// TestTypoExhaustive compares the bit-parallel distances and the start
// filter with the plain programme on every pair of short strings over a
// small alphabet, where near matches abound.
func TestTypoExhaustive(t *testing.T) {
	var all func(n int) []string
	all = func(n int) []string {
		if n == 0 {
			return []string{""}
		}
		var out []string
		for _, s := range all(n - 1) {
			for _, c := range "abc" {
				out = append(out, s+string(c))
			}
		}
		return out
	}
	var qs, ss []string
	for n := 1; n <= 5; n++ {
		qs = append(qs, all(n)...)
	}
	for n := 0; n <= 5; n++ {
		ss = append(ss, all(n)...)
	}
	// Targets of several words: the filters skip spaces as prefixDist does.
	for _, s := range all(4) {
		ss = append(ss, s[:1]+" "+s[1:], s[:2]+" "+s[2:])
	}
	for _, q := range qs {
		p := newTypoPattern(q)
		for _, s := range ss {
			want, whole := osa(q, s)
			for limit := 0; limit <= 2; limit++ {
				got, _, _ := p.prefixDist(s, limit)
				if want <= limit && (got != want || !p.mayStart(s, limit)) || want > limit && got <= limit {
					t.Fatalf("prefixDist(%q, %q, %d) = %d (mayStart %v), want %d", q, s, limit, got, p.mayStart(s, limit), want)
				}
				if want <= limit && !p.mayPrefix(s, limit) {
					t.Fatalf("mayPrefix(%q, %q, %d) is false at distance %d", q, s, limit, want)
				}
				if strings.Contains(s, " ") {
					continue // wordDist reads one word
				}
				if wd := p.wordDist(s, limit); whole <= limit && wd != whole || whole > limit && wd <= limit {
					t.Fatalf("wordDist(%q, %q, %d) = %d, want %d", q, s, limit, wd, whole)
				}
			}
		}
	}
}

// TestMayPrefixRejectsFarStarts: the filter before prefixDist turns away
// targets whose first letters hold too few of the query's letters near
// their places, which mayStart lets through, so that a rescan of every
// target computes few distances.
func TestMayPrefixRejectsFarStarts(t *testing.T) {
	p := newTypoPattern("thit")
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"tabcdefg", false}, // starts with t: mayStart lets it through
		{"htab", false},     // h and t, but t is three places from its own
		{"this", true},
		{"thti", true},
		{"tihtre", true},
		{"th it", true},
		{"xhit", true},
		{"thixx", true},
		{"ahit", true},
	} {
		if got := p.mayPrefix(c.s, 1); got != c.want {
			t.Errorf("mayPrefix(thit, %q, 1) = %v, want %v (mayStart %v)", c.s, got, c.want, p.mayStart(c.s, 1))
		}
	}
	if !newTypoPattern("ab").mayPrefix("xyz", 2) {
		t.Error("mayPrefix(ab, xyz, 2) is false: two edits of a two-letter query reach anything")
	}
	// On an article, most targets mayStart keeps are turned away, and
	// every one within the edits is kept.
	x := NewIndex(SampleArticle(64<<10, 3), nil)
	for _, c := range []struct {
		q string
		d int
	}{{"thit", 1}, {"seaz", 1}, {"houmuoli", 2}, {"zugraiig", 2}} {
		p := newTypoPattern(c.q)
		started, kept := 0, 0
		for id := range x.Len() {
			s := x.norm(int32(id))
			if !p.mayStart(s, c.d) {
				continue
			}
			started++
			near, _, _ := p.prefixDist(s, c.d)
			if p.mayPrefix(s, c.d) {
				kept++
			} else if near <= c.d {
				t.Fatalf("mayPrefix(%q, %q, %d) is false at distance %d", c.q, s, c.d, near)
			}
		}
		if started == 0 || kept*3 > started {
			t.Errorf("%q: mayPrefix kept %d of the %d targets mayStart kept, want at most a third", c.q, kept, started)
		}
	}
}

// TestQuickScore compares quickScore, which looks for the query once, with
// the plain reading of its rule: whole target's prefix, a word's prefix,
// a substring, else scattered letters.
func TestQuickScore(t *testing.T) {
	plain := func(q, s string) int {
		score := 0
		switch {
		case strings.HasPrefix(s, q):
			score = 300
		case strings.Contains(s, " "+q):
			score = 200
		case strings.Contains(s, q):
			score = 100
		default:
			j, last := 0, -2
			for i := 0; i < len(s) && j < len(q); i++ {
				if s[i] == q[j] {
					if i == 0 || s[i-1] == ' ' {
						score += 8
					} else if i == last+1 {
						score += 4
					}
					last = i
					j++
				}
			}
		}
		return score - len(s)
	}
	words := []string{"a", "ab", "ba", "aba", "b a", "bab ab", "abab", "b ab a", "ca b", "aab", "bba ab"}
	for _, q := range []string{"a", "ab", "ba", "aba", "bb"} {
		for _, s := range words {
			for _, s2 := range words {
				s := s + " " + s2
				if got, want := quickScore(q, " "+q, s), plain(q, s); got != want {
					t.Errorf("quickScore(%q, %q) = %d, want %d", q, s, got, want)
				}
			}
		}
	}
}

// TestRescan: the scan over every target keeps each one the plain tests
// keep (long enough, the letters, mayStart and mayPrefix) and few others,
// whatever the targets' first bytes (letters beyond ASCII, a one-letter
// first word).
func TestRescan(t *testing.T) {
	text := SampleArticle(64<<10, 5) + " Ørsted Åland Öland Ü Bahn J R Tolkien ñandú Ñu A B"
	x := NewIndex(text, nil)
	for _, c := range []struct {
		q string
		d int
	}{{"thit", 1}, {"seaz", 1}, {"orst", 1}, {"ørsted", 1}, {"jrto", 1}, {"abc", 1}, {"houmuoli", 2}, {"ølandxyz", 2}, {"ubahnxyz", 2}, {"ab", 2}} {
		p := newTypoPattern(c.q)
		got := x.rescan(p, c.d)
		in := map[int32]bool{}
		for i, id := range got {
			if i > 0 && id <= got[i-1] {
				t.Fatalf("%q: rescan not in index order at %d", c.q, i)
			}
			in[id] = true
		}
		short := uint8(max(p.m-c.d, 0))
		started, want := 0, 0
		for id := range x.Len() {
			s := x.norm(int32(id))
			plain := x.rlen[id] >= short && p.mayMatch(x.masks[id], c.d)
			if plain && p.mayStart(s, c.d) {
				started++
				if p.mayPrefix(s, c.d) {
					want++
					if !in[int32(id)] {
						t.Fatalf("%q: rescan left out %q", c.q, s)
					}
				}
			}
			if !plain && in[int32(id)] {
				t.Fatalf("%q: rescan kept %q (too short or without the letters)", c.q, s)
			}
		}
		t.Logf("%q: mayStart keeps %d, mayPrefix %d, rescan %d", c.q, started, want, len(got))
		if len(got) > 2*want+10 {
			t.Errorf("%q: rescan kept %d targets where mayPrefix keeps %d", c.q, len(got), want)
		}
	}
}
