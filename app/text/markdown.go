package text

import "strings"

// FromMarkdown renders Markdown to plain text. (placeholder)
func FromMarkdown(src string) (title, body string) { return "", strings.TrimSpace(src) }
