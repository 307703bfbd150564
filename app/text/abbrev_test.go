package text

import "testing"

func TestIsAbbreviation(t *testing.T) {
	for w, want := range map[string]bool{
		"Mr": true, "Dr": true, "No": true, "no": false, "etc": true, "Etc": true, "Jan": true, "jan": false,
		"me": false, "Me": true, "art": false, "Smith": false, "": false,
	} {
		if got := IsAbbreviation(w); got != want {
			t.Errorf("IsAbbreviation(%q) = %v, want %v", w, got, want)
		}
	}
	for w, want := range map[string]bool{"Mr": true, "Mme": true, "Gen": true, "Inc": false, "Jr": false, "etc": false} {
		if got := IsTitle(w); got != want {
			t.Errorf("IsTitle(%q) = %v, want %v", w, got, want)
		}
	}
}
