package text

// Page is what package extract finds in a web page. Title, byline and date are
// kept apart from Text so that the text starts with the article.
type Page struct {
	Title     string
	Byline    string // the author line, as the page gives it
	Published string // the publication date, YYYY-MM-DD, when the page says it
	Site      string // the site's name
	Text      string // paragraphs separated by "\n\n"
	// Whole is true when no article block was found: Text is then all the
	// visible text of the page, furniture included.
	Whole bool
}
