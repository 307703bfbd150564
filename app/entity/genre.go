package entity

// readsAs reports whether the text reads as one kind of news by its
// vocabulary: at least min of its lower-case words, distinct of them
// different, are on the word list fl stands for, and they make one word in two hundred. Words
// written capitalised mid-sentence are names, not vocabulary.
//
// The words are counted once per finder (vocabulary) and each distinct one
// is looked up once: each kind of news asked about used to look up every
// token of the text in its list.
func (f *finder) readsAs(fl listFlag, min, distinct int) bool {
	hits, seen := 0, 0
	for id, n := range f.vocabulary() {
		step(id)
		if n > 0 && f.idOn(int32(id), fl) {
			hits += int(n)
			seen++
		}
	}
	return hits >= min && seen >= distinct && hits*200 >= len(f.toks)
}

// vocabulary counts, per interned word, the text's tokens readsAs reads:
// all but those capitalised mid-sentence.
func (f *finder) vocabulary() []int32 {
	if f.vocab != nil {
		return f.vocab
	}
	read := func(i int) bool { return !f.toks[i].cap || f.toks[i].initial }
	top := int32(0)
	for i := range f.toks {
		step(i)
		if read(i) {
			top = max(top, f.id(i))
		}
	}
	f.vocab = make([]int32, top+1)
	for i := range f.toks {
		step(i)
		if read(i) {
			f.vocab[f.id(i)]++ // the id is remembered per token: no second fold
		}
	}
	return f.vocab
}
