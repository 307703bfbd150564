package entity

// readsAs reports whether the text reads as one kind of news by its
// vocabulary: at least min of its lower-case words, distinct of them
// different, are in words, and they make one word in two hundred. Words
// written capitalised mid-sentence are names, not vocabulary.
func (f *finder) readsAs(words wordSet, min, distinct int) bool {
	hits := 0
	seen := map[string]bool{}
	for i := range f.toks {
		if f.toks[i].cap && !f.toks[i].initial {
			continue
		}
		if w := f.fold(i); words.has(w) {
			hits++
			seen[w] = true
		}
	}
	return hits >= min && len(seen) >= distinct && hits*200 >= len(f.toks)
}
