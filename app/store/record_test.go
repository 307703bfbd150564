package store

import (
	"regexp"
	"testing"
)

// The record checks are hand-written (no regexp at start); they accept
// exactly what the regexps they replaced accepted.
func TestRecordChecksMatchTheirPatterns(t *testing.T) {
	idRE := regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)
	newerRE := regexp.MustCompile(`^G([0-9]{1,4})\n`)
	long := "a123456789b123456789c123456789d123456789e123456789f123456789g123"
	cases := []string{"", "a", "Z9", "a-b_c", long, long + "4", long + "45", "a b", "é", "a/b", "a.b", "-",
		"G1\n", "G\n", "G12\nx", "G1234\n", "G12345\n", "G12", "g1\n", "G1 \n", "xG1\n", "G", "G0\n{}", "1\n"}
	for _, c := range cases {
		if got, want := validID(c), idRE.MatchString(c); got != want {
			t.Errorf("validID(%q) = %v, the pattern says %v", c, got, want)
		}
		v, ok := newerFormat(c)
		m := newerRE.FindStringSubmatch(c)
		if ok != (m != nil) || ok && v != m[1] {
			t.Errorf("newerFormat(%q) = %q, %v; the pattern says %q", c, v, ok, m)
		}
	}
}
