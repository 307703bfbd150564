package entity

// Targets returns the display form of every search target, best first: the
// candidates Search chooses from. The browser benchmark hands exactly these
// to the JavaScript search libraries it compares with. Do not modify.
func (x *Index) Targets() []string { return x.display }
