package annot

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// span returns the code point offsets of the nth (0-based) occurrence of
// quote in text.
func span(t testing.TB, text, quote string, nth int) (int, int) {
	t.Helper()
	from := 0
	for i := 0; ; i++ {
		j := strings.Index(text[from:], quote)
		if j < 0 {
			t.Fatalf("%q has no occurrence %d of %q", text, nth, quote)
		}
		if i == nth {
			s := utf8.RuneCountInString(text[:from+j])
			return s, s + utf8.RuneCountInString(quote)
		}
		from += j + len(quote)
	}
}

func TestReanchor(t *testing.T) {
	type want struct {
		text   string // expected quote in the new text; "" means orphan
		nth    int    // which occurrence of text in the new text
		reason string // part of the orphan's reason
	}
	tests := []struct {
		name       string
		old, new   string
		quote      string
		nth        int
		want       want
		emptyQuote bool // annotation without Text: the quote comes from the old text
	}{
		{name: "unchanged", old: "Paris is big.", new: "Paris is big.", quote: "Paris", want: want{text: "Paris"}},
		{name: "inserted before", old: "Paris is big.", new: "Today, Paris is big.", quote: "Paris", want: want{text: "Paris"}},
		{name: "deleted before", old: "Yesterday and today, Paris is big.", new: "Today, Paris is big.", quote: "Paris", want: want{text: "Paris"}},
		{name: "inserted after", old: "Paris is big.", new: "Paris is big. And old.", quote: "big", want: want{text: "big"}},
		{name: "no text, quote from old", old: "Paris is big.", new: "Oh. Paris is big.", quote: "Paris", emptyQuote: true, want: want{text: "Paris"}},
		{name: "accents", old: "Le palais de l’Élysée, café crème.", new: "Hier, à Noël, le palais de l’Élysée, café crème.", quote: "Élysée", want: want{text: "Élysée"}},
		{name: "emoji outside the BMP", old: "🙂🙂 Macron said 🎉 yes", new: "🎉🎉🎉 new 🙂🙂 Macron said 🎉 yes", quote: "Macron", want: want{text: "Macron"}},
		{name: "emoji in the span", old: "a 🙂🎉 b", new: "x𝄞 a 🙂🎉 b", quote: "🙂🎉", want: want{text: "🙂🎉"}},
		{name: "CJK", old: "北京是中国的首都。上海很大。", new: "今天：北京是中国的首都。上海很大。", quote: "上海", want: want{text: "上海"}},
		{name: "RTL", old: "زار الرئيس القاهرة أمس.", new: "في الصباح، زار الرئيس القاهرة أمس.", quote: "القاهرة", want: want{text: "القاهرة"}},
		{name: "Hebrew with edit after", old: "ירושלים היא עיר. תל אביב", new: "ירושלים היא עיר גדולה. תל אביב", quote: "תל אביב", want: want{text: "תל אביב"}},
		{name: "CRLF to LF", old: "One line.\r\nThen Paris is here.\r\nAnd Le Drian too.\r\n", new: "One line.\nThen Paris is here.\nAnd Le Drian too.\n", quote: "Le Drian", want: want{text: "Le Drian"}},
		{name: "CRLF to LF across lines", old: "Intro.\r\nJean-Yves\r\nLe Drian spoke.\r\n", new: "Intro.\nJean-Yves\nLe Drian spoke.\n", quote: "Jean-Yves\r\nLe Drian", want: want{text: "Jean-Yves\nLe Drian"}},
		{name: "word edited slightly", old: "The minister Le Drian spoke in Rome today.", new: "The minister Le Drain spoke in Rome today.", quote: "Le Drian", want: want{text: "Le Drain"}},
		{name: "word edited and text inserted", old: "The minister Le Drian spoke in Rome today.", new: "Breaking. The minister Jean-Yves Le Drain spoke in Rome today.", quote: "Le Drian", want: want{text: "Le Drain"}},
		{name: "word deleted", old: "Talks in Moscow ended on Friday.", new: "Talks ended on Friday.", quote: "Moscow", want: want{reason: "“Moscow” is no longer in the article"}},
		{name: "short word deleted is not fuzzy", old: "He met the EU envoy.", new: "He met the US envoy.", quote: "EU", want: want{reason: "“EU” is no longer in the article"}},
		{name: "word replaced by another", old: "Talks in Moscow ended.", new: "Talks in Berlin ended.", quote: "Moscow", want: want{reason: "no longer"}},
		{
			name:  "duplicates, context decides after reorder",
			old:   "Paris in spring is wet.\nThe Louvre is in Paris and it is huge.\nSome other line.\n",
			new:   "Some other line.\nThe Louvre is in Paris and it is huge.\nParis in spring is wet.\n",
			quote: "Paris", nth: 1, want: want{text: "Paris"},
		},
		{
			name:  "reordered paragraphs",
			old:   "First paragraph about Berlin.\n\nSecond paragraph about Angela Merkel and more.\n\nThird about Rome.\n",
			new:   "Third about Rome.\n\nSecond paragraph about Angela Merkel and more.\n\nFirst paragraph about Berlin.\n",
			quote: "Berlin", want: want{text: "Berlin"},
		},
		{
			name:  "reordered paragraphs, both moved",
			old:   "A1 Rome.\n\nB2 paragraph about Angela Merkel and more.\n\nC3 about Lima.\n\nD4 end.\n",
			new:   "D4 end.\n\nC3 about Lima.\n\nB2 paragraph about Angela Merkel and more.\n\nA1 Rome.\n",
			quote: "Angela Merkel", want: want{text: "Angela Merkel"},
		},
		{
			name:  "span text edited and quote now elsewhere in a new context",
			old:   "He flew to Paris on Monday with aides.",
			new:   "He flew to Lyon on Monday with aides. Paris later.",
			quote: "Paris", want: want{reason: "now occurs only"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, e := span(t, tc.old, tc.quote, tc.nth)
			a := Annotation{ID: "a1", Start: s, End: e, Label: "LOC", Text: tc.quote, Note: "n"}
			if tc.emptyQuote {
				a.Text = ""
			}
			placed, orphans := Reanchor(tc.old, tc.new, []Annotation{a})
			if len(placed)+len(orphans) != 1 {
				t.Fatalf("got %d placed and %d orphans, want 1 in all", len(placed), len(orphans))
			}
			if tc.want.text == "" {
				if len(orphans) != 1 {
					t.Fatalf("placed at %d-%d %q, want an orphan", placed[0].Start, placed[0].End, placed[0].Text)
				}
				if orphans[0].Annotation != a {
					t.Errorf("orphan changed: %+v, want %+v", orphans[0].Annotation, a)
				}
				if !strings.Contains(orphans[0].Reason, tc.want.reason) {
					t.Errorf("reason %q, want it to contain %q", orphans[0].Reason, tc.want.reason)
				}
				return
			}
			if len(placed) != 1 {
				t.Fatalf("orphan (%s), want placed at %q", orphans[0].Reason, tc.want.text)
			}
			ws, we := span(t, tc.new, tc.want.text, tc.want.nth)
			p := placed[0]
			want := Annotation{ID: "a1", Start: ws, End: we, Label: "LOC", Text: tc.want.text, Note: "n"}
			if p != want {
				t.Errorf("placed %+v, want %+v", p, want)
			}
		})
	}
}

