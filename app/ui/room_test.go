package ui

import "testing"

// The storage line never says there is room for "about 0 more articles".
func TestRoomFor(t *testing.T) {
	for n, want := range map[int]string{
		0:    "not enough room for another article this size",
		1:    "room for about one more article like these",
		2:    "room for about 2 more articles like these",
		1500: "room for about 1,500 more articles like these",
	} {
		if got := roomFor(n); got != want {
			t.Errorf("roomFor(%d) = %q, want %q", n, got, want)
		}
	}
}
