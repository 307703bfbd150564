package entity

import "testing"

// TestIndexReusesRuns: Build's index, which takes Find's capitalised runs
// where the lexicon kept silent, is NewIndex's, which reads every run
// again, field for field; and some runs are read again (the lexicon spoke)
// while most are taken.
func TestIndexReusesRuns(t *testing.T) {
	texts := splitTexts(t)
	texts = append(texts, "Stephen King met President Herman De Prins in Paris 2000. Council of Monuments and Paris Sites.")
	spoke, taken := 0, 0
	for oi, o := range splitOptions(t) {
		for ti, text := range texts {
			s := NewSplit(text, o)
			for _, r := range s.f.runs.runs {
				if r.lex {
					spoke++
				} else {
					taken++
				}
			}
			ents, x, err := s.Finish()
			if err != nil {
				t.Fatal(err)
			}
			if f := differentField(x, NewIndex(text, ents)); f != "" {
				t.Fatalf("options %d, text %d: index field %s differs from NewIndex's", oi, ti, f)
			}
		}
	}
	if spoke == 0 || taken < 10*spoke {
		t.Fatalf("runs read again %d, taken %d", spoke, taken)
	}
}