func TestReanchorDuplicatesWithoutDiff(t *testing.T) {
	// Old and new share nothing line by line, so the diff gives up and
	// every span is searched: the context must decide between duplicates.
	var old, nw strings.Builder
	for i := 0; i < 700; i++ {
		fmt.Fprintf(&old, "old line %d\n", i)
	}
	old.WriteString("the treaty signed in Paris by both sides\n")
	for i := 0; i < 700; i++ {
		fmt.Fprintf(&old, "old tail %d\n", i)
	}
	for i := 0; i < 700; i++ {
		fmt.Fprintf(&nw, "new line %d\n", i)
		switch i {
		case 10:
			nw.WriteString("a walk in Paris at night\n")
		case 300:
			nw.WriteString("the treaty signed in Paris by both sides\n")
		case 650:
			nw.WriteString("cafés of Paris are busy\n")
		}
	}
	if _, complete := diffSegments([]rune(old.String()), []rune(nw.String())); complete {
		t.Fatal("the line diff should have given up on this rewrite")
	}
	s, e := span(t, old.String(), "Paris", 0)
	a := Annotation{ID: "x", Start: s, End: e, Label: "LOC", Text: "Paris"}
	placed, orphans := Reanchor(old.String(), nw.String(), []Annotation{a})
	ws, _ := span(t, nw.String(), "Paris", 1)
	if len(placed) != 1 || placed[0].Start != ws {
		t.Fatalf("placed %+v orphans %+v; want the Paris of the treaty at %d", placed, orphans, ws)
	}

	// Now the treaty sentence is gone: three Paris, none in its context.
	other := strings.Replace(nw.String(), "the treaty signed in Paris by both sides", "it rained in Paris again", 1)
	placed, orphans = Reanchor(old.String(), other, []Annotation{a})
	if len(orphans) != 1 || !strings.Contains(orphans[0].Reason, "“Paris” occurs 3 times and the context no longer tells which") {
		t.Fatalf("placed %+v orphans %+v; want an ambiguous orphan", placed, orphans)
	}
}

