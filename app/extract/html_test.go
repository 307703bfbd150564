package extract

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"gloss/app/text"
)

func TestHTMLNewsPage(t *testing.T) {
	src, err := os.ReadFile("testdata/news.html")
	if err != nil {
		t.Fatal(err)
	}
	p, err := HTML(string(src))
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Storm hits Montréal harbour" || p.Byline != "By Zoë Łukasz" || p.Published != "2024-03-05" || p.Whole {
		t.Errorf("title %q byline %q date %q whole %v", p.Title, p.Byline, p.Published, p.Whole)
	}
	body := p.Text
	// The headline and byline are kept apart: the text starts with the article.
	if !strings.HasPrefix(body, "A violent storm struck") {
		t.Errorf("body does not start with the article:\n%s", body)
	}
	for _, want := range []string{
		`damaging boats & piers. "We have never seen this," said Jean-Yves Côté.`,
		"Residents were evacuated to\u00a0the city hall, officials said.\nRoads remain closed.",
		"First point about 😀 emoji\n\nSecond point in العربية and 中文",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "LEAK") || strings.Contains(body, "<") || strings.Contains(body, "color: red") {
		t.Errorf("junk leaked into the body:\n%s", body)
	}
	if strings.Contains(body, "\n\n\n") || strings.Contains(body, "  ") {
		t.Errorf("whitespace not collapsed:\n%q", body)
	}
}

// story is an article long enough for Readability's first pass (500
// characters): four paragraphs, the real article of each fixture below.
var story = []string{
	"The city council voted on Tuesday to close the old harbour bridge to cars, after engineers found that two of its steel supports had rusted through, a decision that will send thousands of commuters onto the ring road.",
	"Mayor Ana Ferreira said the closure would last at least eighteen months, while the council looks for the money to rebuild the supports, and that buses, bicycles and pedestrians would still be allowed across.",
	"Shopkeepers on both banks, who depend on the traffic, said they had not been consulted, and several of them have asked the regional court to suspend the decision until an independent survey is made.",
	"The engineers' report, published on Monday, says the bridge could carry its usual load for a few more months, but that a heavy lorry or a cold winter could make one of the damaged supports give way without warning.",
}

func storyHTML(open, close string) string {
	return open + strings.Join(story, close+open) + close
}

func checkStory(t *testing.T, p text.Page, leaks ...string) {
	t.Helper()
	if p.Whole {
		t.Errorf("the whole page was kept: no article found")
	}
	for _, s := range story {
		if !strings.Contains(p.Text, s) {
			t.Errorf("the article lost %q…:\n%s", s[:40], p.Text)
		}
	}
	for _, l := range leaks {
		if strings.Contains(p.Text, l) {
			t.Errorf("%q leaked into the text:\n%s", l, p.Text)
		}
	}
}

// The causes of the pages the old extractor refused or emptied, each in a
// page of its own.
func TestHTMLCauses(t *testing.T) {
	nav := `<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>`
	tests := []struct {
		name, page string
		leaks      []string
	}{
		{"wrapper whose class says ad", `<html><head><title>Bridge closed to cars for eighteen months</title></head><body>` + nav +
			`<div class="ad-wrapper social sidebar-layout" id="widget-1"><div class="advertisement-free">` + storyHTML("<p>", "</p>") +
			`</div></div><footer>© Gazette</footer></body></html>`, []string{"© Gazette"}},
		{"article inside the one form of an ASP.NET page", `<html><head><title>Bridge closed</title></head><body><form method="post" action="./story.aspx" id="aspnetForm">` +
			`<input type="hidden" name="__VIEWSTATE" value="abc">` + nav + `<div id="ctl00_content">` + storyHTML("<p>", "</p>") +
			`</div></form></body></html>`, []string{"__VIEWSTATE"}},
		{"body of bare text with br and no p", `<html><head><title>Bridge closed</title></head><body>` + nav +
			`<div id="story">` + strings.Join(story, "<br><br>\n") + `</div></body></html>`, nil},
		{"related-articles article beside the real one", `<html><head><title>Bridge closed</title></head><body>` + nav +
			`<main><article class="story">` + storyHTML("<p>", "</p>") + `</article>` +
			`<section class="more"><h2>You may also like</h2>` +
			`<article class="teaser"><h3><a href="/a">Ferry fares to rise in spring</a></h3><p>TEASER-ONE The ferry company says fuel costs more.</p></article>` +
			`<article class="teaser"><h3><a href="/b">New tram line opens</a></h3><p>TEASER-TWO Riders, at last, can cross the river.</p></article>` +
			`</section></main></body></html>`, []string{"TEASER-ONE", "TEASER-TWO"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := HTML(tt.page)
			if err != nil {
				t.Fatal(err)
			}
			checkStory(t, p, append(tt.leaks, "Home", "Sport")...)
		})
	}
}

