package entity

// Targets returns the display form of every search target, best first: the
// candidates Search chooses from. The browser benchmark hands exactly these
// to the JavaScript search libraries it compares with.
func (x *Index) Targets() []string {
	out := make([]string, x.Len())
	for id := range out {
		out[id] = x.displayOf(int32(id))
	}
	return out
}