func TestReanchorKeepsOrderAndFields(t *testing.T) {
	old := "Alice met Bob in Moscow and then Carol."
	nw := "Yesterday Alice met Bob and then Carol."
	var as []Annotation
	for i, q := range []string{"Carol", "Moscow", "Alice", "Bob"} {
		s, e := span(t, old, q, 0)
		as = append(as, Annotation{ID: fmt.Sprint(i), Start: s, End: e, Label: "PER", Text: q, Note: q})
	}
	placed, orphans := Reanchor(old, nw, as)
	var ids []string
	for _, p := range placed {
		ids = append(ids, p.ID)
		if p.Note != p.Text || p.Label != "PER" {
			t.Errorf("fields lost: %+v", p)
		}
		if got := string([]rune(nw)[p.Start:p.End]); got != p.Text {
			t.Errorf("%+v: new text there is %q", p, got)
		}
	}
	if strings.Join(ids, ",") != "0,2,3" {
		t.Errorf("placed IDs %v, want 0,2,3 in input order", ids)
	}
	if len(orphans) != 1 || orphans[0].ID != "1" {
		t.Errorf("orphans %+v, want Moscow", orphans)
	}
}

func TestReanchorInvalid(t *testing.T) {
	as := []Annotation{
		{ID: "1", Start: 5, End: 3, Label: "X"},                 // no text, reversed
		{ID: "2", Start: 0, End: 99, Label: "X"},                // no text, out of range
		{ID: "3", Start: 40, End: 45, Label: "X", Text: "beta"}, // stale offsets, text unique
	}
	placed, orphans := Reanchor("alpha beta", "alpha beta gamma", as)
	if len(orphans) != 3 || !strings.Contains(orphans[0].Reason, "no text") || !strings.Contains(orphans[1].Reason, "not in the old article") ||
		!strings.Contains(orphans[2].Reason, "in a different context") {
		t.Errorf("orphans %+v", orphans)
	}
	// A unique quote with no usable old position has no context to agree
	// with: it is not guessed.
	if len(placed) != 0 {
		t.Errorf("placed %+v, want none", placed)
	}
}

// randomText mixes ASCII, accents, CJK, RTL, emoji and line endings.
func randomText(r *rand.Rand, n int) string {
	pieces := []string{"a", "b", "Paris", " ", " ", "\n", "\r\n", "é", "É", "北京", "🙂", "𝄞", "القاهرة", ".", ",", "Le Drian", "x"}
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(pieces[r.Intn(len(pieces))])
	}
	return b.String()
}

func randomAnnotations(r *rand.Rand, text string, n int) []Annotation {
	rs := []rune(text)
	var as []Annotation
	for i := 0; i < n && len(rs) > 0; i++ {
		s := r.Intn(len(rs))
		e := min(len(rs), s+1+r.Intn(12))
		a := Annotation{ID: fmt.Sprint(i), Start: s, End: e, Label: "L"}
		if r.Intn(2) == 0 {
			a.Text = string(rs[s:e])
		}
		as = append(as, a)
	}
	return as
}

func TestReanchorSameTextPlacesEverything(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	for iter := 0; iter < 300; iter++ {
		text := randomText(r, 1+r.Intn(400))
		as := randomAnnotations(r, text, 20)
		placed, orphans := Reanchor(text, text, as)
		if len(orphans) != 0 {
			t.Fatalf("%q: orphans %+v", text, orphans)
		}
		for i, p := range placed {
			want := as[i]
			want.Text = string([]rune(text)[want.Start:want.End])
			if p != want {
				t.Fatalf("%q: placed %+v, want %+v", text, p, want)
			}
		}
	}
}

func TestReanchorRandomEdits(t *testing.T) {
	// Whatever the edit, placed spans hold their quote in the new text and
	// nothing is lost.
	r := rand.New(rand.NewSource(11))
	for iter := 0; iter < 300; iter++ {
		old := randomText(r, 1+r.Intn(600))
		nw := mutate(r, old)
		as := randomAnnotations(r, old, 15)
		checkReanchor(t, old, nw, as)
	}
}