// A br-separated body keeps its paragraphs.
func TestHTMLBrParagraphs(t *testing.T) {
	p, err := HTML(`<body><div id="story">` + strings.Join(story, "<br><br>\n") + `</div></body>`)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(p.Text, "\n\n"); got != len(story)-1 {
		t.Errorf("%d paragraph breaks, want %d:\n%s", got, len(story)-1, p.Text)
	}
}

// Headline, byline and date at the head of the article go to their fields;
// metadata (JSON-LD here) fills them when the page has it.
func TestHTMLLead(t *testing.T) {
	page := `<html><head><title>Bridge closed to cars | The Gazette</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Bridge closed to cars for eighteen months","author":{"@type":"Person","name":"Marta Silva"},"datePublished":"2025-11-04T08:00:00+01:00"}</script>
</head><body><article><h1>Bridge closed to cars for eighteen months</h1><p>By Marta Silva</p><p>Published 4 November 2025</p>` +
		storyHTML("<p>", "</p>") + `</article></body></html>`
	p, err := HTML(page)
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Bridge closed to cars for eighteen months" || p.Byline != "Marta Silva" || p.Published != "2025-11-04" {
		t.Errorf("title %q byline %q date %q", p.Title, p.Byline, p.Published)
	}
	if !strings.HasPrefix(p.Text, story[0]) {
		t.Errorf("the text does not start with the article:\n%s", p.Text)
	}
	// Without metadata the lines themselves give the byline and date.
	p, err = HTML(`<body><div><h1>Bridge closed</h1><p>Par Jean Dupont</p><p>March 3, 2024</p>` + storyHTML("<p>", "</p>") + `</div></body>`)
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Bridge closed" || p.Byline != "Par Jean Dupont" || p.Published != "2024-03-03" || !strings.HasPrefix(p.Text, story[0]) {
		t.Errorf("title %q byline %q date %q text %.60q", p.Title, p.Byline, p.Published, p.Text)
	}
}

