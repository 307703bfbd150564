package entity

import "strings"

// creditInitials reports whether the mention at tokens a..b-1 is a short
// word in capitals alone on its line in parentheses ("(KS)", "(ABx)"): a
// credit, which papers sign with the writer's initials.
func (f *finder) creditInitials(a, b int) bool {
	if b != a+1 || capitals(f.surface(a, b)) < 2 || f.toks[a].end-f.toks[a].start > 4 {
		return false
	}
	start := int(f.toks[a].bstart)
	end := int(f.toks[a].bend)
	ls := strings.LastIndexByte(f.text[:start], '\n') + 1
	le := len(f.text)
	if i := strings.IndexByte(f.text[end:], '\n'); i >= 0 {
		le = end + i
	}
	return strings.TrimSpace(f.text[ls:start]) == "(" && strings.TrimSpace(f.text[end:le]) == ")"
}

// capitals counts the upper-case letters of s.
func capitals(s string) int {
	n := 0
	for _, r := range s {
		if isUpper(r) {
			n++
		}
	}
	return n
}
