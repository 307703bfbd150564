package entity

import "testing"

// TestInPieces: every index of 0..n is passed once, in order, in pieces of
// at most loopPiece.
func TestInPieces(t *testing.T) {
	for _, n := range []int{0, 1, loopPiece - 1, loopPiece, loopPiece + 1, 3*loopPiece + 5} {
		next, calls := 0, 0
		inPieces(n, func(lo, hi int) {
			calls++
			if lo != next || hi <= lo || hi-lo > loopPiece {
				t.Fatalf("n %d: piece %d..%d after %d", n, lo, hi, next)
			}
			next = hi
		})
		if next != n || calls != (n+loopPiece-1)/loopPiece {
			t.Errorf("n %d: %d calls reached %d", n, calls, next)
		}
	}
}