// A page whose text sits outside any article block is kept whole, never
// refused; a page with no visible text at all is.
func TestHTMLWhole(t *testing.T) {
	p, err := HTML(`<html><head><title>Menu</title></head><body><aside>Opening hours: 9 to 5, Monday to Friday</aside></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Whole || p.Text != "Opening hours: 9 to 5, Monday to Friday" || p.Title != "Menu" {
		t.Errorf("whole %v text %q title %q", p.Whole, p.Text, p.Title)
	}
	a, notes, err := text.Load("menu.html", []byte(`<body><aside>Opening hours: 9 to 5</aside></body>`))
	if err != nil || a.Text != "Opening hours: 9 to 5" || !slices.Contains(notes, text.NoticeWholePage) {
		t.Errorf("Load = %q %v %v, want the visible text and a notice", a.Text, notes, err)
	}
	for _, src := range []string{"<script>x</script><style>p{}</style>", `<body><p hidden>x</p><img alt="a"></body>`} {
		if _, err := HTML(src); !errors.Is(err, text.ErrNoText) {
			t.Errorf("HTML(%q) = %v, want text.ErrNoText", src, err)
		}
	}
}

func TestHTMLFragments(t *testing.T) {
	tests := []struct {
		name, src, title, body string
	}{
		{"fragment", "<p>One &amp; two</p><p>Three&nbsp;&lt;b&gt;</p>", "", "One & two\n\nThree\u00a0<b>"},
		{"og title", `<meta property="og:title" content="OG Title"><p>Text</p>`, "OG Title", "Text"},
		{"h1 title kept apart", `<body><h1>Head  line</h1><p>Text</p></body>`, "Head line", "Text"},
		{"site suffix kept when short", `<title>Mozilla - Wikipedia</title><p>x</p>`, "Mozilla - Wikipedia", "x"},
		{"site suffix dropped", `<title>A long enough headline for a site | Site</title><p>x</p>`, "A long enough headline for a site", "x"},
		{"pre keeps lines", "<pre>a  b\n  c</pre>", "", "a  b\n  c"},
		{"rtl", `<html dir="rtl"><body><article><h1>עברית</h1><p>שלום עולם</p></article></body></html>`, "עברית", "שלום עולם"},
		{"xss stays text", `<p>&lt;script&gt;alert(1)&lt;/script&gt;<img src=x onerror=alert(2)></p>`, "", "<script>alert(1)</script>"},
		{"numeric entities", "<p>&#128512; &#x4e2d; &eacute;</p>", "", "😀 中 é"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := HTML(tt.src)
			title, body := p.Title, p.Text
			if err != nil {
				t.Fatal(err)
			}
			if title != tt.title || body != tt.body {
				t.Errorf("HTML = %q, %q; want %q, %q", title, body, tt.title, tt.body)
			}
		})
	}
}

func FuzzHTML(f *testing.F) {
	f.Add("<p>One &amp; two</p>")
	f.Add("<article><h1>T</h1><p hidden>x</p><pre>a\n b</pre></article>")
	f.Add("<table><td>a<td>b</table><br><script>x</script>")
	f.Add("<p>\xff\xfe</p><!-- c --><div class=ad>x</div>")
	if src, err := os.ReadFile("testdata/news.html"); err == nil {
		f.Add(string(src))
	}
	f.Fuzz(func(t *testing.T, src string) {
		p, _ := HTML(src)
		title, body := p.Title, p.Text
		if !utf8.ValidString(title) || !utf8.ValidString(body) {
			// x/net/html passes invalid bytes through; Load decodes first.
			if utf8.ValidString(src) {
				t.Fatalf("HTML(%q) produced invalid UTF-8", src)
			}
		}
	})
}

func BenchmarkHTML(b *testing.B) {
	src, err := os.ReadFile("testdata/news.html")
	if err != nil {
		b.Fatal(err)
	}
	// A long page: the article's paragraphs repeated.
	page := strings.Replace(string(src), "<aside>", strings.Repeat("<p>"+strings.Join(story, " ")+"</p>\n", 100)+"<aside>", 1)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := HTML(page); err != nil {
			b.Fatal(err)
		}
	}
}

// The text/html of a clipboard keeps all its visible paragraphs, without
// markup, scripts or hidden parts; FromClipboardHTML reads it here.
func TestFromClipboardHTML(t *testing.T) {
	a, _, err := text.FromClipboardHTML(`<meta charset="utf-8"><h2 style="color:red">Bridge closed</h2><p>The council <b>voted</b>.</p><nav>Home</nav><script>x()</script><p hidden>LEAK</p>`, "plain")
	if err != nil || a.Kind != text.KindHTML || a.Text != "Bridge closed\n\nThe council voted.\n\nHome" || a.Title != "Bridge closed" {
		t.Errorf("FromClipboardHTML = %q %q %q %v", a.Kind, a.Title, a.Text, err)
	}
	a, _, err = text.FromClipboardHTML(`<img src="x.png">`, "Only plain")
	if err != nil || a.Kind != text.KindText || a.Text != "Only plain" {
		t.Errorf("HTML without text: %q %q %v, want the plain text", a.Kind, a.Text, err)
	}
}

// asidePage is a news page whose article block, as Readability finds it,
// holds a photo's caption, a menu, related stories, a breadcrumb and a
// share button beside the article's own list and a section whose id is a
// heading's slug.
const asidePage = `<!DOCTYPE html><html><head><title>Port strike ends</title></head><body>
<article>
<h1>Port strike ends</h1>
<div id="breadcrumb"><a href="/">Home</a> » <a href="/news">News</a></div>
<ul role="menu"><li><a href="/">Home</a></li><li><a href="/sports">Sports</a></li><li><a href="/jobs">Jobs</a></li></ul>
<p>The dock workers of Rotterdam ended their strike on Tuesday after the union and the port authority agreed on wages, a spokesman for the union said in a statement.</p>
<figure><img src="a.jpg" alt=""><figcaption>Dock workers at the Maasvlakte terminal. Photo: Jan de Vries, ANP</figcaption></figure>
<p>The agreement raises pay by four percent this year and three percent next year, and it keeps the night shifts that the port authority had wanted to cut from the contract.</p>
<p>The union listed what the workers won:</p>
<ul><li>a raise of four percent, backed by the <a href="/deal">full agreement</a> text</li><li>the night shifts kept</li></ul>
<section id="sharing-with-the-port-and-the-city-council"><p>Shipping companies said the ships that waited at anchor for a week would be unloaded by the end of the month, and the city council welcomed the end of the strike.</p></section>
<div id="share-buttons"><a href="#">Share</a> <a href="#">Tweet</a></div>
<p>More on this story:</p>
<ul><li><a href="/a">Strike halts Rotterdam port</a></li><li><a href="/b">Union rejects first offer</a></li><li><a href="/c">Ships wait at anchor</a></li></ul>
</article></body></html>`

func TestHTMLAsides(t *testing.T) {
	p, err := HTML(asidePage)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"The dock workers of Rotterdam ended their strike",
		"The agreement raises pay",
		"a raise of four percent, backed by the full agreement text",
		"the night shifts kept",
		"Shipping companies said",
	} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, p.Text)
		}
	}
	for _, aside := range []string{"Photo: Jan de Vries", "Maasvlakte", "Sports", "Jobs", "Tweet", "Strike halts Rotterdam port", "Union rejects first offer", "Home"} {
		if strings.Contains(p.Text, aside) {
			t.Errorf("text holds %q, not the article's:\n%s", aside, p.Text)
		}
	}
}

// A photo essay's captions are its text: they stay.
func TestHTMLPhotoEssayCaptions(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><title>A year on the river</title></head><body><article><h1>A year on the river</h1>
<p>The photographer followed the barge crews of the Rhine from January to December, in ice and in flood.</p>`)
	for _, c := range []string{
		"January: the crew of the Helena breaks the ice at dawn near Duisburg, where the river froze for the first time in a decade.",
		"April: floodwater covers the quay at Koblenz while the captain checks the mooring lines before the night.",
		"August: low water leaves the barges half loaded, and the crews wait for rain at the Kaub gauge.",
	} {
		b.WriteString(`<figure><img src="x.jpg" alt=""><figcaption>` + c + `</figcaption></figure>`)
	}
	b.WriteString(`</article></body></html>`)
	p, err := HTML(b.String())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"breaks the ice at dawn", "floodwater covers the quay", "low water leaves the barges"} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("text lacks the caption %q:\n%s", want, p.Text)
		}
	}
}

