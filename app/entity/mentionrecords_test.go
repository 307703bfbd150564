package entity

import (
	"testing"

	"gloss/web"
)

// TestMentionRecords: where group recorded a mention's tokens,
// mentionStart and mentionEnd read the answers tokenAt and tokenEnding
// search for, and where it did not (an acronym merged into its name)
// they search; on articles with acronyms defined in parentheses and on
// the sample articles.
func TestMentionRecords(t *testing.T) {
	lex, err := ParseLexicon(web.Lexicon)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"The Islamic State (IS) claimed it. IS fighters and the Islamic State's leaders left. Later IS returned.",
		"El Partido Socialista Obrero Español (PSOE) ganó. El PSOE y el Partido Popular (PP) hablaron con Pedro Sánchez.",
		SampleArticle(100<<10, 1), SampleArticle(100<<10, 2),
	}
	recorded, searched := 0, 0
	for _, text := range texts {
		s := NewSplit(text, Options{Lexicon: lex})
		f := s.f
		for _, e := range s.ents {
			known := f.knownMentionToks(e.Mentions)
			for k, m := range e.Mentions {
				if known != nil && known[k].a >= 0 {
					recorded++
				} else {
					searched++
				}
				a, okA := f.tokenAt(m.Start)
				b, okB := f.tokenEnding(m.End)
				if ga, gok := f.mentionStart(e.Mentions, known, k); ga != a || gok != okA {
					t.Fatalf("%s, mention %d: start token %d %v, searched %d %v", e.Name, k, ga, gok, a, okA)
				}
				if gb, gok := f.mentionEnd(e.Mentions, known, k); gb != b || gok != okB {
					t.Fatalf("%s, mention %d: end token %d %v, searched %d %v", e.Name, k, gb, gok, b, okB)
				}
			}
		}
	}
	if recorded == 0 || searched == 0 {
		t.Errorf("%d mentions recorded, %d searched: both cases wanted", recorded, searched)
	}
}
