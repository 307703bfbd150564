package entity

// V8 runs each call of a wasm function in the code it had when the call
// began: a loop over a whole long article in one call of a function not
// called before runs all of it in the baseline tier (Liftoff), where a
// worker not warmed up spends about twice the optimised code's time. A long
// pass that runs once per build is therefore cut into calls over pieces:
// after the first few, the pieces run optimised.

// loopPiece is how many items one call of inPieces' do takes.
const loopPiece = 16 << 10

// inPieces calls do(lo, hi) for 0..n in order, loopPiece items per call. It is
// not inlined, so that do stays a function of its own, called again for
// each piece.
//
//go:noinline
func inPieces(n int, do func(lo, hi int)) {
	for lo := 0; lo < n; lo += loopPiece {
		do(lo, min(lo+loopPiece, n))
	}
}
