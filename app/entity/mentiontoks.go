package entity

import (
	"unsafe"

	gtext "gloss/app/text"
)

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
	known := f.knownMentionToks(e.Mentions)
	for k, m := range e.Mentions {
		if known != nil && known[k].a >= 0 {
			f.mt = append(f.mt, known[k])
			continue
		}
		a, okA := f.tokenAt(m.Start)
		b, okB := f.tokenEnding(m.End)
		f.mt = append(f.mt, mentionTok{int32(a), int32(b), okA, okB})
	}
	f.mtOf = &e.Mentions[0]
	return f.mt
}

// mentionStart is tokenAt(ms[k].Start), read from known (ms's
// knownMentionToks) where group recorded it rather than searched for.
func (f *finder) mentionStart(ms []gtext.Span, known []mentionTok, k int) (int, bool) {
	if known != nil && known[k].a >= 0 {
		return int(known[k].a), known[k].okA
	}
	return f.tokenAt(ms[k].Start)
}

// mentionEnd is tokenEnding(ms[k].End), as mentionStart.
func (f *finder) mentionEnd(ms []gtext.Span, known []mentionTok, k int) (int, bool) {
	if known != nil && known[k].a >= 0 {
		return int(known[k].b), known[k].okB
	}
	return f.tokenEnding(ms[k].End)
}

// knownMentionToks returns what group recorded of where ms, an entity's
// Mentions, lie in the tokens, or nil when ms is not a piece of the array
// group cut them from (a merged entity's are a new slice).
func (f *finder) knownMentionToks(ms []gtext.Span) []mentionTok {
	if len(ms) == 0 || len(f.flat) == 0 {
		return nil
	}
	base, p := uintptr(unsafe.Pointer(unsafe.SliceData(f.flat))), uintptr(unsafe.Pointer(unsafe.SliceData(ms)))
	size := unsafe.Sizeof(gtext.Span{})
	if p < base || (p-base)%size != 0 {
		return nil
	}
	off := int((p - base) / size)
	if off+len(ms) > len(f.flat) {
		return nil
	}
	return f.flatTok[off : off+len(ms)]
}