func mutate(r *rand.Rand, s string) string {
	rs := []rune(s)
	for n := r.Intn(4); n >= 0; n-- {
		i := r.Intn(len(rs) + 1)
		switch r.Intn(3) {
		case 0:
			rs = append(rs[:i], append([]rune(randomText(r, r.Intn(30))), rs[i:]...)...)
		case 1:
			j := min(len(rs), i+r.Intn(20))
			rs = append(rs[:i], rs[j:]...)
		default:
			if i < len(rs) {
				rs[i] = 'z'
			}
		}
	}
	return string(rs)
}

func checkReanchor(t testing.TB, old, nw string, as []Annotation) {
	t.Helper()
	placed, orphans := Reanchor(old, nw, as)
	if len(placed)+len(orphans) != len(as) {
		t.Fatalf("%d placed + %d orphans for %d annotations", len(placed), len(orphans), len(as))
	}
	rs := []rune(nw)
	for _, p := range placed {
		if p.Start < 0 || p.Start >= p.End || p.End > len(rs) {
			t.Fatalf("placed span %d-%d outside the new text (%d)", p.Start, p.End, len(rs))
		}
		if got := string(rs[p.Start:p.End]); got != p.Text {
			t.Fatalf("placed %+v but the new text there is %q", p, got)
		}
	}
	for _, o := range orphans {
		if o.Reason == "" {
			t.Fatalf("orphan %+v without a reason", o)
		}
	}
}

func TestMyersDiff(t *testing.T) {
	tok := func(s string) []token {
		var ts []token
		for _, r := range s {
			ts = append(ts, token{h: uint64(r) << 1})
		}
		return ts
	}
	for _, c := range []struct{ a, b string }{
		{"abcabba", "cbabac"}, {"", "abc"}, {"abc", ""}, {"abc", "abc"}, {"xaxbxc", "abc"}, {"kitten", "sitting"},
	} {
		pairs, ok := myers(tok(c.a), tok(c.b), 100)
		if !ok {
			t.Fatalf("%q/%q: gave up", c.a, c.b)
		}
		lcs := lcsLen(c.a, c.b)
		if len(pairs) != lcs {
			t.Errorf("%q/%q: %d equal pairs, want %d", c.a, c.b, len(pairs), lcs)
		}
		pi, pj := -1, -1
		for _, p := range pairs {
			if p[0] <= pi || p[1] <= pj || c.a[p[0]] != c.b[p[1]] {
				t.Errorf("%q/%q: bad pair %v", c.a, c.b, p)
			}
			pi, pj = p[0], p[1]
		}
	}
	if _, ok := myers(tok("aaaaaaaa"), tok("bbbbbbbb"), 10); ok {
		t.Error("16 edits allowed with a bound of 10")
	}
}

func lcsLen(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				d[i][j] = d[i-1][j-1] + 1
			} else {
				d[i][j] = max(d[i-1][j], d[i][j-1])
			}
		}
	}
	return d[len(a)][len(b)]
}

func TestBoundedDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		k    int
		want int
	}{
		{"Le Drian", "Le Drain", 2, 2}, {"kitten", "sitting", 3, 3}, {"kitten", "sitting", 2, 3},
		{"abc", "abc", 0, 0}, {"", "ab", 1, 2}, {"北京市", "北京", 1, 1},
	} {
		if got := boundedDistance([]rune(c.a), []rune(c.b), c.k); got != c.want {
			t.Errorf("boundedDistance(%q, %q, %d) = %d, want %d", c.a, c.b, c.k, got, c.want)
		}
	}
}

func TestLongQuoteEditedInside(t *testing.T) {
	quote := "the committee, after a long and difficult night of talks in Brussels, agreed on the text"
	old := "Intro line.\nIn the end " + quote + " late on Sunday.\nOutro."
	edited := strings.Replace(quote, "difficult", "dificult", 1)
	nw := "Intro line, longer now.\nIn the end " + edited + " late on Sunday.\nOutro."
	s, e := span(t, old, quote, 0)
	placed, orphans := Reanchor(old, nw, []Annotation{{ID: "l", Start: s, End: e, Label: "MISC", Text: quote}})
	if len(placed) != 1 || placed[0].Text != edited {
		t.Fatalf("placed %+v orphans %+v; want the edited sentence", placed, orphans)
	}
}