// The furniture a page names by id or role goes, whatever Readability
// left of it; a heading's slug that holds such a word does not.
func TestIsAside(t *testing.T) {
	for _, c := range []struct {
		html string
		want bool
	}{
		{`<div id="breadcrumb"><a href="/">Home</a> » News</div>`, true},
		{`<div id="share-buttons"><a href="#">Share</a></div>`, true},
		{`<p id="caption-attachment-20710">The palace stage at night</p>`, true},
		{`<div id="nav_subscribe">Subscribe</div>`, true},
		{`<div role="menu"><span>Home</span> <span>Sports</span></div>`, true},
		{`<nav><span>Home</span></nav>`, true},
		{`<ul><li><a href="/a">Strike halts the port</a></li><li><a href="/b">Union rejects offer</a></li></ul>`, true},
		{`<ul><li>a raise, in the <a href="/deal">agreement</a></li><li>night shifts kept</li></ul>`, false},
		{`<ul><li><a href="/a">Only one link</a></li></ul>`, false},
		{`<section id="sharing-with-a-single-developer"><p>Text</p></section>`, false},
		{`<div id="story-body"><p>Text</p></div>`, false},
	} {
		doc, err := html.Parse(strings.NewReader("<body>" + c.html + "</body>"))
		if err != nil {
			t.Fatal(err)
		}
		n := findNode(doc, func(n *html.Node) bool {
			return n.DataAtom != atom.Html && n.DataAtom != atom.Head && n.DataAtom != atom.Body
		})
		if got := isAside(n, 1000); got != c.want {
			t.Errorf("isAside(%s) = %v, want %v", c.html, got, c.want)
		}
	}
}

