package entity

// mentionTok is where one mention of an entity lies in the token list:
// tokenAt of its start and tokenEnding of its end, with their answers.
type mentionTok struct {
	a, b     int32 // as tokenAt and tokenEnding return them, also when not found
	okA, okB bool
}

// mentionToks returns where each mention of e lies in the tokens, worked
// out once for the entity being typed: each of its clues (the acronym's
// shape, the context before and after, the side in a match, the dateline)
// read every mention again, two searches of the token list each time.
// The answers are tokenAt's and tokenEnding's; typeEntity forgets them.
func (f *finder) mentionToks(e *Entity) []mentionTok {
	if len(e.Mentions) == 0 {
		return nil
	}
	if f.mtOf == &e.Mentions[0] && len(f.mt) == len(e.Mentions) {
		return f.mt
	}
	f.mt = f.mt[:0]
	for _, m := range e.Mentions {
		a, okA := f.tokenAt(m.Start)
		b, okB := f.tokenEnding(m.End)
		f.mt = append(f.mt, mentionTok{int32(a), int32(b), okA, okB})
	}
	f.mtOf = &e.Mentions[0]
	return f.mt
}
