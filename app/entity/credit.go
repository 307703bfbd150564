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

// creditLine reports whether s is alone on its line but for parentheses
// and slashes between names: a credit ("Reuters", "(Bloomberg)", "DPA /
// Reuters").
func (f *finder) creditLine(s segment) bool {
	start, end := int(f.toks[s.a].bstart), int(f.toks[s.b-1].bend)
	ls := strings.LastIndexByte(f.text[:start], '\n') + 1
	le := len(f.text)
	if i := strings.IndexByte(f.text[end:], '\n'); i >= 0 {
		le = end + i
	}
	// Around it: white space and parentheses, or other credits after a
	// slash.
	rest := func(t string) bool { return strings.Trim(t, " ()") == "" || strings.Contains(t, "/") }
	return rest(f.text[ls:start]) && rest(f.text[end:le])
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
