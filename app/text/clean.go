package text

import "strings"

// CleanArticle makes an article's text (pasted, dropped or extracted from a
// page) canonical for storage: CRLF and CR become LF, NUL and the other C0
// controls except tab and newline are dropped, trailing spaces and tabs of
// lines are trimmed, runs of blank lines collapse to one (at most two
// consecutive newlines) and leading and trailing blank lines are trimmed.
// Load and FromPaste use it; annotation importers must not, as they keep a
// file's text exactly.
func CleanArticle(s string) string {
	if isNormal(s) {
		return s
	}
	return normalize(s)
}

// normalize is CleanArticle without the fast path.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	blank := 0 // blank lines seen since the last written line
	wrote := false
	for len(s) > 0 {
		// Next line, ended by \n, \r\n or \r.
		i := strings.IndexAny(s, "\r\n")
		line, rest := s, ""
		if i >= 0 {
			line, rest = s[:i], s[i+1:]
			if s[i] == '\r' && len(rest) > 0 && rest[0] == '\n' {
				rest = rest[1:]
			}
		}
		s = rest
		line = strings.TrimRight(dropControls(line), " \t")
		if line == "" {
			blank++
			continue
		}
		if wrote {
			b.WriteByte('\n')
			if blank > 0 {
				b.WriteByte('\n')
			}
		}
		b.WriteString(line)
		wrote = true
		blank = 0
	}
	return b.String()
}

// isNormal reports whether CleanArticle would return s unchanged, so the common
// case allocates nothing.
func isNormal(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == '\n' || s[len(s)-1] == '\n' {
		return false
	}
	nl := 0
	for i := 0; i < len(s); i++ {
		if nl == 0 {
			// Only a control byte (a newline among them) needs a look here.
			if i = controlAt(s, i); i == len(s) {
				break
			}
		}
		c := s[i]
		switch {
		case c == '\n':
			if i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
				return false
			}
			nl++
			if nl > 2 {
				return false
			}
			continue
		case c < 0x20 && c != '\t':
			return false
		}
		if nl > 0 && (c == ' ' || c == '\t') {
			// A line of only spaces after a newline would be trimmed.
			j := i
			for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			if j == len(s) || s[j] == '\n' {
				return false
			}
		}
		nl = 0
	}
	return s[len(s)-1] != ' ' && s[len(s)-1] != '\t' && !startsBlank(s)
}

// startsBlank reports whether s begins with a line of only spaces and tabs.
func startsBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t':
			continue
		case '\n':
			return true
		}
		return false
	}
	return true
}

func dropControls(line string) string {
	for i := 0; i < len(line); i++ {
		if c := line[i]; c < 0x20 && c != '\t' {
			return strings.Map(func(r rune) rune {
				if r < 0x20 && r != '\t' {
					return -1
				}
				return r
			}, line)
		}
	}
	return line
}
