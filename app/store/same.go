package store

import "unicode/utf8"

// WithText returns the listing entry of an article whose text is exactly
// text, so loading the same article twice can offer the one already kept.
// Only articles of the same length are read; the most recently updated
// match wins.
func (l *Library) WithText(text string) (Meta, bool) {
	n := utf8.RuneCountInString(text)
	for _, m := range l.List() {
		if m.Chars != n {
			continue
		}
		if d, err := l.Load(m.ID); d.Text == text && (err == nil || d.Text != "") {
			return m, true
		}
	}
	return Meta{}, false
}