// article generates a deterministic text of about n bytes with names to
// annotate, and the annotations (every stride-th name).
func article(seed int64, n int, vocab, names []string) string {
	r := rand.New(rand.NewSource(seed))
	var b strings.Builder
	for b.Len() < n {
		for w := 5 + r.Intn(15); w > 0; w-- {
			if r.Intn(6) == 0 && len(names) > 0 {
				b.WriteString(names[r.Intn(len(names))])
			} else {
				b.WriteString(vocab[r.Intn(len(vocab))])
			}
			b.WriteByte(' ')
		}
		b.WriteString(". ")
		if r.Intn(5) == 0 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

var (
	benchVocab = strings.Fields("the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when if so no will what can out more some into them could said time only new about after made also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three")
	benchNames = []string{"Paris", "Moscow", "Le Drian", "Angela Merkel", "Élysée", "北京市", "القاهرة", "🙂 Emoji Corp", "United Nations", "Kyiv"}
	otherVocab = strings.Fields("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo consequat")
)

func annotateNames(t testing.TB, text string, count int) []Annotation {
	t.Helper()
	rs := []rune(text)
	var all []Annotation
	for _, name := range benchNames {
		nr := []rune(name)
		for i := 0; i+len(nr) <= len(rs); i++ {
			if rs[i] == nr[0] && slices.Equal(rs[i:i+len(nr)], nr) {
				all = append(all, Annotation{Start: i, End: i + len(nr), Label: "ENT", Text: name})
			}
		}
	}
	Sort(all)
	stride := max(1, len(all)/count)
	var as []Annotation
	for i := 0; i < len(all) && len(as) < count; i += stride {
		a := all[i]
		a.ID = fmt.Sprint(len(as))
		as = append(as, a)
	}
	return as
}

// smallEdit inserts a sentence in the middle and edits one word near the
// start, as someone correcting an article would.
func smallEdit(text string) string {
	mid := len(text) / 2
	for text[mid] != ' ' {
		mid++
	}
	text = text[:mid] + " Inserted sentence with Paris in it." + text[mid:]
	return strings.Replace(text, " said ", " stated ", 1)
}

func TestReanchor1MBSmallEdit(t *testing.T) {
	old := article(1, 1<<20, benchVocab, benchNames)
	nw := smallEdit(old)
	as := annotateNames(t, old, 2000)
	placed, orphans := Reanchor(old, nw, as)
	if len(placed) != len(as) {
		t.Fatalf("%d of %d placed; orphans: %+v", len(placed), len(as), orphans[:min(3, len(orphans))])
	}
	shift := utf8.RuneCountInString(" Inserted sentence with Paris in it.")
	mid := utf8.RuneCountInString(old[:len(old)/2])
	said := utf8.RuneCountInString(old[:strings.Index(old, " said ")])
	for i, p := range placed {
		a := as[i]
		want := a.Start
		if a.Start > said {
			want += len(" stated ") - len(" said ")
		}
		if a.Start >= mid {
			want += shift
		}
		if p.Start != want || p.Text != a.Text {
			t.Fatalf("annotation %+v placed at %d %q, want %d", a, p.Start, p.Text, want)
		}
	}
}

func TestReanchor1MBRewrite(t *testing.T) {
	old := article(1, 1<<20, benchVocab, benchNames)
	nw := article(2, 1<<20, otherVocab, nil)
	as := annotateNames(t, old, 2000)
	placed, orphans := Reanchor(old, nw, as)
	if len(placed) != 0 || len(orphans) != len(as) {
		t.Fatalf("%d placed, %d orphans; want all %d orphans", len(placed), len(orphans), len(as))
	}
}

func BenchmarkReanchor1MB(b *testing.B) {
	old := article(1, 1<<20, benchVocab, benchNames)
	nw := smallEdit(old)
	as := annotateNames(b, old, 2000)
	b.ResetTimer()
	for b.Loop() {
		Reanchor(old, nw, as)
	}
}

func BenchmarkReanchorRewrite1MB(b *testing.B) {
	old := article(1, 1<<20, benchVocab, benchNames)
	nw := article(2, 1<<20, otherVocab, nil)
	as := annotateNames(b, old, 2000)
	b.ResetTimer()
	for b.Loop() {
		Reanchor(old, nw, as)
	}
}

// The rewritten text shares the vocabulary and the names: every quote is
// found hundreds of times and must be scored, not placed blindly.
func BenchmarkReanchorRewriteSameWords1MB(b *testing.B) {
	old := article(1, 1<<20, benchVocab, benchNames)
	nw := article(3, 1<<20, benchVocab, benchNames)
	as := annotateNames(b, old, 2000)
	b.ResetTimer()
	for b.Loop() {
		Reanchor(old, nw, as)
	}
}
