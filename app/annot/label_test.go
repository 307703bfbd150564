package annot

import (
	"regexp"
	"testing"
)

// CheckColor is hand-written (no regexp at start); it accepts exactly what
// the pattern it replaced accepted.
func TestCheckColorMatchesItsPattern(t *testing.T) {
	re := regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
	for _, c := range []string{"", "#", "#e8590c", "#E8590C", "#aBcDeF", "#0000000", "#00000", "e8590c0", "#g00000",
		"#12345z", " #123456", "#123456 ", "#12 456", "##12345", "#ÿ1234"} {
		if got, want := CheckColor(c) == nil, re.MatchString(c); got != want {
			t.Errorf("CheckColor(%q) accepts %v, the pattern says %v", c, got, want)
		}
	}
}