// Captions and photo credits written as paragraphs go; the article's own
// paragraphs stay, one that mentions a credit or a photo too.
func TestDropCredits(t *testing.T) {
	paras := []string{
		"The dock workers of Rotterdam ended their strike on Tuesday.",
		"Photo: Jan de Vries, ANP",
		"Dock workers at the Maasvlakte terminal on Monday. (AP Photo/Peter Dejong)",
		"Ships wait at anchor off Hoek van Holland (Image: GETTY)",
		"The terminal at dawnCredit: EPA",
		"The union took credit: the deal raises pay by four percent this year, its leader said, and keeps the night shifts.",
		"A photo of the picket line went round the world (see the gallery) and the mayor praised the workers.",
	}
	p := text.Page{Text: strings.Join(paras, "\n\n")}
	dropCredits(&p)
	want := strings.Join([]string{paras[0], paras[5], paras[6]}, "\n\n")
	if p.Text != want {
		t.Errorf("got\n%s\nwant\n%s", p.Text, want)
	}
	p = text.Page{Text: "Photo: Jan de Vries, ANP"}
	if dropCredits(&p); p.Text != "Photo: Jan de Vries, ANP" {
		t.Errorf("a text that is one credit became %q", p.Text)
	}
}

// A block that is mostly a list of links keeps it rather than fall back to
// the page's menus and footer.
func TestHTMLAsidesNotAll(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Reading list</title></head><body>
<div><a href="/">Home</a> <a href="/about">About us</a> <a href="/contact">Contact</a> <a href="/jobs">Jobs</a></div>
<article><h1>Reading list</h1><p>Our picks this week, chosen by the editors from the stories readers shared most.</p><ul>
<li><a href="/a">The port strike that stopped Rotterdam for a week and what it cost</a></li>
<li><a href="/b">How the union won its raise after the longest strike in decades</a></li>
<li><a href="/c">Ships at anchor: a photo essay from the North Sea coast</a></li>
<li><a href="/d">The night shifts the port wanted to cut, and why they stayed</a></li>
</ul></article>
<footer>© The Gazette. All rights reserved. Terms of use. Privacy policy. Cookie settings.</footer></body></html>`
	p, err := HTML(page)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Text, "The port strike that stopped Rotterdam") || strings.Contains(p.Text, "All rights reserved") {
		t.Errorf("text:\n%s", p.Text)
	}
}
